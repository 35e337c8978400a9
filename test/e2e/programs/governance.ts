/**
 * Governance of a department tree, for test/e2e/policies.test.ts: both policy types enabled, a
 * service control policy on a department, a tag policy requiring a cost-center tag on the root.
 * Config: `withoutTypes` declares the policies without the OrganizationPolicyType resources (the
 * type-not-enabled refusal); `policies` (a number) adds that many more service control policies,
 * unattached (the killed `up`); `denyActions` (comma-separated) changes what deny_run_instances denies.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  getRootOrganizationNode,
  OrganizationNode,
  OrganizationPolicy,
  OrganizationPolicyAttachment,
  OrganizationPolicyType,
} from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  const root = await getRootOrganizationNode();
  const types = config.getBoolean("withoutTypes")
    ? []
    : [
        new OrganizationPolicyType("service-control", { type: "SERVICE_CONTROL_POLICY" }),
        new OrganizationPolicyType("tag-policies", { type: "TAG_POLICY" }),
      ];
  const platform = new OrganizationNode("platform", { name: "GovPlatform", parentNodeId: root.nodeId, deletionPolicy: "delete" });
  // A document as an object...
  const denyRun = new OrganizationPolicy(
    "deny-run",
    {
      name: "deny_run_instances",
      description: "no new CVM instances",
      content: {
        version: "2.0",
        statement: [{ effect: "deny", action: (config.get("denyActions") ?? "cvm:RunInstances").split(","), resource: "*" }],
      },
    },
    { dependsOn: types },
  );
  // ...or as JSON text, as it is pasted from the console.
  const costCenter = new OrganizationPolicy(
    "cost-center",
    {
      type: "TAG_POLICY",
      name: "cost_center",
      content: JSON.stringify({
        tags: {
          costcenter: {
            tag_key: { "@@assign": "costcenter" },
            tag_value: { "@@assign": ["cc-*"] },
            resource_type_scope: { "@@assign": ["cvm:instance"] },
          },
        },
      }),
    },
    { dependsOn: types },
  );
  new OrganizationPolicyAttachment("deny-run-platform", { policyId: denyRun.policyId, targetType: "NODE", targetId: platform.nodeId });
  new OrganizationPolicyAttachment("cost-center-root", {
    policyId: costCenter.policyId,
    policyType: "TAG_POLICY",
    targetType: "NODE",
    targetId: root.nodeId,
  });
  const extra = [...Array(config.getNumber("policies") ?? 0)].map(
    (_, i) =>
      new OrganizationPolicy(
        `extra-${i}`,
        { name: `extra_${i}`, content: { version: "2.0", statement: [{ effect: "deny", action: `cvm:Describe${i}*`, resource: "*" }] } },
        { dependsOn: types },
      ),
  );
  return {
    denyRunId: denyRun.policyId,
    costCenterId: costCenter.policyId,
    platformId: platform.nodeId,
    extra: extra.map((p) => p.policyId),
  };
};
