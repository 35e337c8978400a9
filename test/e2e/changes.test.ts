/**
 * Changing a declared member: the engine must update it in place wherever Tencent's API can
 * (name, permissions, tags, department) — same UIN, only the call that field needs — and show a
 * replacement only where it must (accountName, fixed when the account is created).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStack } from "../../scripts/lib/engine";
import { membersByName, startEngineHarness, type EngineHarness, type PipelineMember } from "./harness";

let h: EngineHarness;
let stack: EngineStack;
let declared: PipelineMember;

beforeAll(async () => {
  h = await startEngineHarness("changes");
  declared = {
    key: "analytics",
    name: "chg-analytics",
    nodeId: 100001,
    permissionIds: [1, 2],
    tags: { team: "data" },
    deletionPolicy: "deleteAccount",
  };
  stack = await h.open("examples/pipeline", { config: { membersFile: declare(declared) } });
  await stack.up();
});
afterAll(async () => h?.close());

/** Writes the members file with `member` (and a bystander that never changes). */
function declare(member: PipelineMember): string {
  return h.writeMembersFile("members", [member, { key: "bystander", name: "chg-bystander", nodeId: 100002, permissionIds: [1, 2] }]);
}

const current = () => membersByName(h.emulator).get(declared.name)!;

/** An in-place change: the field, the new value, and the one API call it needs. */
const IN_PLACE: { field: keyof PipelineMember; value: unknown; call: string }[] = [
  { field: "name", value: "chg-analytics-2", call: "UpdateOrganizationMember" },
  { field: "permissionIds", value: [1, 2, 8, 9], call: "UpdateOrganizationMember" },
  { field: "tags", value: { team: "data", env: "prod" }, call: "ModifyResourceTags" },
  { field: "nodeId", value: 100003, call: "MoveOrganizationNodeMembers" },
];

describe.sequential("changing a member's inputs", () => {
  // The four at once: one update, each field by the one call it needs (name and permissions share
  // UpdateOrganizationMember), the same account.
  it("a new name, permissions, tags and department are one in-place update, each by the call it needs", async () => {
    const before = current();
    for (const { field, value } of IN_PLACE) declared = { ...declared, [field]: value };
    declare(declared);

    const preview = await stack.preview();
    expect(preview.changeSummary).toEqual({ update: 1, same: 2 });
    for (const { field } of IN_PLACE) expect(preview.stdout, field).toMatch(new RegExp(`~ ${field}\\b`));
    expect(preview.stdout).not.toMatch(/replace/);

    const counters = h.emulator.admin.counters();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ update: 1, same: 2 });
    const calls = h.callsSince(counters);
    expect({
      UpdateOrganizationMember: calls.UpdateOrganizationMember,
      ModifyResourceTags: calls.ModifyResourceTags,
      MoveOrganizationNodeMembers: calls.MoveOrganizationNodeMembers,
      CreateOrganizationMember: calls.CreateOrganizationMember ?? 0,
    }).toEqual({ UpdateOrganizationMember: 1, ModifyResourceTags: 1, MoveOrganizationNodeMembers: 1, CreateOrganizationMember: 0 });

    const after = current();
    expect(after.memberUin).toBe(before.memberUin);
    expect({ name: after.name, nodeId: after.nodeId, permissionIds: after.permissionIds }).toEqual({
      name: declared.name,
      nodeId: declared.nodeId,
      permissionIds: declared.permissionIds,
    });
  });

  it("a new accountName replaces the member: the old account goes first (deletionPolicy deleteAccount), then a new one is created", async () => {
    const before = current();
    declared = { ...declared, accountName: "chg-analytics-acct" };
    declare(declared);

    const preview = await stack.preview();
    expect(preview.changeSummary).toEqual({ replace: 1, same: 2 });
    expect(preview.stdout).toMatch(/\+-\s*pulumi-nodejs:dynamic\/tencentcloud:OrganizationMember: \(replace\)/);
    expect(preview.stdout).toMatch(/~ accountName\b/);
    // The preview says, in words, that this is a new account and what happens to the old one.
    expect(preview.stdout + preview.stderr).toMatch(
      /the replacement creates a NEW Tencent Cloud account .*the old account is deleted first \(deletionPolicy "deleteAccount"\)/,
    );

    const counters = h.emulator.admin.counters();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ replace: 1, same: 2 });
    expect(h.callsSince(counters)).toMatchObject({ DeleteAccount: 1, CreateOrganizationMember: 1 });

    const after = current();
    expect(after.memberUin).not.toBe(before.memberUin);
    expect(after.accountName).toBe("chg-analytics-acct");
    expect(h.emulator.admin.members().some((m) => m.memberUin === before.memberUin)).toBe(false);
    expect(
      h.emulator.admin
        .members()
        .map((m) => m.name)
        .sort(),
    ).toEqual(["chg-analytics-2", "chg-bystander"]);
  });

  it("an accountName changed to the member's name stays the same account: one UpdateOrganizationMember copying the name to the nickname", async () => {
    const before = current();
    declared = { ...declared, accountName: declared.name };
    declare(declared);

    const preview = await stack.preview();
    expect(preview.changeSummary).toEqual({ update: 1, same: 2 });
    expect(preview.stdout).toMatch(/~ accountName\b/);
    expect(preview.stdout).not.toMatch(/replace/);

    const counters = h.emulator.admin.counters();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ update: 1, same: 2 });
    const calls = h.callsSince(counters);
    expect(calls).toMatchObject({ UpdateOrganizationMember: 1 });
    expect(calls.CreateOrganizationMember ?? 0).toBe(0);
    expect(calls.DeleteAccount ?? 0).toBe(0);
    const after = current();
    expect(after.memberUin).toBe(before.memberUin);
    expect(after.nickName).toBe(declared.name);
    await stack.preview({ refresh: true, expectNoChanges: true });
  });
});
