/**
 * Runs one emulator in its own process for the engine benchmark, so its CPU is not charged to
 * the process that hosts the Pulumi program. Options as JSON in argv[2]; prints the URL.
 */
import { startEmulator, type EmulatorOptions } from "../../test/emulator/index";

const options = JSON.parse(process.argv[2] ?? "{}") as EmulatorOptions;
startEmulator(options).then(
  (emulator) => {
    process.stdout.write(`${emulator.url}\n`);
    process.on("SIGTERM", () => void emulator.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
