/**
 * The organization data file: what adopt writes, the generated program reads back exactly; a file
 * edited by hand is checked for its shape, every problem reported at once with its line.
 */
import { describe, expect, it } from "vitest";
import { formatOrganizationFile, type OrganizationFile, parseOrganizationFile } from "../../provider/adopt/file";
import { organizationFileOf, planAdoption } from "../../provider/adopt/plan";
import { AdoptionError } from "../../provider/core/errors";
import { acmeOrganization } from "./support/inventory";

const problemsOf = (text: string): readonly string[] => {
  try {
    parseOrganizationFile(text, "organization.json");
  } catch (error) {
    if (error instanceof AdoptionError) return error.problems;
    throw error;
  }
  return [];
};

describe("the data file", () => {
  it("reads back exactly what was written", () => {
    const file = organizationFileOf(planAdoption(acmeOrganization(), { scope: {}, stacks: [] }));
    expect(parseOrganizationFile(formatOrganizationFile(file), "organization.json")).toEqual(file);
  });

  it("takes entries a person adds: created ones (no adopt id), key defaulting to the name, as in the pipeline file", () => {
    const text = JSON.stringify({
      departments: [{ name: "Sandbox", parentNodeId: 100000, deletionPolicy: "delete" }],
      members: [
        { name: "ml-sandbox", department: "Sandbox", permissionIds: [1, 2], accountName: "ml-sandbox", deletionPolicy: "deleteAccount" },
      ],
    });
    expect(parseOrganizationFile(text, "organization.json")).toEqual<OrganizationFile>({
      departments: [{ key: "Sandbox", name: "Sandbox", parentNodeId: 100000, deletionPolicy: "delete" }],
      members: [
        {
          key: "ml-sandbox",
          name: "ml-sandbox",
          accountName: "ml-sandbox",
          department: "Sandbox",
          permissionIds: [1, 2],
          deletionPolicy: "deleteAccount",
        },
      ],
    });
  });

  it("gives plain objects, which Pulumi's serializer takes as inputs", () => {
    const file = parseOrganizationFile('{"members":[{"name":"a","nodeId":1,"permissionIds":[1,2],"tags":{"t":"v"}}]}', "f.json");
    expect(Object.getPrototypeOf(file.members[0].tags)).toBe(Object.prototype);
  });

  it("reports every problem at once with its line", () => {
    const text = `{
  "departments": [
    { "key": "eng", "name": "Engineering", "parentNodeId": 100000 },
    { "key": "web", "name": "Web", "parent": "platform", "parentNodeId": 100000 },
    { "key": "eng", "name": "Engineering", "parent": "eng", "deletionPolicy": "forget" }
  ],
  "members": [
    { "key": "a", "name": "alice", "department": "enginering", "permisionIds": [1, 2] },
    { "key": "b", "name": "bob", "nodeId": "100001", "permissionIds": [1, 2], "isAllowQuit": "yes" }
  ],
  "policies": []
}`;
    expect(problemsOf(text)).toEqual([
      'organization.json:1: unknown field "policies" (known: departments, members)',
      'organization.json:4: department 2: give exactly one of "parent" and "parentNodeId" (a department key or the id of a department not declared here)',
      'organization.json:4: department 2: "parent" is "platform", which is not a department declared above it (a parent comes before its children)',
      'organization.json:5: department 3: key "eng" is used by an earlier entry',
      'organization.json:5: department 3: name "Engineering" is already used on line 3 (names are unique in an organization)',
      'organization.json:5: department 3: "deletionPolicy" must be one of retain, delete, got "forget"',
      expect.stringContaining('organization.json:8: member 1: unknown field "permisionIds"'),
      'organization.json:8: member 1: unknown department "enginering" (declared: eng, web)',
      'organization.json:8: member 1: "permissionIds" must be a list of integers, e.g. [1, 2, 8], got undefined',
      'organization.json:9: member 2: "nodeId" must be a positive integer id, got "100001"',
      'organization.json:9: member 2: "isAllowQuit" must be true or false, got "yes"',
    ]);
  });

  it("reports a file that is not JSON with its line", () => {
    expect(problemsOf('{\n  "members": [\n    { "name": "a", }\n  ]\n}')).toEqual([expect.stringMatching(/^organization\.json:3: /)]);
  });
});
