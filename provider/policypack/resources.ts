/**
 * The resources a rule reads: the provider's five types as the engine hands them to a policy
 * pack, reduced to plain values with every value not known yet (a preview before the resource it
 * depends on exists) marked {@link UNKNOWN}, so a rule can skip it instead of guessing.
 *
 * Pure apart from {@link readProperty}, which reads a property through @pulumi/policy's proxy.
 */
import { UnknownValueError } from "@pulumi/policy";

/** A value not known until the resource it comes from is created (only at preview). */
export const UNKNOWN: unique symbol = Symbol("unknown until the resource it depends on exists");

/** A property as a rule sees it: its value, or {@link UNKNOWN}. */
export type Known<T> = T | typeof UNKNOWN;

/** What a resource is in the organization; a rule names it by this word. */
export type OrganizationKind = "member" | "department" | "policy" | "policy attachment" | "policy type";

/**
 * The types the resource classes register (`pulumi-nodejs:dynamic/<module>:<type>`, set by
 * `pulumi.dynamic.Resource`), by kind, with the class name a program uses.
 */
export const RESOURCE_TYPES: Readonly<Record<string, { kind: OrganizationKind; className: string }>> = {
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationMember": { kind: "member", className: "OrganizationMember" },
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationNode": { kind: "department", className: "OrganizationNode" },
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationPolicy": { kind: "policy", className: "OrganizationPolicy" },
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationPolicyAttachment": {
    kind: "policy attachment",
    className: "OrganizationPolicyAttachment",
  },
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationPolicyType": { kind: "policy type", className: "OrganizationPolicyType" },
};

/** One resource of this provider, as a rule reads it. */
export interface OrganizationResource {
  kind: OrganizationKind;
  /** The class a program declares it with, e.g. `OrganizationMember`. */
  className: string;
  /** The Pulumi resource name (the last part of its URN). */
  resourceName: string;
  urn: string;
  /** The stack it belongs to, read from its URN (`urn:pulumi:<stack>::<project>::…`). */
  stack: string;
  /**
   * False for an object read into the program with `.get` rather than declared: the engine runs
   * no per-resource policy on it during a deployment, and `pulumi policy analyze` would otherwise
   * see a member with no tags. Declared resources are recognised by their `name` input (every
   * member, department and policy has one), or in a stack's outputs by their ownership marker.
   */
  declared: boolean;
  /** Its properties (inputs for a per-resource rule, outputs for a stack rule), unknowns marked. */
  props: Readonly<Record<string, Known<unknown>>>;
}

/** The properties the rules read; nothing else is copied out of the engine's proxy. */
const READ_PROPERTIES = ["name", "tags", "permissionIds", "deletionPolicy", "nodeId", "parentNodeId", "ownerMarker"] as const;

/**
 * Reads one property through @pulumi/policy's proxy. The proxy throws when a value (or anything
 * inside it) is unknown at preview; that becomes {@link UNKNOWN} at the level where it was met, so
 * `tags: { team: <unknown> }` reads as `{ team: UNKNOWN }` and the other tags stay checkable.
 * @param source - the `props` object the engine gave the policy (or any plain object)
 * @param key - the property
 */
export function readProperty(source: unknown, key: string | number): Known<unknown> {
  let value: unknown;
  try {
    value = (source as Record<string | number, unknown>)[key];
  } catch (error) {
    if (error instanceof UnknownValueError) return UNKNOWN;
    throw error;
  }
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, index) => readProperty(value, index));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.keys(value).map((k) => [k, readProperty(value, k)]));
  }
  return value;
}

/** What the engine says about a resource: its type, URN and properties (the proxy). */
export interface EngineResource {
  type: string;
  urn: string;
  name: string;
  props: Record<string, unknown>;
}

/**
 * The resource as a rule reads it, or undefined when it is not one of this provider's.
 * @param resource - the engine's view (ResourceValidationArgs or a stack's PolicyResource)
 * @param source - `inputs` for a per-resource rule, `outputs` for a stack rule (the engine gives
 *   stack policies the outputs), which decides how a `.get` read is recognised
 */
export function organizationResource(resource: EngineResource, source: "inputs" | "outputs"): OrganizationResource | undefined {
  const known = RESOURCE_TYPES[resource.type];
  if (!known) return undefined;
  const props = Object.fromEntries(
    READ_PROPERTIES.map((key) => [key, readProperty(resource.props, key)]).filter(([, v]) => v !== undefined),
  );
  const named = known.kind === "member" || known.kind === "department" || known.kind === "policy";
  return {
    ...known,
    resourceName: resource.name,
    urn: resource.urn,
    stack: stackOf(resource.urn),
    declared: !named || (source === "inputs" ? props.name !== undefined : props.ownerMarker !== undefined),
    props,
  };
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` → the stack. */
export function stackOf(urn: string): string {
  return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1] ?? "";
}

/**
 * How every violation names its resource: by its name in Tencent (the `name` input) as well as
 * the Pulumi resource name and class, e.g. `member "ci-bot" (OrganizationMember "ci")`.
 * @param resource - the resource the violation is about
 */
export function subjectOf(resource: OrganizationResource): string {
  const name = resource.props.name;
  const tencentName = typeof name === "string" ? `"${name}"` : "(name not known yet)";
  return `${resource.kind} ${tencentName} (${resource.className} "${resource.resourceName}")`;
}

/** The tags of a member or department: `{}` when none are declared, {@link UNKNOWN} when not known yet. */
export function tagsOf(resource: OrganizationResource): Known<Readonly<Record<string, Known<unknown>>>> {
  const tags = resource.props.tags;
  if (tags === UNKNOWN) return UNKNOWN;
  return typeof tags === "object" && tags !== null && !Array.isArray(tags) ? (tags as Record<string, Known<unknown>>) : {};
}
