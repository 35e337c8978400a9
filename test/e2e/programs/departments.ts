/**
 * A department tree with a member placed in it, for test/e2e/nodes.test.ts. Config:
 * `platformParent` ("product" | "root") moves Platform (a replacement); `adoptSandbox` adopts the
 * seed department Sandbox, and `sandboxParent` (a department id) tries to move it.
 */
import * as pulumi from "@pulumi/pulumi";
import { getRootOrganizationNode, OrganizationMember, OrganizationNode } from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  const root = await getRootOrganizationNode();
  const product = new OrganizationNode("product", {
    name: "Product",
    parentNodeId: root.nodeId,
    remark: "product engineering",
    tags: { team: "product" },
    deletionPolicy: "delete",
  });
  const platform = new OrganizationNode("platform", {
    name: "Platform",
    parentNodeId: config.get("platformParent") === "root" ? root.nodeId : product.nodeId,
    tags: { team: "platform", env: "prod" },
    deletionPolicy: "delete",
  });
  const scratch = new OrganizationNode("scratch", { name: "Scratch", parentNodeId: root.nodeId, remark: "kept on destroy" });
  // The member's department is an output: the engine creates Platform first.
  const ci = new OrganizationMember("ci", {
    name: "nodes-ci",
    nodeId: platform.nodeId,
    permissionIds: [1, 2],
    deletionPolicy: "deleteAccount",
  });
  const sandbox = config.getBoolean("adoptSandbox")
    ? new OrganizationNode("sandbox", {
        name: "Sandbox",
        parentNodeId: config.getNumber("sandboxParent") ?? root.nodeId,
        adoptNodeId: 100003,
      })
    : undefined;
  return {
    rootNodeId: root.nodeId,
    nodes: { product: product.nodeId, platform: platform.nodeId, scratch: scratch.nodeId, ...(sandbox ? { sandbox: sandbox.nodeId } : {}) },
    ciNodeId: ci.nodeId,
  };
};
