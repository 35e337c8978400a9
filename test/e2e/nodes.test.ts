/**
 * Departments through the real engine: created before the members placed in them, a no-op second
 * run, drift of name/remark/tags and deletion out of band reported by the drift check and healed,
 * a move (replacement) that works when the stack's members follow and is refused where it cannot
 * work, and destroy per deletionPolicy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStack } from "../../scripts/lib/engine";
import { ADMIN_UIN, ROOT_NODE_ID } from "../emulator";
import { orgClient, tagClient } from "../emulator/fixtures";
import { userTagsOf } from "../support/emulatorState";
import { engineFailureOf, MUTATING_ACTIONS, startEngineHarness, type EngineHarness } from "./harness";

const PROGRAM = "test/e2e/programs/departments.ts";
const NODE_ACTIONS = ["AddOrganizationNode", "UpdateOrganizationNode", "DeleteOrganizationNodes"];

let h: EngineHarness;
let stack: EngineStack;
beforeAll(async () => {
  // Moving a department creates the new one before deleting the old, which works only where names
  // are unique among siblings; Tencent's FAQ says in the organization (the emulator's default), and
  // there a move needs a new name (test/provider/node/lifecycle.test.ts).
  h = await startEngineHarness("nodes", { departmentNameScope: "siblings" });
  stack = await h.open(PROGRAM);
});
afterAll(async () => h?.close());

const node = (name: string) => h.emulator.admin.nodes().find((n) => n.Name === name);
const org = () => orgClient(h.emulator, { reqTimeout: 10 });
async function tagsOf(nodeId: number) {
  const page = await org().DescribeOrganizationNodes({ Offset: 0, Limit: 50 });
  return userTagsOf(
    (page.Items ?? []).find((n) => n.NodeId === nodeId)?.Tags?.map((t) => ({ TagKey: t.TagKey!, TagValue: t.TagValue! })) ?? [],
  );
}

describe.sequential("departments as code", () => {
  it("pulumi up creates the tree, then the member inside it", async () => {
    const result = await stack.up();
    expect(result.summary.resourceChanges).toMatchObject({ create: 5 }); // three departments, a member, the stack
    const product = node("Product")!;
    const platform = node("Platform")!;
    expect(product.ParentNodeId).toBe(ROOT_NODE_ID);
    expect(platform.ParentNodeId).toBe(product.NodeId);
    expect(await tagsOf(platform.NodeId)).toEqual({ env: "prod", team: "platform" });
    const ci = h.emulator.admin.members().find((m) => m.name === "nodes-ci")!;
    expect(ci.nodeId).toBe(platform.NodeId);
    expect(result.outputs.ciNodeId.value).toBe(platform.NodeId);
    expect(result.outputs.rootNodeId.value).toBe(ROOT_NODE_ID);
  });

  it("a second pulumi up changes nothing and sends no call that changes anything", async () => {
    const before = h.emulator.admin.counters();
    const result = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ same: 5 });
    const calls = h.callsSince(before);
    for (const action of [...MUTATING_ACTIONS, ...NODE_ACTIONS]) expect(calls[action] ?? 0, action).toBe(0);
  });

  it("a refresh reads every department with one listing", async () => {
    const before = h.emulator.admin.counters();
    await stack.preview({ refresh: true, expectNoChanges: true });
    // One listing for the program's root look-up (its own process) and one for the provider's reads.
    expect(h.callsSince(before).DescribeOrganizationNodes).toBe(2);
  });

  const drifts: { field: string; change: (nodeId: number) => Promise<unknown> }[] = [
    { field: "name", change: (nodeId) => org().UpdateOrganizationNode({ NodeId: nodeId, Name: "Renamed" }) },
    { field: "remark", change: (nodeId) => org().UpdateOrganizationNode({ NodeId: nodeId, Remark: "by hand" }) },
    {
      field: "tags",
      change: (nodeId) =>
        tagClient(h.emulator).ModifyResourceTags({
          Resource: `qcs::organization::uin/${ADMIN_UIN}:node/${nodeId}`,
          ReplaceTags: [{ TagKey: "team", TagValue: "ml" }],
        }),
    },
  ];
  it("changes of name, remark and tags made out of band are reported by one drift check and undone by one up --refresh", async () => {
    const product = node("Product")!;
    for (const { change } of drifts) await change(product.NodeId);
    const report = await engineFailureOf(stack.preview({ refresh: true, expectNoChanges: true }));
    expect(report).toMatch(/no changes were expected for preview but changes were proposed/);
    expect(report).toContain("OrganizationNode::product");
    for (const { field } of drifts) expect(report, field).toMatch(new RegExp(`~ ${field}\\b`));

    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(node("Product")).toMatchObject({ NodeId: product.NodeId, Name: "Product", Remark: "product engineering" });
    expect(await tagsOf(product.NodeId)).toEqual({ team: "product" });
    await stack.preview({ refresh: true, expectNoChanges: true });
  });

  it("a department deleted out of band is reported by the drift check and created again by up --refresh", async () => {
    const scratch = node("Scratch")!;
    await org().DeleteOrganizationNodes({ NodeId: [scratch.NodeId] });
    const report = await engineFailureOf(stack.preview({ refresh: true, expectNoChanges: true }));
    expect(report).toMatch(/\+ pulumi-nodejs:dynamic\/tencentcloud:OrganizationNode: \(create\)\s+\[urn=[^\]]*OrganizationNode::scratch\]/);
    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toMatchObject({ create: 1 });
    expect(node("Scratch")!.NodeId).not.toBe(scratch.NodeId);
  });

  it("an adopted department cannot move: the preview is refused and names parentNodeId", async () => {
    await stack.setConfig("adoptSandbox", "true");
    await stack.up();
    await stack.setConfig("sandboxParent", "100001");
    const report = await engineFailureOf(stack.preview());
    expect(report).toMatch(/parentNodeId/);
    expect(report).toMatch(/no Tencent API moves a department/);
    expect(node("Sandbox")!.ParentNodeId).toBe(ROOT_NODE_ID);
    await stack.stack.removeConfig("sandboxParent");
  });

  it("moving a department with a member outside the stack creates the new one, moves the stack's member, and refuses to delete the old one, saying why", async () => {
    const old = node("Platform")!;
    const guest = h.emulator.admin.inviteMember({ name: "guest", nodeId: old.NodeId });
    await stack.setConfig("platformParent", "root");
    const report = await engineFailureOf(stack.up());
    expect(report).toMatch(/refused to delete department \d+: it still holds 1 member \(guest\)/);
    expect(report).toMatch(/FailedOperation\.NodeNotEmpty/);
    const platforms = h.emulator.admin.nodes().filter((n) => n.Name === "Platform");
    expect(platforms.map((n) => n.ParentNodeId).sort()).toEqual([old.ParentNodeId, ROOT_NODE_ID].sort());
    const fresh = platforms.find((n) => n.ParentNodeId === ROOT_NODE_ID)!;
    expect(h.emulator.admin.members().find((m) => m.name === "nodes-ci")!.nodeId).toBe(fresh.NodeId);

    // Once the guest has left, the next up deletes the old department and nothing else changes.
    await org().MoveOrganizationNodeMembers({ NodeId: 100003, MemberUin: [guest] });
    await stack.up();
    expect(
      h.emulator.admin
        .nodes()
        .filter((n) => n.Name === "Platform")
        .map((n) => n.NodeId),
    ).toEqual([fresh.NodeId]);
    await stack.preview({ refresh: true, expectNoChanges: true });
  });

  it("destroy deletes the departments with deletionPolicy delete (after the member inside) and keeps the retained ones", async () => {
    const result = await stack.destroy();
    expect(result.summary.resourceChanges).toMatchObject({ delete: 6 });
    const names = h.emulator.admin
      .nodes()
      .map((n) => n.Name)
      .sort();
    expect(names).toEqual(["Engineering", "Finance", "Root", "Sandbox", "Scratch"]);
    expect(h.emulator.admin.members().map((m) => m.name)).toEqual(["guest"]);
  });
});
