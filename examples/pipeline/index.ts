/**
 * Organization members declared in a data file, as a platform team keeps them: teams propose
 * a member by editing members.json in a pull request; CI runs `pulumi preview`, and `pulumi up`
 * after the merge. A malformed file stops the run before anything changes, with every problem
 * listed by line and member.
 *
 * Config: `membersFile` — the data file, relative to this folder. @default "members.json"
 */
import * as pulumi from "@pulumi/pulumi";
import { resolve } from "node:path";
import { OrganizationMember } from "pulumi-tencentcloud-organization";
import { loadMembersFile } from "./membersFile";

export = async () => {
  const config = new pulumi.Config();
  const declared = loadMembersFile(resolve(__dirname, config.get("membersFile") ?? "members.json"));

  const members = declared.map(
    (member) =>
      [
        member.key,
        new OrganizationMember(member.key, {
          name: member.name,
          nodeId: member.nodeId,
          permissionIds: member.permissionIds,
          ...(member.accountName !== undefined ? { accountName: member.accountName } : {}),
          ...(member.remark !== undefined ? { remark: member.remark } : {}),
          ...(member.tags !== undefined ? { tags: member.tags } : {}),
          ...(member.deletionPolicy !== undefined ? { deletionPolicy: member.deletionPolicy } : {}),
        }),
      ] as const,
  );

  return {
    members: Object.fromEntries(
      members.map(([key, m]) => [
        key,
        { memberUin: m.memberUin, name: m.name, nodeName: m.nodeName, permissionIds: m.permissionIds, tags: m.tags },
      ]),
    ),
  };
};
