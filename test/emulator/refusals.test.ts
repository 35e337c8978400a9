/**
 * Deletion, update and creation refusals modelled on Tencent's documented codes (issue 8), through
 * the real SDK, with the admin-interface switches that set them up.
 */
import { describe, expect, it } from "vitest";
import { adminCall, aMember, codeOf, useEmulator, type OrgClient } from "./fixtures";
import { ADMIN_UIN, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

const readMember = async (memberUin: number) =>
  (await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey: String(memberUin) })).Items?.find(
    (m) => m.MemberUin === memberUin,
  );
const created = async () => (await client.CreateOrganizationMember(aMember())).Uin!;

describe("DeleteAccount", () => {
  it("refuses every deletion with UnsupportedOperation.DeleteAccountDisabled while the member deletion permission is off, and deletes once it is on", async () => {
    const uin = await created();
    expect(emulator.admin.settings().memberDeletionEnabled).toBe(true);
    emulator.admin.setMemberDeletion(false);
    expect(await codeOf(client.DeleteAccount({ MemberUin: uin }))).toBe("UnsupportedOperation.DeleteAccountDisabled");
    expect(emulator.admin.members()).toHaveLength(1);
    emulator.admin.setMemberDeletion(true);
    await client.DeleteAccount({ MemberUin: uin });
    expect(emulator.admin.members()).toHaveLength(0);
  });

  it("switches member deletion over HTTP (POST /_emulator/settings) and reset turns it back on", async () => {
    expect(await adminCall(emulator, "POST", "/_emulator/settings", { memberDeletionEnabled: false })).toEqual({
      status: 200,
      body: { memberDeletionEnabled: false },
    });
    expect(await codeOf(client.DeleteAccount({ MemberUin: await created() }))).toBe("UnsupportedOperation.DeleteAccountDisabled");
    emulator.admin.reset();
    expect((await adminCall(emulator, "GET", "/_emulator/settings")).body).toEqual({ memberDeletionEnabled: true });
  });

  it.each([
    ["resources", "UnsupportedOperation.MemberAccountExistResource"],
    ["services", "UnsupportedOperation.MemberExistServiceNotAllowDelete"],
    ["sharedResources", "FailedOperation.MemberShareResource"],
  ] as const)("refuses a member marked as holding %s with %s until the mark is cleared", async (holding, code) => {
    const uin = await created();
    emulator.admin.setHoldings(uin, { [holding]: true });
    expect(await codeOf(client.DeleteAccount({ MemberUin: uin }))).toBe(code);
    emulator.admin.setHoldings(uin, { [holding]: false });
    await client.DeleteAccount({ MemberUin: uin });
  });

  it("marks holdings over HTTP (POST /_emulator/members/<uin>/holdings)", async () => {
    const uin = await created();
    expect((await adminCall(emulator, "POST", `/_emulator/members/${uin}/holdings`, { resources: true })).status).toBe(200);
    expect(emulator.admin.members()[0].holdings).toEqual({ resources: true });
    expect((await adminCall(emulator, "POST", `/_emulator/members/${uin}/holdings`, { gold: true })).status).toBe(400);
  });
});

describe("DeleteOrganizationMembers", () => {
  it.each([
    ["services", "UnsupportedOperation.MemberExistServiceNotAllowDelete"],
    ["sharedResources", "FailedOperation.MemberShareResource"],
    ["authManager", "FailedOperation.OrganizationAuthManageNotAllowDelete"],
    ["cicRoleConfig", "UnsupportedOperation.MemberAccountExistCICRoleConfig"],
    ["cicUserConfig", "UnsupportedOperation.MemberAccountExistCICUserConfig"],
    ["operateProcess", "UnsupportedOperation.MemberExistOperateProcessNotAllowDelete"],
    ["billingPermissionLocked", "FailedOperation.OperateBillingPermissionErr"],
  ] as const)("refuses to remove an invited member holding %s with %s, and removes it once the mark is cleared", async (holding, code) => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    emulator.admin.setHoldings(invited, { [holding]: true });
    expect(await codeOf(client.DeleteOrganizationMembers({ MemberUin: [invited] }))).toBe(code);
    expect(emulator.admin.members()).toHaveLength(1);
    emulator.admin.setHoldings(invited, { [holding]: false });
    await client.DeleteOrganizationMembers({ MemberUin: [invited] });
    expect(emulator.admin.members()).toEqual([]);
  });

  it("refuses to remove a member whose bills another account pays with FailedOperation.MemberExistDelegatePayerNotAllowDelete, removing nobody", async () => {
    const paid = emulator.admin.inviteMember({ name: "paid" });
    const other = emulator.admin.inviteMember({ name: "other" });
    await client.UpdateOrganizationMember({ MemberUin: paid, PayUin: String(ADMIN_UIN) });
    expect(await codeOf(client.DeleteOrganizationMembers({ MemberUin: [other, paid] }))).toBe(
      "FailedOperation.MemberExistDelegatePayerNotAllowDelete",
    );
    expect(emulator.admin.members()).toHaveLength(2);
    // Without its payer it can go.
    await client.UpdateOrganizationMember({ MemberUin: paid, PayUin: "" });
    await client.DeleteOrganizationMembers({ MemberUin: [other, paid] });
    expect(emulator.admin.members()).toEqual([]);
  });

  it.each(["DeleteOrganizationMembers", "DeleteAccount"])("takes the Identity Center codes as injected faults of %s", async (action) => {
    for (const code of ["UnsupportedOperation.MemberAccountExistCICRoleConfig", "UnsupportedOperation.MemberAccountExistCICUserConfig"]) {
      emulator.admin.injectFault({ action, mode: "error", code });
      const uin = await created();
      const call =
        action === "DeleteAccount" ? client.DeleteAccount({ MemberUin: uin }) : client.DeleteOrganizationMembers({ MemberUin: [uin] });
      expect(await codeOf(call)).toBe(code);
    }
  });

  it("removes an invited member that only holds resources (they stay with the account)", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    emulator.admin.setHoldings(invited, { resources: true });
    await client.DeleteOrganizationMembers({ MemberUin: [invited] });
    expect(emulator.admin.members()).toEqual([]);
  });
});

describe("UpdateOrganizationMember", () => {
  it("refuses IsAllowQuit Allow on a created member with UnsupportedOperation.MemberNotAllowQuit (unverified choice)", async () => {
    const uin = await created();
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: uin, IsAllowQuit: "Allow" }))).toBe(
      "UnsupportedOperation.MemberNotAllowQuit",
    );
    await client.UpdateOrganizationMember({ MemberUin: uin, IsAllowQuit: "Denied" });
  });

  it("refuses IsAllowQuit Allow on an invited member someone pays for with InvalidParameter.AllowQuitIllegal", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    await client.UpdateOrganizationMember({ MemberUin: invited, IsAllowQuit: "Allow" });
    await client.UpdateOrganizationMember({ MemberUin: invited, IsAllowQuit: "Denied", PayUin: String(ADMIN_UIN) });
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: invited, IsAllowQuit: "Allow" }))).toBe(
      "InvalidParameter.AllowQuitIllegal",
    );
  });

  it("refuses a payer that is not the admin of the member's verified entity with FailedOperation.PayUinIllegal", async () => {
    const uin = await created();
    const other = await created();
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: uin, PayUin: String(other) }))).toBe("FailedOperation.PayUinIllegal");
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: uin, PayUin: "200000000001" }))).toBe("FailedOperation.PayUinIllegal");
    await client.UpdateOrganizationMember({ MemberUin: uin, PayUin: String(ADMIN_UIN) });
  });

  it("refuses permission 7 without a payer, and removing the payer of a member with permission 7, with FailedOperation.OrganizationPermissionIllegal", async () => {
    const uin = await created();
    const grant7 = { MemberUin: uin, PolicyType: "Financial", PermissionIds: [1, 2, 7] };
    expect(await codeOf(client.UpdateOrganizationMember(grant7))).toBe("FailedOperation.OrganizationPermissionIllegal");
    await client.UpdateOrganizationMember({ ...grant7, PayUin: String(ADMIN_UIN) });
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: uin, PayUin: "" }))).toBe(
      "FailedOperation.OrganizationPermissionIllegal",
    );
  });

  it("keeps a created member's permission change immediate (Confirmed)", async () => {
    const uin = await created();
    await client.UpdateOrganizationMember({ MemberUin: uin, PolicyType: "Financial", PermissionIds: [1, 2, 8] });
    expect(await readMember(uin)).toMatchObject({ PermissionStatus: "Confirmed", OrgPermission: [{ Id: 1 }, { Id: 2 }, { Id: 8 }] });
  });

  it("holds an invited member's permission change UnConfirmed until confirmed; a second change meanwhile is FailedOperation.ChangePermissionRecordExist", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    await client.UpdateOrganizationMember({ MemberUin: invited, PolicyType: "Financial", PermissionIds: [1, 2, 8] });
    expect(await readMember(invited)).toMatchObject({ PermissionStatus: "UnConfirmed", OrgPermission: [{ Id: 1 }, { Id: 2 }] });
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: invited, PolicyType: "Financial", PermissionIds: [1, 2, 9] }))).toBe(
      "FailedOperation.ChangePermissionRecordExist",
    );
    // Other fields still change while the permissions wait.
    await client.UpdateOrganizationMember({ MemberUin: invited, Remark: "still editable" });
    expect((await adminCall(emulator, "POST", `/_emulator/members/${invited}/confirm-permissions`)).status).toBe(200);
    expect(await readMember(invited)).toMatchObject({
      PermissionStatus: "Confirmed",
      Remark: "still editable",
      OrgPermission: [{ Id: 1 }, { Id: 2 }, { Id: 8 }],
    });
    await client.UpdateOrganizationMember({ MemberUin: invited, PolicyType: "Financial", PermissionIds: [1, 2, 9] });
    expect(() => emulator.admin.confirmPermissionChange(ADMIN_UIN)).toThrow(/no permission change/);
  });

  it("does not open a confirmation when an invited member's permissions are sent unchanged", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest", permissionIds: [1, 2] });
    await client.UpdateOrganizationMember({ MemberUin: invited, PolicyType: "Financial", PermissionIds: [2, 1] });
    expect((await readMember(invited))?.PermissionStatus).toBe("Confirmed");
  });
});

describe("partial creation: the tagResourcesError fault", () => {
  it("creates the member without its tags and answers FailedOperation.TagResourcesError", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "tagResourcesError" });
    const request = aMember({ Name: "half", AccountName: "half", Tags: [{ TagKey: "owner", TagValue: "stack-a" }] });
    expect(await codeOf(client.CreateOrganizationMember(request))).toBe("FailedOperation.TagResourcesError");
    expect(emulator.admin.members()).toMatchObject([{ name: "half", tags: [] }]);
    expect(emulator.admin.records()).toMatchObject([{ status: "Succeeded", memberUin: emulator.admin.members()[0].memberUin }]);
  });

  it("creates the department without its tags on AddOrganizationNode", async () => {
    emulator.admin.injectFault({ action: "AddOrganizationNode", mode: "tagResourcesError" });
    expect(
      await codeOf(client.AddOrganizationNode({ ParentNodeId: 100000, Name: "Half", Tags: [{ TagKey: "owner", TagValue: "x" }] })),
    ).toBe("FailedOperation.TagResourcesError");
    const { Items } = await client.DescribeOrganizationNodes({ Offset: 0, Limit: 50 });
    expect(Items?.find((n) => n.Name === "Half")?.Tags).toEqual([]);
  });

  it("is refused for other actions", () => {
    expect(() => emulator.admin.injectFault({ action: "UpdateOrganizationMember", mode: "tagResourcesError" })).toThrow(
      /tagResourcesError/,
    );
  });
});

describe("DescribeOrganizationMembers NodeId filter", () => {
  it("refuses a department that does not exist with ResourceNotFound.OrganizationNodeNotExist", async () => {
    expect(await codeOf(client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, NodeId: 7 }))).toBe(
      "ResourceNotFound.OrganizationNodeNotExist",
    );
  });

  it("answers an existing department without members with an empty page", async () => {
    await client.CreateOrganizationMember(aMember({ NodeId: 100001 }));
    expect(await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, NodeId: 100003 })).toMatchObject({ Items: [], Total: 0 });
    expect((await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, NodeId: 100001 })).Total).toBe(1);
  });
});

describe("DescribeOrganizationMembers Tags filter", () => {
  it("filters by key alone ([{TagKey}], the documentation's example) and by key and value", async () => {
    const a = (await client.CreateOrganizationMember(aMember({ Tags: [{ TagKey: "owner", TagValue: "stack-a" }] }))).Uin;
    const b = (await client.CreateOrganizationMember(aMember({ Tags: [{ TagKey: "owner", TagValue: "stack-b" }] }))).Uin;
    await client.CreateOrganizationMember(aMember({ Tags: [{ TagKey: "team", TagValue: "x" }] }));
    const byKey = await client.DescribeOrganizationMembers({
      Offset: 0,
      Limit: 50,
      Tags: [{ TagKey: "owner" } as { TagKey: string; TagValue: string }],
    });
    expect(byKey.Items?.map((m) => m.MemberUin)).toEqual([a, b]);
    expect(byKey.Total).toBe(2);
    const byValue = await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, Tags: [{ TagKey: "owner", TagValue: "stack-b" }] });
    expect(byValue.Items?.map((m) => m.MemberUin)).toEqual([b]);
  });
});
