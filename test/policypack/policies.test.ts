/**
 * The rules as @pulumi/policy policies: names, levels, config schemas whose defaults the code
 * agrees with, and the validate functions as the policy server calls them — props wrapped in its
 * unknown-checking proxy, config from getConfig — reporting through reportViolation.
 */
import { type PolicyResource, type ResourceValidationArgs, type StackValidationArgs, unknownCheckingProxy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { UNKNOWN as ENGINE_UNKNOWN } from "../../provider/core/unknown";
import { POLICIES, RULES } from "../../provider/policypack/policies";

const MEMBER = "pulumi-nodejs:dynamic/tencentcloud:OrganizationMember";
const NODE = "pulumi-nodejs:dynamic/tencentcloud:OrganizationNode";
const urnOf = (type: string, name: string, stack = "prod") => `urn:pulumi:${stack}::org::${type}::${name}`;
const policy = (name: string) => POLICIES.find((p) => p.name === name)!;

/** What the policy server hands validateResource (only what the pack reads is real). */
function resourceArgs(type: string, name: string, props: Record<string, unknown>, config: object = {}): ResourceValidationArgs {
  return {
    type,
    urn: urnOf(type, name),
    name,
    props: unknownCheckingProxy(props),
    getConfig: () => config,
  } as unknown as ResourceValidationArgs;
}

/** Runs a policy's validateResource and returns the messages it reported. */
function validate(policyName: string, args: ResourceValidationArgs): string[] {
  const messages: string[] = [];
  const validateResource = policy(policyName).validateResource;
  if (typeof validateResource !== "function") throw new Error(`${policyName} has no single validateResource`);
  validateResource(args, (message) => messages.push(message));
  return messages;
}

describe("the pack's policies", () => {
  it("are the five rules, mandatory unless configured otherwise, each with a config schema", () => {
    expect(POLICIES.map((p) => p.name)).toEqual([
      "required-tags",
      "member-permissions",
      "deletion-in-stacks",
      "department-paths",
      "naming",
    ]);
    expect(POLICIES.every((p) => p.enforcementLevel === "mandatory" && p.configSchema !== undefined)).toBe(true);
    expect(POLICIES.filter((p) => p.validateStack).map((p) => p.name)).toEqual(["department-paths"]);
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))("%s: the schema's defaults are the code's defaults", (_, rule) => {
    const schemaDefaults = Object.fromEntries(
      Object.entries(rule.configSchema.properties)
        .filter(([, schema]) => typeof schema === "object" && schema.default !== undefined)
        .map(([key, schema]) => [key, (schema as { default: unknown }).default]),
    );
    expect(rule.parseConfig(schemaDefaults)).toEqual(rule.parseConfig({}));
  });
});

describe("validateResource, as the policy server calls it", () => {
  it("reports a violating member, named by its Tencent name, resource name and class", () => {
    const args = resourceArgs(MEMBER, "ci", { name: "ci-bot", tags: {}, permissionIds: [1, 2] }, { members: { team: [] } });
    expect(validate("required-tags", args)).toEqual(['member "ci-bot" (OrganizationMember "ci") has no tag "team"; it is required.']);
  });

  it("applies the defaults when no config is given: no deleteAccount in prod", () => {
    const args = resourceArgs(MEMBER, "ci", { name: "ci-bot", deletionPolicy: "deleteAccount" });
    expect(validate("deletion-in-stacks", args)).toHaveLength(1);
  });

  it("reports nothing, and does not throw, for values not known at preview", () => {
    const configs: Record<string, object> = {
      "required-tags": { members: { team: [], owner: [] } },
      "member-permissions": { forbidden: [3], needTag: [{ permissionId: 7, tagKey: "payer" }] },
      "deletion-in-stacks": {},
      "department-paths": { under: ["Engineering"], knownDepartments: { "100000": "" }, members: true },
      naming: { members: "^[a-z-]+$" },
    };
    const everythingUnknown = {
      name: ENGINE_UNKNOWN,
      tags: ENGINE_UNKNOWN,
      permissionIds: ENGINE_UNKNOWN,
      nodeId: ENGINE_UNKNOWN,
      deletionPolicy: ENGINE_UNKNOWN,
    };
    const partlyUnknown = {
      name: "ci-bot",
      tags: { team: ENGINE_UNKNOWN, owner: ENGINE_UNKNOWN },
      permissionIds: [1, 2, ENGINE_UNKNOWN],
      nodeId: ENGINE_UNKNOWN,
    };
    for (const props of [everythingUnknown, partlyUnknown]) {
      for (const p of POLICIES) expect(validate(p.name, resourceArgs(MEMBER, "ci", props, configs[p.name]))).toEqual([]);
    }
  });

  it("ignores resources of other providers", () => {
    expect(validate("required-tags", resourceArgs("aws:s3/bucket:Bucket", "b", { tags: {} }, { members: { team: [] } }))).toEqual([]);
  });
});

describe("validateStack, as the policy server calls it", () => {
  it("reports a member placed, by dependency, in a department outside the allowed paths, with the member's URN", () => {
    const lab = {
      type: NODE,
      urn: urnOf(NODE, "lab"),
      name: "lab",
      props: unknownCheckingProxy({ name: "Lab", parentNodeId: 100000, ownerMarker: "m" }),
      propertyDependencies: {},
    };
    const ci = {
      type: MEMBER,
      urn: urnOf(MEMBER, "ci"),
      name: "ci",
      props: unknownCheckingProxy({ name: "ci-bot", nodeId: ENGINE_UNKNOWN, ownerMarker: "m" }),
      propertyDependencies: { nodeId: [lab] },
    };
    const reported: [string, string | undefined][] = [];
    const args = {
      resources: [lab, ci] as unknown as PolicyResource[],
      getConfig: () => ({ under: ["Engineering"], knownDepartments: { "100000": "" }, members: true }),
    } as unknown as StackValidationArgs;
    policy("department-paths").validateStack!(args, (message, urn) => reported.push([message, urn]));
    expect(reported).toEqual([
      ['member "ci-bot" (OrganizationMember "ci") sits in the department "Lab", outside the allowed paths: Engineering.', ci.urn],
    ]);
  });
});
