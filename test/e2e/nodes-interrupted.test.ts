/**
 * A `pulumi up` killed while departments are being created, then run again, must leave exactly the
 * declared departments: no duplicate, no orphan outside the state. The engine's part (lock,
 * pending creates, `refresh --clear-pending-creates`) is as for members (see interrupted.test.ts);
 * the provider's part is AddOrganizationNode answering OrganizationNodeNameUsed for a department
 * created by the killed run, and the ownership marker telling that it is this resource's own.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/engine";
import { ROOT_NODE_ID } from "../emulator";
import { killProcessTree, startEngineHarness, type EngineHarness } from "./harness";

const PROGRAM = "test/e2e/programs/flat-departments.ts";
const DECLARED = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((key) => `crash-${key}`);

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("nodes-interrupted");
});
afterAll(async () => h?.close());

const adds = () => h.emulator.admin.requestLog().filter((entry) => entry.action === "AddOrganizationNode").length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const declaredNodes = () => h.emulator.admin.nodes().filter((n) => n.ParentNodeId === ROOT_NODE_ID && n.Name.startsWith("crash-"));

describe("an interrupted pulumi up of departments", () => {
  it("leaves exactly the declared departments after the stack is repaired and up runs again", async () => {
    const stateDir = `${h.stateRoot}/dev`;
    h.emulator.admin.setLatency(1500, "AddOrganizationNode");
    const child = spawn(
      "npx",
      ["tsx", "scripts/stack.ts", "up", "--program", PROGRAM, "--project", "e2e-nodes-interrupted", "--state-dir", stateDir, "--endpoint", h.emulator.url],
      { cwd: REPO_ROOT, detached: true, stdio: "ignore", env: { ...process.env, PULUMI_PARALLEL: "2" } },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const deadline = Date.now() + 60_000;
    while (adds() < 2 && Date.now() < deadline) await sleep(100);
    expect(adds(), "the first up reached AddOrganizationNode").toBeGreaterThanOrEqual(2);
    killProcessTree(child.pid!);
    await exited;
    await sleep(2000); // requests the emulator had already received complete, as Tencent's would
    h.emulator.admin.setLatency(0, "AddOrganizationNode");

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
      expect(up.stdout + up.stderr).toContain(`department ${orphan.NodeId} ("${orphan.Name}") was created earlier by this resource: using it`);
    }

    await stack.destroy();
    expect(declaredNodes()).toEqual([]);
  }, 180_000);
});
