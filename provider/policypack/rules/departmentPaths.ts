/**
 * `department-paths`: departments only at or under the allowed paths (names below the root, as
 * `getOrganizationNode({ path })` spells them: `Engineering/Platform`), and optionally members only
 * in departments there.
 *
 * A department names its parent and a member its department by id, and a policy pack cannot ask
 * Tencent. Paths are resolved from what the stack declares and from the config:
 * - an id listed in `knownDepartments` (the root, departments made outside this stack) is decided
 *   per resource, before the engine acts on it;
 * - anything else is decided with the whole stack (at the end of a preview, or by
 *   `pulumi policy analyze`): a department declared in the stack is found by the resource its id
 *   came from (a property dependency, also before it exists) or by its `nodeId`;
 * - an id found in neither is a violation that asks for it to be listed: the rule cannot tell.
 */
import { type Known, type OrganizationResource, subjectOf, UNKNOWN } from "../resources";
import type { OrganizationRule, StackView, Violation } from "./rule";

/** Config of `department-paths`. */
export interface DepartmentPathsConfig {
  /** Allowed paths, normalised (no leading or trailing `/`; `""` is the root). @default [] (rule off) */
  under: readonly string[];
  /** Department id → path, for departments not declared in the stack (the root is `""`). @default {} */
  knownDepartments: Readonly<Record<string, string>>;
  /** Whether members must sit in a department at or under an allowed path too. @default false */
  members: boolean;
}

/** The rule. */
export const departmentPaths: OrganizationRule<DepartmentPathsConfig> = {
  name: "department-paths",
  description: "Departments (and, when configured, members) only at or under the allowed department paths.",
  configSchema: {
    properties: {
      under: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: 'Allowed paths of department names below the root, e.g. "Engineering" or "Sandbox/Teams"; "" (or "/") is the root.',
      },
      knownDepartments: {
        type: "object",
        propertyNames: { pattern: "^[1-9][0-9]*$" },
        additionalProperties: { type: "string" },
        default: {},
        description: 'Department id → path for departments this stack does not declare, e.g. {"100000": "", "100001": "Engineering"}.',
      },
      members: { type: "boolean", default: false, description: "Members too must sit in a department at or under an allowed path." },
    },
  },
  parseConfig: (raw) => ({
    under: ((raw.under as string[] | undefined) ?? []).map(normalisePath),
    knownDepartments: Object.fromEntries(
      Object.entries((raw.knownDepartments as Record<string, string> | undefined) ?? {}).map(([id, path]) => [id, normalisePath(path)]),
    ),
    members: raw.members === true,
  }),
  checkResource(resource, config) {
    const placement = placementOf(resource, config);
    if (!placement || !resource.declared) return [];
    const known = knownPath(resource.props[placement.property], config);
    if (known === undefined) return []; // decided with the whole stack
    const path = placement.ownName === undefined ? known : placement.ownName === UNKNOWN ? UNKNOWN : joinPath(known, placement.ownName);
    return judge(resource, path, config);
  },
  checkStack(stack, config) {
    const violations: Violation[] = [];
    for (const resource of stack.resources) {
      const placement = placementOf(resource, config);
      if (!placement || !resource.declared || knownPath(resource.props[placement.property], config) !== undefined) continue;
      const location =
        placement.ownName === undefined ? pathOf(resource, placement.property, stack, config) : departmentPath(resource, stack, config);
      violations.push(...judge(resource, location, config).map((violation) => ({ ...violation, urn: resource.urn })));
    }
    return violations;
  },
};

/** `/Engineering/Platform/` → `Engineering/Platform`; `/` → `""` (the root). */
export function normalisePath(path: string): string {
  return path
    .split("/")
    .filter((part) => part !== "")
    .join("/");
}

/** Whether `path` is `allowed` or below it (everything is below the root). */
export function isAtOrUnder(path: string, allowed: string): boolean {
  return allowed === "" || path === allowed || path.startsWith(`${allowed}/`);
}

/** Where a department or member is, once resolved: a path, unknown yet, or an id the rule cannot name. */
type Location = Known<string> | { unresolvedId: number };

/** The property that places the resource, and its own name when its own path counts (departments). */
function placementOf(
  resource: OrganizationResource,
  config: DepartmentPathsConfig,
): { property: string; ownName?: Known<string> } | undefined {
  if (config.under.length === 0) return undefined;
  if (resource.kind === "department") {
    const name = resource.props.name;
    return { property: "parentNodeId", ownName: name === UNKNOWN ? UNKNOWN : String(name) };
  }
  return resource.kind === "member" && config.members ? { property: "nodeId" } : undefined;
}

function knownPath(id: Known<unknown>, config: DepartmentPathsConfig): string | undefined {
  return typeof id === "number" ? config.knownDepartments[String(id)] : undefined;
}

function joinPath(parent: string, name: string): string {
  return parent === "" ? name : `${parent}/${name}`;
}

/** The path of a department declared in the stack: its parent's path and its name. */
function departmentPath(
  department: OrganizationResource,
  stack: StackView,
  config: DepartmentPathsConfig,
  seen = new Set<string>(),
): Location {
  const name = department.props.name;
  if (name === UNKNOWN || seen.has(department.urn)) return UNKNOWN;
  const parent = pathOf(department, "parentNodeId", stack, config, new Set([...seen, department.urn]));
  return typeof parent === "string" ? joinPath(parent, String(name)) : parent;
}

/** The path of the department a property names: from the config, the stack's departments by id, or the resource the id came from. */
function pathOf(
  resource: OrganizationResource,
  property: string,
  stack: StackView,
  config: DepartmentPathsConfig,
  seen = new Set<string>(),
): Location {
  const id = resource.props[property];
  const listed = knownPath(id, config);
  if (listed !== undefined) return listed;
  const departments = stack.resources.filter((r) => r.kind === "department");
  const byId = typeof id === "number" ? departments.find((d) => d.props.nodeId === id) : undefined;
  const source = byId ?? soleDepartment(stack.dependenciesOf(resource, property));
  if (source) return departmentPath(source, stack, config, seen);
  return typeof id === "number" ? { unresolvedId: id } : UNKNOWN;
}

/** The department a value came from, when it came from exactly one. */
function soleDepartment(sources: readonly OrganizationResource[]): OrganizationResource | undefined {
  const departments = sources.filter((r) => r.kind === "department");
  return departments.length === 1 ? departments[0] : undefined;
}

function judge(resource: OrganizationResource, location: Location, config: DepartmentPathsConfig): Violation[] {
  if (location === UNKNOWN) return [];
  const allowed = config.under.map((path) => (path === "" ? "(the root)" : path)).join(", ");
  if (typeof location !== "string") {
    const what = resource.kind === "department" ? "its parent department" : "its department";
    return [
      {
        message:
          `${subjectOf(resource)}: ${what} ${location.unresolvedId} is neither declared in this stack nor listed in knownDepartments, ` +
          `so whether it is under ${allowed} cannot be told; add "${location.unresolvedId}": "<its path>" to knownDepartments.`,
      },
    ];
  }
  if (config.under.some((path) => isAtOrUnder(location, path))) return [];
  const where =
    resource.kind === "department"
      ? `would be at "${location}"`
      : `sits in ${location === "" ? "the root department" : `the department "${location}"`}`;
  return [{ message: `${subjectOf(resource)} ${where}, outside the allowed paths: ${allowed}.` }];
}
