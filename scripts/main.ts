/**
 * What `bash scripts/main.sh` runs once everything is built: `pulumi up` of the root program,
 * a drift check, and the department tree the stack manages with the members in each department.
 *
 * Target, in order: TENCENTCLOUD_ENDPOINT_URL set → that emulator; TENCENTCLOUD_SECRET_ID set →
 * Tencent Cloud, with the key pair read from the environment by the provider (never written
 * to the stack config); neither → a local emulator started for this run, its data kept beside
 * the stack state so that a second run finds the members of the first.
 *
 * A stack left locked by a killed run of this script is recognised before `up`: the script says
 * so and what to run (`--recover`: `pulumi cancel`, `pulumi refresh --clear-pending-creates`,
 * then `pulumi up`). A lock held by a process that still runs is never broken. So is a run killed
 * while the file backend wrote its checkpoint, which can leave the checkpoint's sidecar
 * (`dev.json.attrs`) empty: `--recover` removes that empty file first (scripts/lib/checkpoint.ts),
 * and never touches a checkpoint or a sidecar that holds anything.
 *
 * The drift check is the package's own report: `pulumi preview --refresh --json` read by the
 * `tencentcloud-organization-drift` command (a table here, Markdown in $GITHUB_STEP_SUMMARY).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../test/emulator";
import { openStack, REPO_ROOT, type Target } from "./lib/engine";
import { clearProxyVariables } from "./lib/proxy";
import { emptyCheckpointSidecars, removeEmptySidecars } from "./lib/checkpoint";
import { lockAdvice, stackLocks } from "./lib/locks";

/** Exit codes: drift found, and a stack that must be repaired (or waited for) first. */
const EXIT_DRIFT = 1;
const EXIT_LOCKED = 3;

/** Where the run sends its calls, said in words. */
interface ResolvedTarget {
  kind: "emulator" | "tencentcloud";
  description: string;
  target: Target;
  emulator?: RunningEmulator;
}

async function resolveTarget(stateDir: string): Promise<ResolvedTarget> {
  const endpointUrl = process.env.TENCENTCLOUD_ENDPOINT_URL?.trim();
  const secretId = process.env.TENCENTCLOUD_SECRET_ID?.trim();
  const secretKey = process.env.TENCENTCLOUD_SECRET_KEY?.trim();
  if (endpointUrl) {
    return {
      kind: "emulator",
      description: `the emulator at ${endpointUrl} (TENCENTCLOUD_ENDPOINT_URL)`,
      target: { endpointUrl, secretId: secretId || DEFAULT_SECRET_ID, secretKey: secretKey || DEFAULT_SECRET_KEY },
    };
  }
  if (secretId) {
    if (!secretKey) throw new Error("TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not: set both to use Tencent Cloud");
    return {
      kind: "tencentcloud",
      description: `Tencent Cloud, as ${mask(secretId)} (TENCENTCLOUD_SECRET_ID; region ${process.env.TENCENTCLOUD_REGION ?? "ap-guangzhou"})`,
      target: {}, // the provider reads the key pair from the environment
    };
  }
  const dataFile = join(stateDir, "emulator-data.json");
  mkdirSync(stateDir, { recursive: true });
  const emulator = await startEmulator({ dataFile });
  return {
    kind: "emulator",
    description: `a local emulator at ${emulator.url}, started for this run (data: ${relative(dataFile)})`,
    target: { endpointUrl: emulator.url, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    emulator,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fresh: { type: "boolean", default: false },
      recover: { type: "boolean", default: false },
      config: { type: "string", multiple: true, default: [] },
    },
  });
  const cloud = Boolean(process.env.TENCENTCLOUD_SECRET_ID?.trim()) && !process.env.TENCENTCLOUD_ENDPOINT_URL?.trim();
  const stateDir = join(REPO_ROOT, ".pulumi-state", "main", cloud ? "tencentcloud" : "emulator");
  if (values.fresh) {
    if (cloud) throw new Error("--fresh would forget members that exist in Tencent Cloud; it only applies to emulator runs");
    rmSync(stateDir, { recursive: true, force: true });
  }

  clearProxyVariables();
  const projectName = rootProjectName();
  const sidecars = emptyCheckpointSidecars(join(stateDir, "backend"), projectName, "dev");
  if (sidecars.length > 0 && !values.recover) {
    console.error(
      [
        `The stack's checkpoint has an empty sidecar (${sidecars.map(relative).join(", ")}): a run was killed while the file backend`,
        "wrote it, and every pulumi command fails with `failed to load checkpoint: EOF` until it is removed.",
        "Repair it, then run again (see docs/guides/recovery.md):",
        "  bash scripts/main.sh --recover",
      ].join("\n"),
    );
    process.exit(EXIT_LOCKED);
  }
  if (values.recover) {
    for (const removed of removeEmptySidecars(sidecars)) console.log(`--- removed the empty checkpoint sidecar ${relative(removed)}`);
  }
  const locks = stackLocks(join(stateDir, "backend"), projectName, "dev");
  const advice = lockAdvice(locks, `bash scripts/main.sh --recover${cloud ? "" : " (same environment as this run)"}`);
  if (advice && (!values.recover || locks.some((lock) => lock.holder === "alive"))) {
    console.error(advice);
    process.exit(EXIT_LOCKED);
  }
  const resolved = await resolveTarget(stateDir);
  console.log(`Target: ${resolved.description}`);
  console.log(`State:  ${relative(stateDir)} (file backend)\n`);

  try {
    const stack = await openStack({
      program: "examples/basic",
      projectName,
      stackName: "dev",
      stateDir,
      target: resolved.target,
      config: Object.fromEntries(values.config.map(splitPair)),
    });
    const onOutput = (out: string) => process.stdout.write(out);

    if (values.recover && advice) {
      console.log("--- pulumi cancel (the lock of the killed run)");
      await stack.cancel();
      console.log("--- pulumi refresh --clear-pending-creates --run-program");
      // --run-program: this run's emulator listens on a new port, and a refresh that does not run
      // the program reads the provider config (the endpoint) of the killed run from the state.
      await stack.refresh({ clearPendingCreates: true, runProgram: true, onOutput });
    }

    console.log("--- pulumi up");
    const up = await stack.up({ diff: false, onOutput });

    console.log("\n--- drift check: pulumi preview --refresh --json | tencentcloud-organization-drift");
    const previewFile = join(stateDir, "preview.json");
    writeFileSync(previewFile, await stack.previewJson({ refresh: true }));
    const drift = spawnSync(process.execPath, [packageBin("tencentcloud-organization-drift"), previewFile], { stdio: "inherit" });

    // Set-level drift a per-resource refresh never shows: members and departments no stack manages
    // (this stack's state, and the ownership marker of objects other stacks created). Informational:
    // the emulator's seed departments are always listed, and the exit code stays the drift check's.
    console.log("\n--- what no stack manages: pulumi stack export | tencentcloud-organization unmanaged");
    const stateFile = join(stateDir, "dev.stack.json");
    writeFileSync(stateFile, JSON.stringify(await stack.exportStack()));
    const { endpointUrl, secretId, secretKey } = resolved.target;
    // Not spawnSync: the emulator of this run answers from this very process.
    await runCommand(process.execPath, [packageBin("tencentcloud-organization"), "unmanaged", "--state", stateFile], {
      ...process.env,
      ...(endpointUrl ? { TENCENTCLOUD_ENDPOINT_URL: endpointUrl } : {}),
      ...(secretId && secretKey ? { TENCENTCLOUD_SECRET_ID: secretId, TENCENTCLOUD_SECRET_KEY: secretKey } : {}),
    });
    console.log();
    printTree(up.outputs);
    if (drift.status !== 0) process.exitCode = drift.status ?? EXIT_DRIFT;
  } finally {
    await resolved.emulator?.close();
  }
}

/** Runs a command with its output on ours, without blocking this process's event loop; resolves to its exit code. */
function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.once("error", reject);
    child.once("close", resolve);
  });
}

/** A command as the installed package provides it (its `bin`). */
function packageBin(name: string): string {
  const manifest = require.resolve("pulumi-tencentcloud-organization/package.json", { paths: [REPO_ROOT] });
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> };
  return join(dirname(manifest), bin[name]);
}

/** The root Pulumi.yaml's `name`, so the stack is the root project's. */
function rootProjectName(): string {
  const text = readFileSync(join(REPO_ROOT, "Pulumi.yaml"), "utf8");
  const name = /^name:\s*(\S+)\s*$/m.exec(text)?.[1];
  if (!name) throw new Error("Pulumi.yaml has no name");
  return name;
}

interface MemberRow {
  memberUin: number;
  name: string;
  nodeId: number;
  permissionIds: number[];
  tags: Record<string, string>;
}

interface DepartmentRow {
  nodeId: number;
  name: string;
  parentNodeId: number;
  tags: Record<string, string>;
}

interface PolicyRow {
  policyId: number;
  name: string;
  type: "SERVICE_CONTROL_POLICY" | "TAG_POLICY";
  /** The department it is attached to. */
  targetId: number;
}

/** `k=v k=v`, in key order. */
function tagText(tags: Record<string, string> | undefined): string {
  return Object.entries(tags ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
}

/**
 * The stack's departments as a tree under the root, each with its members:
 *
 *   Root (100000)
 *   ├── Product (100004)  team=product  [tag policy require_cost_center]
 *   │   └── Platform (100007)  team=platform
 *   │       · platform-ci  100000100002  permissions 1,2,8  env=prod team=platform
 */
function printTree(outputs: OutputMap): void {
  const root = outputs.rootNode?.value as { nodeId: number; name: string } | undefined;
  const departments = Object.values((outputs.departments?.value ?? {}) as Record<string, DepartmentRow>);
  const members = Object.values((outputs.members?.value ?? {}) as Record<string, MemberRow>);
  const policies = Object.values((outputs.policies?.value ?? {}) as Record<string, PolicyRow>);
  // The policies attached to a department, as `[service control policy a, tag policy b]`.
  const policiesOn = (nodeId: number) => {
    const names = policies
      .filter((p) => p.targetId === nodeId)
      .map((p) => `${p.type === "TAG_POLICY" ? "tag policy" : "service control policy"} ${p.name}`)
      .sort();
    return names.length > 0 ? `[${names.join(", ")}]` : "";
  };
  const childrenOf = (nodeId: number) => departments.filter((d) => d.parentNodeId === nodeId).sort((a, b) => a.name.localeCompare(b.name));
  const membersOf = (nodeId: number) => members.filter((m) => m.nodeId === nodeId).sort((a, b) => a.name.localeCompare(b.name));
  const lines: string[] = [];
  const walk = (nodeId: number, indent: string): void => {
    for (const member of membersOf(nodeId)) {
      lines.push(
        `${indent}· ${member.name}  ${member.memberUin}  permissions ${member.permissionIds.join(",")}  ${tagText(member.tags)}`.trimEnd(),
      );
    }
    const children = childrenOf(nodeId);
    children.forEach((child, i) => {
      const last = i === children.length - 1;
      lines.push(
        `${indent}${last ? "└── " : "├── "}${child.name} (${child.nodeId})  ${[tagText(child.tags), policiesOn(child.nodeId)].filter(Boolean).join("  ")}`.trimEnd(),
      );
      walk(child.nodeId, indent + (last ? "    " : "│   "));
    });
  };
  console.log(
    `Departments, members and policies managed by this stack (${departments.length} departments, ${members.length} members, ${policies.length} policies):`,
  );
  const rootId = root?.nodeId ?? 0;
  lines.push(`${root?.name ?? "Root"} (${rootId})  ${policiesOn(rootId)}`.trimEnd());
  walk(rootId, "");
  // Departments whose parent is outside the stack and not the root, and members outside the stack's departments.
  const shown = new Set([rootId, ...departments.map((d) => d.nodeId)]);
  for (const orphan of departments.filter((d) => !shown.has(d.parentNodeId))) {
    lines.push(`(under department ${orphan.parentNodeId}) ${orphan.name} (${orphan.nodeId})`);
    walk(orphan.nodeId, "    ");
  }
  for (const member of members.filter((m) => !shown.has(m.nodeId))) {
    lines.push(`(in department ${member.nodeId}) · ${member.name}  ${member.memberUin}`);
  }
  for (const line of lines) console.log(line);
}

function splitPair(pair: string): [string, string] {
  const at = pair.indexOf("=");
  if (at < 1) throw new Error(`--config takes key=value, got "${pair}"`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}

function mask(secretId: string): string {
  return secretId.length > 8 ? `${secretId.slice(0, 4)}…${secretId.slice(-4)}` : "****";
}

function relative(path: string): string {
  return path.startsWith(REPO_ROOT) ? path.slice(REPO_ROOT.length + 1) : path;
}

main().catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
