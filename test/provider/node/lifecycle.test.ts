/**
 * The department lifecycle against the emulator through the real SDK: create (retry-safe), read
 * (drift, gone), update, delete per deletionPolicy, look-ups — and the calls each costs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  NodeNameTakenError,
  NodeNotEmptyError,
  NodeNotFoundError,
  NodeParentMismatchError,
  ResourceInitError,
  TencentApiError,
} from "../../../provider/core/errors";
import { OWNER_TAG_KEYS } from "../../../provider/core/tags";
import { carriesMarker } from "../../../provider/core/ownership";
import { nodeOwnerMarker } from "../../../provider/node/kind";
import { checkNode } from "../../../provider/node/check";
import type { NodeInputs, NodeOutputs } from "../../../provider/node/types";
import { ADMIN_UIN, ENGINEERING_NODE_ID as ENGINEERING, FINANCE_NODE_ID as FINANCE, ROOT_NODE_ID } from "../../emulator";
import { tagClient } from "../../emulator/fixtures";
import { userTagsOf } from "../../support/emulatorState";
import { startProviderHarness, type ProviderHarness } from "../support/harness";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(() => h.close());
beforeEach(() => h.fresh());

function platform(extra: Record<string, unknown> = {}): NodeInputs {
  const { inputs, failures } = checkNode(
    {},
    {
      name: "Platform",
      parentNodeId: ENGINEERING,
      remark: "platform team",
      tags: { team: "platform", env: "prod" },
      ownerMarker: "proj/dev/platform",
      ...extra,
    },
  );
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
}

const namedUnder = (name: string, parent = ENGINEERING) =>
  h.emulator.admin.nodes().filter((n) => n.Name === name && n.ParentNodeId === parent);

/** Every tag of a department, as DescribeOrganizationNodes reports it (the admin summary has none). */
async function tagsOf(nodeId: number): Promise<{ TagKey: string; TagValue: string }[]> {
  const page = await h.outOfBand.DescribeOrganizationNodes({ Offset: 0, Limit: 50 });
  return (page.Items ?? []).find((n) => n.NodeId === nodeId)?.Tags?.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })) ?? [];
}

async function created(extra: Record<string, unknown> = {}): Promise<{ id: string; outs: NodeOutputs }> {
  const result = await h.nodeProvider.create(platform(extra));
  h.restart(); // what follows is another Pulumi operation, in another provider process
  h.resetCounts();
  return result;
}

describe("create", () => {
  it("adds the department with its tags and the ownership marker, then lists once: 2 calls", async () => {
    const { id, outs } = await h.nodeProvider.create(platform());
    expect(h.counts()).toEqual({ AddOrganizationNode: 1, DescribeOrganizationNodes: 1 });
    const [node] = namedUnder("Platform");
    expect(String(node.NodeId)).toBe(id);
    expect(node).toMatchObject({ ParentNodeId: ENGINEERING, Remark: "platform team" });
    const tags = await tagsOf(node.NodeId);
    expect(userTagsOf(tags)).toEqual({ env: "prod", team: "platform" });
    expect(tags.map((t) => t.TagKey).filter((k) => OWNER_TAG_KEYS.includes(k))).toEqual([expect.stringMatching(/^pulumi:owner:[0-7]$/)]);
    expect(outs).toMatchObject({
      nodeId: Number(id),
      name: "Platform",
      parentNodeId: ENGINEERING,
      remark: "platform team",
      tags: { env: "prod", team: "platform" },
      deletionPolicy: "retain",
    });
    expect(outs.createTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("a name taken by a department it did not create is refused, with the id to adopt", async () => {
    const error = await h.nodeProvider.create(platform({ name: "Finance", parentNodeId: ROOT_NODE_ID })).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNameTakenError);
    expect(error.message).toMatch(/FailedOperation\.OrganizationNodeNameUsed/);
    expect(error.message).toMatch(/adoptNodeId: 100002/);
  });

  it("a name used under another parent is refused, naming that department and where it is (names are unique in the organization)", async () => {
    const error = await h.nodeProvider.create(platform({ name: "Finance" })).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNameTakenError);
    expect(error.message).toMatch(
      /"Finance" is already used by department 100002 under department 100000, which this resource did not create/,
    );
    expect(error.message).toMatch(/unique in the whole organization.*declare it with adoptNodeId: 100002 and parentNodeId: 100000/s);
    expect(h.emulator.admin.nodes().filter((n) => n.Name === "Finance")).toHaveLength(1);
  });

  it("moving a created department under names unique in the organization says to rename it in the same change", async () => {
    const { id } = await h.nodeProvider.create(platform());
    // The replacement is created under the new parent first, while the old one still holds the name.
    const error = await h.nodeProvider.create(platform({ parentNodeId: FINANCE })).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNameTakenError);
    expect(error.message).toMatch(
      new RegExp(`by department ${id} under department ${ENGINEERING}, the department this resource is moving away from`),
    );
    expect(error.message).toMatch(/give the department a new name in the same change/);
    expect(namedUnder("Platform")).toHaveLength(1);
  });

  it("an unknown parent is named as parentNodeId", async () => {
    const error = await h.nodeProvider.create(platform({ parentNodeId: 999 })).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNotFoundError);
    expect(error.message).toMatch(/^parentNodeId: department 999/);
  });

  it("a tree deeper than Tencent allows is refused with the code and what to do", async () => {
    let parent = ENGINEERING;
    const depth = async () => {
      for (let i = 0; ; i++) {
        const { id } = await h.nodeProvider.create(platform({ name: `L${i}`, parentNodeId: parent, ownerMarker: `p/s/l${i}` }));
        parent = Number(id);
      }
    };
    const error = await depth().catch((e) => e);
    expect(error).toBeInstanceOf(TencentApiError);
    expect(error.code).toBe("LimitExceeded.NodeDepthExceedLimit");
    expect(error.message).toMatch(/What to do: .*nearer the root/);
  });
});

describe("create is retry-safe", () => {
  it.each(["timeout", "reset", "http502", "nonJson"] as const)(
    "a response lost after the department was added (%s) leaves exactly one",
    async (mode) => {
      h.emulator.admin.injectFault({ action: "AddOrganizationNode", mode, commit: true });
      const { id } = await h.nodeProvider.create(platform());
      expect(namedUnder("Platform").map((n) => String(n.NodeId))).toEqual([id]);
      expect(h.counts().AddOrganizationNode).toBe(1);
      expect(h.logs.join("\n")).toMatch(/was created by this resource: using it/);
    },
  );

  it("a request lost before it ran is sent again and creates one", async () => {
    h.emulator.admin.injectFault({ action: "AddOrganizationNode", mode: "reset", commit: false });
    const { id } = await h.nodeProvider.create(platform());
    expect(namedUnder("Platform").map((n) => String(n.NodeId))).toEqual([id]);
    expect(h.counts().AddOrganizationNode).toBe(2);
  });

  it("a re-run after a crash (the department exists, the state does not know it) finds its own through the marker", async () => {
    const first = await h.nodeProvider.create(platform());
    h.restart(); // the next `pulumi up`, after the first one died before checkpointing
    const again = await h.nodeProvider.create(platform());
    expect(again.id).toBe(first.id);
    expect(namedUnder("Platform")).toHaveLength(1);
    expect(h.logs.join("\n")).toMatch(/created earlier by this resource: using it \(FailedOperation\.OrganizationNodeNameUsed/);
  });

  it("another stack's resource of the same name does not take it over: the marker differs", async () => {
    await h.nodeProvider.create(platform());
    const error = await h.nodeProvider.create(platform({ ownerMarker: "proj/prod/platform" })).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNameTakenError);
    expect(namedUnder("Platform")).toHaveLength(1);
  });

  it("FailedOperation.TagResourcesError: the department this call created without tags is taken, then tagged and marked", async () => {
    h.emulator.admin.injectFault({ action: "AddOrganizationNode", mode: "tagResourcesError" });
    const { id, outs } = await h.nodeProvider.create(platform());
    expect(namedUnder("Platform").map((n) => String(n.NodeId))).toEqual([id]);
    expect(outs.tags).toEqual({ env: "prod", team: "platform" });
    const tags = await tagsOf(Number(id));
    expect(carriesMarker(Object.fromEntries(tags.map((t) => [t.TagKey, t.TagValue])), nodeOwnerMarker(platform()))).toBe(true);
    expect(h.logs.join("\n")).toMatch(/TagResourcesError on create .* was created without its tags; taking it/);
  });

  it("a rerun after a tagging failure that ended the run never stops on the name: it finds its department", async () => {
    h.emulator.admin.injectFault({ action: "AddOrganizationNode", mode: "tagResourcesError" });
    h.emulator.admin.injectFault({ action: "ModifyResourceTags", mode: "error", code: "FailedOperation", count: 1 });
    const error = await h.nodeProvider.create(platform()).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    // The run ended with the department recorded; the next up updates it from the error's properties.
    h.restart();
    const { outs } = await h.nodeProvider.update(error.id, error.properties, platform());
    expect(outs.tags).toEqual({ env: "prod", team: "platform" });
    expect(namedUnder("Platform")).toHaveLength(1);
    const tags = Object.fromEntries((await tagsOf(Number(error.id))).map((t) => [t.TagKey, t.TagValue]));
    expect(carriesMarker(tags, nodeOwnerMarker(platform()))).toBe(true);
  });

  it("a department with 35 tags: created with the marker and 9, the rest in batches of 10, read back whole", async () => {
    const tags = Object.fromEntries([...Array(35)].map((_, i) => [`k${String(i).padStart(2, "0")}`, `v${i}`]));
    const { id, outs } = await h.nodeProvider.create(platform({ tags }));
    expect(outs.tags).toEqual(tags);
    expect(await tagsOf(Number(id))).toHaveLength(36);
    expect(h.counts()).toMatchObject({ AddOrganizationNode: 1, ModifyResourceTags: 3 });
  });

  it("tags that fail after the department exists leave it in the state (ResourceInitError), not forgotten", async () => {
    h.emulator.admin.injectFault({ action: "ModifyResourceTags", mode: "error", code: "LimitExceeded.Quota", count: 10 });
    const adopted = await h.outOfBand.AddOrganizationNode({ ParentNodeId: ENGINEERING, Name: "Tagless" });
    const error = await h.nodeProvider.create(platform({ name: "Tagless", adoptNodeId: adopted.NodeId })).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.id).toBe(String(adopted.NodeId));
    expect(error.message).toMatch(/department \d+ was created, but a follow-up step failed/);
  });
});

describe("read", () => {
  it("reports drift of name, remark and tags made out of band", async () => {
    const { id, outs } = await created();
    await h.outOfBand.UpdateOrganizationNode({ NodeId: Number(id), Name: "Renamed", Remark: "by hand" });
    await tagClient(h.emulator).ModifyResourceTags({
      Resource: `qcs::organization::uin/${ADMIN_UIN}:node/${id}`,
      ReplaceTags: [{ TagKey: "team", TagValue: "ml" }],
    });
    const read = await h.nodeProvider.read(id, outs);
    expect(read.props).toMatchObject({
      name: "Renamed",
      remark: "by hand",
      tags: { env: "prod", team: "ml" },
      ownerMarker: "proj/dev/platform",
    });
    expect(read.inputs).toMatchObject({ name: "Renamed", remark: "by hand", parentNodeId: ENGINEERING });
  });

  it("a department deleted out of band is gone (no id)", async () => {
    const { id, outs } = await created();
    await h.outOfBand.DeleteOrganizationNodes({ NodeId: [Number(id)] });
    expect(await h.nodeProvider.read(id, outs)).toEqual({});
  });

  it("one listing serves every department of an operation: 5 reads cost 1 call", async () => {
    const made = await Promise.all(
      ["A", "B", "C", "D", "E"].map((Name) => h.outOfBand.AddOrganizationNode({ ParentNodeId: ENGINEERING, Name })),
    );
    h.resetCounts();
    await Promise.all(made.map((m) => h.nodeProvider.read(String(m.NodeId), {})));
    expect(h.counts()).toEqual({ DescribeOrganizationNodes: 1 });
  });
});

describe("update", () => {
  it("a rename is one UpdateOrganizationNode and one listing", async () => {
    const { id, outs } = await created();
    const { outs: updated } = await h.nodeProvider.update(id, outs, platform({ name: "Infra" }));
    expect(updated.name).toBe("Infra");
    expect(namedUnder("Infra")).toHaveLength(1);
    expect(h.counts()).toEqual({ UpdateOrganizationNode: 1, DescribeOrganizationNodes: 1 });
  });

  it("tags go through the Tag service on the department's resource name, the marker untouched", async () => {
    const { id, outs } = await created();
    const { outs: updated } = await h.nodeProvider.update(id, outs, platform({ tags: { team: "infra" } }));
    expect(updated.tags).toEqual({ team: "infra" });
    expect(h.counts()).toEqual({ ModifyResourceTags: 1, DescribeOrganizationNodes: 1 });
    const tags = await tagsOf(Number(id));
    expect(tags.filter((t) => OWNER_TAG_KEYS.includes(t.TagKey))).toHaveLength(1);
    const modify = h.emulator.admin.requestLog().find((e) => e.action === "ModifyResourceTags")!;
    expect((modify.params as { Resource?: string }).Resource).toBe(`qcs::organization:${h.settings.region}:uin/:node/${id}`);
  });

  it("a deletionPolicy change makes no call", async () => {
    const { id, outs } = await created();
    const { outs: updated } = await h.nodeProvider.update(id, outs, platform({ deletionPolicy: "delete" }));
    expect(updated.deletionPolicy).toBe("delete");
    expect(h.counts()).toEqual({});
  });

  it("renaming onto a sibling's name is refused with that sibling's id", async () => {
    const { id, outs } = await created();
    await h.outOfBand.AddOrganizationNode({ ParentNodeId: ENGINEERING, Name: "Data" });
    const error = await h.nodeProvider.update(id, outs, platform({ name: "Data" })).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNameTakenError);
    expect(error.message).toMatch(/adoptNodeId: \d+/);
  });
});

describe("delete", () => {
  it("retain (the default) makes no call and keeps the department", async () => {
    const { id, outs } = await created();
    await h.nodeProvider.delete(id, outs);
    expect(h.counts()).toEqual({});
    expect(namedUnder("Platform")).toHaveLength(1);
  });

  it("delete removes an empty department with one call", async () => {
    const { id, outs } = await created({ deletionPolicy: "delete" });
    await h.nodeProvider.delete(id, outs);
    expect(namedUnder("Platform")).toHaveLength(0);
    expect(h.counts()).toEqual({ DeleteOrganizationNodes: 1 });
  });

  it("a department already gone counts as deleted", async () => {
    const { id, outs } = await created({ deletionPolicy: "delete" });
    await h.outOfBand.DeleteOrganizationNodes({ NodeId: [Number(id)] });
    await h.nodeProvider.delete(id, outs);
    expect(h.logs.join("\n")).toMatch(/already gone/);
  });

  it("a department with members is refused, naming them and what to do (FailedOperation.NodeNotEmpty)", async () => {
    const { id, outs } = await created({ deletionPolicy: "delete" });
    h.emulator.admin.inviteMember({ name: "guest", nodeId: Number(id) });
    const error = await h.nodeProvider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNotEmptyError);
    expect(error.code).toBe("FailedOperation.NodeNotEmpty");
    expect(error.message).toMatch(/still holds 1 member \(guest\)/);
    expect(error.message).toMatch(/What to do: move its members/);
    expect(namedUnder("Platform")).toHaveLength(1);
  });

  it("a department with sub-departments is refused, naming them (FailedOperation.OrganizationNodeNotEmpty)", async () => {
    const { id, outs } = await created({ deletionPolicy: "delete" });
    const child = await h.outOfBand.AddOrganizationNode({ ParentNodeId: Number(id), Name: "Child" });
    const error = await h.nodeProvider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(NodeNotEmptyError);
    expect(error.code).toBe("FailedOperation.OrganizationNodeNotEmpty");
    expect(error.message).toContain(`1 sub-department (Child ${child.NodeId})`);
  });
});

describe("adoption and look-ups", () => {
  it("adopts an existing department without creating one, then applies the declared fields", async () => {
    const { outs, id } = await h.nodeProvider.create(
      platform({ name: "Finance", parentNodeId: ROOT_NODE_ID, adoptNodeId: FINANCE, tags: undefined, remark: "money" }),
    );
    expect(id).toBe(String(FINANCE));
    expect(outs.remark).toBe("money");
    expect(h.counts().AddOrganizationNode ?? 0).toBe(0);
  });

  it("refuses to adopt a department under another parent than declared", async () => {
    const error = await h.nodeProvider.create(platform({ name: "Finance", adoptNodeId: FINANCE })).catch((e) => e);
    expect(error).toBeInstanceOf(NodeParentMismatchError);
    expect(error.message).toMatch(/sits under 100000, not under parentNodeId 100001/);
    expect(error.message).toMatch(/What to do: no API moves a department: declare parentNodeId: 100000/);
  });

  it("finds a department by id, by name under its parent, by path, and the root — from one listing", async () => {
    const { id } = await created();
    const byId = await h.nodeProvider.lookup({ nodeId: Number(id) });
    const byName = await h.nodeProvider.lookup({ name: "Platform", parentNodeId: ENGINEERING });
    const byPath = await h.nodeProvider.lookup({ path: "Engineering/Platform" });
    const root = await h.nodeProvider.lookup({ root: true });
    expect([byId?.nodeId, byName?.nodeId, byPath?.nodeId]).toEqual([Number(id), Number(id), Number(id)]);
    expect(root).toMatchObject({ nodeId: ROOT_NODE_ID, parentNodeId: 0 });
    expect(await h.nodeProvider.lookup({ path: "Engineering/Nope" })).toBeUndefined();
    expect(h.counts()).toEqual({ DescribeOrganizationNodes: 1 });
  });
});

describe("department names unique among siblings only (emulator option departmentNameScope: siblings)", () => {
  let siblings: ProviderHarness;
  beforeAll(async () => {
    siblings = await startProviderHarness({ departmentNameScope: "siblings" });
  });
  afterAll(() => siblings.close());

  it("the same name under another parent is another department", async () => {
    siblings.fresh();
    await siblings.nodeProvider.create(platform({ name: "Finance" }));
    expect(siblings.emulator.admin.nodes().filter((n) => n.Name === "Finance")).toHaveLength(2);
  });
});
