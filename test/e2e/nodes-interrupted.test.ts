/**
 * A `pulumi up` killed while departments are being created, then run again, must leave exactly the
 * declared departments: no duplicate, no orphan outside the state. The engine's part (lock,
 * pending creates, `refresh --clear-pending-creates`) is as for members (see interrupted.test.ts);
 * the provider's part is AddOrganizationNode answering OrganizationNodeNameUsed for a department
 * created by the killed run, and the ownership marker telling that it is this resource's own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_NODE_ID } from "../emulator";
import { killMidway, startEngineHarness, type EngineHarness } from "./harness";

const PROGRAM = "test/e2e/programs/flat-departments.ts";
const DECLARED = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((key) => `crash-${key}`);

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("nodes-interrupted");
});
afterAll(async () => h?.close());

const declaredNodes = () => h.emulator.admin.nodes().filter((n) => n.ParentNodeId === ROOT_NODE_ID && n.Name.startsWith("crash-"));

describe("an interrupted pulumi up of departments", () => {
  it("leaves exactly the declared departments after the stack is repaired and up runs again", async () => {
    const stateDir = `${h.stateRoot}/dev`;
    const reached = await killMidway(h, { program: PROGRAM, project: "e2e-nodes-interrupted", stateDir, action: "AddOrganizationNode" });
    expect(reached, "the first up reached AddOrganizationNode").toBeGreaterThanOrEqual(2);

    const stack = await h.open(PROGRAM, { projectName: "e2e-nodes-interrupted" });
    const afterKill = await stack.exportStack();
    const recorded = new Set(afterKill.deployment.resources.map((r: { id?: string }) => r.id).filter(Boolean));
    const orphans = declaredNodes().filter((n) => !recorded.has(String(n.NodeId)));
    expect(orphans.length, "departments created but not in the state").toBeGreaterThan(0);

    await expect(stack.up()).rejects.toThrow(/locked/);
    await stack.stack.cancel();
    await stack.refresh({ clearPendingCreates: true });
    const up = await stack.up();

    const nodes = declaredNodes();
    expect(nodes.map((n) => n.Name).sort()).toEqual([...DECLARED].sort());
    const state = await stack.exportStack();
    const ids = state.deployment.resources
      .filter((r: { type: string }) => r.type.endsWith("OrganizationNode"))
      .map((r: { id: string }) => Number(r.id))
      .sort();
    expect(ids).toEqual(nodes.map((n) => n.NodeId).sort());
    for (const orphan of orphans) {
      expect(up.stdout + up.stderr).toContain(
        `department ${orphan.NodeId} ("${orphan.Name}") was created earlier by this resource: using it`,
      );
    }

    await stack.destroy();
    expect(declaredNodes()).toEqual([]);
  }, 180_000);
});
