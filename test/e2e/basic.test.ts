/**
 * The basic example through the real engine: its departments, then the members placed in them,
 * a no-op second run, a clean drift check, what the state holds, and destroy following each
 * member's and department's deletionPolicy.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../emulator";
import type { EngineStack } from "../../scripts/lib/engine";
import { membersByName, MUTATING_ACTIONS, startEngineHarness, type EngineHarness } from "./harness";
import { userTagsOf } from "../support/emulatorState";

const DECLARED = {
  "platform-ci": { department: "Platform", permissionIds: [1, 2, 8], tags: { team: "platform", env: "prod" } },
  "finance-reporting": { department: "FinanceOps", permissionIds: [1, 2, 5, 8, 9], tags: { team: "finance", "cost-center": "cc-1001" } },
  "sandbox-alice": { department: "Sandboxes", permissionIds: [1, 2], tags: { owner: "alice", env: "sandbox" } },
};
/** Department name → parent name, as the example declares them. */
const TREE = { Product: "Root", Platform: "Product", FinanceOps: "Root", Sandboxes: "Root" };
/** Three members, four departments, two policy types, two policies, two attachments and the stack. */
const RESOURCES = 14;

let h: EngineHarness;
let stack: EngineStack;
beforeAll(async () => {
  h = await startEngineHarness("basic");
  stack = await h.open("examples/basic");
});
afterAll(async () => h?.close());

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

describe.sequential("the basic example", () => {
  it("pulumi up creates the declared departments, then the members in them with their permissions and tags", async () => {
    const result = await stack.up();
    expect(result.summary.resourceChanges).toMatchObject({ create: RESOURCES });
    const nodes = h.emulator.admin.nodes();
    const nameOf = (nodeId: number) => nodes.find((n) => n.NodeId === nodeId)?.Name;
    for (const [name, parent] of Object.entries(TREE)) {
      expect(nameOf(nodes.find((n) => n.Name === name)!.ParentNodeId), name).toBe(parent);
    }
    const members = membersByName(h.emulator);
    expect([...members.keys()].sort()).toEqual(Object.keys(DECLARED).sort());
    for (const [name, declared] of Object.entries(DECLARED)) {
      const member = members.get(name)!;
      expect({ department: nameOf(member.nodeId), permissionIds: member.permissionIds, tags: userTagsOf(member.tags) }).toEqual(declared);
      expect(member.memberType).toBe("Create");
    }
  });

  it("a second pulumi up changes nothing and sends no call that changes a member", async () => {
    const before = h.emulator.admin.counters();
    const result = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ same: RESOURCES });
    const calls = h.callsSince(before);
    for (const action of [...MUTATING_ACTIONS, "AddOrganizationNode", "UpdateOrganizationNode", "DeleteOrganizationNodes"]) {
      expect(calls[action] ?? 0, action).toBe(0);
    }
  });

  it("preview --refresh --expect-no-changes succeeds when nothing drifted", async () => {
    const result = await stack.preview({ refresh: true, expectNoChanges: true });
    expect(result.changeSummary).toEqual({ same: RESOURCES });
  });

  it("the exported stack holds no credential and every __provider fits in 2 KB", async () => {
    const deployment = await stack.exportStack();
    // Both the export and the files of the backend, checkpoint history included.
    const stored = filesUnder(join(stack.env.PULUMI_BACKEND_URL.replace("file://", ""), ".pulumi")).map((f) => readFileSync(f, "utf8"));
    for (const text of [JSON.stringify(deployment), ...stored]) {
      expect(text).not.toContain(DEFAULT_SECRET_KEY);
      expect(text).not.toContain(DEFAULT_SECRET_ID);
    }
    const managed = deployment.deployment.resources.filter((r: { type: string }) =>
      /:Organization(Member|Node|Policy|PolicyAttachment|PolicyType)$/.test(r.type),
    );
    expect(managed).toHaveLength(RESOURCES - 1);
    for (const resource of managed) {
      for (const side of [resource.inputs, resource.outputs]) {
        const provider = side.__provider as string;
        expect(typeof provider).toBe("string");
        expect(Buffer.byteLength(provider, "utf8")).toBeLessThanOrEqual(2048);
      }
    }
  });

  it("governs the sandboxes with a service control policy and the product department with a tag policy", async () => {
    const { policies, attachments, enabled } = h.emulator.admin.policies();
    expect(enabled.sort()).toEqual(["SERVICE_CONTROL_POLICY", "TAG_POLICY"]);
    const node = (name: string) => h.emulator.admin.nodes().find((n) => n.Name === name)!.NodeId;
    const on = (name: string) =>
      attachments.filter((a) => a.policyId === policies.find((p) => p.name === name)!.policyId).map((a) => a.targetId);
    expect(on("sandbox_no_cvm")).toEqual([node("Sandboxes")]);
    expect(on("require_cost_center")).toEqual([node("Product")]);
  });

  it("destroy keeps what is retained, deletes the deleteAccount member's account and then its emptied department", async () => {
    const result = await stack.destroy();
    expect(result.summary.resourceChanges).toMatchObject({ delete: RESOURCES });
    expect([...membersByName(h.emulator).keys()].sort()).toEqual(["finance-reporting", "platform-ci"]);
    expect(
      h.emulator.admin
        .nodes()
        .map((n) => n.Name)
        .sort(),
    ).toEqual(["Engineering", "Finance", "FinanceOps", "Platform", "Product", "Root", "Sandbox"]);
    expect((await stack.exportStack()).deployment.resources ?? []).toHaveLength(0);
    // The policies are detached and deleted; the types stay enabled (deletionPolicy "retain").
    expect(h.emulator.admin.policies().policies.filter((p) => p.kind === 1)).toEqual([]);
    expect(h.emulator.admin.policies().enabled.sort()).toEqual(["SERVICE_CONTROL_POLICY", "TAG_POLICY"]);
  });
});
