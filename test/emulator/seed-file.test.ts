import { describe, expect, it } from "vitest";
import { fieldLines, parseSeed, SeedFileError } from "./seed-file";
import { ROOT_NODE_ID } from "./seed";

const problemsOf = (text: string): string[] => {
  try {
    parseSeed(text, "org.json");
  } catch (error) {
    if (error instanceof SeedFileError) return error.problems;
    throw error;
  }
  throw new Error("expected the seed file to be refused");
};

const VALID = `{
  "departments": [
    { "id": 200002, "name": "Platform", "parentId": 200001 },
    { "id": 200001, "name": "Engineering" }
  ],
  "members": [
    { "name": "legacy-billing", "uin": 300001, "departmentId": 200002, "permissionIds": [1, 2, 8], "tags": { "team": "finance" } },
    { "name": "console-made", "departmentId": 100000, "memberType": "Create" }
  ]
}`;

describe("a seed file", () => {
  it("becomes the organization: the root, the departments (parents in any order) and the members", () => {
    const state = parseSeed(VALID, "org.json");
    expect(state.nodes.map((n) => [n.NodeId, n.Name, n.ParentNodeId])).toEqual([
      [ROOT_NODE_ID, "Root", 0],
      [200002, "Platform", 200001],
      [200001, "Engineering", ROOT_NODE_ID],
    ]);
    expect(state.members.map((m) => [m.name, m.nodeId, m.permissionIds, m.memberType, m.tags])).toEqual([
      ["legacy-billing", 200002, [1, 2, 8], "Invite", [{ TagKey: "team", TagValue: "finance" }]],
      ["console-made", ROOT_NODE_ID, [1, 2], "Create", []],
    ]);
    expect(state.nextNodeId).toBe(200003);
  });

  it("may be empty, which leaves only the root department", () => {
    const state = parseSeed("{}", "org.json");
    expect(state.nodes.map((n) => n.NodeId)).toEqual([ROOT_NODE_ID]);
    expect(state.members).toEqual([]);
  });

  it.each([
    ["a department without a name", `{\n  "departments": [\n    { "id": 5 }\n  ]\n}`, ["org.json:3: departments[0].name: must be 1–40"]],
    [
      "a duplicate department id",
      `{"departments": [\n{"id": 5, "name": "a"},\n{"id": 5, "name": "b"}]}`,
      ["org.json:3: departments[1].id: 5 is already used"],
    ],
    [
      "an unknown parent",
      `{"departments": [\n{"id": 5, "name": "a",\n "parentId": 7}]}`,
      ["org.json:3: departments[0].parentId: must be the id of the root"],
    ],
    ["a member in no known department", `{"members": [\n{"name": "m",\n "departmentId": 7}]}`, ["org.json:3: members[0].departmentId"]],
    [
      "permissions without 1 and 2",
      `{"members": [{"name": "m", "departmentId": 100000,\n "permissionIds": [3]}]}`,
      ["org.json:2: members[0].permissionIds"],
    ],
    [
      "a name used twice",
      `{"members": [{"name": "m", "departmentId": 100000},\n{"name": "m", "departmentId": 100000}]}`,
      ['org.json:2: members[1].name: "m" is already used by members[0]'],
    ],
    [
      "a tag value that is not text",
      `{"members": [{"name": "m", "departmentId": 100000,\n\n "tags": {"a": 1}}]}`,
      ["org.json:3: members[0].tags"],
    ],
    [
      "a UIN in the range the emulator hands out",
      `{"members": [{"name": "m", "departmentId": 100000, "uin": 100000100000}]}`,
      ["org.json:1: members[0].uin"],
    ],
    [
      "a misspelt field",
      `{"members": [{"name": "m",\n "department": 100000}]}`,
      ["org.json:2: members[0].department: unknown field", "org.json:1: members[0].departmentId"],
    ],
    ["an unknown top-level field", `{\n"users": []}`, ["org.json:2: users: unknown field"]],
    ["a list that is not a list", `{"members": {}}`, ["org.json:1: members: must be a list"]],
  ])("is refused with the line and field of %s", (_, text, expected) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(expected.length);
    for (const [i, start] of expected.entries()) expect(problems[i]).toContain(start);
  });

  it("that is not JSON is refused with the line of the mistake", () => {
    expect(problemsOf(`{\n  "members": [\n    { "name": "m", }\n  ]\n}`)[0]).toMatch(/^org\.json:3: not valid JSON/);
  });
});

describe("fieldLines", () => {
  it("gives the line of every value by its path", () => {
    const lines = fieldLines(`{\n "a": [\n  {"b": "x,]}"},\n  2\n ],\n "c": {"d": true}\n}`);
    expect(Object.fromEntries(lines)).toEqual({ "": 1, a: 2, "a[0]": 3, "a[0].b": 3, "a[1]": 4, c: 6, "c.d": 6 });
  });
});
