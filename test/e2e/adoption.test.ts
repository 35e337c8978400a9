/**
 * The adoption example through the real engine: an existing (invited) member comes under
 * Pulumi by UIN without a new account, takes the declared values, and leaves the organization
 * on destroy when its deletionPolicy says so; another member is looked up without being managed.
 * An invited member confirms a permission change itself: until it does, the change waits (Tencent
 * reports the old permissions), and runs in between neither show a diff nor ask again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStack } from "../../scripts/lib/engine";
import { engineFailureOf, MUTATING_ACTIONS, startEngineHarness, type EngineHarness } from "./harness";

let h: EngineHarness;
let stack: EngineStack;
let legacyUin: number;
let payerUin: number;

beforeAll(async () => {
  h = await startEngineHarness("adoption");
  legacyUin = h.emulator.admin.inviteMember({ name: "legacy-ops", nodeId: 100001, permissionIds: [1, 2], tags: { old: "yes" } });
  payerUin = h.emulator.admin.inviteMember({ name: "group-payer", nodeId: 100002 });
  const adopt = {
    memberUin: legacyUin,
    name: "legacy-ops",
    nodeId: 100002,
    permissionIds: [1, 2, 8],
    tags: { team: "ops" },
    deletionPolicy: "removeFromOrganization",
  };
  stack = await h.open("examples/adoption", { config: { adopt: JSON.stringify(adopt), lookup: "group-payer" } });
});
afterAll(async () => h?.close());

const member = (uin: number) => h.emulator.admin.members().find((m) => m.memberUin === uin);

describe.sequential("the adoption example", () => {
  it("adopts the existing member without creating an account and applies the declared values", async () => {
    const before = h.emulator.admin.counters();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 2 }); // the adopted member and the stack
    expect(h.callsSince(before).CreateOrganizationMember ?? 0).toBe(0);
    const adopted = member(legacyUin)!;
    expect({ nodeId: adopted.nodeId, permissionIds: adopted.permissionIds, tags: adopted.tags }).toEqual({
      nodeId: 100002,
      permissionIds: [1, 2], // the new ones wait for the member's confirmation
      tags: [{ TagKey: "team", TagValue: "ops" }],
    });
    expect(adopted.pendingPermissions?.permissionIds).toEqual([1, 2, 8]);
    expect(up.outputs.adopted.value).toMatchObject({
      memberUin: legacyUin,
      memberType: "Invite",
      nodeName: "Finance",
      permissionIds: [1, 2],
    });
    expect(up.stdout + up.stderr).toContain(`member ${legacyUin}: the permission change to [1, 2, 8] awaits the member's confirmation`);
  });

  it("looks another member up by name without managing it", async () => {
    const outputs = await stack.outputs();
    expect(outputs.lookup.value).toEqual({ memberUin: payerUin, name: "group-payer", nodeName: "Finance", memberType: "Invite" });
    const state = await stack.exportStack();
    const ids = state.deployment.resources.map((r: { id?: string }) => r.id);
    expect(ids).not.toContain(String(payerUin));
  });

  it("while the change waits, a second up --refresh changes nothing and asks nothing again (no ChangePermissionRecordExist)", async () => {
    const before = h.emulator.admin.counters();
    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toEqual({ same: 2 });
    const calls = h.callsSince(before);
    for (const action of MUTATING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
    expect(up.stdout + up.stderr).toContain("awaits the member's confirmation");
  });

  it("once the member confirms, the drift check passes and the permissions are Tencent's", async () => {
    h.emulator.admin.confirmPermissionChange(legacyUin);
    await stack.preview({ refresh: true, expectNoChanges: true });
    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toEqual({ same: 2 });
    expect(up.outputs.adopted.value).toMatchObject({ permissionIds: [1, 2, 8] });
    expect(member(legacyUin)!.permissionIds).toEqual([1, 2, 8]);
  });

  it("destroy removes the adopted member from the organization (deletionPolicy removeFromOrganization) and leaves the looked-up one", async () => {
    await stack.destroy();
    expect(member(legacyUin)).toBeUndefined();
    expect(member(payerUin)).toBeDefined();
  });

  it("a UIN that is not in the organization stops the program with a message naming the config value", async () => {
    await stack.setConfig("adopt", JSON.stringify({ memberUin: 100000999999, name: "ghost", nodeId: 100001, permissionIds: [1, 2] }));
    const report = await engineFailureOf(stack.preview());
    expect(report).toContain('no member 100000999999 in the organization: check the "adopt.memberUin" config value');
  });
});
