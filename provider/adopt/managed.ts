/**
 * Which stack manages a member or department — the one rule `adopt` (leave it out) and
 * `unmanaged` (do not report it) share. Pure.
 *
 * Two kinds of evidence, in this order:
 * 1. A stack's state, exported with `pulumi stack export`: every OrganizationMember and
 *    OrganizationNode resource it holds, by id — created and adopted objects alike. Objects a
 *    program only reads (`OrganizationMember.get`, marked `external` in the state) are not managed
 *    by it.
 * 2. The ownership marker (a `pulumi:owner…` tag, core/ownership.ts): every object this provider
 *    *created* carries one, so it is known to belong to some stack even when that stack's state is
 *    not given. An adopted object never gets a marker, so only a state tells that it is managed. A
 *    created object whose stack was destroyed with `deletionPolicy: retain` keeps its marker: it
 *    counts as managed until the tag is removed.
 */
import { isOwnerTagKey, type Tags } from "../core/tags";
import { AdoptionError } from "../core/errors/AdoptionError";

/** The state resource types that manage an object, by the kind of object. */
export const MANAGING_TYPES = {
  member: "pulumi-nodejs:dynamic/tencentcloud:OrganizationMember",
  department: "pulumi-nodejs:dynamic/tencentcloud:OrganizationNode",
} as const;

/** A member or a department. */
export type ObjectKind = keyof typeof MANAGING_TYPES;

/** The objects one exported stack manages. */
export interface StackManagement {
  /** `project/stack`, from the state's resource names (or the file name when it holds none). */
  stack: string;
  members: ReadonlySet<number>;
  departments: ReadonlySet<number>;
}

/** Who manages an object. */
export type Manager = { by: "state"; stack: string } | { by: "marker"; tagKey: string };

/** The format version of `pulumi stack export` that this reads (every Pulumi CLI 3.x writes it). */
export const STACK_EXPORT_VERSION = 3;

/** A resource of an exported state, as far as this reads it. */
interface StateResource {
  urn?: string;
  type?: string;
  id?: string;
  external?: boolean;
  delete?: boolean;
}

/**
 * Reads the text of `pulumi stack export` (or of the Automation API's `exportStack`).
 * @param file - the name used in messages
 * @throws AdoptionError when the text is not an exported Pulumi stack of version 3
 */
export function readStackExport(text: string, file: string): StackManagement {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AdoptionError(`${file} is not JSON (${(error as Error).message})`, STATE_HINT);
  }
  const record = isObject(document) ? document : {};
  if (typeof record.terraform_version === "string") {
    throw new AdoptionError(`${file} is a Terraform state, not an exported Pulumi stack`, "give a Terraform state with --from-terraform.");
  }
  if (!isObject(record.deployment)) throw new AdoptionError(`${file} is not an exported Pulumi stack (it has no "deployment")`, STATE_HINT);
  if (record.version !== STACK_EXPORT_VERSION) {
    throw new AdoptionError(
      `${file} is an exported Pulumi stack of format version ${JSON.stringify(record.version)}; version ${STACK_EXPORT_VERSION} is read`,
      STATE_HINT,
    );
  }
  const resources = (Array.isArray(record.deployment.resources) ? record.deployment.resources : []) as StateResource[];
  const idsOf = (type: string) =>
    new Set(
      resources
        .filter((r) => r.type === type && !r.external && !r.delete && typeof r.id === "string" && /^\d+$/.test(r.id))
        .map((r) => Number(r.id)),
    );
  return { stack: stackName(resources) ?? file, members: idsOf(MANAGING_TYPES.member), departments: idsOf(MANAGING_TYPES.department) };
}

const STATE_HINT = "pass the file `pulumi stack export --file <file>` writes for each stack that manages members or departments.";

/**
 * Who manages the object: the first given state holding it, else its ownership marker, else
 * nobody (`undefined`).
 * @param tags - every tag the object carries, the markers included
 */
export function managerOf(stacks: readonly StackManagement[], kind: ObjectKind, id: number, tags: Tags): Manager | undefined {
  const holder = stacks.find((stack) => (kind === "member" ? stack.members : stack.departments).has(id));
  if (holder) return { by: "state", stack: holder.stack };
  const [marker] = Object.keys(tags).filter(isOwnerTagKey).sort();
  return marker === undefined ? undefined : { by: "marker", tagKey: marker };
}

/** The manager in words, for the lists the commands print. */
export function describeManager(manager: Manager): string {
  return manager.by === "state"
    ? `managed by stack ${manager.stack}`
    : `created by a Pulumi stack (it carries the ownership marker ${manager.tagKey}) whose state was not given`;
}

/** `project/stack` from the URNs (`urn:pulumi:<stack>::<project>::…`). */
function stackName(resources: readonly StateResource[]): string | undefined {
  const urn = resources.map((r) => r.urn).find((u): u is string => typeof u === "string" && u.startsWith("urn:pulumi:"));
  const match = urn ? /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn) : null;
  return match ? `${match[2]}/${match[1]}` : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
