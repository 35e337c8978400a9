/**
 * Which part of the organization a command works on: the whole organization, the department
 * subtree at a path, objects carrying given tags, or both at once (both must hold). Pure.
 */
import type { ReportedMember, ReportedNode } from "../api/model";
import { AdoptionError } from "../core/errors/AdoptionError";
import { userTags, type Tags } from "../core/tags";
import { PATH_SEPARATOR } from "../node/rules";
import type { Inventory } from "./inventory";

/** What to select; nothing set selects the whole organization. */
export interface Scope {
  /** A department path below the root ("Engineering/Platform"): that department and everything under it. */
  department?: string;
  /** User tags an object must carry, every one of them (`--tag team=data`). */
  tags?: Tags;
}

/** The departments and members a scope selects. */
export interface Selection {
  departments: ReportedNode[];
  members: ReportedMember[];
}

/**
 * The departments and members of `inventory` that `scope` selects. With a department path, the
 * department at the path, those under it and the members in any of them; with tags, the
 * departments and members carrying every tag (user tags only: the ownership marker never selects).
 * @throws AdoptionError when no department is at the path, naming the departments there are
 */
export function selectScope(inventory: Inventory, scope: Scope): Selection {
  let departments = inventory.departments;
  let members = inventory.members;
  if (scope.department !== undefined) {
    const top = departmentAtPath(inventory.departments, scope.department);
    const subtree = subtreeOf(inventory.departments, top.nodeId);
    departments = departments.filter((d) => subtree.has(d.nodeId));
    members = members.filter((m) => subtree.has(m.nodeId));
  }
  const wanted = Object.entries(scope.tags ?? {});
  if (wanted.length > 0) {
    const carries = (tags: Tags) => {
      const own = userTags(tags);
      return wanted.every(([key, value]) => own[key] === value);
    };
    departments = departments.filter((d) => carries(d.tags));
    members = members.filter((m) => carries(m.tags));
  }
  return { departments, members };
}

/**
 * The department at `path`: names from the top level down, separated by "/". The top level is the
 * departments whose parent is not in the list (the root's children when the list comes from
 * Tencent; the outermost departments of a Terraform state).
 * @throws AdoptionError when a name on the path does not exist, naming those that do
 */
export function departmentAtPath(departments: readonly ReportedNode[], path: string): ReportedNode {
  const names = path
    .split(PATH_SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new AdoptionError(`--department needs a department path such as "Engineering/Platform", got "${path}"`);
  const ids = new Set(departments.map((d) => d.nodeId));
  let candidates = departments.filter((d) => !ids.has(d.parentNodeId));
  let found: ReportedNode | undefined;
  for (const [depth, name] of names.entries()) {
    found = candidates.find((d) => d.name === name);
    if (!found) {
      const where = depth === 0 ? "at the top level" : `under "${names.slice(0, depth).join(PATH_SEPARATOR)}"`;
      const known = candidates.map((d) => d.name).sort();
      throw new AdoptionError(
        `unknown department path "${path}": no department "${name}" ${where}`,
        known.length > 0 ? `the departments there are ${known.map((n) => `"${n}"`).join(", ")}.` : "there is no department there.",
      );
    }
    const parentId = found.nodeId;
    candidates = departments.filter((d) => d.parentNodeId === parentId);
  }
  return found as ReportedNode;
}

/** The ids of the department `topId` and of every department below it. */
function subtreeOf(departments: readonly ReportedNode[], topId: number): Set<number> {
  const ids = new Set([topId]);
  // Parents may be listed after their children: repeat until nothing is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departments) {
      if (!ids.has(d.nodeId) && ids.has(d.parentNodeId)) {
        ids.add(d.nodeId);
        grew = true;
      }
    }
  }
  return ids;
}
