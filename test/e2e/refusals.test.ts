/**
 * What Tencent refuses, through the real engine: a creation answered with
 * FailedOperation.TagResourcesError (the account made, its tags not) still ends with the member
 * tagged and marked as this stack's; a deletion Tencent refuses fails `destroy` with what to do,
 * and succeeds once the cause is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStack } from "../../scripts/lib/engine";
import { isOwnerTagKey } from "../../provider/core/tags";
import { userTagsOf } from "../support/emulatorState";
import { engineFailureOf, membersByName, MUTATING_ACTIONS, startEngineHarness, type EngineHarness, type PipelineMember } from "./harness";

const DECLARED: PipelineMember[] = [
  {
    key: "tagged",
    name: "refusal-tagged",
    nodeId: 100001,
    permissionIds: [1, 2],
    tags: { team: "data", env: "prod" },
    deletionPolicy: "deleteAccount",
  },
];

let h: EngineHarness;
let stack: EngineStack;
beforeAll(async () => {
  h = await startEngineHarness("refusals");
  stack = await h.open("examples/pipeline", { config: { membersFile: h.writeMembersFile("members", DECLARED) } });
});
afterAll(async () => h?.close());

describe.sequential("refusals through the engine", () => {
  it("a creation answered with TagResourcesError ends with the member tagged and carrying its ownership marker", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "tagResourcesError" });
    const up = await stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 2 }); // the member and the stack
    const member = membersByName(h.emulator).get("refusal-tagged")!;
    expect(userTagsOf(member.tags)).toEqual({ team: "data", env: "prod" });
    expect(member.tags.filter((t) => isOwnerTagKey(t.TagKey))).toHaveLength(1);
    expect(h.emulator.admin.members()).toHaveLength(1);
    expect(up.stdout + up.stderr).toContain(`member ${member.memberUin} ("refusal-tagged") was created without its tags; taking it`);

    const before = h.emulator.admin.counters();
    await stack.preview({ refresh: true, expectNoChanges: true });
    const calls = h.callsSince(before);
    for (const action of MUTATING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
  });

  it("a deleteAccount destroy Tencent would refuse fails listing every reason (CheckAccountDelete), deletes nothing, and succeeds once they are gone", async () => {
    h.emulator.admin.setMemberDeletion(false);
    const [member] = h.emulator.admin.members();
    h.emulator.admin.setHoldings(member.memberUin, { resources: true });
    const before = h.emulator.admin.counters();
    const report = await engineFailureOf(stack.destroy());
    expect(report).toContain(`would refuse to delete the account of member ${member.memberUin} (CheckAccountDelete)`);
    expect(report).toMatch(
      /\(1\) the organization's member deletion permission is off: enable it in the Organization console, Basic information, "Member deletion permission"/,
    );
    expect(report).toMatch(/\(2\) resources are still in the account .*: release them first/);
    expect(report).toMatch(/Nothing was deleted; the member stays in the stack/);
    expect(h.callsSince(before).DeleteAccount ?? 0).toBe(0);
    expect(h.emulator.admin.members()).toHaveLength(1);

    h.emulator.admin.setMemberDeletion(true);
    h.emulator.admin.setHoldings(member.memberUin, { resources: false });
    await stack.destroy();
    expect(h.emulator.admin.members()).toHaveLength(0);
  });
});
