/**
 * A small department tree of a Tencent Cloud Organization and three member accounts placed in it,
 * each with its financial permissions and tags, governed by two policies: a service control policy
 * that stops the sandbox accounts from starting CVM instances, and a tag policy that requires a
 * cost-center tag on the instances of product accounts.
 *
 * Runs against the local emulator by default (see README.md); set real credentials and unset
 * TENCENTCLOUD_ENDPOINT_URL to run it against Tencent Cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  getRootOrganizationNode,
  OrganizationMember,
  OrganizationNode,
  OrganizationPolicy,
  OrganizationPolicyAttachment,
  OrganizationPolicyType,
} from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  // Member names are unique within an organization, department names among their siblings: a
  // prefix lets several stacks share one organization.
  const prefix = config.get("namePrefix") ?? "";
  // Every tree starts at the organization's root department, looked up once per run.
  const root = await getRootOrganizationNode();

  const departments = {
    product: new OrganizationNode("product", {
      name: `${prefix}Product`,
      parentNodeId: root.nodeId,
      remark: "product engineering",
      tags: { team: "product" },
    }),
    finance: new OrganizationNode("finance-ops", {
      name: `${prefix}FinanceOps`,
      parentNodeId: root.nodeId,
      tags: { team: "finance" },
    }),
    sandboxes: new OrganizationNode("sandboxes", {
      name: `${prefix}Sandboxes`,
      parentNodeId: root.nodeId,
      remark: "throwaway accounts",
      // Emptied by destroy (its only member's account is deleted), so it can go too.
      deletionPolicy: "delete",
    }),
  };
  // A sub-department: its parent is another department's output, so the engine creates Product first.
  const platform = new OrganizationNode("platform", {
    name: `${prefix}Platform`,
    parentNodeId: departments.product.nodeId,
    tags: { team: "platform" },
  });

  const members = {
    platformCi: new OrganizationMember("platform-ci", {
      name: `${prefix}platform-ci`,
      nodeId: platform.nodeId,
      // 1 view bills and 2 view balance are mandatory; 8 cost explorer.
      permissionIds: [1, 2, 8],
      remark: "CI and deployment account",
      tags: { team: "platform", env: "prod" },
    }),
    financeReporting: new OrganizationMember("finance-reporting", {
      name: `${prefix}finance-reporting`,
      nodeId: departments.finance.nodeId,
      // 5 invoice, 8 cost explorer, 9 budget management.
      permissionIds: [1, 2, 5, 8, 9],
      tags: { team: "finance", "cost-center": "cc-1001" },
    }),
    sandbox: new OrganizationMember("sandbox-alice", {
      name: `${prefix}sandbox-alice`,
      nodeId: departments.sandboxes.nodeId,
      permissionIds: [1, 2],
      tags: { owner: "alice", env: "sandbox" },
      // A throwaway account: `pulumi destroy` deletes it. The others are kept (the default, "retain").
      deletionPolicy: "deleteAccount",
    }),
  };

  // Governance. Both policy types are enabled for the organization; `pulumi destroy` leaves them
  // enabled (the default deletionPolicy "retain"), since disabling one detaches it from every member.
  const types = {
    serviceControl: new OrganizationPolicyType("service-control", { type: "SERVICE_CONTROL_POLICY" }),
    tag: new OrganizationPolicyType("tag-policies", { type: "TAG_POLICY" }),
  };
  // Policy names allow letters, digits and _ only.
  const policyPrefix = prefix.replace(/[^A-Za-z0-9_]/g, "_");
  const policies = {
    sandboxNoCvm: new OrganizationPolicy(
      "sandbox-no-cvm",
      {
        name: `${policyPrefix}sandbox_no_cvm`,
        description: "Sandbox accounts may not start CVM instances.",
        // An object (or the JSON text from the console): compared by meaning, never by formatting.
        content: { version: "2.0", statement: [{ effect: "deny", action: ["cvm:RunInstances"], resource: "*" }] },
      },
      { dependsOn: [types.serviceControl] },
    ),
    costCenter: new OrganizationPolicy(
      "require-cost-center",
      {
        type: "TAG_POLICY",
        name: `${policyPrefix}require_cost_center`,
        description: "CVM instances carry a cost-center tag cc-<number>.",
        content: {
          tags: {
            "cost-center": {
              tag_key: { "@@assign": "cost-center" },
              tag_value: { "@@assign": ["cc-*"] },
              resource_type_scope: { "@@assign": ["cvm:instance"] },
            },
          },
        },
      },
      { dependsOn: [types.tag] },
    ),
  };
  // Attached to departments: every account below them is governed, members added later included.
  const attachments = {
    sandboxNoCvm: new OrganizationPolicyAttachment("sandbox-no-cvm", {
      policyId: policies.sandboxNoCvm.policyId,
      targetType: "NODE",
      targetId: departments.sandboxes.nodeId,
    }),
    costCenter: new OrganizationPolicyAttachment("require-cost-center-product", {
      policyId: policies.costCenter.policyId,
      policyType: "TAG_POLICY",
      targetType: "NODE",
      targetId: departments.product.nodeId,
    }),
  };

  return {
    rootNode: { nodeId: root.nodeId, name: root.name },
    policies: Object.fromEntries(
      Object.entries(policies).map(([key, policy]) => [
        key,
        {
          policyId: policy.policyId,
          name: policy.name,
          type: policy.type,
          targetId: attachments[key as keyof typeof attachments].targetId,
        },
      ]),
    ),
    departments: Object.fromEntries(
      Object.entries({ ...departments, platform }).map(([key, node]) => [
        key,
        { nodeId: node.nodeId, name: node.name, parentNodeId: node.parentNodeId, tags: node.tags },
      ]),
    ),
    members: Object.fromEntries(
      Object.entries(members).map(([key, member]) => [
        key,
        {
          memberUin: member.memberUin,
          name: member.name,
          nodeId: member.nodeId,
          nodeName: member.nodeName,
          permissionIds: member.permissionIds,
          tags: member.tags,
        },
      ]),
    ),
  };
};
