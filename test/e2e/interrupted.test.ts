/**
 * A `pulumi up` killed while members are being created, then run again, must leave exactly the
 * declared members: no duplicate account, no orphan outside the state.
 *
 * What the engine does after a SIGKILL (seen with CLI v3.274.1, DIY file backend): the stack
 * stays locked (`pulumi cancel` removes the lock); members whose creation had not been
 * checkpointed are recorded as pending CREATE operations ("interrupted while creating"), while
 * Tencent — here the emulator, which finishes requests already received — created them anyway.
 * `pulumi refresh --clear-pending-creates` (the non-interactive way) drops them from the state;
 * the next `up` creates them again, and the provider recognises each account it created earlier
 * by its ownership marker tag instead of making a second one.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stackLocks } from "../../scripts/lib/locks";
import { killMidway, startEngineHarness, type EngineHarness } from "./harness";

const DECLARED = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((key) => ({
  key,
  name: `crash-${key}`,
  nodeId: 100001,
  permissionIds: [1, 2],
}));

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("interrupted");
});
afterAll(async () => h?.close());

describe("an interrupted pulumi up", () => {
  it("leaves exactly the declared members after the stack is repaired and up runs again", async () => {
    const file = h.writeMembersFile("members", DECLARED);
    const stateDir = `${h.stateRoot}/dev`;
    // The first up runs in its own process tree, two creations at a time, so that killing it
    // leaves some members done, some in flight and some not started.
    const reached = await killMidway(h, {
      program: "examples/pipeline",
      project: "e2e-interrupted",
      stateDir,
      action: "CreateOrganizationMember",
      config: { membersFile: file },
    });
    expect(reached, "the first up reached CreateOrganizationMember").toBeGreaterThanOrEqual(2);

    const stack = await h.open("examples/pipeline", { projectName: "e2e-interrupted", config: { membersFile: file } });
    const afterKill = await stack.exportStack();
    const recorded = new Set(afterKill.deployment.resources.map((r: { id?: string }) => r.id).filter(Boolean));
    const orphans = h.emulator.admin.members().filter((m) => !recorded.has(String(m.memberUin)));
    expect(afterKill.deployment.pending_operations?.length ?? 0, "pending creates recorded").toBeGreaterThan(0);
    expect(orphans.length, "accounts created but not in the state").toBeGreaterThan(0);

    // The killed process still holds the stack's lock, and the lock names a process that is gone
    // (what scripts/main.sh checks before it tells the user to repair the stack).
    await expect(stack.up()).rejects.toThrow(/locked/);
    expect(stackLocks(join(stateDir, "backend"), "e2e-interrupted", "dev").map((lock) => lock.holder)).toEqual(["dead"]);

    // The repair of docs/guides/recovery.md, "A cancelled pulumi up", command for command:
    await stack.cancel(); //                              pulumi cancel --yes
    expect(stackLocks(join(stateDir, "backend"), "e2e-interrupted", "dev")).toEqual([]);
    await stack.refresh({ clearPendingCreates: true }); // pulumi refresh --clear-pending-creates --yes --skip-preview
    const up = await stack.up(); //                       pulumi up --yes --skip-preview

    const members = h.emulator.admin.members();
    expect(members.map((m) => m.name).sort()).toEqual(DECLARED.map((m) => m.name).sort());
    const state = await stack.exportStack();
    const ids = state.deployment.resources
      .filter((r: { type: string }) => r.type.endsWith("OrganizationMember"))
      .map((r: { id: string }) => Number(r.id))
      .sort();
    expect(ids).toEqual(members.map((m) => m.memberUin).sort());
    expect(state.deployment.pending_operations ?? []).toEqual([]);
    for (const orphan of orphans) {
      expect(up.stdout + up.stderr).toContain(
        `member ${orphan.memberUin} ("${orphan.name}") was created earlier by this resource: using it`,
      );
    }
  }, 180_000);
});

describe("an interrupted pulumi up without checkpoints (PULUMI_SKIP_CHECKPOINTS=true)", () => {
  // The engine then writes the state only at the end: a killed run leaves no record of the members
  // it created, not even as pending operations. The ownership markers are what make that safe: the
  // next up meets "name used" for each and takes the member carrying its marker.
  it("leaves exactly the declared members after up runs again, with no repair but the lock", async () => {
    const declared = DECLARED.map((m) => ({ ...m, key: `nc-${m.key}`, name: `nocp-${m.key}` }));
    const file = h.writeMembersFile("members-nocp", declared);
    const stateDir = `${h.stateRoot}/nocp`;
    const reached = await killMidway(h, {
      program: "examples/pipeline",
      project: "e2e-nocp",
      stateDir,
      action: "CreateOrganizationMember",
      config: { membersFile: file },
      stack: "nocp",
      env: { PULUMI_SKIP_CHECKPOINTS: "true" },
    });
    expect(reached, "the first up reached CreateOrganizationMember").toBeGreaterThanOrEqual(2);
    const created = h.emulator.admin.members().filter((m) => m.name.startsWith("nocp-"));
    expect(created.length, "accounts created by the killed run").toBeGreaterThan(0);

    const stack = await h.open("examples/pipeline", { projectName: "e2e-nocp", stackName: "nocp", config: { membersFile: file } });
    const afterKill = await stack.exportStack();
    expect(afterKill.deployment.resources ?? [], "nothing recorded").toEqual([]);
    await stack.cancel();
    const up = await stack.up();

    const members = h.emulator.admin.members().filter((m) => m.name.startsWith("nocp-"));
    expect(members.map((m) => m.name).sort()).toEqual(declared.map((m) => m.name).sort());
    for (const earlier of created) {
      expect(up.stdout + up.stderr).toContain(
        `member ${earlier.memberUin} ("${earlier.name}") was created earlier by this resource: using it`,
      );
    }
  }, 180_000);
});

describe("an interrupted pulumi destroy", () => {
  it("leaves nothing after pulumi cancel and destroy again", async () => {
    h.emulator.admin.reset();
    const doomed = DECLARED.map((m) => ({ ...m, name: `doomed-${m.key}`, deletionPolicy: "deleteAccount" as const }));
    const file = h.writeMembersFile("doomed", doomed);
    const stack = await h.open("examples/pipeline", {
      projectName: "e2e-interrupted",
      stackName: "destroy",
      config: { membersFile: file },
    });
    await stack.up();
    expect(h.emulator.admin.members().filter((m) => m.name.startsWith("doomed-"))).toHaveLength(doomed.length);

    // Killed while DeleteAccount calls are in flight: some accounts deleted and recorded, some
    // deleted but still in the state (pending deletes), some not reached.
    const stateDir = `${h.stateRoot}/destroy`;
    const reached = await killMidway(h, {
      program: "examples/pipeline",
      project: "e2e-interrupted",
      stateDir,
      action: "DeleteAccount",
      config: { membersFile: file },
      operation: "destroy",
      stack: "destroy",
    });
    expect(reached, "the killed destroy reached DeleteAccount").toBeGreaterThanOrEqual(2);
    const afterKill = await stack.exportStack();
    const recorded = afterKill.deployment.resources.filter((r: { type: string }) => r.type.endsWith("OrganizationMember"));
    expect(recorded.length, "members still in the state after the kill").toBeGreaterThan(0);
    await expect(stack.destroy()).rejects.toThrow(/locked/);

    // The repair of docs/guides/recovery.md, "A cancelled pulumi destroy", command for command:
    await stack.cancel(); //       pulumi cancel --yes
    const destroy = await stack.destroy(); // pulumi destroy --yes --skip-preview
    expect(destroy.summary.result).toBe("succeeded");
    expect(h.emulator.admin.members().filter((m) => m.name.startsWith("doomed-"))).toEqual([]);
    const state = await stack.exportStack();
    expect(state.deployment.resources ?? []).toEqual([]);
    expect(state.deployment.pending_operations ?? []).toEqual([]);
  }, 180_000);
});
