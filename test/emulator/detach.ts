/**
 * Running the emulator in the background of a pipeline job: `--detach` starts it as a process
 * of its own, waits until it listens, prints its URL and returns; `stop` ends it with SIGTERM
 * (which writes the data file) and waits until it is gone.
 */
import { spawn } from "node:child_process";
import { openSync, readFileSync, rmSync, writeFileSync } from "node:fs";

/** What the background process sends its starter once it listens. */
interface ReadyMessage {
  url: string;
}

/**
 * Starts this command line again as a detached process (without `--detach`) and resolves with
 * its URL once it listens.
 * @param args - the command-line arguments for the background process
 * @param pidFile - where its process id is written (for `stop`)
 * @param logFile - where its output goes; none discards it
 * @throws Error with the reason when the background process exits before listening
 */
export async function startDetached(args: string[], pidFile: string, logFile?: string): Promise<string> {
  const output = logFile ? openSync(logFile, "a") : "ignore";
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args], {
    detached: true,
    stdio: ["ignore", output, output, "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: ReadyMessage) => resolve(message.url));
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(
        new Error(`the emulator exited with code ${code} before listening${logFile ? `; see ${logFile}` : " (add --log-file to see why)"}`),
      ),
    );
  });
  writeFileSync(pidFile, `${child.pid}\n`);
  child.removeAllListeners("exit");
  child.disconnect();
  child.unref();
  return url;
}

/**
 * Tells the starter (when there is one) that the emulator listens, then lets it go.
 * @param url - the emulator's base URL
 */
export function reportReady(url: string): void {
  if (!process.send) return;
  process.send({ url } satisfies ReadyMessage);
  process.disconnect();
}

/**
 * Stops a detached emulator: SIGTERM, then waits for it to write its data file and exit.
 * @param pidFile - the file `--detach` wrote
 * @param timeoutMs - how long to wait before giving up
 * @returns false when no emulator was running under that pid
 * @throws Error when the process is still alive after `timeoutMs`
 */
export async function stopDetached(pidFile: string, timeoutMs = 15_000): Promise<boolean> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8").trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${pidFile} does not hold a process id`);
  if (!isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`the emulator (pid ${pid}) did not stop within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  rmSync(pidFile, { force: true });
  return true;
}

/** True while a process with this id exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
