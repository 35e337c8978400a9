/**
 * Organization policies (service control policies, tag policies) through the real SDK: each action, each refusal, limits,
 * content syntax, attachments, inheritance (DescribeEffectivePolicy), tag compliance (ListNonCompliantResource), faults,
 * CAM allow-lists, the admin view and persistence. Facts: the project's reference `tencent-policies.md`; guesses are
 * marked in the README.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adminCall, aMember, codeOf, DEFAULT_CREDENTIAL, orgClient, useEmulator, withEmulator, type OrgClient } from "./fixtures";
import { FULL_ACCESS_POLICY_ID, ORGANIZATION_ID, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

const SCP = "SERVICE_CONTROL_POLICY";
const TAG = "TAG_POLICY";
const ALLOW_ALL = '{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}';
const DENY_CVM = '{"version":"2.0","statement":[{"effect":"deny","action":["cvm:RunInstances"],"resource":"*"}]}';
const ROOT = 100000;
const ENGINEERING = 100001;
const FINANCE = 100002;

/** A one-key tag policy in the documented `@@assign` syntax. */
const tagPolicy = (key: string, values: string[] | undefined, scope: string[] = ["*"], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    tags: {
      [key]: {
        tag_key: { "@@assign": key },
        ...(values ? { tag_value: { "@@assign": values } } : {}),
        resource_type_scope: { "@@assign": scope },
        ...extra,
      },
    },
  });

const enable = (type: string, c: OrgClient = client) => c.EnablePolicyType({ OrganizationId: ORGANIZATION_ID, PolicyType: type });
const create = async (name: string, content = DENY_CVM, type = SCP, c: OrgClient = client) =>
  (await c.CreatePolicy({ Name: name, Content: content, Type: type })).PolicyId!;
const status = async (type: 0 | 1) => (await client.DescribePolicyConfig({ OrganizationId: ORGANIZATION_ID, Type: type })).Status;
const targetsOf = async (policyId: number, type = SCP) =>
  (await client.ListTargetsForPolicy({ PolicyId: policyId, PolicyType: type, Rp: 200 })).List?.map((t) => [t.Uin, t.RelatedType]);
const policiesOf = async (targetId: number, type = SCP) =>
  (await client.ListPoliciesForTarget({ TargetId: targetId, PolicyType: type, Rp: 200 })).List?.map((p) => p.StrategyId);

describe("EnablePolicyType, DisablePolicyType, DescribePolicyConfig", () => {
  it("starts with both types disabled, and answers the type as a string", async () => {
    expect(await client.DescribePolicyConfig({ OrganizationId: ORGANIZATION_ID })).toMatchObject({ Status: 0, Type: SCP });
    expect(await client.DescribePolicyConfig({ OrganizationId: ORGANIZATION_ID, Type: 1 })).toMatchObject({ Status: 0, Type: TAG });
  });

  it("enables and disables each type; neither call is idempotent", async () => {
    await enable(SCP);
    expect([await status(0), await status(1)]).toEqual([1, 0]);
    expect(await codeOf(enable(SCP))).toBe("FailedOperation.OrganizationPolicyIsNotDisabled");
    await enable(TAG);
    expect(await status(1)).toBe(1);
    await client.DisablePolicyType({ OrganizationId: ORGANIZATION_ID, PolicyType: SCP });
    expect(await status(0)).toBe(0);
    expect(await codeOf(client.DisablePolicyType({ OrganizationId: ORGANIZATION_ID, PolicyType: SCP }))).toBe(
      "FailedOperation.OrganizationPolicyIsNotEnabled",
    );
  });

  it("binds FullQcloudAccess to every department and member when SCP is enabled, and to those created later", async () => {
    const before = (await client.CreateOrganizationMember(aMember({ Name: "before" }))).Uin!;
    await enable(SCP);
    expect(await targetsOf(FULL_ACCESS_POLICY_ID)).toEqual([
      [ROOT, 1],
      [ENGINEERING, 1],
      [FINANCE, 1],
      [100003, 1],
      [before, 2],
    ]);
    const node = (await client.AddOrganizationNode({ ParentNodeId: ROOT, Name: "Later" })).NodeId!;
    const after = (await client.CreateOrganizationMember(aMember({ Name: "after" }))).Uin!;
    const invited = emulator.admin.inviteMember({ name: "guest" });
    expect(await policiesOf(node)).toEqual([FULL_ACCESS_POLICY_ID]);
    expect(await policiesOf(after)).toEqual([FULL_ACCESS_POLICY_ID]);
    expect(await policiesOf(invited)).toEqual([FULL_ACCESS_POLICY_ID]);
  });

  it("refuses another organization's id and an unknown type", async () => {
    expect(await codeOf(client.EnablePolicyType({ OrganizationId: 1, PolicyType: SCP }))).toBe("InvalidParameter.ParamError");
    expect(await codeOf(client.DisablePolicyType({ OrganizationId: 1, PolicyType: SCP }))).toBe("InvalidParameter.ParamError");
    expect(await codeOf(enable("RESOURCE_CONTROL_POLICY"))).toBe("InvalidParameter.ParamError");
    expect(await codeOf(client.DescribePolicyConfig({ OrganizationId: 1 }))).toBe("ResourceNotFound.OrganizationNotExist");
    expect(await codeOf(client.DescribePolicyConfig({ OrganizationId: ORGANIZATION_ID, Type: 2 }))).toBe("InvalidParameter");
  });

  it("refuses every write of a type that is not enabled with FailedOperation.OrganizationPolicyIsNotEnabled", async () => {
    const notEnabled = "FailedOperation.OrganizationPolicyIsNotEnabled";
    expect(await codeOf(client.CreatePolicy({ Name: "p", Content: DENY_CVM, Type: SCP }))).toBe(notEnabled);
    expect(await codeOf(client.UpdatePolicy({ PolicyId: FULL_ACCESS_POLICY_ID, Name: "x" }))).toBe(notEnabled);
    expect(await codeOf(client.DeletePolicy({ PolicyId: FULL_ACCESS_POLICY_ID }))).toBe(notEnabled);
    expect(await codeOf(client.AttachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: FULL_ACCESS_POLICY_ID }))).toBe(notEnabled);
    expect(await codeOf(client.DetachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: FULL_ACCESS_POLICY_ID }))).toBe(notEnabled);
    await enable(SCP);
    expect(await codeOf(client.CreatePolicy({ Name: "t", Content: tagPolicy("team", ["a"]), Type: TAG }))).toBe(notEnabled);
  });

  it("keeps the policies and drops the type's attachments when it is disabled; re-enabling binds FullQcloudAccess only", async () => {
    await enable(SCP);
    const id = await create("deny_cvm");
    await client.AttachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: id });
    await client.DisablePolicyType({ OrganizationId: ORGANIZATION_ID, PolicyType: SCP });
    expect(emulator.admin.policies().attachments).toEqual([]);
    await enable(SCP);
    expect(await policiesOf(ENGINEERING)).toEqual([FULL_ACCESS_POLICY_ID]);
    expect((await client.DescribePolicy({ PolicyId: id })).PolicyName).toBe("deny_cvm");
  });
});

describe("enabledPolicyTypes: both types enabled at start", () => {
  let started: RunningEmulator;
  let enabled: OrgClient;
  useEmulator(
    (s) => {
      started = s.emulator;
      enabled = s.client;
    },
    { rateLimitPerSecond: 0, enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "TAG_POLICY"] },
  );

  it("starts (and resets) with both enabled and FullQcloudAccess bound to the seed departments", async () => {
    for (let round = 0; round < 2; round++) {
      expect((await enabled.DescribePolicyConfig({ OrganizationId: ORGANIZATION_ID, Type: 1 })).Status).toBe(1);
      expect((await enabled.ListTargetsForPolicy({ PolicyId: FULL_ACCESS_POLICY_ID })).TotalNum).toBe(4);
      await create("p", tagPolicy("team", ["a"]), TAG, enabled);
      started.admin.reset();
    }
  });

  it("refuses an unknown type in the option", async () => {
    await expect(withEmulator({ enabledPolicyTypes: ["X" as never] }, async () => undefined)).rejects.toThrow(/enabledPolicyTypes/);
  });
});

describe("CreatePolicy, DescribePolicy, UpdatePolicy, DeletePolicy", () => {
  it("creates a policy and describes it with its document verbatim", async () => {
    await enable(SCP);
    const spaced = `{ "version": "2.0",\n  "statement": [ { "resource": "*", "effect": "deny", "action": "cvm:*" } ] }`;
    const id = (await client.CreatePolicy({ Name: "限制_cvm", Content: spaced, Type: SCP, Description: "no cvm" })).PolicyId!;
    expect(id).toBeGreaterThan(FULL_ACCESS_POLICY_ID);
    expect(await client.DescribePolicy({ PolicyId: id, PolicyType: SCP })).toMatchObject({
      PolicyId: id,
      PolicyName: "限制_cvm",
      Type: 1,
      Description: "no cvm",
      PolicyDocument: spaced,
      AddTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    expect(await client.DescribePolicy({ PolicyId: FULL_ACCESS_POLICY_ID })).toMatchObject({
      PolicyName: "FullQcloudAccess",
      Type: 2,
      PolicyDocument: ALLOW_ALL,
    });
  });

  it("requires Type (required in the SDK model) and refuses an unknown one", async () => {
    await enable(SCP);
    expect(await codeOf(client.CreatePolicy({ Name: "p", Content: DENY_CVM } as never))).toBe("MissingParameter");
    expect(await codeOf(client.CreatePolicy({ Name: "p", Content: DENY_CVM, Type: "scp" }))).toBe("InvalidParameter.ParamError");
  });

  it.each([
    ["a hyphen (outside the documented charset)", "iac-example-svc"],
    ["a space", "a b"],
    ["129 characters", "n".repeat(129)],
    ["nothing", ""],
  ])("refuses a name with %s with InvalidParameter.PolicyNameError", async (_case, name) => {
    await enable(SCP);
    expect(await codeOf(client.CreatePolicy({ Name: name, Content: DENY_CVM, Type: SCP }))).toBe("InvalidParameter.PolicyNameError");
  });

  it("refuses a name used by a policy of the same type with FailedOperation.PolicyNameInUse, not one of the other type", async () => {
    await enable(SCP);
    await enable(TAG);
    await create("shared");
    expect(await codeOf(client.CreatePolicy({ Name: "shared", Content: ALLOW_ALL, Type: SCP }))).toBe("FailedOperation.PolicyNameInUse");
    expect(await codeOf(client.CreatePolicy({ Name: "FullQcloudAccess", Content: ALLOW_ALL, Type: SCP }))).toBe(
      "FailedOperation.PolicyNameInUse",
    );
    await create("shared", tagPolicy("team", ["a"]), TAG);
  });

  it("takes a description of 300 bytes and refuses 301 (Create: InvalidParameter.ParamError, Update: DescriptionLengthOverlimit)", async () => {
    await enable(SCP);
    const id = (await client.CreatePolicy({ Name: "p", Content: DENY_CVM, Type: SCP, Description: "描".repeat(100) })).PolicyId!;
    const tooLong = `${"描".repeat(100)}x`;
    expect(await codeOf(client.CreatePolicy({ Name: "q", Content: DENY_CVM, Type: SCP, Description: tooLong }))).toBe(
      "InvalidParameter.ParamError",
    );
    expect(await codeOf(client.UpdatePolicy({ PolicyId: id, Description: tooLong }))).toBe("InvalidParameter.DescriptionLengthOverlimit");
  });

  it("updates only the fields given, keeps its own name, and refuses another's", async () => {
    await enable(SCP);
    const id = await create("first");
    await create("second");
    await client.UpdatePolicy({ PolicyId: id, Description: "d" });
    await client.UpdatePolicy({ PolicyId: id, Name: "first", Content: ALLOW_ALL, Type: SCP });
    expect(await client.DescribePolicy({ PolicyId: id })).toMatchObject({
      PolicyName: "first",
      Description: "d",
      PolicyDocument: ALLOW_ALL,
    });
    expect(await codeOf(client.UpdatePolicy({ PolicyId: id, Name: "second" }))).toBe("FailedOperation.PolicyNameInUse");
    expect(await codeOf(client.UpdatePolicy({ PolicyId: id, Name: "bad name" }))).toBe("InvalidParameter.PolicyNameError");
    expect(await codeOf(client.UpdatePolicy({ PolicyId: id, Content: "{}" }))).toBe("InvalidParameter.VersionError");
  });

  it("refuses an unknown policy, a policy of the other type, and changing or deleting FullQcloudAccess", async () => {
    await enable(SCP);
    await enable(TAG);
    const tagId = await create("tags", tagPolicy("team", ["a"]), TAG);
    expect(await codeOf(client.UpdatePolicy({ PolicyId: 999, Name: "x" }))).toBe("ResourceNotFound.PolicyNotExist");
    expect(await codeOf(client.UpdatePolicy({ PolicyId: tagId, Name: "x" }))).toBe("ResourceNotFound.PolicyNotExist");
    expect(await codeOf(client.DescribePolicy({ PolicyId: tagId }))).toBe("ResourceNotFound.PolicyNotExist");
    expect(await codeOf(client.DescribePolicy({ PolicyId: tagId, PolicyType: "tag" }))).toBe("InvalidParameter");
    expect(await codeOf(client.DeletePolicy({ PolicyId: 999 }))).toBe("ResourceNotFound.PolicyNotExist");
    expect(await codeOf(client.UpdatePolicy({ PolicyId: FULL_ACCESS_POLICY_ID, Name: "mine" }))).toBe("InvalidParameter.ParamError");
    expect(await codeOf(client.DeletePolicy({ PolicyId: FULL_ACCESS_POLICY_ID }))).toBe("InvalidParameter.ParamError");
  });

  it("refuses deleting a policy still attached with FailedOperation.OrganizationPolicyInUsed, and deletes it once detached", async () => {
    await enable(SCP);
    const id = await create("p");
    await client.AttachPolicy({ TargetId: FINANCE, TargetType: "NODE", PolicyId: id });
    expect(await codeOf(client.DeletePolicy({ PolicyId: id, Type: SCP }))).toBe("FailedOperation.OrganizationPolicyInUsed");
    await client.DetachPolicy({ TargetId: FINANCE, TargetType: "NODE", PolicyId: id });
    await client.DeletePolicy({ PolicyId: id, Type: SCP });
    expect(await codeOf(client.DescribePolicy({ PolicyId: id }))).toBe("ResourceNotFound.PolicyNotExist");
  });
});

describe("policy limits (policyLimit 2, tagPolicyLimit 1, policyAttachmentLimit 2)", () => {
  let limited: OrgClient;
  useEmulator(
    (s) => {
      limited = s.client;
    },
    { rateLimitPerSecond: 0, policyLimit: 2, tagPolicyLimit: 1, policyAttachmentLimit: 2, enabledPolicyTypes: [SCP, TAG] },
  );

  it("refuses a third custom SCP with FailedOperation.PolicyFull (FullQcloudAccess does not count)", async () => {
    await create("a", DENY_CVM, SCP, limited);
    await create("b", DENY_CVM, SCP, limited);
    expect(await codeOf(limited.CreatePolicy({ Name: "c", Content: DENY_CVM, Type: SCP }))).toBe("FailedOperation.PolicyFull");
  });

  it("refuses a second tag policy with LimitExceeded.TagPolicy", async () => {
    await create("a", tagPolicy("team", ["x"]), TAG, limited);
    expect(await codeOf(limited.CreatePolicy({ Name: "b", Content: tagPolicy("team", ["y"]), Type: TAG }))).toBe("LimitExceeded.TagPolicy");
  });

  it("refuses a third SCP on one target (FullQcloudAccess counts) with InvalidParameter.AttachmentFull", async () => {
    const a = await create("a", DENY_CVM, SCP, limited);
    const b = await create("b", DENY_CVM, SCP, limited);
    await limited.AttachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: a });
    expect(await codeOf(limited.AttachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: b }))).toBe(
      "InvalidParameter.AttachmentFull",
    );
    // Attaching again what is attached is not a new attachment.
    await limited.AttachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: a });
  });
});

/** An SCP statement with `change` applied, as a document. */
const scp = (change: Record<string, unknown>, top: Record<string, unknown> = {}) =>
  JSON.stringify({ version: "2.0", statement: [{ effect: "deny", action: "cvm:*", resource: "*", ...change }], ...top });

describe("SCP content: the CAM policy grammar", () => {
  it.each([
    ["not JSON", "{version: 2.0}", "InvalidParameter.PolicyDocumentError"],
    ["an array", "[]", "InvalidParameter.PolicyDocumentError"],
    ["an unknown top-level element", scp({}, { Version: "2.0" }), "InvalidParameter.PolicyDocumentError"],
    ["an element twice", '{"version":"2.0","version":"2.0","statement":[]}', "InvalidParameter.PolicyDocumentError"],
    ["no version", '{"statement":[{"effect":"deny","action":"*","resource":"*"}]}', "InvalidParameter.VersionError"],
    ["version 1.0", scp({}, { version: "1.0" }), "InvalidParameter.VersionError"],
    ["no statement", '{"version":"2.0"}', "InvalidParameter.StatementError"],
    ["an empty statement list", '{"version":"2.0","statement":[]}', "InvalidParameter.StatementError"],
    [
      "a statement object instead of a list",
      '{"version":"2.0","statement":{"effect":"deny","action":"*","resource":"*"}}',
      "InvalidParameter.StatementError",
    ],
    ["an unknown statement element", scp({ sid: "1" }), "InvalidParameter.StatementError"],
    ["effect Allow (element values are lowercase)", scp({ effect: "Allow" }), "InvalidParameter.EffectError"],
    ["no effect", scp({ effect: undefined }), "InvalidParameter.EffectError"],
    ["no action", scp({ action: undefined }), "InvalidParameter.ActionError"],
    ["an action without service", scp({ action: "RunInstances" }), "InvalidParameter.ActionError"],
    ["an empty action list", scp({ action: [] }), "InvalidParameter.ActionError"],
    ["no resource", scp({ resource: undefined }), "InvalidParameter.ResourceError"],
    ["a numeric resource", scp({ resource: 5 }), "InvalidParameter.ResourceError"],
    ["a resource that is not six segments", scp({ resource: "cvm/instance/*" }), "InvalidParameter.ResourceQcsError"],
    ["a bad account segment", scp({ resource: "qcs::cvm:ap-guangzhou:123:instance/*" }), "InvalidParameter.ResourceUinError"],
    ["a condition list", scp({ condition: [] }), "InvalidParameter.ConditionError"],
    ["an unknown condition operator", scp({ condition: { greater: { "qcs:ip": "1" } } }), "InvalidParameter.ConditionTypeError"],
    ["a condition value object", scp({ condition: { string_equal: { "qcs:ip": {} } } }), "InvalidParameter.ConditionContentError"],
    ["a principal", scp({}, { principal: { qcs: ["qcs::cam::uin/1:root"] } }), "InvalidParameter.PrincipalError"],
    ["a statement principal", scp({ principal: "*" }), "InvalidParameter.PrincipalError"],
    ["6,145 characters", scp({ action: [`cvm:${"A".repeat(6100)}`] }), "InvalidParameter.PolicyDocumentLengthOverLimit"],
  ])("refuses %s", async (_case, content, code) => {
    await enable(SCP);
    expect(await codeOf(client.CreatePolicy({ Name: "p", Content: content, Type: SCP }))).toBe(code);
  });

  it.each([
    ["the minimal allow-all", ALLOW_ALL],
    ["a deny list", DENY_CVM],
    ["name/ actions and wildcards", scp({ action: ["name/cvm:Describe*", "cos:*"] })],
    ["six-segment resources", scp({ resource: ["qcs::cvm:ap-guangzhou:uin/100000000001:instance/*", "qcs::cam::*:*"] })],
    [
      "conditions with prefixes and _if_exist",
      scp({ condition: { "for_any_value:string_equal_if_exist": { "qcs:tag": ["a", "b"] }, ip_equal: { "qcs:ip": "10.0.0.0/8" } } }),
    ],
  ])("accepts %s", async (_case, content) => {
    await enable(SCP);
    await create("p", content);
  });
});

describe("tag policy content: the tag-policy syntax", () => {
  const withKey = (key: string, body: Record<string, unknown>) => JSON.stringify({ tags: { [key]: body } });
  const assign = (value: unknown) => ({ "@@assign": value });
  const base = { tag_key: assign("team"), resource_type_scope: assign(["*"]) };

  it.each([
    ["not JSON", "tags", "InvalidParameterValue.PolicyContentInvalid"],
    ["no tags element", '{"team":{}}', "InvalidParameterValue.PolicyContentInvalid"],
    ["an empty tags element", '{"tags":{}}', "InvalidParameterValue.PolicyContentInvalid"],
    ["an unknown field", withKey("team", { ...base, tag_values: assign(["a"]) }), "InvalidParameterValue.PolicyContentInvalid"],
    ["a field without @@assign", withKey("team", { ...base, tag_value: ["a"] }), "InvalidParameterValue.PolicyContentInvalid"],
    ["another operator", withKey("team", { ...base, tag_value: { "@@append": ["a"] } }), "InvalidParameterValue.PolicyContentInvalid"],
    ["no tag_key", withKey("team", { resource_type_scope: assign(["*"]) }), "InvalidParameterValue.PolicyContentInvalid"],
    [
      "a tag_key other than the policy key",
      withKey("team", { ...base, tag_key: assign("Team") }),
      "InvalidParameterValue.PolicyContentInvalid",
    ],
    ["no resource_type_scope", withKey("team", { tag_key: assign("team") }), "InvalidParameterValue.PolicyContentInvalid"],
    [
      "a malformed resource type",
      withKey("team", { ...base, resource_type_scope: assign(["cvm"]) }),
      "InvalidParameterValue.PolicyContentInvalid",
    ],
    ["two wildcards in a value", withKey("team", { ...base, tag_value: assign(["a*b*"]) }), "InvalidParameterValue.PolicyContentInvalid"],
    ["detection off", withKey("team", { ...base, detection: assign("off") }), "InvalidParameterValue.PolicyContentInvalid"],
    [
      "tag_value with tag_value_dynamic",
      withKey("team", { ...base, tag_value: assign(["a"]), tag_value_dynamic: assign("on") }),
      "InvalidParameterValue.PolicyContentInvalid",
    ],
    [
      "correction with two allowed values",
      withKey("team", { ...base, tag_value: assign(["a", "b"]), correction: assign("on") }),
      "InvalidParameterValue.PolicyContentInvalid",
    ],
    [
      "a policy key twice",
      '{"tags":{"team":{"tag_key":{"@@assign":"team"},"resource_type_scope":{"@@assign":["*"]}},"team":{"tag_key":{"@@assign":"team"},"resource_type_scope":{"@@assign":["*"]}}}}',
      "InvalidParameter.PolicyKeyDuplicated",
    ],
    ["the reserved key qcloud", tagPolicy("qcloud_owner", ["a"]), "InvalidParameter.ReservedTagKey"],
    ["the reserved key project", tagPolicy("project", ["a"]), "InvalidParameter.ReservedTagKey"],
    [
      "4,097 characters",
      tagPolicy(
        "team",
        Array.from({ length: 800 }, (_, i) => `v${i}`),
      ),
      "InvalidParameter.PolicyDocumentLengthOverLimit",
    ],
  ])("refuses %s", async (_case, content, code) => {
    await enable(TAG);
    expect(await codeOf(client.CreatePolicy({ Name: "p", Content: content, Type: TAG }))).toBe(code);
  });

  it.each([
    [
      "the documented example (correction, ecs scopes)",
      '{"tags":{"principal":{"tag_key":{"@@assign":"principal"},"tag_value":{"@@assign":["name 1"]},"resource_type_scope":{"@@assign":["ecs:instance","ecs:disk"]},"correction":{"@@assign":"on"}}}}',
    ],
    ["detection written bare, as older pages do", withKey("team", { ...base, detection: "on" })],
    [
      "every documented field",
      withKey("team", {
        ...base,
        tag_value: assign(["prod", "dev-*"]),
        detection: assign("on"),
        auto_assign: assign("on"),
        enforced_for: assign(["*"]),
        tag_deletion_disable: assign("on"),
      }),
    ],
    ["tag_value_dynamic", withKey("team", { ...base, tag_value_dynamic: assign("on"), auto_assign_value: assign("on") })],
  ])("accepts %s", async (_case, content) => {
    await enable(TAG);
    await create("p", content, TAG);
  });
});

describe("AttachPolicy, DetachPolicy, ListTargetsForPolicy, ListPoliciesForTarget, ListPolicies", () => {
  it("attaches to the root, a department and a member, and lists both ways", async () => {
    await enable(SCP);
    const uin = (await client.CreateOrganizationMember(aMember({ Name: "m" }))).Uin!;
    const id = await create("deny_cvm");
    await client.AttachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: id });
    await client.AttachPolicy({ TargetId: uin, TargetType: "MEMBER", PolicyId: id, Type: SCP });
    expect(await targetsOf(id)).toEqual([
      [ROOT, 1],
      [uin, 2],
    ]);
    const users = await client.ListTargetsForPolicy({ PolicyId: id, TargetType: "User" });
    expect(users.List).toEqual([{ Uin: uin, RelatedType: 2, Name: "m", AddTime: expect.any(String) }]);
    expect((await client.ListTargetsForPolicy({ PolicyId: id, TargetType: "Node" })).List?.map((t) => t.Name)).toEqual(["Root"]);
    expect((await client.ListTargetsForPolicy({ PolicyId: id, Keyword: "m" })).List?.map((t) => t.Uin)).toEqual([uin]);
    const forMember = await client.ListPoliciesForTarget({ TargetId: uin });
    expect(forMember.TotalNum).toBe(2);
    expect(forMember.List?.[1]).toMatchObject({ StrategyId: id, StrategyName: "deny_cvm", Uin: uin, Type: 2, Name: "m", Remark: "" });
    expect((await client.ListPoliciesForTarget({ TargetId: uin, Keyword: "deny" })).List?.map((p) => p.StrategyId)).toEqual([id]);
    const listed = await client.ListPolicies({ Scope: "Local" });
    expect(listed.List).toEqual([expect.objectContaining({ PolicyId: id, AttachedTimes: 2, Type: 1 })]);
  });

  it("lists policies by scope, keyword and type, paged by Rp and Page", async () => {
    await enable(SCP);
    await enable(TAG);
    for (const name of ["a1", "a2", "b1"]) await create(name);
    await create("t1", tagPolicy("team", ["x"]), TAG);
    expect((await client.ListPolicies({})).TotalNum).toBe(4);
    expect((await client.ListPolicies({ Scope: "QCS" })).List?.map((p) => p.PolicyName)).toEqual(["FullQcloudAccess"]);
    expect((await client.ListPolicies({ Keyword: "a" })).List?.map((p) => p.PolicyName)).toEqual(["a1", "a2"]);
    expect((await client.ListPolicies({ PolicyType: TAG })).List?.map((p) => p.PolicyName)).toEqual(["t1"]);
    const page2 = await client.ListPolicies({ Rp: 3, Page: 2 });
    expect([page2.TotalNum, page2.List?.map((p) => p.PolicyName)]).toEqual([4, ["b1"]]);
  });

  it.each([
    ["Rp 0", { Rp: 0 }],
    ["Rp 201", { Rp: 201 }],
    ["Page 0", { Page: 0 }],
    ["Page 201", { Page: 201 }],
    ["Scope Custom", { Scope: "Custom" }],
    ["an unknown PolicyType", { PolicyType: "SCP" }],
  ])("refuses %s in listings with InvalidParameter", async (_case, change) => {
    expect(await codeOf(client.ListPolicies(change))).toBe("InvalidParameter");
    if (!("Scope" in change)) {
      expect(await codeOf(client.ListTargetsForPolicy({ PolicyId: FULL_ACCESS_POLICY_ID, ...change }))).toBe("InvalidParameter");
      expect(await codeOf(client.ListPoliciesForTarget({ TargetId: ROOT, ...change }))).toBe("InvalidParameter");
    }
  });

  it("refuses ListTargetsForPolicy's TargetType in Attach's spelling, and an unknown policy", async () => {
    expect(await codeOf(client.ListTargetsForPolicy({ PolicyId: FULL_ACCESS_POLICY_ID, TargetType: "NODE" }))).toBe("InvalidParameter");
    expect(await codeOf(client.ListTargetsForPolicy({ PolicyId: 7 }))).toBe("ResourceNotFound.PolicyNotExist");
    expect(await codeOf(client.ListPoliciesForTarget({ TargetId: 7 }))).toBe("ResourceNotFound.NotFound");
  });

  it("refuses attaching to an unknown department or member, an unknown TargetType or policy", async () => {
    await enable(SCP);
    const id = await create("p");
    expect(await codeOf(client.AttachPolicy({ TargetId: 7, TargetType: "NODE", PolicyId: id }))).toBe(
      "ResourceNotFound.OrganizationNodeNotExist",
    );
    expect(await codeOf(client.AttachPolicy({ TargetId: 7, TargetType: "MEMBER", PolicyId: id }))).toBe(
      "ResourceNotFound.OrganizationMemberNotExist",
    );
    expect(await codeOf(client.AttachPolicy({ TargetId: ROOT, TargetType: "Node", PolicyId: id }))).toBe("InvalidParameter.ParamError");
    expect(await codeOf(client.AttachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: 7 }))).toBe("ResourceNotFound.PolicyNotExist");
    expect(await codeOf(client.AttachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: id, Type: "x" }))).toBe(
      "InvalidParameter.ParamError",
    );
  });

  it("detaches, refuses what is not attached and a target's last SCP", async () => {
    await enable(SCP);
    const id = await create("p");
    expect(await codeOf(client.DetachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: id }))).toBe(
      "FailedOperation.OrganizationDetachPolicyError",
    );
    expect(await codeOf(client.DetachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: FULL_ACCESS_POLICY_ID }))).toBe(
      "FailedOperation.OrganizationDetachLastPolicyError",
    );
    await client.AttachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: id });
    await client.DetachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: FULL_ACCESS_POLICY_ID });
    expect(await policiesOf(ENGINEERING)).toEqual([id]);
    expect(await codeOf(client.DetachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: id }))).toBe(
      "FailedOperation.OrganizationDetachLastPolicyError",
    );
    expect(await codeOf(client.DetachPolicy({ TargetId: ENGINEERING, TargetType: "X", PolicyId: id }))).toBe("InvalidParameter.ParamError");
    expect(await codeOf(client.DetachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: 7 }))).toBe(
      "ResourceNotFound.PolicyNotExist",
    );
  });

  it("detaches a target's last tag policy (the last-policy rule is for SCPs)", async () => {
    await enable(TAG);
    const id = await create("t", tagPolicy("team", ["a"]), TAG);
    await client.AttachPolicy({ TargetId: FINANCE, TargetType: "NODE", PolicyId: id, Type: TAG });
    await client.DetachPolicy({ TargetId: FINANCE, TargetType: "NODE", PolicyId: id, Type: TAG });
    expect(await policiesOf(FINANCE, TAG)).toEqual([]);
  });

  it("drops the attachments of a removed member and of a deleted department", async () => {
    await enable(SCP);
    const id = await create("p");
    const invited = emulator.admin.inviteMember({ name: "guest" });
    const node = (await client.AddOrganizationNode({ ParentNodeId: ROOT, Name: "Temp" })).NodeId!;
    await client.AttachPolicy({ TargetId: invited, TargetType: "MEMBER", PolicyId: id });
    await client.AttachPolicy({ TargetId: node, TargetType: "NODE", PolicyId: id });
    await client.DeleteOrganizationMembers({ MemberUin: [invited] });
    await client.DeleteOrganizationNodes({ NodeId: [node] });
    expect(await targetsOf(id)).toEqual([]);
    expect((await client.ListTargetsForPolicy({ PolicyId: FULL_ACCESS_POLICY_ID })).TotalNum).toBe(4);
    await client.DeletePolicy({ PolicyId: id });
  });
});

describe("DescribeEffectivePolicy: tag policies inherited down the department tree", () => {
  it("answers ResourceNotFound.EffectivePolicyNotFound without tag policies, InvalidParameter for an unknown target", async () => {
    expect(await codeOf(client.DescribeEffectivePolicy({ TargetId: ROOT }))).toBe("ResourceNotFound.EffectivePolicyNotFound");
    expect(await codeOf(client.DescribeEffectivePolicy({ TargetId: 7 }))).toBe("InvalidParameter");
    await enable(SCP);
    expect(await codeOf(client.DescribeEffectivePolicy({ TargetId: ROOT }))).toBe("ResourceNotFound.EffectivePolicyNotFound");
  });

  it("merges root, department chain and member, deeper levels replacing fields, operators stripped", async () => {
    await enable(TAG);
    const sub = (await client.AddOrganizationNode({ ParentNodeId: ENGINEERING, Name: "Platform" })).NodeId!;
    const uin = (await client.CreateOrganizationMember(aMember({ Name: "dev", NodeId: sub }))).Uin!;
    const started = Math.floor(Date.now() / 1000);
    const rootPolicy = await create("root", tagPolicy("team", ["a", "b"], ["cvm:instance"]), TAG);
    const engPolicy = await create("eng", tagPolicy("team", ["eng-*"]), TAG);
    const memberPolicy = await create("member", tagPolicy("cost", undefined, ["*"]), TAG);
    await client.AttachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: rootPolicy, Type: TAG });
    await client.AttachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: engPolicy, Type: TAG });
    await client.AttachPolicy({ TargetId: uin, TargetType: "MEMBER", PolicyId: memberPolicy, Type: TAG });

    const ofFinance = (await client.DescribeEffectivePolicy({ TargetId: FINANCE })).EffectivePolicy!;
    expect(JSON.parse(ofFinance.PolicyContent!)).toEqual({
      tags: { team: { tag_key: "team", tag_value: ["a", "b"], resource_type_scope: ["cvm:instance"] } },
    });
    expect(ofFinance.TargetId).toBe(FINANCE);
    expect(ofFinance.LastUpdatedTimestamp).toBeGreaterThanOrEqual(started);
    const ofMember = (await client.DescribeEffectivePolicy({ TargetId: uin })).EffectivePolicy!;
    expect(JSON.parse(ofMember.PolicyContent!)).toEqual({
      tags: {
        team: { tag_key: "team", tag_value: ["eng-*"], resource_type_scope: ["*"] },
        cost: { tag_key: "cost", resource_type_scope: ["*"] },
      },
    });
    await client.DetachPolicy({ TargetId: ENGINEERING, TargetType: "NODE", PolicyId: engPolicy, Type: TAG });
    const afterDetach = JSON.parse((await client.DescribeEffectivePolicy({ TargetId: sub })).EffectivePolicy!.PolicyContent!);
    expect(afterDetach.tags.team.tag_value).toEqual(["a", "b"]);
  });

  it("reflects UpdatePolicy of an attached tag policy", async () => {
    await enable(TAG);
    const id = await create("root", tagPolicy("team", ["a"]), TAG);
    await client.AttachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: id, Type: TAG });
    await client.UpdatePolicy({ PolicyId: id, Type: TAG, Content: tagPolicy("team", ["z"]) });
    const content = JSON.parse((await client.DescribeEffectivePolicy({ TargetId: ENGINEERING })).EffectivePolicy!.PolicyContent!);
    expect(content.tags.team.tag_value).toEqual(["z"]);
  });
});

describe("ListNonCompliantResource: tag compliance of a member's resources", () => {
  const attachRoot = async (content: string) => {
    await enable(TAG);
    const id = await create("rule", content, TAG);
    await client.AttachPolicy({ TargetId: ROOT, TargetType: "NODE", PolicyId: id, Type: TAG });
  };
  const memberWith = async (tags: { TagKey: string; TagValue: string }[]) =>
    (await client.CreateOrganizationMember(aMember({ Name: `m${tags.length}${tags[0]?.TagValue ?? ""}`, Tags: tags }))).Uin!;

  it("lists a member whose tag value is not allowed, and one missing the key; not a compliant one", async () => {
    await attachRoot(tagPolicy("team", ["web", "data-*"]));
    const wrong = await memberWith([{ TagKey: "team", TagValue: "ops" }]);
    const missing = await memberWith([]);
    const wildcard = await memberWith([{ TagKey: "team", TagValue: "data-lake" }]);
    const [ofWrong, ofMissing, ofWildcard] = await Promise.all(
      [wrong, missing, wildcard].map((uin) => client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 10 })),
    );
    expect(ofWrong.Items).toEqual([
      {
        Resource: `qcs::organization::uin/100000000001:member/${wrong}`,
        ComplianceDetails: { ComplianceStatus: false, KeysWithNonCompliantValues: ["team"], NonCompliantKeys: [] },
        Tags: [{ TagKey: "team", TagValue: "ops" }],
      },
    ]);
    expect(ofMissing.Items?.[0].ComplianceDetails).toEqual({
      ComplianceStatus: false,
      KeysWithNonCompliantValues: [],
      NonCompliantKeys: ["team"],
    });
    expect(ofWildcard.Items).toEqual([]);
    expect(ofWildcard.PaginationToken).toBe("");
  });

  it("checks the resources marked on the admin interface against resource_type_scope, filters by TagKey and pages", async () => {
    await attachRoot(tagPolicy("team", ["web"], ["cvm:instance"]));
    const uin = await memberWith([]);
    emulator.admin.setMemberResources(uin, [
      { resource: `qcs::cvm:ap-guangzhou:uin/${uin}:instance/ins-1`, tags: { team: "db" } },
      { resource: `qcs::cvm:ap-guangzhou:uin/${uin}:instance/ins-2` },
      { resource: `qcs::cvm:ap-guangzhou:uin/${uin}:instance/ins-3`, tags: { team: "web" } },
      { resource: `qcs::cos:ap-guangzhou:uin/${uin}:bucket/b-1` },
    ]);
    const first = await client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 1 });
    expect(first.Items?.map((i) => i.Resource)).toEqual([`qcs::cvm:ap-guangzhou:uin/${uin}:instance/ins-1`]);
    expect(first.PaginationToken).not.toBe("");
    const second = await client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 1, PaginationToken: first.PaginationToken });
    expect(second.Items?.map((i) => i.Resource)).toEqual([`qcs::cvm:ap-guangzhou:uin/${uin}:instance/ins-2`]);
    expect(second.PaginationToken).toBe("");
    expect((await client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 50, TagKey: "owner" })).Items).toEqual([]);
    expect((await client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 50, TagKey: "team" })).Items).toHaveLength(2);
  });

  it("answers an empty list without tag policies, and refuses an unknown member and MaxResults outside 1-50", async () => {
    const uin = await memberWith([]);
    expect((await client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 50 })).Items).toEqual([]);
    expect(await codeOf(client.ListNonCompliantResource({ MemberUin: 7, MaxResults: 50 }))).toBe("ResourceNotFound.MemberNotExist");
    expect(await codeOf(client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 0 }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 51 }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.ListNonCompliantResource({ MemberUin: uin, MaxResults: 5, PaginationToken: "abc" }))).toBe(
      "InvalidParameterValue",
    );
  });
});

describe("the policy actions like every action: faults, CAM allow-lists, admin view", () => {
  it("injects documented codes and refuses undocumented ones", async () => {
    emulator.admin.injectFault({ action: "DeletePolicy", mode: "error", code: "FailedOperation.OrganizationPolicyInUsed" });
    expect(await codeOf(client.DeletePolicy({ PolicyId: 1 }))).toBe("FailedOperation.OrganizationPolicyInUsed");
    emulator.admin.injectFault({ action: "EnablePolicyType", mode: "error", code: "FailedOperation.PolicyEnableInvalid" });
    expect(await codeOf(enable(TAG))).toBe("FailedOperation.PolicyEnableInvalid");
    expect(() => emulator.admin.injectFault({ action: "AttachPolicy", mode: "error", code: "FailedOperation.PolicyFull" })).toThrow(
      /not documented for AttachPolicy/,
    );
  });

  it("commits, then loses the response (commit: true)", async () => {
    emulator.admin.injectFault({ action: "EnablePolicyType", mode: "http502", commit: true });
    await expect(enable(SCP)).rejects.toBeDefined();
    expect(await status(0)).toBe(1);
  });

  it("needs organization:<Action> in a key's allow-list", async () => {
    emulator.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["organization:ListPolicies"]);
    await client.ListPolicies({});
    expect(await codeOf(enable(SCP))).toBe("UnauthorizedOperation");
  });

  it("shows the policies on GET /_emulator/policies and takes member resources on POST …/resources", async () => {
    await enable(SCP);
    const id = await create("p");
    const view = (await adminCall(emulator, "GET", "/_emulator/policies")).body as {
      organizationId: number;
      enabled: string[];
      policies: { policyId: number }[];
    };
    expect(view.organizationId).toBe(ORGANIZATION_ID);
    expect(view.enabled).toEqual([SCP]);
    expect(view.policies.map((p) => p.policyId)).toEqual([FULL_ACCESS_POLICY_ID, id]);
    const uin = emulator.admin.inviteMember({ name: "guest" });
    const ok = await adminCall(emulator, "POST", `/_emulator/members/${uin}/resources`, {
      resources: [{ resource: `qcs::cvm:ap-guangzhou:uin/${uin}:instance/ins-1`, tags: { team: "a" } }],
    });
    expect(ok.status).toBe(200);
    expect(emulator.admin.members()[0].taggedResources).toEqual([
      {
        resource: `qcs::cvm:ap-guangzhou:uin/${uin}:instance/ins-1`,
        resourceType: "cvm:instance",
        tags: [{ TagKey: "team", TagValue: "a" }],
      },
    ]);
    const bad = await adminCall(emulator, "POST", `/_emulator/members/${uin}/resources`, { resources: [{ resource: "ins-1" }] });
    expect(bad.status).toBe(400);
  });

  it("returns to no policies and both types disabled on reset", async () => {
    await enable(SCP);
    await create("p");
    emulator.admin.reset();
    expect(emulator.admin.policies()).toMatchObject({ enabled: [], attachments: [], policies: [{ policyId: FULL_ACCESS_POLICY_ID }] });
  });
});

describe("persistence of the policy state", () => {
  const scratch = () => join(mkdtempSync(join(tmpdir(), "tc-emulator-policies-")), "state.json");

  it("keeps enabled types, policies, attachments and id allocation across a restart", async () => {
    const dataFile = scratch();
    const id = await withEmulator({ dataFile }, async (first) => {
      const c = orgClient(first);
      await enable(SCP, c);
      const created = await create("kept", DENY_CVM, SCP, c);
      await c.AttachPolicy({ TargetId: FINANCE, TargetType: "NODE", PolicyId: created });
      return created;
    });
    expect((JSON.parse(readFileSync(dataFile, "utf8")) as { policies: { enabled: string[] } }).policies.enabled).toEqual([SCP]);
    await withEmulator({ dataFile }, async (second) => {
      const c = orgClient(second);
      expect((await c.DescribePolicyConfig({ OrganizationId: ORGANIZATION_ID })).Status).toBe(1);
      expect((await c.ListTargetsForPolicy({ PolicyId: id })).List?.map((t) => t.Uin)).toEqual([FINANCE]);
      expect(await create("next", DENY_CVM, SCP, c)).toBe(id + 1);
    });
  });

  it("loads a data file written before the policy actions (no policies) with the start option's types", async () => {
    const dataFile = scratch();
    await withEmulator({ dataFile }, async () => undefined);
    const saved = JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown>;
    delete saved.policies;
    writeFileSync(dataFile, JSON.stringify(saved));
    await withEmulator({ dataFile, enabledPolicyTypes: [TAG] }, async (loaded) => {
      expect((await orgClient(loaded).DescribePolicyConfig({ OrganizationId: ORGANIZATION_ID, Type: 1 })).Status).toBe(1);
    });
  });
});
