/**
 * What every engine end-to-end test needs: an emulator in the test process, a throwaway state
 * folder under the repository (the provider process finds its packages by walking up to the
 * root node_modules), stacks of the examples through the real engine, and the calls another
 * administrator would make behind Pulumi's back.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ADMIN_UIN, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type EmulatorOptions, startEmulator, type RunningEmulator } from "../emulator";
import { orgClient, tagClient } from "../emulator/fixtures";
import { openStack, REPO_ROOT, type EngineStack, type StackSettings } from "../../scripts/lib/engine";
import { callsSince } from "../support/emulatorState";

// The out-of-band SDK clients in this process talk to the local emulator directly: test/setup.ts
// cleared the proxy variables for every test file.

/** Actions that change a member; a no-op `up` must send none of them. */
export const MUTATING_ACTIONS = [
  "CreateOrganizationMember",
  "UpdateOrganizationMember",
  "MoveOrganizationNodeMembers",
  "ModifyResourceTags",
  "DeleteAccount",
  "DeleteOrganizationMembers",
  "CreateOrganizationMemberAuthIdentity",
  "DeleteOrganizationMemberAuthIdentity",
] as const;

/** One test file's world: an emulator and a state folder, removed by `close()`. */
export interface EngineHarness {
  emulator: RunningEmulator;
  stateRoot: string;
  /** Opens a stack of `program` whose provider talks to this emulator with the default key pair. */
  open(program: string, options?: Partial<Pick<StackSettings, "stackName" | "projectName" | "config" | "env">>): Promise<EngineStack>;
  /** Writes a members file for the pipeline example and returns its path. */
  writeMembersFile(name: string, members: PipelineMember[]): string;
  /** Calls per action since `before` (a `counters()` snapshot). */
  callsSince(before: Record<string, number>): Record<string, number>;
  /** Another administrator's SDK clients, signed with the emulator's key pair. */
  outOfBand: OutOfBand;
  close(): Promise<void>;
}

/** A member entry of the pipeline example's data file. */
export interface PipelineMember {
  key: string;
  name: string;
  nodeId: number;
  permissionIds: number[];
  accountName?: string;
  tags?: Record<string, string>;
  deletionPolicy?: "retain" | "removeFromOrganization" | "deleteAccount";
}

/** Starts an emulator and prepares a state folder for one test file. */
/** An emulator (with `emulatorOptions`) and stacks of `label` against it. */
export async function startEngineHarness(label: string, emulatorOptions: EmulatorOptions = {}): Promise<EngineHarness> {
  const emulator = await startEmulator(emulatorOptions);
  const stateRoot = join(REPO_ROOT, ".pulumi-state", "e2e", `${label}-${process.pid}-${Date.now()}`);
  mkdirSync(stateRoot, { recursive: true });
  return {
    emulator,
    stateRoot,
    open: (program, options = {}) =>
      openStack({
        program,
        projectName: options.projectName ?? `e2e-${label}`,
        stackName: options.stackName ?? "dev",
        stateDir: join(stateRoot, options.stackName ?? "dev"),
        target: { endpointUrl: emulator.url, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
        ...(options.config ? { config: options.config } : {}),
        ...(options.env ? { env: options.env } : {}),
      }),
    writeMembersFile(name, members) {
      const path = join(stateRoot, `${name}.json`);
      writeFileSync(path, JSON.stringify({ members }, null, 2));
      return path;
    },
    callsSince: (before) => callsSince(emulator, before),
    outOfBand: outOfBandClients(emulator),
    async close() {
      await emulator.close();
      rmSync(stateRoot, { recursive: true, force: true });
    },
  };
}

/** Changes another administrator makes in the console or with the SDK, not through Pulumi. */
export interface OutOfBand {
  rename(memberUin: number, name: string): Promise<void>;
  setPermissions(memberUin: number, permissionIds: number[]): Promise<void>;
  setTags(memberUin: number, replace: Record<string, string>, remove?: string[]): Promise<void>;
  move(memberUin: number, nodeId: number): Promise<void>;
  deleteAccount(memberUin: number): Promise<void>;
  removeFromOrganization(memberUin: number): Promise<void>;
}

function outOfBandClients(emulator: RunningEmulator): OutOfBand {
  const org = orgClient(emulator, { reqTimeout: 10 });
  const tags = tagClient(emulator, { reqTimeout: 10 });
  const member = (memberUin: number) => {
    const found = emulator.admin.members().find((m) => m.memberUin === memberUin);
    if (!found) throw new Error(`no member ${memberUin} in the emulator`);
    return found;
  };
  // UpdateOrganizationMember sets every field it is given; send the current values of the others.
  const update = async (memberUin: number, fields: { Name?: string; PermissionIds?: number[] }) => {
    const current = member(memberUin);
    await org.UpdateOrganizationMember({
      MemberUin: memberUin,
      Name: fields.Name ?? current.name,
      PolicyType: "Financial",
      PermissionIds: fields.PermissionIds ?? current.permissionIds,
    });
  };
  return {
    rename: (memberUin, name) => update(memberUin, { Name: name }),
    setPermissions: (memberUin, permissionIds) => update(memberUin, { PermissionIds: permissionIds }),
    async setTags(memberUin, replace, remove = []) {
      await tags.ModifyResourceTags({
        Resource: `qcs::organization::uin/${ADMIN_UIN}:member/${memberUin}`,
        // Tencent refuses an empty list: a list is sent only when it holds something.
        ...(Object.keys(replace).length > 0
          ? { ReplaceTags: Object.entries(replace).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) }
          : {}),
        ...(remove.length > 0 ? { DeleteTags: remove.map((TagKey) => ({ TagKey })) } : {}),
      });
    },
    async move(memberUin, nodeId) {
      await org.MoveOrganizationNodeMembers({ NodeId: nodeId, MemberUin: [memberUin] });
    },
    async deleteAccount(memberUin) {
      await org.DeleteAccount({ MemberUin: memberUin });
    },
    async removeFromOrganization(memberUin) {
      await org.DeleteOrganizationMembers({ MemberUin: [memberUin] });
    },
  };
}

/** Emulator members by name, for assertions. */
export function membersByName(emulator: RunningEmulator) {
  return new Map(emulator.admin.members().map((m) => [m.name, m]));
}

/** The CLI output of a failed operation (the Automation API puts it in the error message). */
export async function engineFailureOf(operation: Promise<unknown>): Promise<string> {
  try {
    await operation;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected the operation to fail, but it succeeded");
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** `pid` and every process below it (the engine starts its provider plugin in a process group of its own). */
function treeOf(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(treeOf)];
}

/**
 * Runs `pulumi <operation>` (default `up`) of `program` in its own process tree (scripts/stack.ts,
 * two resource operations at a time, `action` answering after 1.5 s), SIGKILLs the tree once
 * `action` has reached the emulator twice — some resources done, some in flight, some not started —
 * and waits until the calls the emulator had already received complete, as Tencent's would. Returns
 * how many `action` calls had arrived when it killed (the caller asserts at least 2: a minute may pass first).
 */
export async function killMidway(
  h: EngineHarness,
  run: {
    program: string;
    project: string;
    stateDir: string;
    action: string;
    config?: Record<string, string>;
    operation?: "up" | "destroy";
    /** The stack's name (default `dev`, as `h.open` names it). */
    stack?: string;
    /** More environment for the killed run (PULUMI_SKIP_CHECKPOINTS, say). */
    env?: Record<string, string>;
  },
): Promise<number> {
  // Counted from now: a stack that ran before in this emulator has reached `action` already.
  const count = () => h.emulator.admin.counters()[run.action] ?? 0;
  const before = count();
  const calls = () => count() - before;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  h.emulator.admin.setLatency(1500, run.action);
  const config = Object.entries(run.config ?? {}).flatMap(([key, value]) => ["--config", `${key}=${value}`]);
  const child = spawn(
    "npx",
    [
      "tsx",
      "scripts/stack.ts",
      run.operation ?? "up",
      "--program",
      run.program,
      "--project",
      run.project,
      "--state-dir",
      run.stateDir,
      "--stack",
      run.stack ?? "dev",
      "--endpoint",
      h.emulator.url,
      ...config,
    ],
    { cwd: REPO_ROOT, detached: true, stdio: "ignore", env: { ...process.env, PULUMI_PARALLEL: "2", ...run.env } },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 60_000;
  while (calls() < 2 && Date.now() < deadline) await sleep(100);
  const reached = calls();
  killProcessTree(child.pid!);
  await exited;
  await sleep(2000);
  h.emulator.admin.setLatency(0, run.action);
  return reached;
}

/** SIGKILLs `pid` and every process below it, as a crash or `kill -9` of a CI job would. */
export function killProcessTree(pid: number): void {
  for (const each of treeOf(pid)) {
    try {
      process.kill(each, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
