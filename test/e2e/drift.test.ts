/**
 * Drift: another administrator changes or deletes a member behind Pulumi's back (real SDK calls
 * against the emulator). `preview --refresh --expect-no-changes` must fail and name the member
 * and the field; `up --refresh` must bring the member back to what the program declares.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStack } from "../../scripts/lib/engine";
import { engineFailureOf, membersByName, startEngineHarness, type EngineHarness, type OutOfBand, type PipelineMember } from "./harness";
import { isOwnerTagKey } from "../../provider/core/tags";
import { userTagsOf } from "../support/emulatorState";

const DECLARED: PipelineMember[] = [
  { key: "renamed", name: "drift-renamed", nodeId: 100001, permissionIds: [1, 2] },
  { key: "repermitted", name: "drift-repermitted", nodeId: 100001, permissionIds: [1, 2, 8] },
  { key: "retagged", name: "drift-retagged", nodeId: 100001, permissionIds: [1, 2], tags: { team: "data" } },
  { key: "moved", name: "drift-moved", nodeId: 100001, permissionIds: [1, 2] },
  { key: "deleted", name: "drift-deleted", nodeId: 100002, permissionIds: [1, 2, 5], tags: { team: "finance" } },
];

/** One out-of-band change, the field the drift check must name, and how to see it healed. */
interface DriftCase {
  key: string;
  field: string;
  change(outOfBand: OutOfBand, memberUin: number): Promise<void>;
}

const FIELD_DRIFTS: DriftCase[] = [
  { key: "renamed", field: "name", change: (o, uin) => o.rename(uin, "renamed-by-hand") },
  { key: "repermitted", field: "permissionIds", change: (o, uin) => o.setPermissions(uin, [1, 2, 3, 9]) },
  { key: "retagged", field: "tags", change: (o, uin) => o.setTags(uin, { team: "ml", owner: "bob" }) },
  { key: "moved", field: "nodeId", change: (o, uin) => o.move(uin, 100003) },
];

let h: EngineHarness;
let stack: EngineStack;
beforeAll(async () => {
  h = await startEngineHarness("drift");
  stack = await h.open("examples/pipeline", { config: { membersFile: h.writeMembersFile("members", DECLARED) } });
  await stack.up();
});
afterAll(async () => h?.close());

const uinOf = (key: string) => membersByName(h.emulator).get(DECLARED.find((m) => m.key === key)!.name)?.memberUin;

describe.sequential("drift made outside Pulumi", () => {
  it("preview --refresh --expect-no-changes passes before anyone touches the members", async () => {
    await stack.preview({ refresh: true, expectNoChanges: true });
  });

  it.each(FIELD_DRIFTS)("a change of $field is reported by the drift check and undone by up --refresh", async ({ key, field, change }) => {
    const memberUin = uinOf(key)!;
    await change(h.outOfBand, memberUin);

    const report = await engineFailureOf(stack.preview({ refresh: true, expectNoChanges: true }));
    expect(report).toMatch(/no changes were expected for preview but changes were proposed/);
    expect(report).toContain(`OrganizationMember::${key}`);
    expect(report).toMatch(new RegExp(`~ ${field}\\b`));

    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    const member = h.emulator.admin.members().find((m) => m.memberUin === memberUin)!;
    const declared = DECLARED.find((m) => m.key === key)!;
    expect({ name: member.name, nodeId: member.nodeId, permissionIds: member.permissionIds, tags: userTagsOf(member.tags) }).toEqual({
      name: declared.name,
      nodeId: declared.nodeId,
      permissionIds: declared.permissionIds,
      tags: declared.tags ?? {},
    });
    await stack.preview({ refresh: true, expectNoChanges: true });
  });

  it("an ownership marker removed outside Pulumi is reported by the drift check and written again by up --refresh", async () => {
    const memberUin = uinOf("moved")!;
    const markerTag = () =>
      h.emulator.admin
        .members()
        .find((m) => m.memberUin === memberUin)!
        .tags.find((t) => isOwnerTagKey(t.TagKey));
    const removed = markerTag()!;
    await h.outOfBand.setTags(memberUin, {}, [removed.TagKey]);
    expect(markerTag()).toBeUndefined();

    const report = await engineFailureOf(stack.preview({ refresh: true, expectNoChanges: true }));
    expect(report).toMatch(/no changes were expected for preview but changes were proposed/);
    expect(report).toContain("OrganizationMember::moved");
    expect(report).toMatch(/\+ ownerMarker\b/);
    expect(report).toContain(`member ${memberUin} lost its ownership marker tag (removed outside Pulumi)`);

    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(markerTag()).toEqual(removed);
    expect(up.stdout + up.stderr).toContain(`member ${memberUin}: writing its ownership marker tag ${removed.TagKey} again`);
    await stack.preview({ refresh: true, expectNoChanges: true });
  });

  it("a member deleted outside Pulumi is reported by the drift check and re-created by up --refresh", async () => {
    const memberUin = uinOf("deleted")!;
    await h.outOfBand.deleteAccount(memberUin);

    const report = await engineFailureOf(stack.preview({ refresh: true, expectNoChanges: true }));
    expect(report).toMatch(/no changes were expected for preview but changes were proposed/);
    expect(report).toMatch(
      /\+ pulumi-nodejs:dynamic\/tencentcloud:OrganizationMember: \(create\)\s+\[urn=[^\]]*OrganizationMember::deleted\]/,
    );

    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toMatchObject({ create: 1 });
    const recreated = membersByName(h.emulator).get("drift-deleted")!;
    expect(recreated.memberUin).not.toBe(memberUin);
    expect({ nodeId: recreated.nodeId, permissionIds: recreated.permissionIds, tags: userTagsOf(recreated.tags) }).toEqual({
      nodeId: 100002,
      permissionIds: [1, 2, 5],
      tags: { team: "finance" },
    });
    expect(
      h.emulator.admin
        .members()
        .map((m) => m.name)
        .sort(),
    ).toEqual(DECLARED.map((m) => m.name).sort());
  });
});
