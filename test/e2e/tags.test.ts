/**
 * Tencent's tag limits through the real engine: a member and a department with 35 tags (Tencent
 * allows 50 per resource, 10 per request) are created with the marker and 9, the rest written in
 * batches, read back whole, and one changed tag is one call; a department whose creation answered
 * FailedOperation.TagResourcesError, in a run that then ended, is finished by the next `up`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStack } from "../../scripts/lib/engine";
import { isOwnerTagKey } from "../../provider/core/tags";
import { orgClient } from "../emulator/fixtures";
import { userTagsOf } from "../support/emulatorState";
import { engineFailureOf, MUTATING_ACTIONS, startEngineHarness, type EngineHarness } from "./harness";

const PROGRAM = "test/e2e/programs/tagged.ts";
const tagsOf = (count: number) => Object.fromEntries([...Array(count)].map((_, i) => [`t${String(i).padStart(2, "0")}`, `v${i}`]));

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("tags");
});
afterAll(async () => h?.close());

/** Every tag of the department named `name`, as DescribeOrganizationNodes reports it. */
async function departmentTags(name: string): Promise<{ TagKey: string; TagValue: string }[]> {
  const page = await orgClient(h.emulator, { reqTimeout: 10 }).DescribeOrganizationNodes({ Offset: 0, Limit: 50 });
  return (page.Items ?? []).find((n) => n.Name === name)?.Tags?.map((t) => ({ TagKey: t.TagKey ?? "", TagValue: t.TagValue ?? "" })) ?? [];
}
const member = () => h.emulator.admin.members().find((m) => m.name === "tags-many");

describe.sequential("35 tags on a member and a department", () => {
  let stack: EngineStack;
  beforeAll(async () => {
    stack = await h.open(PROGRAM, { stackName: "many" });
  });

  it("up creates both with every tag and their ownership markers: 1 create + 3 tag batches each", async () => {
    const before = h.emulator.admin.counters();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 3 });
    const calls = h.callsSince(before);
    expect(calls).toMatchObject({ AddOrganizationNode: 1, CreateOrganizationMember: 1, ModifyResourceTags: 6 });
    expect(userTagsOf(member()!.tags)).toEqual(tagsOf(35));
    expect(member()!.tags.filter((t) => isOwnerTagKey(t.TagKey))).toHaveLength(1);
    const department = await departmentTags("Tagged");
    expect(userTagsOf(department)).toEqual(tagsOf(35));
    expect(department.filter((t) => isOwnerTagKey(t.TagKey))).toHaveLength(1);
  });

  it("a refresh finds no drift and sends nothing that changes anything", async () => {
    const before = h.emulator.admin.counters();
    await stack.preview({ refresh: true, expectNoChanges: true });
    const calls = h.callsSince(before);
    for (const action of MUTATING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
  });

  it("one changed tag is one ModifyResourceTags per resource", async () => {
    await stack.setConfig("changedTag", "changed");
    const before = h.emulator.admin.counters();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 2 });
    expect(h.callsSince(before)).toMatchObject({ ModifyResourceTags: 2 });
    expect(userTagsOf(member()!.tags).t20).toBe("changed");
    expect(userTagsOf(await departmentTags("Tagged")).t20).toBe("changed");
  });

  it("50 declared tags (the marker needs the 50th slot) are refused at preview, naming the rule, before any call", async () => {
    await stack.setConfig("tagCount", "50");
    const before = h.emulator.admin.counters();
    const report = await engineFailureOf(stack.preview());
    expect(report).toMatch(
      /tags: at most 49 tags are allowed \(Tencent allows 50 per resource, one of which is the provider's ownership marker\); got 50/,
    );
    const calls = h.callsSince(before);
    for (const action of MUTATING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
    await stack.setConfig("tagCount", "35");
    await stack.destroy();
  });
});

describe.sequential("a department whose tagging failed", () => {
  it("is finished by the next up: taken by name, tagged and marked, never 'name taken'", async () => {
    h.emulator.admin.reset();
    const stack = await h.open(PROGRAM, { stackName: "failed", config: { tagCount: "3" } });
    // Tencent creates the department but not its tags; the tag write that follows fails too, and the run ends.
    h.emulator.admin.injectFault({ action: "AddOrganizationNode", mode: "tagResourcesError" });
    h.emulator.admin.injectFault({ action: "ModifyResourceTags", mode: "error", code: "FailedOperation", count: 1 });
    const report = await engineFailureOf(stack.up());
    expect(report).toMatch(/department \d+ was created, but a follow-up step failed/);
    expect(h.emulator.admin.nodes().filter((n) => n.Name === "Tagged")).toHaveLength(1);

    const up = await stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1, create: 1 });
    expect(h.emulator.admin.nodes().filter((n) => n.Name === "Tagged")).toHaveLength(1);
    const tags = await departmentTags("Tagged");
    expect(userTagsOf(tags)).toEqual(tagsOf(3));
    expect(tags.filter((t) => isOwnerTagKey(t.TagKey))).toHaveLength(1);
    await stack.preview({ refresh: true, expectNoChanges: true });
    await stack.destroy();
  });
});
