/**
 * The shape every organization rule has: its name and description (what the engine prints), the
 * JSON schema of its policy config (the CLI validates `--policy-pack-config` against it before the
 * pack runs), and pure checks — per resource, and with the whole stack when a rule needs to read
 * other resources. policies.ts turns each into a @pulumi/policy policy.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { OrganizationResource } from "../resources";

/** One broken rule: the message (it names the resource), and for a stack rule the resource's URN. */
export interface Violation {
  message: string;
  /** The resource the violation is about (stack rules; a per-resource rule's is implied). */
  urn?: string;
}

/** What a stack rule reads: every resource of this provider in the stack, and how they depend on each other. */
export interface StackView {
  resources: readonly OrganizationResource[];
  /** The resources a property's value came from (its property dependencies), by URN. */
  dependenciesOf(resource: OrganizationResource, property: string): readonly OrganizationResource[];
}

/**
 * An organization rule.
 * @typeParam Config - its config, defaults applied (see {@link OrganizationRule.parseConfig})
 */
export interface OrganizationRule<Config> {
  /** The policy name: what `--policy-pack-config` keys its config by, and what the engine prints. */
  name: string;
  /** One sentence; the engine prints it above each violation. */
  description: string;
  /** The config's JSON schema, with a `default` for every property (the CLI fills defaults in). */
  configSchema: PolicyConfigSchema;
  /**
   * The config with defaults applied. The CLI has validated it against the schema; what a schema
   * cannot say (a regular expression that does not compile) is refused here.
   * @throws PolicyPackConfigError
   */
  parseConfig(raw: Readonly<Record<string, unknown>>): Config;
  /** Checks one resource from its inputs; runs before the engine acts on it, so a violation stops it. */
  checkResource?(resource: OrganizationResource, config: Config): Violation[];
  /** Checks what needs other resources (the stack's outputs); runs at the end of a preview. */
  checkStack?(stack: StackView, config: Config): Violation[];
}
