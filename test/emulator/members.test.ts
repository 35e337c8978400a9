import { describe, expect, it } from "vitest";
import { aMember, codeOf, sdkFailureOf, orgClient, useEmulator, withEmulator, type OrgClient } from "./fixtures";
import { ADMIN_UIN, FIRST_MEMBER_UIN, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

const readMember = async (memberUin: number) => {
  const { Items } = await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey: String(memberUin) });
  return Items?.find((m) => m.MemberUin === memberUin);
};

describe("CreateOrganizationMember", () => {
  it("creates a member of type Create with UINs counting up from 100000100000", async () => {
    const first = await client.CreateOrganizationMember(aMember());
    const second = await client.CreateOrganizationMember(aMember());
    expect(first.Uin).toBe(FIRST_MEMBER_UIN);
    expect(second.Uin).toBe(FIRST_MEMBER_UIN + 1);
    expect(emulator.admin.members().map((m) => m.memberType)).toEqual(["Create", "Create"]);
  });

  it("returns every OrgMember field of the SDK model when the member is read back", async () => {
    const request = aMember({
      Name: "alice",
      AccountName: "alice.acct",
      Remark: "first",
      NodeId: 100002,
      PermissionIds: [2, 1, 7],
      PayUin: String(ADMIN_UIN),
      IdentityRoleID: [1, 2],
      Tags: [{ TagKey: "env", TagValue: "prod" }],
    });
    const { Uin } = await client.CreateOrganizationMember(request);
    const member = await readMember(Uin!);
    expect(member).toEqual({
      MemberUin: Uin,
      Name: "alice",
      MemberType: "Create",
      OrgPolicyType: "Financial",
      OrgPolicyName: "Financial management",
      OrgPermission: [
        { Id: 1, Name: "View bills" },
        { Id: 2, Name: "View balance" },
        { Id: 7, Name: "Pay on behalf" },
      ],
      NodeId: 100002,
      NodeName: "Finance",
      Remark: "first",
      CreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      UpdateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      IsAllowQuit: "Denied",
      PayUin: String(ADMIN_UIN),
      PayName: "organization-admin",
      OrgIdentity: [
        { IdentityId: 1, IdentityAliasName: "Administrator" },
        { IdentityId: 2, IdentityAliasName: "ReadOnly" },
      ],
      BindStatus: "Unbound",
      PermissionStatus: "Confirmed",
      Tags: [{ TagKey: "env", TagValue: "prod" }],
      NickName: "alice.acct",
    });
  });

  it("accepts Chinese characters and every allowed symbol in Name and AccountName", async () => {
    await expect(client.CreateOrganizationMember(aMember({ Name: "研发+@&._[]-:,", AccountName: "账号-1" }))).resolves.toHaveProperty(
      "Uin",
    );
  });

  it.each([
    ["Name", { Name: "has space" }],
    ["Name", { Name: "x".repeat(26) }],
    ["Name", { Name: "" }],
    ["AccountName", { AccountName: "semi;colon" }],
    ["AccountName", { AccountName: "y".repeat(26) }],
  ])("refuses an invalid %s with InvalidParameterValue naming the field", async (field, override) => {
    const failure = await sdkFailureOf(client.CreateOrganizationMember(aMember(override)));
    expect(failure.code).toBe("InvalidParameterValue");
    expect(failure.message).toContain(field);
  });

  it("refuses a name another member uses with FailedOperation.OrganizationMemberNameUsed", async () => {
    await client.CreateOrganizationMember(aMember({ Name: "taken" }));
    expect(await codeOf(client.CreateOrganizationMember(aMember({ Name: "taken" })))).toBe("FailedOperation.OrganizationMemberNameUsed");
  });

  it("refuses a policy other than Financial with FailedOperation.OrganizationPolicyIllegal", async () => {
    expect(await codeOf(client.CreateOrganizationMember(aMember({ PolicyType: "Finical" })))).toBe(
      "FailedOperation.OrganizationPolicyIllegal",
    );
  });

  it.each([[[1]], [[2, 3]], [[1, 2, 11]], [[0, 1, 2]]])(
    "refuses permissions %j with FailedOperation.OrganizationPermissionIllegal",
    async (permissionIds) => {
      expect(await codeOf(client.CreateOrganizationMember(aMember({ PermissionIds: permissionIds })))).toBe(
        "FailedOperation.OrganizationPermissionIllegal",
      );
    },
  );

  it("refuses an unknown department with FailedOperation.OrganizationNodeNotExist", async () => {
    expect(await codeOf(client.CreateOrganizationMember(aMember({ NodeId: 999 })))).toBe("FailedOperation.OrganizationNodeNotExist");
  });

  it("accepts as payer only the admin of the member's verified entity and refuses anything else with FailedOperation.PayUinIllegal", async () => {
    const member = await client.CreateOrganizationMember(aMember());
    await expect(client.CreateOrganizationMember(aMember({ PayUin: String(ADMIN_UIN) }))).resolves.toHaveProperty("Uin");
    // Relation 5001's manager pays for members of that entity, and only for them.
    await expect(client.CreateOrganizationMember(aMember({ AuthRelationId: 5001, PayUin: "200000000001" }))).resolves.toHaveProperty("Uin");
    expect(await codeOf(client.CreateOrganizationMember(aMember({ AuthRelationId: 5001, PayUin: String(ADMIN_UIN) })))).toBe(
      "FailedOperation.PayUinIllegal",
    );
    expect(await codeOf(client.CreateOrganizationMember(aMember({ PayUin: "200000000001" })))).toBe("FailedOperation.PayUinIllegal");
    expect(await codeOf(client.CreateOrganizationMember(aMember({ PayUin: String(member.Uin) })))).toBe("FailedOperation.PayUinIllegal");
    expect(await codeOf(client.CreateOrganizationMember(aMember({ PayUin: "12ab" })))).toBe("FailedOperation.PayUinIllegal");
  });

  it("refuses permission 7 (pay on behalf) without a PayUin with FailedOperation.OrganizationPermissionIllegal", async () => {
    expect(await codeOf(client.CreateOrganizationMember(aMember({ PermissionIds: [1, 2, 7] })))).toBe(
      "FailedOperation.OrganizationPermissionIllegal",
    );
  });

  it.each([
    ["eleven tags", Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }))],
    ["an empty key", [{ TagKey: "", TagValue: "v" }]],
    ["a 128-character key", [{ TagKey: "k".repeat(128), TagValue: "v" }]],
    ["a 256-character value", [{ TagKey: "k", TagValue: "v".repeat(256) }]],
    ["an empty value", [{ TagKey: "k", TagValue: "" }]],
    ["a key with an illegal character", [{ TagKey: "team!", TagValue: "v" }]],
    ["a value with a leading space", [{ TagKey: "k", TagValue: " v" }]],
    ["a qcs: key", [{ TagKey: "QCS:owner", TagValue: "v" }]],
    ["a 项目 key", [{ TagKey: "项目", TagValue: "v" }]],
    ["a tencent key without a colon", [{ TagKey: "TencentOwner", TagValue: "v" }]],
    ["a qcloud: key", [{ TagKey: "qcloud:owner", TagValue: "v" }]],
    ["a tencent: key", [{ TagKey: "tencent:x", TagValue: "v" }]],
    ["a project key", [{ TagKey: "project", TagValue: "v" }]],
    [
      "a repeated key",
      [
        { TagKey: "a", TagValue: "1" },
        { TagKey: "a", TagValue: "2" },
      ],
    ],
  ])("refuses Tags with %s with InvalidParameter.TagError", async (_case, tags) => {
    expect(await codeOf(client.CreateOrganizationMember(aMember({ Tags: tags })))).toBe("InvalidParameter.TagError");
  });

  it("accepts ten tags", async () => {
    const tags = Array.from({ length: 10 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
    await expect(client.CreateOrganizationMember(aMember({ Tags: tags }))).resolves.toHaveProperty("Uin");
  });

  it("refuses an identity ListOrganizationIdentity does not list with InvalidParameterValue", async () => {
    const failure = await sdkFailureOf(client.CreateOrganizationMember(aMember({ IdentityRoleID: [1, 99] })));
    expect(failure.code).toBe("InvalidParameterValue");
    expect(failure.message).toContain("IdentityRoleID");
  });

  it("accepts auth relation 5001 and refuses others with ResourceNotFound.OrganizationAuthRelationNotExist", async () => {
    await expect(client.CreateOrganizationMember(aMember({ AuthRelationId: 5001 }))).resolves.toHaveProperty("Uin");
    expect(await codeOf(client.CreateOrganizationMember(aMember({ AuthRelationId: 5002 })))).toBe(
      "ResourceNotFound.OrganizationAuthRelationNotExist",
    );
  });

  it("refuses a request missing a required field with MissingParameter", async () => {
    const { AccountName: _omitted, ...request } = aMember();
    expect(await codeOf(client.request("CreateOrganizationMember", request))).toBe("MissingParameter");
  });

  it("refuses the 101st member by default (Tencent's FAQ: 100 accounts) with LimitExceeded.OrganizationMemberOverLimit", async () => {
    await withEmulator({ rateLimitPerSecond: 0, seedMembers: 99 }, async (full) => {
      const fullClient = orgClient(full);
      await fullClient.CreateOrganizationMember(aMember());
      expect(await codeOf(fullClient.CreateOrganizationMember(aMember()))).toBe("LimitExceeded.OrganizationMemberOverLimit");
      expect(full.admin.members()).toHaveLength(100);
    });
  });

  it("takes a raised limit (memberLimit, as a ticket raises it)", async () => {
    await withEmulator({ rateLimitPerSecond: 0, seedMembers: 100, memberLimit: 101 }, async (raised) => {
      await orgClient(raised).CreateOrganizationMember(aMember());
      expect(await codeOf(orgClient(raised).CreateOrganizationMember(aMember()))).toBe("LimitExceeded.OrganizationMemberOverLimit");
    });
  });

  it("refuses a member beyond the organization's limit with LimitExceeded.OrganizationMemberOverLimit", async () => {
    await withEmulator({ memberLimit: 2, seedMembers: 1 }, async (small) => {
      const smallClient = orgClient(small);
      await smallClient.CreateOrganizationMember(aMember());
      expect(await codeOf(smallClient.CreateOrganizationMember(aMember()))).toBe("LimitExceeded.OrganizationMemberOverLimit");
    });
  });
});

describe("DescribeOrganizationMembers", () => {
  it("lists in creation order with Total counting every match, paged by Offset and Limit", async () => {
    const uins: number[] = [];
    for (let i = 0; i < 5; i++) uins.push((await client.CreateOrganizationMember(aMember())).Uin!);
    const page = await client.DescribeOrganizationMembers({ Offset: 2, Limit: 2 });
    expect(page.Total).toBe(5);
    expect(page.Items?.map((m) => m.MemberUin)).toEqual(uins.slice(2, 4));
  });

  it.each([
    ["Offset -1", { Offset: -1, Limit: 10 }],
    ["Limit 0", { Offset: 0, Limit: 0 }],
    ["Limit 51", { Offset: 0, Limit: 51 }],
    ["Lang fr", { Offset: 0, Limit: 10, Lang: "fr" }],
  ])("refuses %s with InvalidParameterValue", async (_case, request) => {
    expect(await codeOf(client.DescribeOrganizationMembers(request))).toBe("InvalidParameterValue");
  });

  it("finds a member by exact UIN or by a digit run inside a name, and by name substring", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember({ Name: "ops-2024" }));
    await client.CreateOrganizationMember(aMember({ Name: "dev-box" }));
    const names = async (SearchKey: string) =>
      (await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey })).Items?.map((m) => m.Name);
    expect(await names(String(Uin))).toEqual(["ops-2024"]);
    expect(await names("2024")).toEqual(["ops-2024"]);
    expect(await names("box")).toEqual(["dev-box"]);
    expect(await names(String(Uin).slice(0, 6))).toEqual([]);
  });

  it("filters by NodeId, by exact NodeName and by all given tags", async () => {
    await client.CreateOrganizationMember(
      aMember({
        Name: "eng",
        NodeId: 100001,
        Tags: [
          { TagKey: "env", TagValue: "prod" },
          { TagKey: "team", TagValue: "a" },
        ],
      }),
    );
    await client.CreateOrganizationMember(aMember({ Name: "fin", NodeId: 100002, Tags: [{ TagKey: "env", TagValue: "prod" }] }));
    const names = async (filter: object) =>
      (await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, ...filter })).Items?.map((m) => m.Name);
    expect(await names({ NodeId: 100002 })).toEqual(["fin"]);
    expect(await names({ NodeName: "Engineering" })).toEqual(["eng"]);
    expect(await names({ NodeName: "Engineer" })).toEqual([]);
    expect(await names({ Tags: [{ TagKey: "env", TagValue: "prod" }] })).toEqual(["eng", "fin"]);
    expect(
      await names({
        Tags: [
          { TagKey: "env", TagValue: "prod" },
          { TagKey: "team", TagValue: "a" },
        ],
      }),
    ).toEqual(["eng"]);
  });

  it("filters by the verified entity's AuthName and names permissions in Chinese for Lang zh", async () => {
    await client.CreateOrganizationMember(aMember({ Name: "sister", AuthRelationId: 5001 }));
    await client.CreateOrganizationMember(aMember({ Name: "own" }));
    const page = await client.DescribeOrganizationMembers({ Offset: 0, Limit: 50, AuthName: "Sister", Lang: "zh" });
    expect(page.Items?.map((m) => m.Name)).toEqual(["sister"]);
    expect(page.Items?.[0].OrgPermission?.[0].Name).toBe("查看账单");
  });
});

describe("UpdateOrganizationMember", () => {
  it("changes name, remark, permissions, quit policy, payer and nickname in place", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember({ Name: "before" }));
    await client.UpdateOrganizationMember({
      MemberUin: Uin!,
      Name: "after",
      Remark: "r".repeat(40),
      PolicyType: "Financial",
      PermissionIds: [1, 2, 8],
      IsAllowQuit: "Denied",
      PayUin: String(ADMIN_UIN),
      IsModifyNickName: 1,
    });
    const member = await readMember(Uin!);
    expect(member).toMatchObject({
      Name: "after",
      Remark: "r".repeat(40),
      IsAllowQuit: "Denied",
      PayUin: String(ADMIN_UIN),
      NickName: "after",
    });
    expect(member?.OrgPermission?.map((p) => p.Id)).toEqual([1, 2, 8]);
  });

  it("refuses an unknown member with ResourceNotFound.MemberNotExist", async () => {
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: 1, Remark: "x" }))).toBe("ResourceNotFound.MemberNotExist");
  });

  it("refuses a remark over 40 characters with InvalidParameterValue", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: Uin!, Remark: "r".repeat(41) }))).toBe("InvalidParameterValue");
  });

  it("requires PolicyType and PermissionIds together, answering MissingParameter", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: Uin!, PolicyType: "Financial" }))).toBe("MissingParameter");
    expect(await codeOf(client.UpdateOrganizationMember({ MemberUin: Uin!, PermissionIds: [1, 2] }))).toBe("MissingParameter");
  });

  it("applies the create rules to permissions, policy, name and payer", async () => {
    const other = await client.CreateOrganizationMember(aMember({ Name: "other" }));
    const { Uin } = await client.CreateOrganizationMember(aMember());
    const update = (fields: object) => codeOf(client.UpdateOrganizationMember({ MemberUin: Uin!, ...fields }));
    expect(await update({ PolicyType: "Financial", PermissionIds: [1] })).toBe("FailedOperation.OrganizationPermissionIllegal");
    expect(await update({ PolicyType: "Other", PermissionIds: [1, 2] })).toBe("FailedOperation.OrganizationPolicyIllegal");
    expect(await update({ Name: "other" })).toBe("FailedOperation.OrganizationMemberNameUsed");
    expect(await update({ Name: "bad name" })).toBe("InvalidParameterValue");
    expect(await update({ PayUin: "42" })).toBe("FailedOperation.PayUinIllegal");
    expect(await update({ IsAllowQuit: "Maybe" })).toBe("InvalidParameterValue");
    expect(await update({ IsModifyNickName: 2 })).toBe("InvalidParameterValue");
    expect(other.Uin).toBeDefined();
  });

  it("lets a member keep its own name", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember({ Name: "same" }));
    await expect(client.UpdateOrganizationMember({ MemberUin: Uin!, Name: "same" })).resolves.toHaveProperty("RequestId");
  });
});

describe("MoveOrganizationNodeMembers", () => {
  it("moves members to another department", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember({ NodeId: 100001 }));
    await client.MoveOrganizationNodeMembers({ NodeId: 100003, MemberUin: [Uin!] });
    expect((await readMember(Uin!))?.NodeName).toBe("Sandbox");
  });

  it("refuses an unknown department with FailedOperation.OrganizationNodeNotExist", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    expect(await codeOf(client.MoveOrganizationNodeMembers({ NodeId: 1, MemberUin: [Uin!] }))).toBe(
      "FailedOperation.OrganizationNodeNotExist",
    );
  });

  it("refuses UINs outside the organization with FailedOperation.SomeUinsNotInOrganization", async () => {
    expect(await codeOf(client.MoveOrganizationNodeMembers({ NodeId: 100002, MemberUin: [123] }))).toBe(
      "FailedOperation.SomeUinsNotInOrganization",
    );
  });
});

describe("DeleteOrganizationMembers", () => {
  it("removes invited members", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    await client.DeleteOrganizationMembers({ MemberUin: [invited] });
    expect(emulator.admin.members()).toEqual([]);
  });

  it("refuses created members with UnsupportedOperation.CreateMemberNotAllowDelete and removes nobody", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    const { Uin } = await client.CreateOrganizationMember(aMember());
    expect(await codeOf(client.DeleteOrganizationMembers({ MemberUin: [invited, Uin!] }))).toBe(
      "UnsupportedOperation.CreateMemberNotAllowDelete",
    );
    expect(emulator.admin.members()).toHaveLength(2);
  });

  it("refuses unknown members with the generic InvalidParameter (Tencent documents no not-found code here)", async () => {
    expect(await codeOf(client.DeleteOrganizationMembers({ MemberUin: [404] }))).toBe("InvalidParameter");
  });
});

describe("DeleteAccount", () => {
  it("deletes a created member's account", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    await client.DeleteAccount({ MemberUin: Uin! });
    expect(await readMember(Uin!)).toBeUndefined();
  });

  it("refuses invited members with UnsupportedOperation.InviteAccountNotAllowDelete", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    expect(await codeOf(client.DeleteAccount({ MemberUin: invited }))).toBe("UnsupportedOperation.InviteAccountNotAllowDelete");
  });

  it("refuses unknown members with ResourceNotFound.MemberNotExist", async () => {
    expect(await codeOf(client.DeleteAccount({ MemberUin: 404 }))).toBe("ResourceNotFound.MemberNotExist");
  });

  it("answers FailedOperation.MemberAccountDeregisterPending N times per member before completing", async () => {
    await withEmulator({ deregisterPendingCalls: 2 }, async (pending) => {
      const pendingClient = orgClient(pending);
      const { Uin } = await pendingClient.CreateOrganizationMember(aMember());
      expect(await codeOf(pendingClient.DeleteAccount({ MemberUin: Uin! }))).toBe("FailedOperation.MemberAccountDeregisterPending");
      expect(await codeOf(pendingClient.DeleteAccount({ MemberUin: Uin! }))).toBe("FailedOperation.MemberAccountDeregisterPending");
      expect(pending.admin.members()).toHaveLength(1);
      await pendingClient.DeleteAccount({ MemberUin: Uin! });
      expect(pending.admin.members()).toHaveLength(0);
    });
  });
});
