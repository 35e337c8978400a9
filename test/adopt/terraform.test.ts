/**
 * From Terraform: a version-4 state of the TencentCloud provider's organization resources (the
 * fixture is written from the provider's schema: nested departments, members under for_each and in
 * a module, a data source and another resource type beside them) read into an inventory, every
 * attribute mapped to an input or said not carried — with no call to Tencent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { organizationFileOf, planAdoption } from "../../provider/adopt/plan";
import { inventoryFromTerraform, TERRAFORM_ATTRIBUTES, TERRAFORM_TYPES } from "../../provider/adopt/terraform";
import { AdoptionError } from "../../provider/core/errors";

const FIXTURE = join(__dirname, "fixtures", "terraform.tfstate");
const text = readFileSync(FIXTURE, "utf8");
const state = JSON.parse(text) as { resources: { mode: string; type: string; instances: { attributes: Record<string, unknown> }[] }[] };
const inventory = inventoryFromTerraform(text, "terraform.tfstate");

describe("inventoryFromTerraform", () => {
  it("reads every managed department and member instance, and nothing else", () => {
    expect(inventory.source).toEqual({ kind: "terraform", file: "terraform.tfstate" });
    expect(inventory.departments.map((d) => [d.nodeId, d.name, d.parentNodeId])).toEqual([
      [200001, "Engineering", 100000],
      [200002, "Platform", 200001],
      [200003, "Data", 200001],
      [200004, "ML", 200003],
      [200005, "Finance", 100000],
    ]);
    expect(inventory.members.map((m) => m.name)).toEqual([
      "platform-ci",
      "data-lake",
      "ml-sandbox-1",
      "ml-sandbox-2",
      "billing-ops",
      "legacy-ops",
    ]);
    expect(inventory.rootNodeId).toBeUndefined();
  });

  it("maps a member's attributes to what Tencent would report", () => {
    expect(inventory.members.find((m) => m.name === "billing-ops")).toMatchObject({
      memberUin: 100000000205,
      nodeId: 200005,
      remark: "Pays for the group",
      payUin: "100000000001",
      memberType: "Invite",
      isAllowQuit: false,
      tags: { team: "finance" },
      permissions: [
        { id: 1, name: "View bill" },
        { id: 2, name: "Check balance" },
        { id: 5, name: "Issue an invoice" },
        { id: 7, name: "Pay on behalf" },
        { id: 9, name: "Budget management" },
      ],
    });
    expect(inventory.members.find((m) => m.name === "legacy-ops")?.isAllowQuit).toBe(true);
  });

  it("does not know identities: the Terraform resource has none", () => {
    expect(inventory.identitiesKnown).toBe(false);
  });

  it("plans departments wired by key and members as the state holds them, all retained", () => {
    const file = organizationFileOf(planAdoption(inventory, { scope: {}, stacks: [] }));
    expect(file.departments.map((d) => [d.key, d.parent ?? d.parentNodeId])).toEqual([
      ["engineering", 100000],
      ["data", "engineering"],
      ["ml", "data"],
      ["platform", "engineering"],
      ["finance", 100000],
    ]);
    expect(file.members.find((m) => m.key === "data-lake")).toEqual({
      key: "data-lake",
      name: "data-lake",
      department: "data",
      adoptMemberUin: 100000000202,
      permissionIds: [1, 2, 4, 8],
      tags: { team: "data" },
      isAllowQuit: false,
      // force_delete_account is true in the state: not carried, the adoption never deletes
      deletionPolicy: "retain",
    });
  });

  it.each(Object.entries(TERRAFORM_TYPES))("says what becomes of every attribute a %s instance holds", (_, type) => {
    const attributes = new Set(
      state.resources.filter((r) => r.type === type).flatMap((r) => r.instances.flatMap((i) => Object.keys(i.attributes))),
    );
    const mapped = TERRAFORM_ATTRIBUTES.filter((a) => a.resource === type);
    expect([...attributes].sort()).toEqual(mapped.map((a) => a.attribute).sort());
    for (const mapping of mapped) expect(Boolean(mapping.becomes) !== Boolean(mapping.notCarried), mapping.attribute).toBe(true);
  });
});

describe("inventoryFromTerraform refuses", () => {
  const stateWith = (fields: object) => JSON.stringify({ ...JSON.parse(text), ...fields });
  it.each([
    ["text that is not JSON", "terraform {", "f.tfstate is not JSON"],
    [
      "an exported Pulumi stack",
      JSON.stringify({ version: 3, deployment: { resources: [] } }),
      "f.tfstate is an exported Pulumi stack, not a Terraform state",
    ],
    [
      "a file of another tool",
      JSON.stringify({ version: 4, resources: [] }),
      'f.tfstate is not a Terraform state (it has no "terraform_version")',
    ],
    ["a state of format version 3", stateWith({ version: 3 }), "f.tfstate is a Terraform state of format version 3; version 4 is read"],
    [
      "a state of another provider's resources",
      stateWith({
        resources: [{ mode: "managed", type: "aws_organizations_account", name: "a", instances: [{ attributes: { id: "1" } }] }],
      }),
      "f.tfstate holds no tencentcloud_organization_org_member or tencentcloud_organization_org_node resource",
    ],
    [
      "an instance it cannot read, naming its address",
      stateWith({
        resources: [
          {
            mode: "managed",
            type: TERRAFORM_TYPES.member,
            name: "x",
            module: "module.m",
            instances: [{ index_key: 0, attributes: { id: "abc", name: "x", node_id: 1, permission_ids: [1, 2] } }],
          },
        ],
      }),
      'module.m.tencentcloud_organization_org_member.x[0]: id must be the object\'s numeric id, got "abc"',
    ],
  ])("%s", (_, input, message) => {
    expect(() => inventoryFromTerraform(input, "f.tfstate")).toThrow(AdoptionError);
    expect(() => inventoryFromTerraform(input, "f.tfstate")).toThrow(message);
  });
});
