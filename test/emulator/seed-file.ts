/**
 * The organization a user writes for the emulator to start from (`--seed-file org.json`), so a
 * pipeline can mirror its real organization's shape: departments (a tree below the root) and
 * members already in it (invited, or created earlier by the console).
 *
 * ```json
 * {
 *   "departments": [
 *     { "id": 200001, "name": "Engineering" },
 *     { "id": 200002, "name": "Platform", "parentId": 200001 }
 *   ],
 *   "members": [
 *     { "name": "legacy-billing", "uin": 300000000001, "departmentId": 200001,
 *       "permissionIds": [1, 2, 8], "tags": { "team": "finance" }, "memberType": "Invite" }
 *   ]
 * }
 * ```
 *
 * Every problem is reported at once, each as `file:line: field: what is wrong`.
 */
import { readFileSync } from "node:fs";
import type { EmulatedMember, OrganizationState } from "./model";
import { invitedMember, ROOT_NODE_ID, SEED_TIME, seedState } from "./seed";
import { MAX_TAGS_PER_RESOURCE, MEMBER_NAME, NODE_NAME } from "./rules";

/** A seed file with problems; `problems` holds one `file:line: field: …` text per problem. */
export class SeedFileError extends Error {
  override readonly name = "SeedFileError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid emulator seed file:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

// Member UINs the emulator hands out start here; seed UINs below avoid collisions with members created later.
const SEED_UIN_LIMIT = 100000100000;

/**
 * Reads and validates a seed file.
 * @param file - path of the JSON file
 * @returns the organization state to start from
 * @throws SeedFileError naming the line and field of every problem
 */
export function readSeedFile(file: string): OrganizationState {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SeedFileError(file, [`${file}: cannot be read: ${(error as Error).message}`]);
  }
  return parseSeed(text, file);
}

/**
 * Validates a seed document's text and turns it into an emulator state.
 * @param text - the JSON text
 * @param file - the name used in messages
 * @throws SeedFileError naming the line and field of every problem
 */
export function parseSeed(text: string, file: string): OrganizationState {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    throw new SeedFileError(file, [`${file}${line ? `:${line}` : ""}: not valid JSON: ${message}`]);
  }
  const lines = fieldLines(text);
  const problems: string[] = [];
  const report = (path: string, problem: string) => {
    // The field's own line, else the nearest enclosing value's.
    let at: string | undefined = path;
    while (at !== undefined && !lines.has(at)) at = at.includes(".") || at.includes("[") ? parentPath(at) : undefined;
    problems.push(`${file}:${lines.get(at ?? "") ?? 1}: ${path || "(top level)"}: ${problem}`);
  };

  if (!isObject(document)) {
    report("", 'must be an object with "departments" and "members"');
    throw new SeedFileError(file, problems);
  }
  for (const key of Object.keys(document)) {
    if (key !== "departments" && key !== "members") report(key, 'unknown field (expected "departments" and "members")');
  }

  const state = seedState(0);
  state.nodes = state.nodes.filter((node) => node.NodeId === ROOT_NODE_ID);
  const departmentIds = new Set<number>([ROOT_NODE_ID]);
  const departments = arrayField(document, "departments", report);
  departments.forEach((entry, index) => {
    const path = `departments[${index}]`;
    if (!isObject(entry)) {
      report(path, "must be an object with id and name");
      return;
    }
    unknownKeys(entry, ["id", "name", "parentId", "remark"], path, report);
    const id = entry.id;
    if (!isPositiveInteger(id)) report(`${path}.id`, `must be a positive integer, got ${JSON.stringify(id)}`);
    else if (departmentIds.has(id)) report(`${path}.id`, `${id} is already used${id === ROOT_NODE_ID ? " by the root department" : ""}`);
    else departmentIds.add(id);
    if (typeof entry.name !== "string" || !NODE_NAME.test(entry.name)) {
      report(
        `${path}.name`,
        `must be 1–40 letters, digits, Chinese characters or +@&._[]- (AddOrganizationNode's rule), got ${JSON.stringify(entry.name)}`,
      );
    }
    if (entry.remark !== undefined && typeof entry.remark !== "string") report(`${path}.remark`, "must be text");
  });
  // Parents may be declared after their children; check them once every id is known.
  departments.forEach((entry, index) => {
    if (!isObject(entry) || !isPositiveInteger(entry.id) || typeof entry.name !== "string") return;
    const parentId = entry.parentId ?? ROOT_NODE_ID;
    if (!isPositiveInteger(parentId) || !departmentIds.has(parentId)) {
      report(
        `departments[${index}].parentId`,
        `must be the id of the root (${ROOT_NODE_ID}) or of a department in this file, got ${JSON.stringify(parentId)}`,
      );
      return;
    }
    state.nodes.push({
      NodeId: entry.id,
      Name: entry.name,
      ParentNodeId: parentId,
      Remark: typeof entry.remark === "string" ? entry.remark : "",
      CreateTime: SEED_TIME,
      UpdateTime: SEED_TIME,
      Tags: [],
    });
  });

  const names = new Map<string, number>();
  const uins = new Set<number>();
  const members: EmulatedMember[] = [];
  arrayField(document, "members", report).forEach((entry, index) => {
    const path = `members[${index}]`;
    if (!isObject(entry)) {
      report(path, "must be an object with name and departmentId");
      return;
    }
    unknownKeys(entry, ["name", "uin", "departmentId", "permissionIds", "tags", "memberType", "remark"], path, report);
    const before = problems.length;
    const name = entry.name;
    if (typeof name !== "string" || !MEMBER_NAME.test(name)) {
      report(`${path}.name`, `must be 1–25 letters, digits, Chinese characters or +@&._[]-:, got ${JSON.stringify(name)}`);
    } else if (names.has(name)) {
      report(`${path}.name`, `"${name}" is already used by members[${names.get(name)}] (names are unique in an organization)`);
    } else names.set(name, index);
    const uin = entry.uin ?? SEED_UIN_LIMIT - 1000 + index;
    if (!isPositiveInteger(uin) || uin >= SEED_UIN_LIMIT)
      report(`${path}.uin`, `must be a positive integer below ${SEED_UIN_LIMIT}, got ${JSON.stringify(entry.uin)}`);
    else if (uins.has(uin)) report(`${path}.uin`, `${uin} is already used`);
    else uins.add(uin);
    const departmentId = entry.departmentId;
    if (!isPositiveInteger(departmentId) || !departmentIds.has(departmentId)) {
      report(
        `${path}.departmentId`,
        `must be the id of the root (${ROOT_NODE_ID}) or of a department in this file, got ${JSON.stringify(departmentId)}`,
      );
    }
    const permissionIds = entry.permissionIds ?? [1, 2];
    if (
      !Array.isArray(permissionIds) ||
      !permissionIds.every((p) => Number.isInteger(p) && p >= 1 && p <= 10) ||
      !permissionIds.includes(1) ||
      !permissionIds.includes(2)
    ) {
      report(`${path}.permissionIds`, `must be integers 1–10 including 1 and 2, got ${JSON.stringify(entry.permissionIds)}`);
    }
    const tags = entry.tags ?? {};
    // A member that already exists may carry as many tags as a resource can (50), not only the 10 one request sets.
    if (!isObject(tags) || !Object.values(tags).every((v) => typeof v === "string") || Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) {
      report(`${path}.tags`, `must map at most ${MAX_TAGS_PER_RESOURCE} tag keys to text values, got ${JSON.stringify(entry.tags)}`);
    }
    const memberType = entry.memberType ?? "Invite";
    if (memberType !== "Invite" && memberType !== "Create")
      report(`${path}.memberType`, `must be "Invite" or "Create", got ${JSON.stringify(memberType)}`);
    if (entry.remark !== undefined && (typeof entry.remark !== "string" || entry.remark.length > 40))
      report(`${path}.remark`, "must be text of at most 40 characters");
    if (problems.length > before) return;
    const member = invitedMember(
      uin as number,
      {
        name: name as string,
        nodeId: departmentId as number,
        permissionIds: permissionIds as number[],
        tags: Object.entries(tags as Record<string, string>).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
      },
      SEED_TIME,
    );
    members.push({ ...member, memberType: memberType as EmulatedMember["memberType"], remark: (entry.remark as string | undefined) ?? "" });
  });

  if (problems.length > 0) throw new SeedFileError(file, problems);
  state.members = members.sort((a, b) => a.memberUin - b.memberUin);
  state.nextNodeId = Math.max(...departmentIds) + 1;
  return state;
}

type Report = (path: string, problem: string) => void;

function arrayField(document: Record<string, unknown>, key: string, report: Report): unknown[] {
  const value = document[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report(key, "must be a list");
    return [];
  }
  return value;
}

function unknownKeys(entry: Record<string, unknown>, known: string[], path: string, report: Report): void {
  for (const key of Object.keys(entry)) if (!known.includes(key)) report(`${path}.${key}`, `unknown field (expected ${known.join(", ")})`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut < 0 ? "" : path.slice(0, cut);
}

function lineAt(text: string, position: number): number {
  return text.slice(0, position).split("\n").length;
}

/**
 * The line of every value in a valid JSON text, by path (`members[2].tags`), "" for the top
 * level. JSON.parse keeps no positions, so this walks the text once.
 */
export function fieldLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const readString = (): string => {
    let value = "";
    for (at++; at < text.length && text[at] !== '"'; at++) value += text[at] === "\\" ? text[++at] : text[at];
    at++;
    return value;
  };
  const value = (path: string): void => {
    skipSpace();
    lines.set(path, lineAt(text, at));
    const ch = text[at];
    if (ch === "{") {
      at++;
      for (skipSpace(); text[at] !== "}" && at < text.length; skipSpace()) {
        const key = readString();
        skipSpace();
        at++; // ':'
        value(path ? `${path}.${key}` : key);
        skipSpace();
        if (text[at] === ",") at++;
        skipSpace();
      }
      at++;
    } else if (ch === "[") {
      at++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text[at] === "]" || at >= text.length) break;
        value(`${path}[${index}]`);
        skipSpace();
        if (text[at] === ",") at++;
      }
      at++;
    } else if (ch === '"') {
      readString();
    } else {
      while (at < text.length && !/[\s,\]}]/.test(text[at])) at++;
    }
  };
  value("");
  return lines;
}
