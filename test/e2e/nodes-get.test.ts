/**
 * Reading departments without managing them, through the real engine: `OrganizationNode.get`
 * (every field resolves with @pulumi/pulumi 3.248 and 3.276, the two CI legs, and the CLI 3.274.1) and the program-side
 * look-ups by path and of the root.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_UIN, ROOT_NODE_ID } from "../emulator";
import { orgClient, tagClient } from "../emulator/fixtures";
import { startEngineHarness, type EngineHarness } from "./harness";

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("nodes-get");
});
afterAll(async () => h?.close());

describe("reading departments", () => {
  it("OrganizationNode.get resolves every field, and getOrganizationNode finds a department by path", async () => {
    const { NodeId } = await orgClient(h.emulator).AddOrganizationNode({ ParentNodeId: 100001, Name: "Platform", Remark: "seen" });
    await tagClient(h.emulator).ModifyResourceTags({
      Resource: `qcs::organization::uin/${ADMIN_UIN}:node/${NodeId}`,
      ReplaceTags: [{ TagKey: "team", TagValue: "ops" }],
    });
    const before = h.emulator.admin.counters();
    const stack = await h.open("test/e2e/programs/get-node.ts", { config: { nodeId: String(NodeId), path: "Engineering/Platform" } });
    const up = await stack.up();
    expect(up.outputs.read.value).toEqual({
      nodeId: NodeId,
      name: "Platform",
      parentNodeId: 100001,
      remark: "seen",
      tags: { team: "ops" },
    });
    expect(up.outputs.byPath.value).toBe(NodeId);
    expect(up.outputs.root.value).toBe(ROOT_NODE_ID);
    // Read, not managed: only the stack is created, and nothing is changed.
    expect(up.summary.resourceChanges).toEqual({ create: 1 });
    const calls = h.callsSince(before);
    for (const action of ["AddOrganizationNode", "UpdateOrganizationNode", "DeleteOrganizationNodes", "ModifyResourceTags"])
      expect(calls[action] ?? 0, action).toBe(0);
  });
});
