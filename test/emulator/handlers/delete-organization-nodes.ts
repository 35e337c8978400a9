/**
 * DeleteOrganizationNodes: deletes empty departments (no members, no sub-departments).
 */
import { Errors } from "../errors";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** Departments one call may delete. Tencent documents the code (OrganizationNodeDeleteOverLimit), not the number: a guess. */
export const MAX_NODES_PER_DELETE = 10;

/** DeleteOrganizationNodes (organization 2021-03-31). */
export const deleteOrganizationNodes = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DeleteOrganizationNodes",
  params: {
    NodeId: { type: "integerList", required: true },
  } as const,
  handle(p, { store }) {
    if (p.NodeId.length === 0) throw Errors.invalidParameterValue("NodeId", "at least one department is required");
    if (p.NodeId.length > MAX_NODES_PER_DELETE) throw Errors.nodeDeleteOverLimit(MAX_NODES_PER_DELETE);
    const deleting = new Set(p.NodeId);
    // All or nothing: check every department before deleting any.
    for (const nodeId of deleting) {
      const node = store.getNode(nodeId);
      // No node-not-found code is documented for this action: the generic InvalidParameter (a guess).
      if (!node) throw Errors.invalidParameter(`The department ${nodeId} does not exist.`);
      if (node.ParentNodeId === 0) throw Errors.invalidParameter(`The root department ${nodeId} cannot be deleted.`);
      if (store.memberCountInNode(nodeId) > 0) throw Errors.nodeNotEmpty(nodeId);
      // Children deleted in the same call still count: Tencent's order of deletion is not documented.
      if (store.nodeView().some((n) => n.ParentNodeId === nodeId)) throw Errors.organizationNodeNotEmpty(nodeId);
    }
    for (const nodeId of deleting) store.removeNode(nodeId);
    return {};
  },
});
