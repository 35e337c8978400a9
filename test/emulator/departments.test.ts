/**
 * Departments (issue 11, emulator part): update, delete, tags, limits, through the real SDK.
 */
import { describe, expect, it } from "vitest";
import { aMember, codeOf, tagClient, useEmulator, type OrgClient } from "./fixtures";
import type { RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

const node = async (nodeId: number) =>
  (await client.DescribeOrganizationNodes({ Offset: 0, Limit: 50 })).Items?.find((n) => n.NodeId === nodeId);
const add = async (name: string, parent = 100000) => (await client.AddOrganizationNode({ ParentNodeId: parent, Name: name })).NodeId!;

describe("UpdateOrganizationNode", () => {
  it("renames a department and changes its remark in place", async () => {
    const id = await add("Platform", 100001);
    await client.UpdateOrganizationNode({ NodeId: id, Name: "Platform-2", Remark: "infra" });
    expect(await node(id)).toMatchObject({ Name: "Platform-2", Remark: "infra", ParentNodeId: 100001 });
    await client.UpdateOrganizationNode({ NodeId: id, Remark: "" });
    expect(await node(id)).toMatchObject({ Name: "Platform-2", Remark: "" });
  });

  it("refuses a name a sibling uses with FailedOperation.OrganizationNodeNameUsed, and by default one used anywhere in the organization", async () => {
    const id = await add("Platform", 100001);
    await client.UpdateOrganizationNode({ NodeId: id, Name: "Platform" });
    await add("Data", 100001);
    expect(await codeOf(client.UpdateOrganizationNode({ NodeId: id, Name: "Data" }))).toBe("FailedOperation.OrganizationNodeNameUsed");
    // Tencent's FAQ: a department name is unique in the organization ("Finance" sits under the root).
    expect(await codeOf(client.UpdateOrganizationNode({ NodeId: id, Name: "Finance" }))).toBe("FailedOperation.OrganizationNodeNameUsed");
    expect(await codeOf(client.AddOrganizationNode({ ParentNodeId: 100001, Name: "Sandbox" }))).toBe(
      "FailedOperation.OrganizationNodeNameUsed",
    );
  });

  it("refuses an unknown department with FailedOperation.OrganizationNodeNotExist", async () => {
    expect(await codeOf(client.UpdateOrganizationNode({ NodeId: 7, Name: "x" }))).toBe("FailedOperation.OrganizationNodeNotExist");
  });

  it("refuses a name outside the node-name rule with InvalidParameterValue", async () => {
    expect(await codeOf(client.UpdateOrganizationNode({ NodeId: 100001, Name: "a:b" }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.UpdateOrganizationNode({ NodeId: 100001, Name: "n".repeat(41) }))).toBe("InvalidParameterValue");
  });
});

describe("DeleteOrganizationNodes", () => {
  it("deletes empty departments, several in one call", async () => {
    const a = await add("A");
    const b = await add("B");
    await client.DeleteOrganizationNodes({ NodeId: [a, b] });
    expect(emulator.admin.nodes().map((n) => n.NodeId)).toEqual([100000, 100001, 100002, 100003]);
  });

  it("refuses a department with members with FailedOperation.NodeNotEmpty and deletes nothing", async () => {
    const a = await add("A");
    const b = await add("B");
    await client.CreateOrganizationMember(aMember({ NodeId: b }));
    expect(await codeOf(client.DeleteOrganizationNodes({ NodeId: [a, b] }))).toBe("FailedOperation.NodeNotEmpty");
    expect(await node(a)).toBeDefined();
  });

  it("refuses a department with sub-departments with FailedOperation.OrganizationNodeNotEmpty", async () => {
    const parent = await add("Parent");
    await add("Child", parent);
    expect(await codeOf(client.DeleteOrganizationNodes({ NodeId: [parent] }))).toBe("FailedOperation.OrganizationNodeNotEmpty");
  });

  it("counts a member moved out: the department can then be deleted", async () => {
    const a = await add("A");
    const { Uin } = await client.CreateOrganizationMember(aMember({ NodeId: a }));
    await client.MoveOrganizationNodeMembers({ NodeId: 100001, MemberUin: [Uin!] });
    await client.DeleteOrganizationNodes({ NodeId: [a] });
  });

  it("refuses an unknown department or the root with the generic InvalidParameter (undocumented cases)", async () => {
    expect(await codeOf(client.DeleteOrganizationNodes({ NodeId: [7] }))).toBe("InvalidParameter");
    expect(await codeOf(client.DeleteOrganizationNodes({ NodeId: [100000] }))).toBe("InvalidParameter");
  });

  it("refuses more than 10 departments in one call with FailedOperation.OrganizationNodeDeleteOverLimit", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) ids.push(await add(`N${i}`));
    expect(await codeOf(client.DeleteOrganizationNodes({ NodeId: ids }))).toBe("FailedOperation.OrganizationNodeDeleteOverLimit");
  });
});

describe("AddOrganizationNode tags and limits", () => {
  it.each([
    ["eleven tags", Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }))],
    ["an empty value", [{ TagKey: "k", TagValue: "" }]],
    ["a reserved key", [{ TagKey: "qcs:x", TagValue: "v" }]],
    ["an illegal character", [{ TagKey: "k", TagValue: "a|b" }]],
  ])("refuses %s with InvalidParameter.TagError", async (_case, tags) => {
    expect(await codeOf(client.AddOrganizationNode({ ParentNodeId: 100000, Name: "Tagged", Tags: tags }))).toBe(
      "InvalidParameter.TagError",
    );
    expect(emulator.admin.nodes()).toHaveLength(4);
  });

  it("filters departments by tag key alone and by key and value", async () => {
    const a = (await client.AddOrganizationNode({ ParentNodeId: 100000, Name: "A", Tags: [{ TagKey: "owner", TagValue: "x" }] })).NodeId;
    const b = (await client.AddOrganizationNode({ ParentNodeId: 100000, Name: "B", Tags: [{ TagKey: "owner", TagValue: "y" }] })).NodeId;
    const byKey = await client.DescribeOrganizationNodes({
      Offset: 0,
      Limit: 50,
      Tags: [{ TagKey: "owner" } as { TagKey: string; TagValue: string }],
    });
    expect(byKey.Items?.map((n) => n.NodeId)).toEqual([a, b]);
    const byValue = await client.DescribeOrganizationNodes({ Offset: 0, Limit: 50, Tags: [{ TagKey: "owner", TagValue: "y" }] });
    expect(byValue.Items?.map((n) => n.NodeId)).toEqual([b]);
  });

  it("changes department tags through the Tag service", async () => {
    const id = await add("Tagged");
    await tagClient(emulator).ModifyResourceTags({
      Resource: `qcs::organization:ap-guangzhou:uin/:node/${id}`,
      ReplaceTags: [{ TagKey: "owner", TagValue: "z" }],
    });
    expect((await node(id))?.Tags).toEqual([{ TagKey: "owner", TagValue: "z" }]);
  });
});

describe("department depth by default: 5 levels, the root being level 1", () => {
  it("adds levels 2 to 5 below the root and refuses level 6 with LimitExceeded.NodeDepthExceedLimit", async () => {
    let parent = 100000;
    for (const level of [2, 3, 4, 5]) parent = await add(`Level${level}`, parent);
    expect(await codeOf(client.AddOrganizationNode({ ParentNodeId: parent, Name: "Level6" }))).toBe("LimitExceeded.NodeDepthExceedLimit");
    expect(emulator.admin.nodes()).toHaveLength(8);
  });
});

describe("department limits (nodeDepthLimit 3, nodeLimit 6)", () => {
  let limited: OrgClient;
  useEmulator(
    (started) => {
      limited = started.client;
    },
    { rateLimitPerSecond: 0, nodeDepthLimit: 3, nodeLimit: 6 },
  );

  it("refuses a fourth level with LimitExceeded.NodeDepthExceedLimit (the root is level 1)", async () => {
    const level3 = (await limited.AddOrganizationNode({ ParentNodeId: 100001, Name: "L3" })).NodeId!;
    expect(await codeOf(limited.AddOrganizationNode({ ParentNodeId: level3, Name: "L4" }))).toBe("LimitExceeded.NodeDepthExceedLimit");
  });

  it("refuses a seventh department with LimitExceeded.NodeExceedLimit", async () => {
    await limited.AddOrganizationNode({ ParentNodeId: 100000, Name: "Fifth" });
    await limited.AddOrganizationNode({ ParentNodeId: 100000, Name: "Sixth" });
    expect(await codeOf(limited.AddOrganizationNode({ ParentNodeId: 100000, Name: "Seventh" }))).toBe("LimitExceeded.NodeExceedLimit");
  });
});

describe("departmentNameScope: siblings (the other reading of Tencent's rule)", () => {
  let siblings: OrgClient;
  useEmulator(
    (started) => {
      siblings = started.client;
    },
    { rateLimitPerSecond: 0, departmentNameScope: "siblings" },
  );

  it("allows a name used under another parent, and still refuses a sibling's", async () => {
    const { NodeId } = await siblings.AddOrganizationNode({ ParentNodeId: 100001, Name: "Finance" });
    expect(NodeId).toBeGreaterThan(100003);
    expect(await codeOf(siblings.AddOrganizationNode({ ParentNodeId: 100001, Name: "Finance" }))).toBe(
      "FailedOperation.OrganizationNodeNameUsed",
    );
  });
});
