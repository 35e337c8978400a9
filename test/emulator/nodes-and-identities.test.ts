import { describe, expect, it } from "vitest";
import { aMember, codeOf, useEmulator, type OrgClient } from "./fixtures";

let client: OrgClient;
useEmulator((started) => {
  client = started.client;
});

describe("DescribeOrganizationNodes and AddOrganizationNode", () => {
  it("lists the seed tree: Root 100000 and three departments under it", async () => {
    const { Items, Total } = await client.DescribeOrganizationNodes({ Offset: 0, Limit: 50 });
    expect(Total).toBe(4);
    expect(Items?.map((n) => [n.NodeId, n.Name, n.ParentNodeId])).toEqual([
      [100000, "Root", 0],
      [100001, "Engineering", 100000],
      [100002, "Finance", 100000],
      [100003, "Sandbox", 100000],
    ]);
  });

  it("adds a department with tags that the node list filters on", async () => {
    const { NodeId } = await client.AddOrganizationNode({
      ParentNodeId: 100001,
      Name: "Platform",
      Remark: "infra",
      Tags: [{ TagKey: "cost", TagValue: "42" }],
    });
    expect(NodeId).toBe(100004);
    const tagged = await client.DescribeOrganizationNodes({ Offset: 0, Limit: 50, Tags: [{ TagKey: "cost", TagValue: "42" }] });
    expect(tagged.Items).toEqual([expect.objectContaining({ NodeId: 100004, Name: "Platform", ParentNodeId: 100001, Remark: "infra" })]);
    await expect(client.CreateOrganizationMember(aMember({ NodeId: NodeId! }))).resolves.toHaveProperty("Uin");
  });

  it("refuses Limit 51 with InvalidParameterValue", async () => {
    expect(await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 51 }))).toBe("InvalidParameterValue");
  });

  it("refuses an unknown parent with ResourceNotFound.OrganizationNodeNotExist", async () => {
    expect(await codeOf(client.AddOrganizationNode({ ParentNodeId: 7, Name: "Orphan" }))).toBe("ResourceNotFound.OrganizationNodeNotExist");
  });

  it("refuses a sibling with the same name with FailedOperation.OrganizationNodeNameUsed", async () => {
    expect(await codeOf(client.AddOrganizationNode({ ParentNodeId: 100000, Name: "Finance" }))).toBe(
      "FailedOperation.OrganizationNodeNameUsed",
    );
  });

  it("refuses a name over 40 characters or with ':' with InvalidParameterValue", async () => {
    expect(await codeOf(client.AddOrganizationNode({ ParentNodeId: 100000, Name: "n".repeat(41) }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.AddOrganizationNode({ ParentNodeId: 100000, Name: "a:b" }))).toBe("InvalidParameterValue");
  });
});

describe("ListOrganizationIdentity and DescribeOrganizationAuthNode", () => {
  it("lists identity 1 Administrator first, filterable by type and search key", async () => {
    const all = await client.ListOrganizationIdentity({ Offset: 0, Limit: 50 });
    expect(all.Items?.[0]).toMatchObject({ IdentityId: 1, IdentityAliasName: "Administrator", IdentityType: 1 });
    expect(all.Total).toBe(4);
    const custom = await client.ListOrganizationIdentity({ Offset: 0, Limit: 50, IdentityType: 2 });
    expect(custom.Items?.map((i) => i.IdentityAliasName)).toEqual(["Developer"]);
    const search = await client.ListOrganizationIdentity({ Offset: 0, Limit: 50, SearchKey: "Read" });
    expect(search.Items?.map((i) => i.IdentityId)).toEqual([2]);
  });

  it("refuses Limit 0 with InvalidParameterValue", async () => {
    expect(await codeOf(client.ListOrganizationIdentity({ Offset: 0, Limit: 0 }))).toBe("InvalidParameterValue");
  });

  it("lists auth relation 5001 with its manager", async () => {
    const { Items, Total } = await client.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10 });
    expect(Total).toBe(1);
    expect(Items?.[0]).toMatchObject({ RelationId: 5001, AuthName: expect.any(String), Manager: { MemberUin: expect.any(Number) } });
    expect((await client.DescribeOrganizationAuthNode({ Offset: 0, Limit: 10, AuthName: "nobody" })).Total).toBe(0);
  });
});

describe("member access identities", () => {
  it("grants, lists and revokes identities, reflected in OrgMember.OrgIdentity", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember({ Name: "ident" }));
    await client.CreateOrganizationMemberAuthIdentity({ MemberUins: [Uin!], IdentityIds: [3, 4] });
    const granted = await client.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 50, MemberUin: Uin! });
    expect(granted.Total).toBe(3);
    expect(granted.Items?.map((i) => i.IdentityId)).toEqual([1, 3, 4]);
    expect(granted.Items?.[1]).toMatchObject({
      IdentityId: 3,
      IdentityRoleName: "OrganizationFinance",
      IdentityRoleAliasName: "FinanceAdmin",
      IdentityType: 1,
      Status: 1,
      MemberUin: Uin,
      MemberName: "ident",
      CreateTime: expect.stringMatching(/^\d{4}-/),
    });
    await client.DeleteOrganizationMemberAuthIdentity({ MemberUin: Uin!, IdentityId: 3 });
    const { Items } = await client.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: String(Uin) });
    expect(Items?.[0].OrgIdentity?.map((i) => i.IdentityId)).toEqual([1, 4]);
  });

  it("lists every member holding an identity when only IdentityId is given", async () => {
    const a = await client.CreateOrganizationMember(aMember());
    const b = await client.CreateOrganizationMember(aMember({ IdentityRoleID: [2] }));
    const holders = await client.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 50, IdentityId: 1 });
    expect(holders.Items?.map((i) => i.MemberUin)).toEqual([a.Uin]);
    expect(b.Uin).toBeGreaterThan(a.Uin!);
  });

  it("requires MemberUin or IdentityId when describing, answering MissingParameter", async () => {
    expect(await codeOf(client.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 10 }))).toBe("MissingParameter");
  });

  it("refuses more than 10 members or 5 identities with InvalidParameterValue", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    const eleven = Array.from({ length: 11 }, () => Uin!);
    expect(await codeOf(client.CreateOrganizationMemberAuthIdentity({ MemberUins: eleven, IdentityIds: [1] }))).toBe(
      "InvalidParameterValue",
    );
    expect(await codeOf(client.CreateOrganizationMemberAuthIdentity({ MemberUins: [Uin!], IdentityIds: [1, 2, 3, 4, 1, 2] }))).toBe(
      "InvalidParameterValue",
    );
  });

  it("refuses granting an unknown identity with ResourceNotFound.OrganizationIdentityNotExist", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    expect(await codeOf(client.CreateOrganizationMemberAuthIdentity({ MemberUins: [Uin!], IdentityIds: [99] }))).toBe(
      "ResourceNotFound.OrganizationIdentityNotExist",
    );
  });

  it("refuses granting to non-members with ResourceNotFound.OrganizationMemberNotExist", async () => {
    expect(await codeOf(client.CreateOrganizationMemberAuthIdentity({ MemberUins: [5], IdentityIds: [1] }))).toBe(
      "ResourceNotFound.OrganizationMemberNotExist",
    );
  });

  it("refuses revoking an unknown identity with ResourceNotFound.OrganizationIdentityNotExist", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    expect(await codeOf(client.DeleteOrganizationMemberAuthIdentity({ MemberUin: Uin!, IdentityId: 99 }))).toBe(
      "ResourceNotFound.OrganizationIdentityNotExist",
    );
  });

  it("refuses revoking an identity the member lacks, or from a non-member, with ResourceNotFound.MemberIdentityNotExist", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember());
    expect(await codeOf(client.DeleteOrganizationMemberAuthIdentity({ MemberUin: Uin!, IdentityId: 2 }))).toBe(
      "ResourceNotFound.MemberIdentityNotExist",
    );
    expect(await codeOf(client.DeleteOrganizationMemberAuthIdentity({ MemberUin: 5, IdentityId: 1 }))).toBe(
      "ResourceNotFound.MemberIdentityNotExist",
    );
  });
});
