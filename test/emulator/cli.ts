/**
 * Runs the emulator in the foreground:
 *
 *   npm run emulator -- --port 8787 [--host 127.0.0.1] [--data-file path] [--rate-limit 20]
 *                       [--latency-ms 0] [--seed-members M] [--deregister-pending N] [--member-limit 5000]
 *                       [--node-limit 1000] [--node-depth-limit 5] [--tag-value-quota 1000] [--tag-key-quota 1000]
 *                       [--allowed-actions organization:CreateOrganizationMember,tag:ModifyResourceTags] [--strict-service-scope]
 *
 * Credentials come from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_SESSION_TOKEN),
 * else the documented defaults. SIGINT/SIGTERM close it cleanly (writing the data file if set).
 */
import { parseArgs } from "node:util";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorOptions } from "./index";

const USAGE =
  "usage: npm run emulator -- [--port 8787] [--host 127.0.0.1] [--data-file path] [--rate-limit 20] [--latency-ms 0] [--seed-members M] [--deregister-pending N] [--member-limit 5000] [--node-limit 1000] [--node-depth-limit 5] [--tag-value-quota 1000] [--tag-key-quota 1000] [--allowed-actions service:Action,...] [--strict-service-scope]";

function integerFlag(values: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) throw new Error(`--${name} needs a non-negative integer, got ${String(raw)}`);
  return Number(raw);
}

/** Parses the command line and the credential environment into emulator options. */
export function optionsFromCommandLine(argv: string[], env: NodeJS.ProcessEnv): EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-file": { type: "string" },
      "rate-limit": { type: "string" },
      "latency-ms": { type: "string" },
      "seed-members": { type: "string" },
      "deregister-pending": { type: "string" },
      "member-limit": { type: "string" },
      "node-limit": { type: "string" },
      "node-depth-limit": { type: "string" },
      "tag-value-quota": { type: "string" },
      "tag-key-quota": { type: "string" },
      "allowed-actions": { type: "string" },
      "strict-service-scope": { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const secretId = env.TENCENTCLOUD_SECRET_ID;
  const secretKey = env.TENCENTCLOUD_SECRET_KEY;
  const token = env.TENCENTCLOUD_SESSION_TOKEN;
  return {
    port: integerFlag(values, "port") ?? 8787,
    host: values.host,
    dataFile: values["data-file"],
    rateLimitPerSecond: integerFlag(values, "rate-limit"),
    latencyMs: integerFlag(values, "latency-ms"),
    seedMembers: integerFlag(values, "seed-members"),
    deregisterPendingCalls: integerFlag(values, "deregister-pending"),
    memberLimit: integerFlag(values, "member-limit"),
    nodeLimit: integerFlag(values, "node-limit"),
    nodeDepthLimit: integerFlag(values, "node-depth-limit"),
    tagValueQuota: integerFlag(values, "tag-value-quota"),
    tagKeyQuota: integerFlag(values, "tag-key-quota"),
    ...(values["strict-service-scope"] ? { endpointRouteScope: false } : {}),
    credentials: [
      {
        ...(secretId && secretKey ? { secretId, secretKey, ...(token ? { token } : {}) } : { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
        ...(typeof values["allowed-actions"] === "string"
          ? { allowedActions: values["allowed-actions"].split(",").map((a) => a.trim()).filter((a) => a !== "") }
          : {}),
      },
    ],
  };
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = optionsFromCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
  console.log(`Tencent Cloud emulator listening on ${emulator.url}`);
  const stop = (signal: string): void => {
    emulator.close().then(
      () => {
        console.log(`Tencent Cloud emulator stopped (${signal})`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error("failed to stop cleanly", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
