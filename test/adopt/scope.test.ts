/**
 * Scope: the whole organization, a department subtree by path, objects carrying tags, or both.
 */
import { describe, expect, it } from "vitest";
import { departmentAtPath, selectScope } from "../../provider/adopt/scope";
import { AdoptionError } from "../../provider/core/errors";
import { acmeOrganization, aDepartment } from "./support/inventory";

const ids = (selection: ReturnType<typeof selectScope>) => ({
  departments: selection.departments.map((d) => d.nodeId).sort(),
  members: selection.members.map((m) => m.memberUin).sort(),
});

describe("selectScope", () => {
  it.each([
    [
      "nothing set: the whole organization",
      {},
      {
        departments: [200001, 200002, 200003, 200004],
        members: [100000100001, 100000100002, 100000100003, 100000100004, 100000100005, 100000100006],
      },
    ],
    [
      "a department path: the department, those under it and their members",
      { department: "Engineering" },
      { departments: [200001, 200002, 200003], members: [100000100001, 100000100002, 100000100004, 100000100006] },
    ],
    ["a nested path", { department: "Engineering/Platform" }, { departments: [200002], members: [100000100001, 100000100004] }],
    ["a path with spaces around the names", { department: " Engineering / Data " }, { departments: [200003], members: [100000100002] }],
    [
      "a tag: departments and members carrying it",
      { tags: { team: "platform" } },
      { departments: [], members: [100000100001, 100000100004] },
    ],
    ["every tag given must be carried", { tags: { team: "platform", env: "prod" } }, { departments: [], members: [100000100001] }],
    ["path and tag together", { department: "Engineering/Data", tags: { team: "data" } }, { departments: [200003], members: [] }],
    ["the ownership marker never selects", { tags: { "pulumi:owner:1": "f00" } }, { departments: [], members: [] }],
  ])("%s", (_, scope, expected) => {
    expect(ids(selectScope(acmeOrganization(), scope))).toEqual(expected);
  });
});

describe("departmentAtPath", () => {
  const departments = acmeOrganization().departments;

  it("finds a department whatever order the listing is in", () => {
    expect(departmentAtPath([...departments].reverse(), "Engineering/Data").nodeId).toBe(200003);
  });

  it.each([
    ["Enginering", 'unknown department path "Enginering": no department "Enginering" at the top level', '"Engineering", "Finance"'],
    ["Engineering/Plaform", 'no department "Plaform" under "Engineering"', '"Data", "Platform"'],
    ["Finance/Payroll", 'no department "Payroll" under "Finance"', "there is no department there"],
  ])("refuses %j, naming the departments there are", (path, problem, known) => {
    expect(() => departmentAtPath(departments, path)).toThrow(AdoptionError);
    expect(() => departmentAtPath(departments, path)).toThrow(problem);
    expect(() => departmentAtPath(departments, path)).toThrow(known);
  });

  it("refuses an empty path", () => {
    expect(() => departmentAtPath(departments, " / ")).toThrow("--department needs a department path");
  });

  it("takes the outermost departments of a list without the root as the top level (a Terraform state)", () => {
    const terraform = [
      aDepartment(300002, "Platform", { parentNodeId: 300001 }),
      aDepartment(300001, "Engineering", { parentNodeId: 999 }),
    ];
    expect(departmentAtPath(terraform, "Engineering/Platform").nodeId).toBe(300002);
  });
});
