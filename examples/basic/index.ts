/**
 * Three member accounts of a Tencent Cloud Organization, each in its department, with its
 * financial permissions and tags.
 *
 * Runs against the local emulator by default (see README.md); set real credentials and unset
 * TENCENTCLOUD_ENDPOINT_URL to run it against Tencent Cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import { OrganizationMember } from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  // Member names are unique within an organization: a prefix lets several stacks share one.
  const prefix = config.get("namePrefix") ?? "";
  // Department (organization node) ids. The defaults are the emulator's seed departments;
  // on Tencent Cloud, take yours from the console or DescribeOrganizationNodes.
  const departments = {
    engineering: config.getNumber("engineeringNodeId") ?? 100001,
    finance: config.getNumber("financeNodeId") ?? 100002,
    sandbox: config.getNumber("sandboxNodeId") ?? 100003,
  };

  const members = {
    platformCi: new OrganizationMember("platform-ci", {
      name: `${prefix}platform-ci`,
      nodeId: departments.engineering,
      // 1 view bills and 2 view balance are mandatory; 8 cost explorer.
      permissionIds: [1, 2, 8],
      remark: "CI and deployment account",
      tags: { team: "platform", env: "prod" },
    }),
    financeReporting: new OrganizationMember("finance-reporting", {
      name: `${prefix}finance-reporting`,
      nodeId: departments.finance,
      // 5 invoice, 8 cost explorer, 9 budget management.
      permissionIds: [1, 2, 5, 8, 9],
      tags: { team: "finance", "cost-center": "cc-1001" },
    }),
    sandbox: new OrganizationMember("sandbox-alice", {
      name: `${prefix}sandbox-alice`,
      nodeId: departments.sandbox,
      permissionIds: [1, 2],
      tags: { owner: "alice", env: "sandbox" },
      // A throwaway account: `pulumi destroy` deletes it. The others are kept (the default, "retain").
      deletionPolicy: "deleteAccount",
    }),
  };

  return {
    members: Object.fromEntries(
      Object.entries(members).map(([key, member]) => [
        key,
        {
          memberUin: member.memberUin,
          name: member.name,
          nodeName: member.nodeName,
          permissionIds: member.permissionIds,
          tags: member.tags,
        },
      ]),
    ),
  };
};
