/**
 * Reads and validates the members data file (members.json). Every problem is reported with the
 * file, line and member it concerns, all at once, so one review round fixes them all.
 *
 * The provider checks each value against Tencent's rules again at preview (name characters,
 * mandatory permissions 1 and 2, tag limits); this file checks the shape a platform team edits.
 */
import { readFileSync } from "node:fs";
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

/** Reads `path` and returns its members. @throws MembersFileError listing every problem */
export function loadMembersFile(path: string): DeclaredMember[] {
  return parseMembersFile(readFileSync(path, "utf8"), path);
}

/** Parses the text of a members file. Pure. @throws MembersFileError listing every problem */
export function parseMembersFile(text: string, file: string): DeclaredMember[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : undefined;
    throw new MembersFileError(file, [`${file}${where ? `:${where.line}:${where.column}` : ""}: not valid JSON: ${message}`]);
  }
  if (!isObject(document) || !Array.isArray(document.members)) {
    throw new MembersFileError(file, [`${file}:1: expected an object with a "members" list`]);
  }

  const problems: string[] = [];
  const departments = readDepartments(document.departments, (p) => problems.push(`${file}:${lineOf(text, '"departments"')}: ${p}`));
  const lines = elementLines(text, "members");
  const members: DeclaredMember[] = [];
  const seenKeys = new Map<string, number>();
  const seenNames = new Map<string, number>();

  document.members.forEach((entry: unknown, index: number) => {
    const line = lines[index] ?? 1;
    const label = isObject(entry) && typeof entry.name === "string" ? `member ${index + 1} ("${entry.name}")` : `member ${index + 1}`;
    const report = (problem: string) => problems.push(`${file}:${line}: ${label}: ${problem}`);
    if (!isObject(entry)) return report("expected an object");

    for (const field of Object.keys(entry)) {
      if (!MEMBER_FIELDS.includes(field)) report(`unknown field "${field}" (known: ${MEMBER_FIELDS.join(", ")})`);
    }
    const name = optionalString(entry, "name", report);
    if (name === undefined || name === "") report('"name" is required');
    const key = optionalString(entry, "key", report) ?? name ?? "";

    const nodeId = resolveNode(entry, departments, report);
    const permissionIds = entry.permissionIds;
    if (!Array.isArray(permissionIds) || !permissionIds.every((p) => Number.isInteger(p))) {
      report('"permissionIds" must be a list of permission numbers, e.g. [1, 2, 8]');
    }
    const tags = entry.tags;
    if (tags !== undefined && (!isObject(tags) || !Object.values(tags).every((v) => typeof v === "string"))) {
      report('"tags" must be an object of text values, e.g. {"team": "data"}');
    }
    const deletionPolicy = entry.deletionPolicy;
    if (deletionPolicy !== undefined && !DELETION_POLICIES.includes(deletionPolicy as DeletionPolicy)) {
      report(`"deletionPolicy" must be one of ${DELETION_POLICIES.join(", ")}, got ${JSON.stringify(deletionPolicy)}`);
    }
    const accountName = optionalString(entry, "accountName", report);
    const remark = optionalString(entry, "remark", report);

    if (key !== "") {
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) report(`key "${key}" is already used by the member on line ${earlier}`);
      else seenKeys.set(key, line);
    }
    if (name) {
      const earlier = seenNames.get(name);
      if (earlier !== undefined) report(`name "${name}" is already used by the member on line ${earlier} (names are unique in an organization)`);
      else seenNames.set(name, line);
    }

    members.push({
      key,
      name: name ?? "",
      nodeId: nodeId ?? 0,
      permissionIds: Array.isArray(permissionIds) ? (permissionIds as number[]) : [],
      line,
      ...(accountName !== undefined ? { accountName } : {}),
      ...(remark !== undefined ? { remark } : {}),
      ...(isObject(tags) ? { tags: tags as Record<string, string> } : {}),
      ...(deletionPolicy !== undefined ? { deletionPolicy: deletionPolicy as DeletionPolicy } : {}),
    });
  });

  if (problems.length > 0) throw new MembersFileError(file, problems);
  return members;
}

function readDepartments(value: unknown, report: (problem: string) => void): Map<string, number> {
  const departments = new Map<string, number>();
  if (value === undefined) return departments;
  if (!isObject(value)) {
    report('"departments" must map department names to node ids, e.g. {"Engineering": 100001}');
    return departments;
  }
  for (const [name, nodeId] of Object.entries(value)) {
    if (Number.isInteger(nodeId) && (nodeId as number) > 0) departments.set(name, nodeId as number);
    else report(`department "${name}" must have a positive node id, got ${JSON.stringify(nodeId)}`);
  }
  return departments;
}

function resolveNode(entry: Record<string, unknown>, departments: Map<string, number>, report: (problem: string) => void): number | undefined {
  const { department, nodeId } = entry;
  if ((department === undefined) === (nodeId === undefined)) {
    report('give exactly one of "department" (a name from "departments") and "nodeId"');
    return undefined;
  }
  if (nodeId !== undefined) {
    if (Number.isInteger(nodeId) && (nodeId as number) > 0) return nodeId as number;
    report(`"nodeId" must be a positive integer, got ${JSON.stringify(nodeId)}`);
    return undefined;
  }
  const id = typeof department === "string" ? departments.get(department) : undefined;
  if (id === undefined) {
    const known = [...departments.keys()].join(", ") || "none declared";
    report(`unknown department ${JSON.stringify(department)} (known: ${known})`);
  }
  return id;
}

function optionalString(entry: Record<string, unknown>, field: string, report: (problem: string) => void): string | undefined {
  const value = entry[field];
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  report(`"${field}" must be text, got ${JSON.stringify(value)}`);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : lineAndColumn(text, at).line;
}

/**
 * The line on which each element of the top-level array `key` starts. JSON.parse keeps no
 * positions, so this walks the (already valid) text once, tracking nesting and strings.
 */
export function elementLines(text: string, key: string): number[] {
  const lines: number[] = [];
  const nesting: string[] = [];
  let line = 1;
  let lastTopLevelString: string | undefined;
  let arrayDepth = -1;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") line++;
    if (/\s/.test(ch)) continue;
    if (nesting.length === arrayDepth && expectElement && ch !== "]") {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') {
      let value = "";
      for (i++; i < text.length && text[i] !== '"'; i++) value += text[i] === "\\" ? text[++i] : text[i];
      if (nesting.length === 1) lastTopLevelString = value;
    } else if (ch === "{" || ch === "[") {
      nesting.push(ch);
      if (ch === "[" && nesting.length === 2 && lastTopLevelString === key && arrayDepth === -1) {
        arrayDepth = 2;
        expectElement = true;
      }
    } else if (ch === "}" || ch === "]") {
      if (ch === "]" && nesting.length === arrayDepth) arrayDepth = -2; // done with the array
      nesting.pop();
    } else if (ch === "," && nesting.length === arrayDepth) {
      expectElement = true;
    }
  }
  return lines;
}
