/**
 * The organization rules as @pulumi/policy policies: each rule's pure checks, given the engine's
 * resources reduced to plain values (resources.ts) and the rule's config with defaults applied.
 *
 * A rule with a per-resource check runs before the engine acts on each resource, so a violation
 * stops `preview` and `up` before any call to Tencent. A rule with a stack check also runs at the
 * end of a preview (and in `pulumi policy analyze`) with every resource of the stack.
 */
import type {
  EnforcementLevel,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { organizationResource, type OrganizationResource } from "./resources";
import { deletionInStacks } from "./rules/deletionInStacks";
import { departmentPaths } from "./rules/departmentPaths";
import { memberPermissions } from "./rules/memberPermissions";
import { naming } from "./rules/naming";
import { requiredTags } from "./rules/requiredTags";
import type { OrganizationRule, StackView, Violation } from "./rules/rule";

/** The pack's name, as the engine prints it beside each violation. */
export const POLICY_PACK_NAME = "tencentcloud-organization";

/** Every rule's default level: a violation stops the operation. Config can make a rule `advisory` or `disabled`. */
export const DEFAULT_ENFORCEMENT_LEVEL: EnforcementLevel = "mandatory";

/** The rules, in documentation order. */
export const RULES = [requiredTags, memberPermissions, deletionInStacks, departmentPaths, naming] as const;

/** A policy of the pack: a per-resource check, a stack check, or both (department-paths). */
export type PackPolicy = ResourceValidationPolicy & Partial<Pick<StackValidationPolicy, "validateStack">>;

/**
 * The rule as a policy of @pulumi/policy. @pulumi/policy runs `validateResource` and
 * `validateStack` of the same policy each in its own phase, with one config.
 * @param rule - one of {@link RULES}
 */
export function toPolicy<Config>(rule: OrganizationRule<Config>): PackPolicy {
  const { checkResource, checkStack } = rule;
  const report = (violations: Violation[], reportViolation: ReportViolation) => {
    for (const { message, urn } of violations) reportViolation(message, urn);
  };
  return {
    name: rule.name,
    description: rule.description,
    enforcementLevel: DEFAULT_ENFORCEMENT_LEVEL,
    configSchema: rule.configSchema,
    ...(checkResource && {
      validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
        const resource = organizationResource(args, "inputs");
        if (resource) report(checkResource(resource, rule.parseConfig(args.getConfig())), reportViolation);
      },
    }),
    ...(checkStack && {
      validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
        report(checkStack(stackView(args.resources), rule.parseConfig(args.getConfig())), reportViolation);
      },
    }),
  };
}

/** This provider's resources of a stack, and their property dependencies among them. */
export function stackView(resources: readonly PolicyResource[]): StackView {
  const byUrn = new Map<string, OrganizationResource>();
  const engineByUrn = new Map<string, PolicyResource>();
  for (const engine of resources) {
    const resource = organizationResource(engine, "outputs");
    if (!resource) continue;
    byUrn.set(resource.urn, resource);
    engineByUrn.set(resource.urn, engine);
  }
  return {
    resources: [...byUrn.values()],
    dependenciesOf(resource, property) {
      const sources = engineByUrn.get(resource.urn)?.propertyDependencies[property] ?? [];
      return sources.map((source) => byUrn.get(source.urn)).filter((r): r is OrganizationResource => r !== undefined);
    },
  };
}

/** The pack's policies. */
export const POLICIES: PackPolicy[] = RULES.map((rule) => toPolicy(rule as OrganizationRule<unknown>));
