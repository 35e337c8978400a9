/**
 * A department and a member with many tags, for test/e2e/tags.test.ts. Config: `tagCount` (how
 * many tags each carries, default 35) and `changedTag` (a value for tag t20, to change one).
 */
import * as pulumi from "@pulumi/pulumi";
import { getRootOrganizationNode, OrganizationMember, OrganizationNode } from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  const count = config.getNumber("tagCount") ?? 35;
  const tags: Record<string, string> = Object.fromEntries([...Array(count)].map((_, i) => [`t${String(i).padStart(2, "0")}`, `v${i}`]));
  const changed = config.get("changedTag");
  if (changed) tags.t20 = changed;
  const root = await getRootOrganizationNode();
  const department = new OrganizationNode("tagged-department", {
    name: "Tagged",
    parentNodeId: root.nodeId,
    tags,
    deletionPolicy: "delete",
  });
  const member = new OrganizationMember("tagged-member", {
    name: "tags-many",
    nodeId: department.nodeId,
    permissionIds: [1, 2],
    tags,
    deletionPolicy: "deleteAccount",
  });
  return { departmentId: department.nodeId, memberUin: member.memberUin };
};
