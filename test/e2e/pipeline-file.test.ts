/**
 * The pipeline example's data file: every problem is reported with its line and member, at
 * once, and a bad file stops `pulumi preview` before any member is touched.
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMembersFile, MembersFileError } from "../../examples/pipeline/membersFile";
import { engineFailureOf, startEngineHarness, type EngineHarness } from "./harness";

const problemsOf = (text: string): string[] => {
  try {
    parseMembersFile(text, "members.json");
  } catch (error) {
    if (error instanceof MembersFileError) return error.problems;
    throw error;
  }
  return [];
};

const BAD_FILE = `{
  "departments": { "Engineering": 100001 },
  "members": [
    {
      "key": "ok",
      "name": "ok-member",
      "department": "Engineering",
      "permissionIds": [1, 2]
    },
    {
      "name": "typo-member",
      "department": "Enginering",
      "permisionIds": [1, 2]
    },
    { "name": "ok-member", "nodeId": 100001, "permissionIds": [1, 2], "deletionPolicy": "forget" }
  ]
}`;

describe("the members file", () => {
  it("is read into members with departments resolved to node ids", () => {
    const members = parseMembersFile(
      JSON.stringify({
        departments: { Finance: 100002 },
        members: [{ name: "a", department: "Finance", permissionIds: [1, 2], tags: { t: "v" } }],
      }),
      "m.json",
    );
    expect(members).toEqual([{ key: "a", name: "a", nodeId: 100002, permissionIds: [1, 2], tags: { t: "v" }, line: 1 }]);
    // Plain objects: Pulumi's serializer waits forever on an input object without a prototype.
    expect(Object.getPrototypeOf(members[0].tags)).toBe(Object.prototype);
  });

  it("reports every problem with its line and member", () => {
    expect(problemsOf(BAD_FILE)).toEqual([
      'members.json:10: member 2 ("typo-member"): unknown field "permisionIds" (known: key, name, accountName, department, nodeId, permissionIds, remark, tags, deletionPolicy)',
      'members.json:10: member 2 ("typo-member"): unknown department "Enginering" (known: Engineering)',
      'members.json:10: member 2 ("typo-member"): "permissionIds" must be a list of permission numbers, e.g. [1, 2, 8]',
      'members.json:15: member 3 ("ok-member"): "deletionPolicy" must be one of retain, removeFromOrganization, deleteAccount, got "forget"',
      'members.json:15: member 3 ("ok-member"): name "ok-member" is already used by the member on line 4 (names are unique in an organization)',
    ]);
  });

  it("reports invalid JSON with its line and column", () => {
    expect(problemsOf('{\n  "members": [\n    { "name": "a", }\n  ]\n}')).toEqual([
      expect.stringMatching(/^members\.json:3:\d+: not valid JSON: /),
    ]);
  });
});

describe("a bad members file in the pipeline", () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await startEngineHarness("pipeline-file");
  });
  afterAll(async () => h?.close());

  it("stops pulumi preview with the problems listed and sends no API call", async () => {
    const file = `${h.stateRoot}/members.json`;
    writeFileSync(file, BAD_FILE);
    const stack = await h.open("examples/pipeline", { config: { membersFile: file } });
    const report = await engineFailureOf(stack.preview());
    expect(report).toContain(`${file} has 5 problem(s)`);
    expect(report).toContain(`${file}:10: member 2 ("typo-member"): unknown department "Enginering"`);
    expect(h.emulator.admin.requestLog()).toEqual([]);
  });
});
