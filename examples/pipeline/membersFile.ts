/**
 * Reads and validates the members data file (members.json). Every problem is reported with the
 * file, line and member it concerns, all at once, so one review round fixes them all.
 *
 * The provider checks each value against Tencent's rules again at preview (name characters,
 * mandatory permissions 1 and 2, tag limits); this file checks the shape a platform team edits.
 * Lines come from `jsonc-parser` (the parser of VS Code), which keeps every value's position;
 * values come from `JSON.parse`, whose objects are plain (the tree's have no prototype, which
 * Pulumi's serializer does not accept as an input).
 */
import { readFileSync } from "node:fs";
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { DELETION_POLICIES, type DeletionPolicy } from "pulumi-tencentcloud-organization";

/** One member as declared in the file, with its department resolved to a node id. */
export interface DeclaredMember {
  /** Pulumi resource name: stable, so a member can be renamed in place. @default name */
  key: string;
  name: string;
  accountName?: string;
  nodeId: number;
  permissionIds: number[];
  remark?: string;
  tags?: Record<string, string>;
  deletionPolicy?: DeletionPolicy;
  /** Line of the member's entry, for messages. */
  line: number;
}

/** The file has problems; `problems` holds one `file:line: member …: what` text per problem. */
export class MembersFileError extends Error {
  override readonly name = "MembersFileError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} has ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  }
}

const MEMBER_FIELDS = ["key", "name", "accountName", "department", "nodeId", "permissionIds", "remark", "tags", "deletionPolicy"];
const TEXT_FIELDS = ["key", "name", "accountName", "remark"] as const;

/** Reads `path` and returns its members. @throws MembersFileError listing every problem */
export function loadMembersFile(path: string): DeclaredMember[] {
  return parseMembersFile(readFileSync(path, "utf8"), path);
}

/** Parses the text of a members file. Pure. @throws MembersFileError listing every problem */
export function parseMembersFile(text: string, file: string): DeclaredMember[] {
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { disallowComments: true });
  if (syntax.length > 0 || !root) {
    const at = syntax[0]?.offset ?? 0;
    const column = at - text.lastIndexOf("\n", at - 1);
    throw new MembersFileError(file, [
      `${file}:${lineAt(at)}:${column}: not valid JSON: ${syntax.map((e) => printParseErrorCode(e.error)).join(", ")}`,
    ]);
  }
  const document: unknown = JSON.parse(text);
  const memberNodes = findNodeAtLocation(root, ["members"])?.children ?? [];
  if (!isObject(document) || !Array.isArray(document.members))
    throw new MembersFileError(file, [`${file}:1: expected an object with a "members" list`]);

  const problems: string[] = [];
  const departmentsLine = lineAt(findNodeAtLocation(root, ["departments"])?.parent?.offset ?? 0);
  const departments = readDepartments(document.departments, (p) => problems.push(`${file}:${departmentsLine}: ${p}`));
  const firstLineOf = { key: new Map<string, number>(), name: new Map<string, number>() };

  const members = document.members.map((entry: unknown, index): DeclaredMember => {
    const line = lineAt(memberNodes[index]?.offset ?? 0);
    const fields = isObject(entry) ? entry : {};
    const label = typeof fields.name === "string" ? `member ${index + 1} ("${fields.name}")` : `member ${index + 1}`;
    const report = (problem: string) => problems.push(`${file}:${line}: ${label}: ${problem}`);
    if (!isObject(entry)) report("expected an object");

    for (const field of Object.keys(fields))
      if (!MEMBER_FIELDS.includes(field)) report(`unknown field "${field}" (known: ${MEMBER_FIELDS.join(", ")})`);
    const text: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
    for (const field of TEXT_FIELDS) {
      const value = fields[field];
      if (typeof value === "string") text[field] = value;
      else if (value !== undefined) report(`"${field}" must be text, got ${JSON.stringify(value)}`);
    }
    if (!text.name) report('"name" is required');
    const nodeId = resolveNode(fields, departments, report);
    const { permissionIds, tags, deletionPolicy } = fields;
    if (!Array.isArray(permissionIds) || !permissionIds.every(Number.isInteger))
      report('"permissionIds" must be a list of permission numbers, e.g. [1, 2, 8]');
    if (tags !== undefined && (!isObject(tags) || !Object.values(tags).every((v) => typeof v === "string"))) {
      report('"tags" must be an object of text values, e.g. {"team": "data"}');
    }
    const policy = DELETION_POLICIES.find((p) => p === deletionPolicy);
    if (deletionPolicy !== undefined && !policy)
      report(`"deletionPolicy" must be one of ${DELETION_POLICIES.join(", ")}, got ${JSON.stringify(deletionPolicy)}`);

    const key = text.key ?? text.name ?? "";
    for (const [what, value, why] of [
      ["key", key, ""],
      ["name", text.name, " (names are unique in an organization)"],
    ] as const) {
      if (!value) continue;
      const earlier = firstLineOf[what].get(value);
      if (earlier !== undefined) report(`${what} "${value}" is already used by the member on line ${earlier}${why}`);
      else firstLineOf[what].set(value, line);
    }
    return {
      key,
      name: text.name ?? "",
      nodeId: nodeId ?? 0,
      permissionIds: Array.isArray(permissionIds) ? permissionIds : [],
      line,
      ...(text.accountName !== undefined ? { accountName: text.accountName } : {}),
      ...(text.remark !== undefined ? { remark: text.remark } : {}),
      ...(isObject(tags) ? { tags: tags as Record<string, string> } : {}),
      ...(policy ? { deletionPolicy: policy } : {}),
    };
  });
  if (problems.length > 0) throw new MembersFileError(file, problems);
  return members;
}

function readDepartments(value: unknown, report: (problem: string) => void): Map<string, number> {
  if (value === undefined) return new Map();
  if (!isObject(value)) {
    report('"departments" must map department names to node ids, e.g. {"Engineering": 100001}');
    return new Map();
  }
  const departments = new Map<string, number>();
  for (const [name, id] of Object.entries(value)) {
    if (isNodeId(id)) departments.set(name, id);
    else report(`department "${name}" must have a positive node id, got ${JSON.stringify(id)}`);
  }
  return departments;
}

function resolveNode(
  entry: Record<string, unknown>,
  departments: Map<string, number>,
  report: (problem: string) => void,
): number | undefined {
  const { department, nodeId } = entry;
  if ((department === undefined) === (nodeId === undefined))
    return void report('give exactly one of "department" (a name from "departments") and "nodeId"');
  if (nodeId !== undefined)
    return isNodeId(nodeId) ? nodeId : void report(`"nodeId" must be a positive integer, got ${JSON.stringify(nodeId)}`);
  const id = typeof department === "string" ? departments.get(department) : undefined;
  if (id === undefined)
    report(`unknown department ${JSON.stringify(department)} (known: ${[...departments.keys()].join(", ") || "none declared"})`);
  return id;
}

const isNodeId = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
