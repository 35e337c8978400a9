/**
 * A program that reads an existing member with `OrganizationMember.get` (config `memberUin`) and
 * exports which of its fields resolved, for test/e2e/get.test.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { version } from "@pulumi/pulumi/version";
import { OrganizationMember } from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  const member = OrganizationMember.get("seen", config.require("memberUin"));
  return {
    read: pulumi
      .all([member.memberUin, member.name, member.nodeId, member.permissionIds, member.tags, member.nodeName, member.memberType])
      .apply(([memberUin, name, nodeId, permissionIds, tags, nodeName, memberType]) => ({
        memberUin: memberUin ?? null,
        name: name ?? null,
        nodeId: nodeId ?? null,
        permissionIds: permissionIds ?? null,
        tags: tags ?? null,
        nodeName: nodeName ?? null,
        memberType: memberType ?? null,
      })),
    sdkVersion: version,
  };
};
