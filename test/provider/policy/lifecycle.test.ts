/**
 * The policy, attachment and policy-type lifecycles against the emulator through the real SDK:
 * create (retry-safe), read (drift by meaning, gone), update in place, delete per deletion
 * behaviour with Tencent's refusals explained — and the calls each costs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  PolicyInUseError,
  PolicyNameTakenError,
  PolicyNotFoundError,
  PolicyTypeNotEnabledError,
  PresetPolicyError,
  TencentApiError,
} from "../../../provider/core/errors";
import { AttachmentTargetNotFoundError } from "../../../provider/attachment/lifecycle";
import { checkAttachment } from "../../../provider/attachment/check";
import type { AttachmentInputs } from "../../../provider/attachment/types";
import { checkPolicy } from "../../../provider/policy/check";
import { policyOwnerMarker } from "../../../provider/policy/ownership";
import type { PolicyInputs, PolicyOutputs } from "../../../provider/policy/types";
import { ENGINEERING_NODE_ID as ENGINEERING, FINANCE_NODE_ID as FINANCE, ROOT_NODE_ID, SEED_DEPARTMENTS } from "../../emulator";
import { startProviderHarness, type ProviderHarness } from "../support/harness";

let h: ProviderHarness;
beforeAll(async () => {
  // 60 policies per target (the default is 10, a guess): the shared-reads test puts 50 on each of four targets.
  h = await startProviderHarness({ enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "TAG_POLICY"], policyAttachmentLimit: 60 });
});
afterAll(() => h.close());
beforeEach(() => h.fresh());

const DENY_RUN = { version: "2.0", statement: [{ effect: "deny", action: ["cvm:RunInstances"], resource: "*" }] };
const COST_CENTER = {
  tags: {
    costcenter: {
      tag_key: { "@@assign": "costcenter" },
      tag_value: { "@@assign": ["cc-100", "cc-200"] },
      resource_type_scope: { "@@assign": ["cvm:instance"] },
    },
  },
};

function scp(extra: Record<string, unknown> = {}): PolicyInputs {
  const { inputs, failures } = checkPolicy(
    {},
    { name: "deny_run", description: "no new CVMs", content: DENY_RUN, ownerMarker: "proj/dev/deny-run", ...extra },
  );
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
}

function attachment(policyId: number, extra: Record<string, unknown> = {}): AttachmentInputs {
  const { inputs, failures } = checkAttachment({}, { policyId, targetType: "NODE", targetId: ENGINEERING, ...extra });
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
}

const custom = () => h.emulator.admin.policies().policies.filter((p) => p.kind === 1);
const attachments = (policyId: number) => h.emulator.admin.policies().attachments.filter((a) => a.policyId === policyId);

async function created(extra: Record<string, unknown> = {}): Promise<{ id: string; outs: PolicyOutputs }> {
  const result = await h.policyProvider.create(scp(extra));
  h.restart(); // what follows is another Pulumi operation, in another provider process
  h.resetCounts();
  return result;
}

describe("OrganizationPolicy: create", () => {
  it("creates the policy with the ownership marker at the end of its description, then reads it back from the shared listing: 2 calls", async () => {
    const { id, outs } = await h.policyProvider.create(scp());
    // ListPolicies carries no document: the read-back takes the one just sent (a refresh reads Tencent's).
    expect(h.counts()).toEqual({ CreatePolicy: 1, ListPolicies: 1 });
    const [stored] = custom();
    expect(String(stored.policyId)).toBe(id);
    expect(stored.description).toBe(`no new CVMs [pulumi:${policyOwnerMarker(scp())}]`);
    // Sent canonical: keys sorted, a one-element list written as its element (policy/document.ts).
    expect(stored.content).toBe('{"statement":[{"action":"cvm:RunInstances","effect":"deny","resource":"*"}],"version":"2.0"}');
    expect(outs).toMatchObject({ policyId: Number(id), name: "deny_run", description: "no new CVMs", deletionPolicy: "delete" });
    expect(outs.content).toBe(scp().content);
  });

  it.each(["timeout", "reset", "http502", "nonJson"] as const)(
    "a response lost after the policy was created (%s) leaves exactly one",
    async (mode) => {
      h.emulator.admin.injectFault({ action: "CreatePolicy", mode, commit: true });
      const { id } = await h.policyProvider.create(scp());
      expect(custom().map((p) => String(p.policyId))).toEqual([id]);
      expect(h.counts().CreatePolicy).toBe(1);
      expect(h.logs.join("\n")).toMatch(/was created by this resource: using it/);
    },
  );

  it("a re-run after a crash (the policy exists, the state does not know it) finds its own through the marker", async () => {
    const first = await h.policyProvider.create(scp());
    h.restart();
    const again = await h.policyProvider.create(scp());
    expect(again.id).toBe(first.id);
    expect(custom()).toHaveLength(1);
    expect(h.logs.join("\n")).toMatch(/created earlier by this resource: using it \(FailedOperation\.PolicyNameInUse/);
  });

  it("a policy of the same name made elsewhere is never taken over", async () => {
    await h.outOfBand.CreatePolicy({ Name: "deny_run", Content: JSON.stringify(DENY_RUN), Type: "SERVICE_CONTROL_POLICY" });
    const error = await h.policyProvider.create(scp()).catch((e) => e);
    expect(error).toBeInstanceOf(PolicyNameTakenError);
    expect(error.message).toMatch(/adoptPolicyId: \d+/);
    expect(custom()).toHaveLength(1);
  });

  it("a type not enabled is refused naming the resource that enables it", async () => {
    await h.outOfBand.DisablePolicyType({ OrganizationId: 10001, PolicyType: "TAG_POLICY" });
    const error = await h.policyProvider.create(scp({ type: "TAG_POLICY", name: "cost_center", content: COST_CENTER })).catch((e) => e);
    expect(error).toBeInstanceOf(PolicyTypeNotEnabledError);
    expect(error.message).toMatch(/OrganizationPolicyType/);
    expect(custom()).toHaveLength(0);
  });

  it("adopts an existing policy by id and makes it what the program declares, without a marker", async () => {
    const made = await h.outOfBand.CreatePolicy({ Name: "legacy", Content: JSON.stringify(DENY_RUN), Type: "SERVICE_CONTROL_POLICY" });
    const { id, outs } = await h.policyProvider.create(scp({ adoptPolicyId: made.PolicyId, name: "legacy", description: "adopted" }));
    expect(id).toBe(String(made.PolicyId));
    expect(custom()).toHaveLength(1);
    expect(custom()[0].description).toBe("adopted");
    expect(outs.adoptPolicyId).toBe(made.PolicyId);
  });

  it("refuses to adopt a preset policy, and an id that is no policy", async () => {
    expect(await h.policyProvider.create(scp({ adoptPolicyId: 1 })).catch((e) => e)).toBeInstanceOf(PresetPolicyError);
    expect(await h.policyProvider.create(scp({ adoptPolicyId: 999 })).catch((e) => e)).toBeInstanceOf(PolicyNotFoundError);
  });
});

describe("OrganizationPolicy: read, diff and update", () => {
  it("a document reformatted in the console is no drift; a changed statement is, and the preview names it", async () => {
    const { id, outs } = await created();
    const reformatted = `{ "statement": [ { "resource": "*", "action": "cvm:RunInstances", "effect": "deny" } ],\n  "version": "2.0" }`;
    await h.outOfBand.UpdatePolicy({ PolicyId: Number(id), Type: "SERVICE_CONTROL_POLICY", Content: reformatted });
    const read = await h.policyProvider.read(id, outs);
    expect(read.props?.content).toBe(outs.content);
    expect((await h.policyProvider.diff(id, read.props as PolicyOutputs, scp())).changes).toBe(false);

    await h.outOfBand.UpdatePolicy({ PolicyId: Number(id), Type: "SERVICE_CONTROL_POLICY", Content: reformatted.replace("deny", "allow") });
    h.restart();
    const drifted = await h.policyProvider.read(id, outs);
    const diff = await h.policyProvider.diff(id, drifted.props as PolicyOutputs, scp());
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    expect(h.logs.join("\n")).toMatch(/content changes: statement 0: effect "allow" → "deny"/);
  });

  it("an update sends one UpdatePolicy with only what changed, then reads back", async () => {
    const { id, outs } = await created();
    const news = scp({
      content: { ...DENY_RUN, statement: [{ ...DENY_RUN.statement[0], action: ["cvm:RunInstances", "cvm:ResetInstance"] }] },
    });
    const { outs: updated } = await h.policyProvider.update(id, outs, news);
    expect(h.counts()).toEqual({ UpdatePolicy: 1, ListPolicies: 1 });
    expect(updated.content).toBe(news.content);
    expect(custom()[0].description).toMatch(/^no new CVMs \[pulumi:[0-9a-f]{16}\]$/);
  });

  it("a rename and a new description are in place; the marker stays at the end", async () => {
    const { id, outs } = await created();
    const { outs: updated } = await h.policyProvider.update(id, outs, scp({ name: "deny_run_v2", description: "" }));
    expect(updated).toMatchObject({ name: "deny_run_v2" });
    expect(updated.description).toBeUndefined();
    expect(custom()[0].description).toBe(`[pulumi:${policyOwnerMarker(scp())}]`);
  });

  it("a marker removed in the console is noticed by a refresh and written again by the update", async () => {
    const { id, outs } = await created();
    await h.outOfBand.UpdatePolicy({ PolicyId: Number(id), Type: "SERVICE_CONTROL_POLICY", Description: "no new CVMs" });
    const read = await h.policyProvider.read(id, outs);
    expect(read.inputs?.ownerMarker).toBeUndefined();
    const diff = await h.policyProvider.diff(id, read.props as PolicyOutputs, scp());
    expect(diff.changes).toBe(true);
    await h.policyProvider.update(id, read.props as PolicyOutputs, scp());
    expect(custom()[0].description).toBe(`no new CVMs [pulumi:${policyOwnerMarker(scp())}]`);
  });

  it("a policy deleted outside Pulumi is gone; a renamed one reports its new name", async () => {
    const { id, outs } = await created();
    await h.outOfBand.UpdatePolicy({ PolicyId: Number(id), Type: "SERVICE_CONTROL_POLICY", Name: "renamed" });
    expect((await h.policyProvider.read(id, outs)).props?.name).toBe("renamed");
    await h.outOfBand.DeletePolicy({ PolicyId: Number(id), Type: "SERVICE_CONTROL_POLICY" });
    h.restart();
    expect(await h.policyProvider.read(id, outs)).toEqual({});
  });

  it("a state without a type (OrganizationPolicy.get) finds the policy under either type", async () => {
    const { id } = await h.policyProvider.create(scp({ type: "TAG_POLICY", name: "cost_center", content: COST_CENTER }));
    h.restart();
    const read = await h.policyProvider.read(id, {});
    expect(read.props).toMatchObject({ type: "TAG_POLICY", name: "cost_center" });
  });
});

describe("OrganizationPolicy: delete", () => {
  it("deletes an unattached policy: 1 call", async () => {
    const { id, outs } = await created();
    await h.policyProvider.delete(id, outs);
    expect(h.counts()).toEqual({ DeletePolicy: 1 });
    expect(custom()).toHaveLength(0);
  });

  it("refuses while attached outside the stack, naming the targets; nothing is detached", async () => {
    const { id, outs } = await created();
    await h.outOfBand.AttachPolicy({ PolicyId: Number(id), Type: "SERVICE_CONTROL_POLICY", TargetType: "NODE", TargetId: FINANCE });
    const error = await h.policyProvider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(PolicyInUseError);
    expect(error.message).toMatch(new RegExp(`department ${FINANCE} \\(Finance\\)`));
    expect(attachments(Number(id))).toHaveLength(1);
  });

  it("retain makes no call; a policy already gone counts as deleted", async () => {
    const { id, outs } = await created();
    await h.policyProvider.delete(id, { ...outs, deletionPolicy: "retain" });
    expect(h.counts()).toEqual({});
    await h.outOfBand.DeletePolicy({ PolicyId: Number(id), Type: "SERVICE_CONTROL_POLICY" });
    await h.policyProvider.delete(id, outs);
    expect(h.logs.join("\n")).toMatch(/already gone/);
  });
});

describe("OrganizationPolicyAttachment", () => {
  it("attaches with one call; the id is Terraform's import id", async () => {
    const { id: policyId } = await created();
    const { id, outs } = await h.attachmentProvider.create(attachment(Number(policyId)));
    expect(h.counts()).toEqual({ AttachPolicy: 1 });
    expect(id).toBe(`SERVICE_CONTROL_POLICY#${policyId}#NODE#${ENGINEERING}`);
    expect(outs).toMatchObject({ policyId: Number(policyId), targetId: ENGINEERING, deletionPolicy: "detach" });
    expect(attachments(Number(policyId))).toHaveLength(1);
  });

  it("attaching what is already attached is not an error, even when the answer is lost", async () => {
    const { id: policyId } = await created();
    await h.outOfBand.AttachPolicy({
      PolicyId: Number(policyId),
      Type: "SERVICE_CONTROL_POLICY",
      TargetType: "NODE",
      TargetId: ENGINEERING,
    });
    await h.attachmentProvider.create(attachment(Number(policyId)));
    h.emulator.admin.injectFault({ action: "AttachPolicy", mode: "timeout", commit: true });
    await h.attachmentProvider.create(attachment(Number(policyId), { targetId: FINANCE }));
    expect(
      attachments(Number(policyId))
        .map((a) => a.targetId)
        .sort(),
    ).toEqual([ENGINEERING, FINANCE].sort());
    expect(h.logs.join("\n")).toMatch(/is attached \(.* on AttachPolicy\): nothing more to do/);
  });

  it("explains a missing target, a missing policy and a type not enabled", async () => {
    const { id: policyId } = await created();
    expect(await h.attachmentProvider.create(attachment(Number(policyId), { targetId: 424242 })).catch((e) => e)).toBeInstanceOf(
      AttachmentTargetNotFoundError,
    );
    expect(
      await h.attachmentProvider.create(attachment(Number(policyId), { targetType: "MEMBER", targetId: 424242 })).catch((e) => e),
    ).toBeInstanceOf(AttachmentTargetNotFoundError);
    expect(await h.attachmentProvider.create(attachment(999999)).catch((e) => e)).toBeInstanceOf(PolicyNotFoundError);
    await h.outOfBand.DisablePolicyType({ OrganizationId: 10001, PolicyType: "TAG_POLICY" });
    const error = await h.attachmentProvider.create(attachment(Number(policyId), { policyType: "TAG_POLICY" })).catch((e) => e);
    expect(error).toBeInstanceOf(PolicyTypeNotEnabledError);
  });

  it("read: detached outside Pulumi → gone; the policy deleted → gone", async () => {
    const { id: policyId, outs: policy } = await created();
    const { id, outs } = await h.attachmentProvider.create(attachment(Number(policyId)));
    h.restart();
    expect((await h.attachmentProvider.read(id, outs)).props).toEqual(outs);
    await h.outOfBand.DetachPolicy({
      PolicyId: Number(policyId),
      Type: "SERVICE_CONTROL_POLICY",
      TargetType: "NODE",
      TargetId: ENGINEERING,
    });
    h.restart();
    expect(await h.attachmentProvider.read(id, outs)).toEqual({});
    await h.policyProvider.delete(policyId, policy);
    h.restart();
    expect(await h.attachmentProvider.read(id, outs)).toEqual({});
  });

  it("detaches; detaching what is already detached is not an error; retain leaves it attached", async () => {
    const { id: policyId } = await created();
    const { id, outs } = await h.attachmentProvider.create(attachment(Number(policyId)));
    await h.attachmentProvider.delete(id, { ...outs, deletionPolicy: "retain" });
    expect(attachments(Number(policyId))).toHaveLength(1);
    await h.attachmentProvider.delete(id, outs);
    expect(attachments(Number(policyId))).toHaveLength(0);
    await h.attachmentProvider.delete(id, outs);
    expect(h.logs.join("\n")).toMatch(/already detached/);
  });

  it("the root can be a target", async () => {
    const { id: policyId } = await created();
    await h.attachmentProvider.create(attachment(Number(policyId), { targetId: ROOT_NODE_ID }));
    expect(attachments(Number(policyId)).map((a) => a.targetId)).toEqual([ROOT_NODE_ID]);
  });
});

describe("OrganizationPolicyType", () => {
  it("enables a disabled type, takes one already enabled as it is, and reads a disabled one as gone", async () => {
    await h.outOfBand.DisablePolicyType({ OrganizationId: 10001, PolicyType: "TAG_POLICY" });
    const { id, outs } = await h.policyTypeProvider.create({ type: "TAG_POLICY", deletionPolicy: "retain" });
    expect(id).toBe("TAG_POLICY");
    expect(outs.organizationId).toBe(10001);
    expect(h.emulator.admin.policies().enabled).toContain("TAG_POLICY");
    const again = await h.policyTypeProvider.create({ type: "TAG_POLICY", deletionPolicy: "retain" });
    expect(again.id).toBe("TAG_POLICY");
    expect(h.logs.join("\n")).toMatch(/already enabled/);
    await h.outOfBand.DisablePolicyType({ OrganizationId: 10001, PolicyType: "TAG_POLICY" });
    h.restart();
    expect(await h.policyTypeProvider.read(id, outs)).toEqual({});
  });

  it("retain leaves the type enabled; disable disables it, and one already disabled counts as done", async () => {
    const { id, outs } = await h.policyTypeProvider.create({ type: "SERVICE_CONTROL_POLICY", deletionPolicy: "retain" });
    await h.policyTypeProvider.delete(id, outs);
    expect(h.emulator.admin.policies().enabled).toContain("SERVICE_CONTROL_POLICY");
    await h.policyTypeProvider.delete(id, { ...outs, deletionPolicy: "disable" });
    expect(h.emulator.admin.policies().enabled).not.toContain("SERVICE_CONTROL_POLICY");
    await h.policyTypeProvider.delete(id, { ...outs, deletionPolicy: "disable" });
    expect(h.logs.join("\n")).toMatch(/already disabled/);
  });

  it("a refusal Tencent explains is surfaced with what to do (member accounts with their own tag policies)", async () => {
    await h.outOfBand.DisablePolicyType({ OrganizationId: 10001, PolicyType: "TAG_POLICY" });
    h.emulator.admin.injectFault({ action: "EnablePolicyType", mode: "error", code: "FailedOperation.PolicyEnableInvalid", count: 1 });
    const error = await h.policyTypeProvider.create({ type: "TAG_POLICY", deletionPolicy: "retain" }).catch((e) => e);
    expect(error).toBeInstanceOf(TencentApiError);
    expect(error.message).toMatch(/What to do: .*single-account tag policies/);
  });
});

describe("shared reads", () => {
  it("refreshing 50 policies and 200 attachments costs 50 DescribePolicy and one ListTargetsForPolicy per policy", async () => {
    // Created through the provider, whose limiter keeps to Tencent's 20 calls per second.
    const made = await Promise.all(
      [...Array(50)].map((_, i) => h.policyProvider.create(scp({ name: `p${i}`, ownerMarker: `proj/dev/p${i}` }))),
    );
    const ids = made.map(({ id }) => Number(id));
    // 200 attachments: every policy on the root and the three seed departments.
    const targets = [ROOT_NODE_ID, ...SEED_DEPARTMENTS.map((d) => d.NodeId)];
    expect(targets).toHaveLength(4);
    const attached = await Promise.all(
      ids.flatMap((policyId) => targets.map((targetId) => h.attachmentProvider.create(attachment(policyId, { targetId })))),
    );
    expect(attached).toHaveLength(200);
    h.restart();
    h.resetCounts();
    await Promise.all(ids.map((policyId) => h.policyProvider.read(String(policyId), { type: "SERVICE_CONTROL_POLICY" })));
    await Promise.all(attached.map(({ id, outs }) => h.attachmentProvider.read(id, outs)));
    expect(h.counts()).toEqual({ DescribePolicy: 50, ListTargetsForPolicy: 50 });
  });
});

describe("look-ups", () => {
  it("finds a policy by name or id, presets included; undefined when none matches", async () => {
    const { id } = await created({ type: "TAG_POLICY", name: "cost_center", content: COST_CENTER });
    expect(await h.policyProvider.lookup({ type: "TAG_POLICY", name: "cost_center" })).toMatchObject({
      policyId: Number(id),
      preset: false,
      description: "no new CVMs",
    });
    expect(await h.policyProvider.lookup({ type: "SERVICE_CONTROL_POLICY", name: "FullQcloudAccess" })).toMatchObject({
      policyId: 1,
      preset: true,
    });
    expect(await h.policyProvider.lookup({ type: "SERVICE_CONTROL_POLICY", policyId: Number(id) })).toBeUndefined();
    expect(await h.policyProvider.lookup({ type: "TAG_POLICY", name: "nothing_here" })).toBeUndefined();
  });

  it("the effective policy of a member under a department with a tag policy, and its non-compliant resources", async () => {
    const { id } = await created({ type: "TAG_POLICY", name: "cost_center", content: COST_CENTER });
    await h.attachmentProvider.create(attachment(Number(id), { policyType: "TAG_POLICY", targetId: ENGINEERING }));
    const memberUin = h.emulator.admin.inviteMember({ name: "tagged", nodeId: ENGINEERING, permissionIds: [1, 2] });
    h.emulator.admin.setMemberResources(memberUin, [
      { resource: `qcs::cvm:ap-guangzhou:uin/${memberUin}:instance/ins-ok`, tags: { costcenter: "cc-100" } },
      { resource: `qcs::cvm:ap-guangzhou:uin/${memberUin}:instance/ins-wrong`, tags: { costcenter: "cc-999" } },
      { resource: `qcs::cvm:ap-guangzhou:uin/${memberUin}:instance/ins-none` },
    ]);
    const effective = await h.policyProvider.effectivePolicy(memberUin);
    expect(effective?.document).toMatchObject({ tags: { costcenter: { tag_value: ["cc-100", "cc-200"] } } });
    const findings = await h.policyProvider.nonCompliantResources(memberUin);
    const byName = Object.fromEntries(findings.map((f) => [f.resource.split("/").at(-1), f]));
    expect(byName["ins-wrong"]).toMatchObject({ compliant: false, keysWithNonCompliantValues: ["costcenter"] });
    expect(byName["ins-none"]).toMatchObject({ compliant: false, nonCompliantKeys: ["costcenter"] });
    expect(byName["ins-ok"]?.compliant ?? true).toBe(true);
    // A member under no tag policy has none.
    expect(
      await h.policyProvider.effectivePolicy(h.emulator.admin.inviteMember({ name: "free", nodeId: FINANCE, permissionIds: [1, 2] })),
    ).toBeUndefined();
  });
});
