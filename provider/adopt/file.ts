/**
 * The organization data file (`organization.json`) that `tencentcloud-organization adopt` writes
 * and the program it generates reads: the pipeline example's members file (examples/pipeline)
 * extended to departments. Both directions live here, so the writer and the reader never disagree.
 *
 * ```json
 * {
 *   "departments": [
 *     { "key": "engineering", "name": "Engineering", "parentNodeId": 100000, "adoptNodeId": 100001, "deletionPolicy": "retain" },
 *     { "key": "platform", "name": "Platform", "parent": "engineering", "adoptNodeId": 100004, "deletionPolicy": "retain" }
 *   ],
 *   "members": [
 *     { "key": "alice", "name": "alice", "department": "platform", "permissionIds": [1, 2, 8], "adoptMemberUin": 100000100001, … }
 *   ]
 * }
 * ```
 *
 * A department names its parent by `parent` (the key of a department declared earlier in the file,
 * so the program wires it by output) or by `parentNodeId` (a department the file does not declare:
 * the root, or one another stack manages); a member names its department by `department` (a key) or
 * `nodeId`. Entries without `adoptNodeId` / `adoptMemberUin` are created, as in the pipeline file.
 * Tencent's value rules (name characters, permissions 1 and 2, tag limits) are checked again by the
 * provider at preview; this file checks the shape a person edits, and reports every problem at
 * once with its line.
 */
import { readFileSync } from "node:fs";
import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { DELETION_POLICIES, type DeletionPolicy } from "../api/model";
import { AdoptionError } from "../core/errors/AdoptionError";
import type { Tags } from "../core/tags";
import { NODE_DELETION_POLICIES, type NodeDeletionPolicy } from "../node/types";

/** One department entry: the OrganizationNode inputs, its parent by key or by id. */
export interface DepartmentEntry {
  /** The Pulumi resource name; keep it when renaming the department. @default name */
  key: string;
  name: string;
  /** The key of the declared department it sits under (declared earlier in the file). */
  parent?: string;
  /** The id of the department it sits under, when that one is not declared here. */
  parentNodeId?: number;
  remark?: string;
  tags?: Tags;
  deletionPolicy?: NodeDeletionPolicy;
  adoptNodeId?: number;
}

/** One member entry: the OrganizationMember inputs, its department by key or by id. */
export interface MemberEntry {
  /** The Pulumi resource name; keep it when renaming the member. @default name */
  key: string;
  name: string;
  accountName?: string;
  /** The key of a declared department. */
  department?: string;
  /** The id of a department not declared here. */
  nodeId?: number;
  permissionIds: number[];
  remark?: string;
  tags?: Tags;
  payUin?: string;
  isAllowQuit?: boolean;
  identityRoleIds?: number[];
  deletionPolicy?: DeletionPolicy;
  adoptMemberUin?: number;
}

/** The whole file. */
export interface OrganizationFile {
  departments: DepartmentEntry[];
  members: MemberEntry[];
}

/** The fields of each entry, in the order the writer puts them. */
const DEPARTMENT_FIELDS = ["key", "name", "parent", "parentNodeId", "adoptNodeId", "remark", "tags", "deletionPolicy"] as const;
const MEMBER_FIELDS = [
  "key",
  "name",
  "accountName",
  "department",
  "nodeId",
  "adoptMemberUin",
  "permissionIds",
  "remark",
  "tags",
  "payUin",
  "isAllowQuit",
  "identityRoleIds",
  "deletionPolicy",
] as const;

// ---------------------------------------------------------------------------------------- writing

/**
 * The file's text: fields in a fixed order, one per line, lists of numbers and tag maps on one
 * line (as the pipeline file writes them), so the same organization gives the same bytes and a
 * change to one member is a one-line diff.
 */
export function formatOrganizationFile(file: OrganizationFile): string {
  const entry = (fields: readonly string[], value: object): string => {
    const record = value as Record<string, unknown>;
    const lines = fields.filter((f) => record[f] !== undefined).map((f) => `      ${JSON.stringify(f)}: ${inline(record[f])}`);
    return `    {\n${lines.join(",\n")}\n    }`;
  };
  const list = (fields: readonly string[], entries: readonly object[]) =>
    entries.length === 0 ? "[]" : `[\n${entries.map((e) => entry(fields, e)).join(",\n")}\n  ]`;
  return `{\n  "departments": ${list(DEPARTMENT_FIELDS, file.departments)},\n  "members": ${list(MEMBER_FIELDS, file.members)}\n}\n`;
}

/** A value on one line: `[1, 2, 8]`, `{ "team": "data" }`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------- reading

/**
 * Reads `path` for the program.
 * @throws AdoptionError listing every problem with its line
 */
export function loadOrganizationFile(path: string): OrganizationFile {
  return parseOrganizationFile(readFileSync(path, "utf8"), path);
}

/**
 * Parses the text of a data file. Pure.
 * @param file - the name used in messages
 * @throws AdoptionError listing every problem with its line
 */
export function parseOrganizationFile(text: string, file: string): OrganizationFile {
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { disallowComments: true });
  if (syntax.length > 0 || !tree) {
    const at = syntax[0]?.offset ?? 0;
    throw new AdoptionError(`${file} is not valid JSON`, undefined, [
      `${file}:${lineAt(at)}: ${syntax.map((e) => printParseErrorCode(e.error)).join(", ") || "empty"}`,
    ]);
  }
  // Values from JSON.parse: plain objects, which Pulumi's serializer takes as inputs (the tree's
  // objects have no prototype).
  const document: unknown = JSON.parse(text);
  if (!isObject(document)) throw new AdoptionError(`${file} must hold an object with "departments" and "members"`);
  const problems: string[] = [];
  for (const key of Object.keys(document)) {
    if (key !== "departments" && key !== "members") problems.push(`${file}:1: unknown field "${key}" (known: departments, members)`);
  }
  const entriesOf = (list: "departments" | "members"): { value: Record<string, unknown>; line: number; index: number }[] => {
    const value = document[list] ?? [];
    if (!Array.isArray(value)) {
      problems.push(`${file}:${lineAt(findNodeAtLocation(tree, [list])?.offset ?? 0)}: "${list}" must be a list`);
      return [];
    }
    const nodes = findNodeAtLocation(tree, [list])?.children ?? [];
    return value.map((entry: unknown, index) => ({ value: isObject(entry) ? entry : {}, line: lineAt(nodes[index]?.offset ?? 0), index }));
  };

  const departments: DepartmentEntry[] = [];
  const departmentKeys = new Set<string>();
  const names = { departments: new Map<string, number>(), members: new Map<string, number>() };
  for (const { value, line, index } of entriesOf("departments")) {
    const entry = new EntryCheck(value, `${file}:${line}: department ${index + 1}`, problems, DEPARTMENT_FIELDS);
    const name = entry.text("name", true);
    const key = entry.text("key") ?? name ?? "";
    const parent = entry.text("parent");
    const parentNodeId = entry.id("parentNodeId");
    entry.exactlyOne("parent", "parentNodeId", "a department key or the id of a department not declared here");
    if (parent !== undefined && !departmentKeys.has(parent)) {
      entry.problem(`"parent" is "${parent}", which is not a department declared above it (a parent comes before its children)`);
    }
    entry.unique("key", key, departmentKeys);
    entry.uniqueName(name, names.departments, line);
    departments.push(
      compact({
        key,
        name: name ?? "",
        parent,
        parentNodeId,
        adoptNodeId: entry.id("adoptNodeId"),
        remark: entry.text("remark"),
        tags: entry.tags(),
        deletionPolicy: entry.oneOf("deletionPolicy", NODE_DELETION_POLICIES),
      }),
    );
  }

  const members: MemberEntry[] = [];
  const memberKeys = new Set<string>();
  for (const { value, line, index } of entriesOf("members")) {
    const entry = new EntryCheck(value, `${file}:${line}: member ${index + 1}`, problems, MEMBER_FIELDS);
    const name = entry.text("name", true);
    const key = entry.text("key") ?? name ?? "";
    const department = entry.text("department");
    entry.exactlyOne("department", "nodeId", "a department key or the id of a department not declared here");
    if (department !== undefined && !departmentKeys.has(department)) {
      entry.problem(`unknown department "${department}" (declared: ${[...departmentKeys].join(", ") || "none"})`);
    }
    entry.unique("key", key, memberKeys);
    entry.uniqueName(name, names.members, line);
    members.push(
      compact({
        key,
        name: name ?? "",
        accountName: entry.text("accountName"),
        department,
        nodeId: entry.id("nodeId"),
        adoptMemberUin: entry.id("adoptMemberUin"),
        permissionIds: entry.integers("permissionIds", true) ?? [],
        remark: entry.text("remark"),
        tags: entry.tags(),
        payUin: entry.text("payUin"),
        isAllowQuit: entry.boolean("isAllowQuit"),
        identityRoleIds: entry.integers("identityRoleIds"),
        deletionPolicy: entry.oneOf("deletionPolicy", DELETION_POLICIES),
      }),
    );
  }
  if (problems.length > 0) {
    throw new AdoptionError(`${file} has ${problems.length} problem(s)`, "fix each line named, then run again.", problems);
  }
  return { departments, members };
}

/** The shape checks of one entry; each problem is recorded with the entry's line and label. */
class EntryCheck {
  constructor(
    private readonly value: Record<string, unknown>,
    private readonly label: string,
    private readonly problems: string[],
    known: readonly string[],
  ) {
    for (const field of Object.keys(value)) {
      if (!known.includes(field)) this.problem(`unknown field "${field}" (known: ${known.join(", ")})`);
    }
  }

  problem(text: string): void {
    this.problems.push(`${this.label}: ${text}`);
  }

  text(field: string, required = false): string | undefined {
    const v = this.value[field];
    if (typeof v === "string" && (v !== "" || !required)) return v;
    if (v !== undefined || required) this.problem(`"${field}" must be ${required ? "non-empty " : ""}text, got ${JSON.stringify(v)}`);
    return undefined;
  }

  id(field: string): number | undefined {
    const v = this.value[field];
    if (v === undefined) return undefined;
    if (typeof v === "number" && Number.isSafeInteger(v) && v > 0) return v;
    this.problem(`"${field}" must be a positive integer id, got ${JSON.stringify(v)}`);
    return undefined;
  }

  integers(field: string, required = false): number[] | undefined {
    const v = this.value[field];
    if (Array.isArray(v) && v.every((n) => Number.isSafeInteger(n))) return v as number[];
    if (v !== undefined || required) this.problem(`"${field}" must be a list of integers, e.g. [1, 2, 8], got ${JSON.stringify(v)}`);
    return undefined;
  }

  boolean(field: string): boolean | undefined {
    const v = this.value[field];
    if (v === undefined || typeof v === "boolean") return v;
    this.problem(`"${field}" must be true or false, got ${JSON.stringify(v)}`);
    return undefined;
  }

  tags(): Tags | undefined {
    const v = this.value.tags;
    if (v === undefined) return undefined;
    if (isObject(v) && Object.values(v).every((t) => typeof t === "string")) return v as Tags;
    this.problem(`"tags" must be an object of text values, e.g. {"team": "data"}, got ${JSON.stringify(v)}`);
    return undefined;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const v = this.value[field];
    const found = allowed.find((a) => a === v);
    if (v !== undefined && found === undefined) this.problem(`"${field}" must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    return found;
  }

  exactlyOne(a: string, b: string, what: string): void {
    if ((this.value[a] === undefined) === (this.value[b] === undefined)) this.problem(`give exactly one of "${a}" and "${b}" (${what})`);
  }

  unique(field: string, value: string, seen: Set<string>): void {
    if (value === "") return;
    if (seen.has(value)) this.problem(`${field} "${value}" is used by an earlier entry`);
    seen.add(value);
  }

  uniqueName(name: string | undefined, seen: Map<string, number>, line: number): void {
    if (name === undefined) return;
    const earlier = seen.get(name);
    if (earlier !== undefined) this.problem(`name "${name}" is already used on line ${earlier} (names are unique in an organization)`);
    else seen.set(name, line);
  }
}

/** The object without its undefined fields (the engine cannot encode `undefined`). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
