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

  // Every kind of drift at once — four field changes, a removed ownership marker, a deleted
  // member: one drift check must name each, and one up --refresh must undo them all.
  it("changes of name, permissions, tags, department, a removed marker and a deleted member are reported together and undone by one up --refresh", async () => {
    for (const { key, change } of FIELD_DRIFTS) await change(h.outOfBand, uinOf(key)!);
    const markedUin = uinOf("moved")!;
    const markerTag = () =>
      h.emulator.admin
        .members()
        .find((m) => m.memberUin === markedUin)!
        .tags.find((t) => isOwnerTagKey(t.TagKey));
    const removed = markerTag()!;
    await h.outOfBand.setTags(markedUin, {}, [removed.TagKey]);
    expect(markerTag()).toBeUndefined();
    const deletedUin = uinOf("deleted")!;
    await h.outOfBand.deleteAccount(deletedUin);

    const report = await engineFailureOf(stack.preview({ refresh: true, expectNoChanges: true }));
    expect(report).toMatch(/no changes were expected for preview but changes were proposed/);
    for (const { key, field } of FIELD_DRIFTS) {
      expect(report).toContain(`OrganizationMember::${key}`);
      expect(report, field).toMatch(new RegExp(`~ ${field}\\b`));
    }
    expect(report).toMatch(/\+ ownerMarker\b/);
    expect(report).toContain(`member ${markedUin} lost its ownership marker tag (removed outside Pulumi)`);
    expect(report).toMatch(
      /\+ pulumi-nodejs:dynamic\/tencentcloud:OrganizationMember: \(create\)\s+\[urn=[^\]]*OrganizationMember::deleted\]/,
    );

    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toMatchObject({ update: FIELD_DRIFTS.length, create: 1 });
    for (const { key } of FIELD_DRIFTS) {
      const member = h.emulator.admin.members().find((m) => m.memberUin === uinOf(key))!;
      const declared = DECLARED.find((m) => m.key === key)!;
      expect({ name: member.name, nodeId: member.nodeId, permissionIds: member.permissionIds, tags: userTagsOf(member.tags) }, key).toEqual(
        {
          name: declared.name,
          nodeId: declared.nodeId,
          permissionIds: declared.permissionIds,
          tags: declared.tags ?? {},
        },
      );
    }
    expect(markerTag()).toEqual(removed);
    expect(up.stdout + up.stderr).toContain(`member ${markedUin}: writing its ownership marker tag ${removed.TagKey} again`);
    const recreated = membersByName(h.emulator).get("drift-deleted")!;
    expect(recreated.memberUin).not.toBe(deletedUin);
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
    await stack.preview({ refresh: true, expectNoChanges: true });
  });
});
