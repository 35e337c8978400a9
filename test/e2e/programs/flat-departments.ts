/**
 * Six departments side by side under the root, for the interrupted-`up` test
 * (test/e2e/nodes-interrupted.test.ts).
 */
import { getRootOrganizationNode, OrganizationNode } from "pulumi-tencentcloud-organization";

/** The departments this program declares (test/e2e/nodes-interrupted.test.ts expects the same six). */
const DEPARTMENTS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];

export = async () => {
  const root = await getRootOrganizationNode();
  const nodes = DEPARTMENTS.map(
    (key) => new OrganizationNode(key, { name: `crash-${key}`, parentNodeId: root.nodeId, deletionPolicy: "delete" }),
  );
  return { nodeIds: nodes.map((n) => n.nodeId) };
};
