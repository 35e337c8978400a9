/**
 * The adoption plan: every object in scope declared as it is (so the first `up` changes nothing),
 * wired by key, never deleted; what another stack manages, and what the provider would refuse as it
 * is, left out with the reason; the same organization always gives the same bytes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatOrganizationFile } from "../../provider/adopt/file";
import type { Inventory } from "../../provider/adopt/inventory";
import { organizationFileOf, planAdoption } from "../../provider/adopt/plan";
import { acmeOrganization, aDepartment, aMember, liveInventory, ROOT } from "./support/inventory";

const wholeOrganization = { scope: {}, stacks: [] };
const dataFileOf = (inventory: Inventory, options = wholeOrganization) =>
  formatOrganizationFile(organizationFileOf(planAdoption(inventory, options)));

describe("planAdoption of a whole organization", () => {
  const plan = planAdoption(acmeOrganization(), wholeOrganization);
  const member = (key: string) => plan.members.find((m) => m.entry.key === key)?.entry;

  it("declares departments parents first, siblings by key, each adopting itself with its remark and user tags", () => {
    expect(plan.departments.map((d) => d.entry)).toEqual([
      {
        key: "engineering",
        name: "Engineering",
        parentNodeId: ROOT,
        adoptNodeId: 200001,
        remark: "all engineers",
        deletionPolicy: "retain",
      },
      { key: "data", name: "Data", parent: "engineering", adoptNodeId: 200003, tags: { team: "data" }, deletionPolicy: "retain" },
      { key: "platform", name: "Platform", parent: "engineering", adoptNodeId: 200002, deletionPolicy: "retain" },
    ]);
  });

  it("declares each member with every value the resource takes, as Tencent reports it", () => {
    expect(member("alice")).toEqual({
      key: "alice",
      name: "alice",
      department: "platform",
      adoptMemberUin: 100000100001,
      permissionIds: [1, 2, 8],
      remark: "platform lead",
      tags: { env: "prod", team: "platform" },
      isAllowQuit: false,
      identityRoleIds: [],
      deletionPolicy: "retain",
    });
    expect(member("bob-smith")).toMatchObject({ name: "Bob.Smith", department: "data", identityRoleIds: [1, 2] });
    expect(member("root-ops")).toMatchObject({ nodeId: ROOT, isAllowQuit: true });
  });

  it("names a department that is not declared by its id (the root, one left out)", () => {
    expect(member("billing")).toMatchObject({ nodeId: 200004, payUin: "100000000001" });
    expect(member("billing")).not.toHaveProperty("department");
  });

  it("leaves out what carries an ownership marker, saying a stack created it", () => {
    expect(plan.leftOut).toEqual([
      { kind: "department", id: 200004, name: "Finance", reason: expect.stringContaining("carries the ownership marker pulumi:owner:3") },
      { kind: "member", id: 100000100004, name: "zoe", reason: expect.stringContaining("carries the ownership marker pulumi:owner:1") },
    ]);
  });

  it("never declares a deletion policy that deletes or removes anything", () => {
    for (const { entry } of [...plan.departments, ...plan.members]) expect(entry.deletionPolicy).toBe("retain");
  });

  it("leaves the quit setting undeclared where Tencent allows quitting with a payer, and says so", () => {
    expect(member("billing")).not.toHaveProperty("isAllowQuit");
    expect(plan.notes).toContain(
      'member 100000100003 ("billing"): may leave the organization although another account pays for it; isAllowQuit is left undeclared (unmanaged)',
    );
  });

  it("declares the permissions in force while a change waits for the member, and says so", () => {
    expect(member("pending")).toMatchObject({ permissionIds: [1, 2] });
    expect(plan.notes.some((n) => n.startsWith('member 100000100006 ("pending"): a permission change waits'))).toBe(true);
  });
});

describe("planAdoption leaves out", () => {
  it("what a given stack manages, by its state, and wires what is inside it by id", () => {
    const plan = planAdoption(acmeOrganization(), {
      scope: {},
      stacks: [{ stack: "platform/prod", members: new Set([100000100001]), departments: new Set([200001]) }],
    });
    expect(plan.leftOut.filter((o) => o.reason === "managed by stack platform/prod").map((o) => o.id)).toEqual([200001, 100000100001]);
    expect(plan.departments.map((d) => d.entry)).toContainEqual(expect.objectContaining({ key: "data", parentNodeId: 200001 }));
    expect(plan.members.find((m) => m.entry.key === "pending")?.entry).toMatchObject({ nodeId: 200001 });
  });

  it.each([
    [
      "a member with 50 tags (the provider's marker needs one of Tencent's 50 slots)",
      liveInventory(
        [],
        [aMember(100000100001, "crowded", { tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"])) })],
      ),
      "at most 49 tags",
    ],
    [
      "a member whose remark is longer than UpdateOrganizationMember takes",
      liveInventory([], [aMember(100000100001, "chatty", { remark: "x".repeat(41) })]),
      "remark must be a string of at most 40 characters",
    ],
    [
      "a department whose name the provider refuses",
      liveInventory([aDepartment(200001, "Sales Team")], []),
      "name must be 1 to 40 characters",
    ],
  ])("%s, with the provider's reason", (_, inventory, reason) => {
    const plan = planAdoption(inventory, wholeOrganization);
    expect(plan.members).toEqual([]);
    expect(plan.departments).toEqual([]);
    expect(plan.leftOut).toHaveLength(1);
    expect(plan.leftOut[0].reason).toContain("the provider would refuse it as it is");
    expect(plan.leftOut[0].reason).toContain(reason);
  });

  it("names by id the department of a member whose department was refused", () => {
    const plan = planAdoption(
      liveInventory([aDepartment(200001, "Sales Team")], [aMember(100000100001, "seller", { nodeId: 200001 })]),
      wholeOrganization,
    );
    expect(plan.members[0].entry).toMatchObject({ nodeId: 200001 });
  });
});

describe("planAdoption of a Terraform inventory", () => {
  it("leaves identities undeclared: the state does not hold them, and undeclared they stay unmanaged", () => {
    const inventory: Inventory = { ...liveInventory([], [aMember(100000100001, "alice")]), identitiesKnown: false };
    expect(planAdoption(inventory, wholeOrganization).members[0].entry).not.toHaveProperty("identityRoleIds");
  });
});

describe("the data file of a plan", () => {
  it("reads as the pipeline file does, one field per line, lists and tags on one line", () => {
    const inventory = liveInventory(
      [aDepartment(200001, "Engineering", { tags: { team: "eng" } })],
      [aMember(100000100001, "alice", { nodeId: 200001, permissionIds: [1, 2, 8] })],
    );
    expect(dataFileOf(inventory)).toBe(`{
  "departments": [
    {
      "key": "engineering",
      "name": "Engineering",
      "parentNodeId": 100000,
      "adoptNodeId": 200001,
      "tags": { "team": "eng" },
      "deletionPolicy": "retain"
    }
  ],
  "members": [
    {
      "key": "alice",
      "name": "alice",
      "department": "engineering",
      "adoptMemberUin": 100000100001,
      "permissionIds": [1, 2, 8],
      "isAllowQuit": false,
      "identityRoleIds": [],
      "deletionPolicy": "retain"
    }
  ]
}
`);
  });

  it("is byte for byte the same, whatever order Tencent listed the organization in", () => {
    const acme = acmeOrganization();
    const expected = dataFileOf(acme);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(acme.departments, { minLength: acme.departments.length }),
        fc.shuffledSubarray(acme.members, { minLength: acme.members.length }),
        (departments, members) => {
          expect(dataFileOf({ ...acme, departments, members })).toBe(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
