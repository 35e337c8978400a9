/**
 * `department-paths`: a department's path and a member's department resolved from the config per
 * resource, and from the stack (property dependencies, declared ids) with the whole stack; values
 * not known at preview are not judged; an id the rule cannot name is reported with what to add.
 */
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/policypack/resources";
import { departmentPaths, isAtOrUnder, normalisePath } from "../../provider/policypack/rules/departmentPaths";
import { aDepartment, aMember, resourceOf, stackOf } from "./fixtures/resources";

const config = departmentPaths.parseConfig({
  under: ["/Engineering/"],
  knownDepartments: { "100000": "/", "100001": "Engineering", "100002": "Finance" },
  members: true,
});
const perResource = (resource: ReturnType<typeof aMember>, c = config) => departmentPaths.checkResource!(resource, c).map((v) => v.message);
const withStack = (...args: Parameters<typeof stackOf>) => departmentPaths.checkStack!(stackOf(...args), config);
const outputs = { source: "outputs" } as const;

describe("department-paths, per resource (ids listed in knownDepartments)", () => {
  it.each([
    ["under Engineering", { parentNodeId: 100001 }, []],
    [
      "at the root",
      { parentNodeId: 100000 },
      ['department "Lab" (OrganizationNode "lab") would be at "Lab", outside the allowed paths: Engineering.'],
    ],
    [
      "under Finance",
      { parentNodeId: 100002 },
      ['department "Lab" (OrganizationNode "lab") would be at "Finance/Lab", outside the allowed paths: Engineering.'],
    ],
    ["under a parent not known yet (left to the stack check)", { parentNodeId: UNKNOWN }, []],
    ["under a parent not listed (left to the stack check)", { parentNodeId: 100099 }, []],
    ["at the root, with a name not known yet", { parentNodeId: 100000, name: UNKNOWN }, []],
  ])("a department %s", (_, props, expected) => {
    expect(perResource(aDepartment(props))).toEqual(expected);
  });

  it.each([
    ["in Engineering", 100001, []],
    [
      "in Finance",
      100002,
      ['member "ci-bot" (OrganizationMember "ci") sits in the department "Finance", outside the allowed paths: Engineering.'],
    ],
    [
      "in the root department",
      100000,
      ['member "ci-bot" (OrganizationMember "ci") sits in the root department, outside the allowed paths: Engineering.'],
    ],
    ["in a department not known yet", UNKNOWN, []],
  ])("a member %s", (_, nodeId, expected) => {
    expect(perResource(aMember({ nodeId }))).toEqual(expected);
  });

  it("judges members only when configured, and nothing without allowed paths; the root allows everything", () => {
    expect(perResource(aMember({ nodeId: 100002 }), { ...config, members: false })).toEqual([]);
    expect(perResource(aDepartment({ parentNodeId: 100000 }), { ...config, under: [] })).toEqual([]);
    expect(
      perResource(
        aDepartment({ parentNodeId: 100002 }),
        departmentPaths.parseConfig({ under: ["/"], knownDepartments: { "100002": "Finance" } }),
      ),
    ).toEqual([]);
  });
});

describe("department-paths, with the whole stack", () => {
  it("follows a member's department id, not known yet at preview, to the department it came from", () => {
    const lab = aDepartment({ name: "lab-team", parentNodeId: 100000 }, outputs);
    const ci = aMember({ nodeId: UNKNOWN }, outputs);
    expect(withStack([lab, ci], { ci: { nodeId: ["lab"] } })).toEqual([
      {
        urn: ci.urn,
        message: 'member "ci-bot" (OrganizationMember "ci") sits in the department "lab-team", outside the allowed paths: Engineering.',
      },
    ]);
  });

  it("leaves to the per-resource check what the config decides (no violation twice)", () => {
    expect(withStack([aDepartment({ parentNodeId: 100000 }, outputs)])).toEqual([]);
  });

  it("follows a chain of departments declared in the stack, by dependency or by id", () => {
    const lab = aDepartment({ name: "Lab", parentNodeId: UNKNOWN }, { resourceName: "lab", ...outputs });
    const top = aDepartment({ name: "Top", parentNodeId: 100000, nodeId: 100050 }, { resourceName: "top", ...outputs });
    const team = aDepartment({ name: "Team", parentNodeId: 100050 }, { resourceName: "team", ...outputs });
    const messages = withStack([lab, top, team], { lab: { parentNodeId: ["top"] } }).map((v) => v.message);
    expect(messages).toEqual([
      'department "Lab" (OrganizationNode "lab") would be at "Top/Lab", outside the allowed paths: Engineering.',
      'department "Team" (OrganizationNode "team") would be at "Top/Team", outside the allowed paths: Engineering.',
    ]);
  });

  it("resolves through a department read with .get but does not judge it", () => {
    const finance = resourceOf(
      "OrganizationNode",
      { name: "Finance", parentNodeId: 100000, nodeId: 100060 },
      { resourceName: "finance", ...outputs },
    );
    const ci = aMember({ nodeId: 100060 }, outputs);
    expect(finance.declared).toBe(false);
    expect(withStack([finance, ci]).map((v) => v.message)).toEqual([
      'member "ci-bot" (OrganizationMember "ci") sits in the department "Finance", outside the allowed paths: Engineering.',
    ]);
  });

  it("reports an id it cannot name, saying what to add to the config", () => {
    expect(withStack([aMember({ nodeId: 100099 }, outputs)]).map((v) => v.message)).toEqual([
      'member "ci-bot" (OrganizationMember "ci"): its department 100099 is neither declared in this stack nor listed in knownDepartments, ' +
        'so whether it is under Engineering cannot be told; add "100099": "<its path>" to knownDepartments.',
    ]);
  });

  it("does not judge what it cannot know: an id not known yet with no single department behind it", () => {
    const a = aDepartment({ name: "A", parentNodeId: 100001 }, { resourceName: "a", ...outputs });
    const b = aDepartment({ name: "B", parentNodeId: 100001 }, { resourceName: "b", ...outputs });
    expect(withStack([a, b, aMember({ nodeId: UNKNOWN }, outputs)], { ci: { nodeId: ["a", "b"] } })).toEqual([]);
    expect(withStack([aMember({ nodeId: UNKNOWN }, outputs)])).toEqual([]);
  });
});

describe("department paths", () => {
  it.each([
    ["/Engineering/Platform/", "Engineering/Platform"],
    ["/", ""],
    ["", ""],
    ["Engineering//Platform", "Engineering/Platform"],
  ])("%j is normalised to %j", (path, normalised) => {
    expect(normalisePath(path)).toBe(normalised);
  });

  it.each([
    ["Engineering", "Engineering", true],
    ["Engineering/Lab", "Engineering", true],
    ["EngineeringLab", "Engineering", false],
    ["Finance", "Engineering", false],
    ["Finance", "", true],
  ])("%s is at or under %j: %s", (path, allowed, expected) => {
    expect(isAtOrUnder(path, allowed)).toBe(expected);
  });
});
