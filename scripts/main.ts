/**
 * What `bash scripts/main.sh` runs once everything is built: `pulumi up` of the root program,
 * a drift check, and the department tree the stack manages with the members in each department.
 *
 * Target, in order: TENCENTCLOUD_ENDPOINT_URL set → that emulator; TENCENTCLOUD_SECRET_ID set →
 * Tencent Cloud, with the key pair read from the environment by the provider (never written
 * to the stack config); neither → a local emulator started for this run, its data kept beside
 * the stack state so that a second run finds the members of the first.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../test/emulator";
import { openStack, REPO_ROOT, type Target } from "./lib/engine";
import { clearProxyVariables } from "./lib/proxy";

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
    options: { fresh: { type: "boolean", default: false }, config: { type: "string", multiple: true, default: [] } },
  });
  const cloud = Boolean(process.env.TENCENTCLOUD_SECRET_ID?.trim()) && !process.env.TENCENTCLOUD_ENDPOINT_URL?.trim();
  const stateDir = join(REPO_ROOT, ".pulumi-state", "main", cloud ? "tencentcloud" : "emulator");
  if (values.fresh) {
    if (cloud) throw new Error("--fresh would forget members that exist in Tencent Cloud; it only applies to emulator runs");
    rmSync(stateDir, { recursive: true, force: true });
  }

  clearProxyVariables();
  const resolved = await resolveTarget(stateDir);
  console.log(`Target: ${resolved.description}`);
  console.log(`State:  ${relative(stateDir)} (file backend)\n`);

  try {
    const stack = await openStack({
      program: "examples/basic",
      projectName: rootProjectName(),
      stackName: "dev",
      stateDir,
      target: resolved.target,
      config: Object.fromEntries(values.config.map(splitPair)),
    });
    const onOutput = (out: string) => process.stdout.write(out);

    console.log("--- pulumi up");
    const up = await stack.up({ diff: false, onOutput });

    console.log("\n--- drift check: pulumi preview --refresh --expect-no-changes");
    await stack.preview({ refresh: true, expectNoChanges: true, diff: false, onOutput: () => undefined });
    console.log("No drift: every department and member matches the program.\n");

    printTree(up.outputs);
  } finally {
    await resolved.emulator?.close();
  }
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
 *   ├── Product (100004)  team=product
 *   │   └── Platform (100007)  team=platform
 *   │       · platform-ci  100000100002  permissions 1,2,8  env=prod team=platform
 */
function printTree(outputs: OutputMap): void {
  const root = outputs.rootNode?.value as { nodeId: number; name: string } | undefined;
  const departments = Object.values((outputs.departments?.value ?? {}) as Record<string, DepartmentRow>);
  const members = Object.values((outputs.members?.value ?? {}) as Record<string, MemberRow>);
  const childrenOf = (nodeId: number) => departments.filter((d) => d.parentNodeId === nodeId).sort((a, b) => a.name.localeCompare(b.name));
  const membersOf = (nodeId: number) => members.filter((m) => m.nodeId === nodeId).sort((a, b) => a.name.localeCompare(b.name));
  const lines: string[] = [];
  const walk = (nodeId: number, indent: string): void => {
    for (const member of membersOf(nodeId)) {
      lines.push(`${indent}· ${member.name}  ${member.memberUin}  permissions ${member.permissionIds.join(",")}  ${tagText(member.tags)}`.trimEnd());
    }
    const children = childrenOf(nodeId);
    children.forEach((child, i) => {
      const last = i === children.length - 1;
      lines.push(`${indent}${last ? "└── " : "├── "}${child.name} (${child.nodeId})  ${tagText(child.tags)}`.trimEnd());
      walk(child.nodeId, indent + (last ? "    " : "│   "));
    });
  };
  console.log(`Departments and members managed by this stack (${departments.length} departments, ${members.length} members):`);
  const rootId = root?.nodeId ?? 0;
  lines.push(`${root?.name ?? "Root"} (${rootId})`);
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
