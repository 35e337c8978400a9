/**
 * The adoption plan: from an inventory (Tencent's or a Terraform state's) to the entries of the
 * data file — every object declared with the values it has now, so the first `pulumi up` changes
 * nothing — and the list of what is left out and why. Pure.
 *
 * The decisions, in one place:
 * - **Scope** (scope.ts) selects; objects another stack manages (managed.ts) are left out.
 * - **Each object is declared as it is**: name, department, permissions, remark, tags (user tags
 *   only: the ownership marker is the provider's), payer, quit setting, identities. Values the
 *   provider manages only when declared are declared only when the source knows them
 *   (identities from a Terraform state are not: left undeclared they stay unmanaged).
 * - **Nothing is ever deleted or removed**: every `deletionPolicy` is `retain`.
 * - **Departments are wired by key**: a parent or a member's department that is declared too is
 *   named by key (the program passes the department's `nodeId` output); one that is not — the
 *   root, one out of scope, one another stack manages — by id.
 * - **The provider's own `check` decides** whether a declaration is valid; an object it would
 *   refuse as Tencent reports it (50 tags: the marker needs a slot; a remark over 40 characters
 *   that Tencent let through) is left out with the reason, never declared with a changed value.
 */
import type { ReportedMember, ReportedNode } from "../api/model";
import { userTags } from "../core/tags";
import { checkMember } from "../member/check";
import { checkNode } from "../node/check";
import type { DepartmentEntry, MemberEntry, OrganizationFile } from "./file";
import { describeObject, type Inventory } from "./inventory";
import { describeManager, managerOf, type StackManagement } from "./managed";
import { compareText, resourceNames } from "./naming";
import { type Scope, selectScope } from "./scope";

/** An object the plan does not declare, and why. */
export interface LeftOut {
  kind: "member" | "department";
  id: number;
  name: string;
  reason: string;
}

/** A declared department with what the source reported about it (the import file needs both). */
export interface AdoptedDepartment {
  entry: DepartmentEntry;
  reported: ReportedNode;
}

/** A declared member with what the source reported about it. */
export interface AdoptedMember {
  entry: MemberEntry;
  reported: ReportedMember;
}

/** What `adopt` writes, before it is written. */
export interface AdoptionPlan {
  /** Parents before their children; siblings by key. */
  departments: AdoptedDepartment[];
  /** By key. */
  members: AdoptedMember[];
  /** Departments first, then members; each by id. */
  leftOut: LeftOut[];
  /** What a person should know about single objects (a permission change waiting, a value left unmanaged). */
  notes: string[];
}

/** What the plan works from besides the inventory. */
export interface PlanOptions {
  scope: Scope;
  /** The exported states of the stacks that already manage objects of this organization. */
  stacks: readonly StackManagement[];
}

/** The plan for `inventory`. */
export function planAdoption(inventory: Inventory, options: PlanOptions): AdoptionPlan {
  const selected = selectScope(inventory, options.scope);
  const leftOut: LeftOut[] = [];
  const notes: string[] = [];

  // What a given stack (or an ownership marker) says another stack manages is left out, with who.
  const managedElsewhere = (kind: LeftOut["kind"], id: number, name: string, tags: Record<string, string>): boolean => {
    const manager = managerOf(options.stacks, kind, id, tags);
    if (manager) leftOut.push({ kind, id, name, reason: describeManager(manager) });
    return manager !== undefined;
  };
  const candidates = selected.departments.filter((d) => !managedElsewhere("department", d.nodeId, d.name, d.tags));
  const memberCandidates = selected.members.filter((m) => !managedElsewhere("member", m.memberUin, m.name, m.tags));

  // Departments: keys first (a key is stable whatever else is left out), then parents before children.
  const departmentKeys = resourceNames(
    candidates.map((d) => ({ id: d.nodeId, name: d.name })),
    "department",
  );
  const declaredDepartments = new Map<number, string>();
  const departments: AdoptedDepartment[] = [];
  for (const reported of parentsFirst(candidates, departmentKeys)) {
    const key = departmentKeys.get(reported.nodeId) as string;
    const parentKey = declaredDepartments.get(reported.parentNodeId);
    const entry = departmentEntry(reported, key, parentKey);
    const refusal = checkNode({}, { ...inputsOf(entry, key), parentNodeId: reported.parentNodeId }).failures;
    if (refusal.length > 0) {
      leftOut.push({ kind: "department", id: reported.nodeId, name: reported.name, reason: refused(refusal) });
      continue;
    }
    declaredDepartments.set(reported.nodeId, key);
    departments.push({ entry, reported });
  }

  const memberKeys = resourceNames(
    memberCandidates.map((m) => ({ id: m.memberUin, name: m.name })),
    "member",
  );
  const members: AdoptedMember[] = [];
  for (const reported of memberCandidates) {
    const key = memberKeys.get(reported.memberUin) as string;
    const { entry, notes: about } = memberEntry(reported, key, declaredDepartments.get(reported.nodeId), inventory.identitiesKnown);
    const refusal = checkMember({}, { ...inputsOf(entry, key), nodeId: reported.nodeId }).failures;
    if (refusal.length > 0) {
      leftOut.push({ kind: "member", id: reported.memberUin, name: reported.name, reason: refused(refusal) });
      continue;
    }
    members.push({ entry, reported });
    notes.push(...about);
  }
  members.sort((a, b) => compareText(a.entry.key, b.entry.key));
  leftOut.sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === "department" ? -1 : 1));
  return { departments, members, leftOut, notes: notes.sort() };
}

/** The data file of a plan. */
export function organizationFileOf(plan: AdoptionPlan): OrganizationFile {
  return { departments: plan.departments.map((d) => d.entry), members: plan.members.map((m) => m.entry) };
}

/** The entry declaring a department as it is. */
function departmentEntry(reported: ReportedNode, key: string, parentKey: string | undefined): DepartmentEntry {
  const tags = userTags(reported.tags);
  return {
    key,
    name: reported.name,
    ...(parentKey !== undefined ? { parent: parentKey } : { parentNodeId: reported.parentNodeId }),
    adoptNodeId: reported.nodeId,
    ...(reported.remark ? { remark: reported.remark } : {}),
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
    deletionPolicy: "retain",
  };
}

/** The entry declaring a member as it is, and what a person should know about it. */
function memberEntry(
  reported: ReportedMember,
  key: string,
  departmentKey: string | undefined,
  identitiesKnown: boolean,
): { entry: MemberEntry; notes: string[] } {
  const notes: string[] = [];
  const tags = userTags(reported.tags);
  const who = describeObject("member", reported.memberUin, reported.name);
  if (reported.permissionChangePending) {
    notes.push(
      `${who}: a permission change waits for the member's confirmation; the file declares the permissions Tencent reports now ` +
        `(${reported.permissions.map((p) => p.id).join(", ")}), so the first up asks for nothing`,
    );
  }
  // Tencent refuses to let a member whose bills another account pays leave the organization, and the
  // provider's check refuses that pair: the quit setting is then left unmanaged (undeclared).
  const quitDeclarable = !(reported.isAllowQuit && reported.payUin);
  if (!quitDeclarable) {
    notes.push(`${who}: may leave the organization although another account pays for it; isAllowQuit is left undeclared (unmanaged)`);
  }
  const entry: MemberEntry = {
    key,
    name: reported.name,
    ...(departmentKey !== undefined ? { department: departmentKey } : { nodeId: reported.nodeId }),
    adoptMemberUin: reported.memberUin,
    permissionIds: reported.permissions.map((p) => p.id).sort((a, b) => a - b),
    ...(reported.remark ? { remark: reported.remark } : {}),
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
    ...(reported.payUin ? { payUin: reported.payUin } : {}),
    ...(quitDeclarable ? { isAllowQuit: reported.isAllowQuit } : {}),
    ...(identitiesKnown ? { identityRoleIds: reported.identities.map((i) => i.identityId).sort((a, b) => a - b) } : {}),
    deletionPolicy: "retain",
  };
  return { entry, notes };
}

/**
 * The inputs the generated program passes for an entry, as `check` sees them: the entry's fields
 * without the file's wiring, plus the ownership marker the resource class always adds (its value
 * does not matter here, only that one is there: it takes one of Tencent's 50 tag slots).
 */
export function inputsOf(entry: DepartmentEntry | MemberEntry, key: string): Record<string, unknown> {
  const { key: _key, ...fields } = entry as unknown as Record<string, unknown>;
  for (const wiring of ["parent", "parentNodeId", "department", "nodeId"]) delete fields[wiring];
  return { ...fields, ownerMarker: `adopt/check/${key}` };
}

/** Departments ordered so that a parent comes before its children; siblings (and roots) by key. */
function parentsFirst(departments: readonly ReportedNode[], keys: ReadonlyMap<number, string>): ReportedNode[] {
  const ids = new Set(departments.map((d) => d.nodeId));
  const byKey = (a: ReportedNode, b: ReportedNode) => compareText(keys.get(a.nodeId) ?? "", keys.get(b.nodeId) ?? "");
  const ordered: ReportedNode[] = [];
  const visit = (parentId: number) => {
    for (const child of departments.filter((d) => d.parentNodeId === parentId).sort(byKey)) {
      ordered.push(child);
      visit(child.nodeId);
    }
  };
  for (const top of departments.filter((d) => !ids.has(d.parentNodeId)).sort(byKey)) {
    ordered.push(top);
    visit(top.nodeId);
  }
  return ordered;
}

/** The provider's refusal, as the list says it. */
function refused(failures: readonly { property: string; reason: string }[]): string {
  return `the provider would refuse it as it is (${failures.map((f) => f.reason).join("; ")}); fix it in the console or adopt it by hand`;
}
