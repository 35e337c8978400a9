#!/usr/bin/env node
/**
 * Runs the emulator (installed: `npx tencentcloud-organization-emulator`; in the repository:
 * `npm run emulator --`):
 *
 *   tencentcloud-organization-emulator [--port 8787] [--host 127.0.0.1] [--data-file path] [--seed-file org.json]
 *       [--rate-limit 20] [--latency-ms 0] [--seed-members M] [--deregister-pending N] [--member-limit 100]
 *       [--node-limit 1000] [--node-depth-limit 5] [--department-names organization|siblings] [--tag-value-quota 1000] [--tag-key-quota 1000]
 *       [--allowed-actions organization:CreateOrganizationMember,tag:ModifyResourceTags] [--strict-service-scope] [--roles-file roles.json]
 *       [--enable-policy-types SERVICE_CONTROL_POLICY,TAG_POLICY] [--policy-limit 1000] [--tag-policy-limit 100] [--policy-attachment-limit 10]
 *       [--detach --pid-file emulator.pid [--log-file emulator.log]]
 *   tencentcloud-organization-emulator stop --pid-file emulator.pid
 *
 * In the foreground it prints "Tencent Cloud emulator listening on URL"; with --detach it starts
 * in the background, prints the URL alone and returns.
 *
 * Credentials come from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_SESSION_TOKEN),
 * else the documented defaults. SIGINT/SIGTERM close it cleanly (writing the data file if set).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { reportReady, startDetached, stopDetached } from "./detach";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorOptions } from "./index";
import type { PolicyType } from "./model";
import { readSeedFile, SeedFileError } from "./seed-file";
import type { EmulatorRole } from "./sts";

const USAGE = [
  "usage: tencentcloud-organization-emulator [--port 8787] [--host 127.0.0.1] [--data-file path] [--seed-file org.json]",
  "         [--rate-limit 20] [--latency-ms 0] [--seed-members M] [--deregister-pending N] [--member-limit 100]",
  "         [--node-limit 1000] [--node-depth-limit 5] [--department-names organization|siblings] [--tag-value-quota 1000] [--tag-key-quota 1000]",
  "         [--allowed-actions service:Action,...] [--strict-service-scope] [--roles-file roles.json]",
  "         [--enable-policy-types SERVICE_CONTROL_POLICY,TAG_POLICY] [--policy-limit 1000] [--tag-policy-limit 100] [--policy-attachment-limit 10]",
  "         [--detach --pid-file emulator.pid [--log-file emulator.log]]",
  "       tencentcloud-organization-emulator stop --pid-file emulator.pid",
].join("\n");

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
      "department-names": { type: "string" },
      "tag-value-quota": { type: "string" },
      "tag-key-quota": { type: "string" },
      "allowed-actions": { type: "string" },
      "strict-service-scope": { type: "boolean" },
      "enable-policy-types": { type: "string" },
      "policy-limit": { type: "string" },
      "tag-policy-limit": { type: "string" },
      "policy-attachment-limit": { type: "string" },
      "seed-file": { type: "string" },
      "roles-file": { type: "string" },
      detach: { type: "boolean" },
      "pid-file": { type: "string" },
      "log-file": { type: "string" },
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
    ...(values["department-names"] !== undefined ? { departmentNameScope: departmentNameScopeFlag(values["department-names"]) } : {}),
    tagValueQuota: integerFlag(values, "tag-value-quota"),
    tagKeyQuota: integerFlag(values, "tag-key-quota"),
    ...(values["strict-service-scope"] ? { endpointRouteScope: false } : {}),
    ...(typeof values["enable-policy-types"] === "string"
      ? {
          // Checked by resolveOptions (SERVICE_CONTROL_POLICY, TAG_POLICY).
          enabledPolicyTypes: values["enable-policy-types"]
            .split(",")
            .map((t) => t.trim())
            .filter((t) => t !== "") as PolicyType[],
        }
      : {}),
    policyLimit: integerFlag(values, "policy-limit"),
    tagPolicyLimit: integerFlag(values, "tag-policy-limit"),
    policyAttachmentLimit: integerFlag(values, "policy-attachment-limit"),
    // A data file that exists holds the organization already; the seed applies to a fresh start only.
    ...(values["seed-file"] ? { seed: readSeedFile(values["seed-file"]) } : {}),
    ...(values["roles-file"] ? readRolesFile(values["roles-file"]) : {}),
    credentials: [
      {
        ...(secretId && secretKey
          ? { secretId, secretKey, ...(token ? { token } : {}) }
          : { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
        ...(typeof values["allowed-actions"] === "string"
          ? {
              allowedActions: values["allowed-actions"]
                .split(",")
                .map((a) => a.trim())
                .filter((a) => a !== ""),
            }
          : {}),
      },
    ],
  };
}

/** `--detach`, `--pid-file` and `--log-file`, and the arguments without them for the background process. */
function detachRequest(argv: string[]): { detach: boolean; pidFile?: string; logFile?: string; rest: string[] } {
  const request: { detach: boolean; pidFile?: string; logFile?: string; rest: string[] } = { detach: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--detach") request.detach = true;
    else if (flag === "--pid-file") request.pidFile = value();
    else if (flag === "--log-file") request.logFile = value();
    else request.rest.push(argv[i]);
  }
  return request;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "stop") {
    const { pidFile } = detachRequest(argv.slice(1));
    if (!pidFile) usageError("stop needs --pid-file");
    console.log((await stopDetached(pidFile)) ? "Tencent Cloud emulator stopped" : `no emulator was running (${pidFile})`);
    return;
  }
  let options: EmulatorOptions;
  try {
    options = optionsFromCommandLine(argv, process.env);
  } catch (error) {
    if (error instanceof SeedFileError) {
      console.error(error.message);
      process.exit(2);
    }
    usageError(error instanceof Error ? error.message : String(error));
  }
  const detach = detachRequest(argv);
  if (detach.detach) {
    if (!detach.pidFile) usageError("--detach needs --pid-file, so that `stop --pid-file` can end it");
    console.log(await startDetached(detach.rest, detach.pidFile, detach.logFile));
    return;
  }
  const emulator = await startEmulator(options);
  console.log(`Tencent Cloud emulator listening on ${emulator.url}`);
  reportReady(emulator.url);
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

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/** `--department-names`: where a department name must be unique. */
function departmentNameScopeFlag(value: string | boolean | undefined): "organization" | "siblings" {
  if (value === "organization" || value === "siblings") return value;
  throw new Error(`--department-names must be organization or siblings (got ${JSON.stringify(value)})`);
}

/**
 * `--roles-file`: the STS roles and OIDC identity providers to start with, a JSON object
 * `{"roles": [EmulatorRole…], "oidcProviders": ["…"]}` (fields in `sts.ts`; checked when the emulator starts).
 */
function readRolesFile(path: string): { roles?: EmulatorRole[]; oidcProviders?: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`--roles-file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`--roles-file ${path} must be a JSON object {"roles": [...], "oidcProviders": [...]}`);
  }
  const { roles, oidcProviders, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new Error(`--roles-file ${path}: unknown field(s) ${Object.keys(rest).join(", ")}`);
  if (roles !== undefined && !Array.isArray(roles)) throw new Error(`--roles-file ${path}: "roles" must be a list`);
  if (oidcProviders !== undefined && !Array.isArray(oidcProviders)) throw new Error(`--roles-file ${path}: "oidcProviders" must be a list`);
  return { ...(roles ? { roles: roles as EmulatorRole[] } : {}), ...(oidcProviders ? { oidcProviders: oidcProviders as string[] } : {}) };
}
