/**
 * A program that reads existing departments without managing them, for test/e2e/nodes-get.test.ts:
 * `OrganizationNode.get` (config `nodeId`), and the look-ups by path and the root.
 */
import * as pulumi from "@pulumi/pulumi";
import { getOrganizationNode, getRootOrganizationNode, OrganizationNode } from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  const seen = OrganizationNode.get("seen", config.require("nodeId"));
  const byPath = await getOrganizationNode({ path: config.require("path") });
  const root = await getRootOrganizationNode();
  return {
    read: pulumi
      .all([seen.nodeId, seen.name, seen.parentNodeId, seen.remark, seen.tags])
      .apply(([nodeId, name, parentNodeId, remark, tags]) => ({
        nodeId: nodeId ?? null,
        name: name ?? null,
        parentNodeId: parentNodeId ?? null,
        remark: remark ?? null,
        tags: tags ?? null,
      })),
    byPath: byPath?.nodeId ?? null,
    root: root.nodeId,
  };
};
