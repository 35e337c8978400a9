/**
 * Governance through the real engine: policy types, a service control policy on a department and a
 * tag policy on the root. The type-not-enabled refusal; create; a no-op second run; a document
 * reformatted in the console is no drift; drift of content, name and attachment reported by the
 * drift check and healed; destroy per deletion behaviour with attachments detached first; and a
 * killed `up` that leaves no duplicate policy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStack } from "../../scripts/lib/engine";
import { ROOT_NODE_ID } from "../emulator";
import { orgClient } from "../emulator/fixtures";
import { engineFailureOf, killMidway, startEngineHarness, type EngineHarness } from "./harness";

const PROGRAM = "test/e2e/programs/governance.ts";
const POLICY_WRITES = [
  "CreatePolicy",
  "UpdatePolicy",
  "DeletePolicy",
  "AttachPolicy",
  "DetachPolicy",
  "EnablePolicyType",
  "DisablePolicyType",
];

let h: EngineHarness;
let stack: EngineStack;
beforeAll(async () => {
  // Nothing enabled at first (Tencent's start: "SCP is off by default"); the program enables both types.
  h = await startEngineHarness("policies");
  stack = await h.open(PROGRAM);
});
afterAll(async () => h?.close());

const org = () => orgClient(h.emulator, { reqTimeout: 10 });
const policies = () => h.emulator.admin.policies();
const policy = (name: string) => policies().policies.find((p) => p.name === name);
const targetsOf = (policyId: number) =>
  policies()
    .attachments.filter((a) => a.policyId === policyId)
    .map((a) => `${a.targetType}/${a.targetId}`);
const platformId = () => h.emulator.admin.nodes().find((n) => n.Name === "GovPlatform")!.NodeId;

describe.sequential("governance as code", () => {
  it("a policy whose type is not enabled is refused at up, naming the resource that enables it", async () => {
    await stack.setConfig("withoutTypes", "true");
    const report = await engineFailureOf(stack.up());
    expect(report).toMatch(/the policy type (SERVICE_CONTROL_POLICY|TAG_POLICY) is not enabled for the organization/);
    expect(report).toMatch(/new OrganizationPolicyType\(/);
    expect(report).toMatch(/FailedOperation\.OrganizationPolicyIsNotEnabled/);
    expect(policies().policies.filter((p) => p.kind === 1)).toEqual([]);
    await stack.stack.removeConfig("withoutTypes");
  });

  it("pulumi up enables the types, creates both policies and attaches them", async () => {
    const result = await stack.up();
    expect(result.summary.resourceChanges).toMatchObject({ create: 6 }); // two types, two policies, two attachments (the department exists)
    expect(policies().enabled.sort()).toEqual(["SERVICE_CONTROL_POLICY", "TAG_POLICY"]);
    const denyRun = policy("deny_run_instances")!;
    const costCenter = policy("cost_center")!;
    expect(denyRun.description).toMatch(/^no new CVM instances \[pulumi:[0-9a-f]{16}\]$/);
    expect(targetsOf(denyRun.policyId)).toEqual([`NODE/${platformId()}`]);
    expect(targetsOf(costCenter.policyId)).toEqual([`NODE/${ROOT_NODE_ID}`]);
    expect(result.outputs.denyRunId.value).toBe(denyRun.policyId);
  });

  it("a second pulumi up changes nothing and sends no call that changes anything", async () => {
    const before = h.emulator.admin.counters();
    const result = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ same: 8 });
    const calls = h.callsSince(before);
    for (const action of POLICY_WRITES) expect(calls[action] ?? 0, action).toBe(0);
  });

  it("a document reformatted in the console (key order, white space, escapes) is no drift", async () => {
    const denyRun = policy("deny_run_instances")!;
    const reformatted =
      '{\n  "statement": [ { "resource": "*", "action": "\\u0063vm:RunInstances", "effect": "deny" } ],\n  "version": "2.0"\n}';
    await org().UpdatePolicy({ PolicyId: denyRun.policyId, Type: "SERVICE_CONTROL_POLICY", Content: reformatted });
    await stack.preview({ refresh: true, expectNoChanges: true });
  });

  const drifts: { field: string; change: () => Promise<unknown>; shows: RegExp }[] = [
    {
      field: "content",
      change: () =>
        org().UpdatePolicy({
          PolicyId: policy("deny_run_instances")!.policyId,
          Type: "SERVICE_CONTROL_POLICY",
          Content: '{"version":"2.0","statement":[{"effect":"allow","action":["cvm:RunInstances"],"resource":"*"}]}',
        }),
      shows: /~ content/,
    },
    {
      field: "name",
      change: () => org().UpdatePolicy({ PolicyId: policy("cost_center")!.policyId, Type: "TAG_POLICY", Name: "renamed_by_hand" }),
      shows: /~ name/,
    },
    {
      field: "attachment",
      change: () =>
        org().DetachPolicy({
          PolicyId: policy("deny_run_instances")!.policyId,
          Type: "SERVICE_CONTROL_POLICY",
          TargetType: "NODE",
          TargetId: platformId(),
        }),
      shows: /\+ pulumi-nodejs:dynamic\/tencentcloud:OrganizationPolicyAttachment: \(create\)/,
    },
  ];
  // The three drifts at once: one drift check reports them all, one up --refresh heals them all.
  it("changes of content, name and attachment made out of band are reported by the drift check and undone by up --refresh", async () => {
    for (const { change } of drifts) await change();
    const report = await engineFailureOf(stack.preview({ refresh: true, expectNoChanges: true }));
    expect(report).toMatch(/no changes were expected for preview but changes were proposed/);
    for (const { field, shows } of drifts) expect(report, field).toMatch(shows);
    await stack.up({ refresh: true });
    expect(policy("cost_center")).toBeDefined();
    expect(JSON.parse(policy("deny_run_instances")!.content).statement[0].effect).toBe("deny");
    expect(targetsOf(policy("deny_run_instances")!.policyId)).toEqual([`NODE/${platformId()}`]);
    await stack.preview({ refresh: true, expectNoChanges: true });
  });

  it("a content change shows the changed statement at preview and is made in place", async () => {
    const before = policy("deny_run_instances")!;
    await org().UpdatePolicy({
      PolicyId: before.policyId,
      Type: "SERVICE_CONTROL_POLICY",
      Content: '{"version":"2.0","statement":[{"effect":"deny","action":["cvm:RunInstances","cvm:ResetInstance"],"resource":"*"}]}',
    });
    const preview = await stack.preview({ refresh: true });
    expect(preview.stdout + preview.stderr).toMatch(
      /policy \d+ \("deny_run_instances"\): content changes: statement 0: action .*cvm:ResetInstance/,
    );
    const up = await stack.up({ refresh: true });
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(policy("deny_run_instances")!.policyId).toBe(before.policyId);
  });

  it("destroy detaches before deleting, deletes the policies, and leaves the types enabled", async () => {
    const ids = [policy("deny_run_instances")!.policyId, policy("cost_center")!.policyId];
    await stack.destroy();
    for (const id of ids) expect(targetsOf(id)).toEqual([]);
    expect(policies().policies.filter((p) => p.kind === 1)).toEqual([]);
    expect(policies().enabled.sort()).toEqual(["SERVICE_CONTROL_POLICY", "TAG_POLICY"]);
  });

  it("a pulumi up killed while policies are created leaves exactly the declared ones, each in the state, after the stack is repaired", async () => {
    const stateDir = `${h.stateRoot}/dev`;
    const config = { "e2e-policies:policies": "6" };
    const reached = await killMidway(h, { program: PROGRAM, project: "e2e-policies", stateDir, action: "CreatePolicy", config });
    expect(reached, "the first up reached CreatePolicy").toBeGreaterThanOrEqual(2);
    const crashed = await h.open(PROGRAM, { config: { policies: "6" } });
    const afterKill = await crashed.exportStack();
    const recorded = new Set(afterKill.deployment.resources.map((r: { id?: string }) => r.id).filter(Boolean));
    const orphans = policies().policies.filter((p) => p.kind === 1 && !recorded.has(String(p.policyId)));
    expect(orphans.length, "policies created but not in the state").toBeGreaterThan(0);

    await expect(crashed.up()).rejects.toThrow(/locked/);
    await crashed.stack.cancel();
    await crashed.refresh({ clearPendingCreates: true });
    const up = await crashed.up();

    const custom = policies().policies.filter((p) => p.kind === 1);
    const declared = ["deny_run_instances", "cost_center", ...[...Array(6)].map((_, i) => `extra_${i}`)];
    expect(custom.map((p) => p.name).sort()).toEqual(declared.sort());
    const state = await crashed.exportStack();
    const ids = state.deployment.resources
      .filter((r: { type: string }) => r.type.endsWith(":OrganizationPolicy"))
      .map((r: { id: string }) => Number(r.id))
      .sort();
    expect(ids).toEqual(custom.map((p) => p.policyId).sort());
    for (const orphan of orphans) {
      expect(up.stdout + up.stderr).toContain(
        `policy ${orphan.policyId} ("${orphan.name}") was created earlier by this resource: using it`,
      );
    }
    await crashed.destroy();
    expect(policies().policies.filter((p) => p.kind === 1)).toEqual([]);
  }, 240_000);
});
