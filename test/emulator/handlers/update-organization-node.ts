/**
 * UpdateOrganizationNode: renames a department or changes its remark (no API moves one).
 */
import { Errors } from "../errors";
import { checkNodeName, formatApiTime } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** UpdateOrganizationNode (organization 2021-03-31). */
export const updateOrganizationNode = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "UpdateOrganizationNode",
  params: {
    NodeId: { type: "integer", required: true },
    Name: { type: "string", required: false },
    Remark: { type: "string", required: false },
  } as const,
  handle(p, { store, now }) {
    const node = store.getNode(p.NodeId);
    if (!node) throw Errors.nodeNotExist(p.NodeId);
    if (p.Name !== undefined) {
      checkNodeName(p.Name);
      const sibling = store.nodeView().find((n) => n.ParentNodeId === node.ParentNodeId && n.Name === p.Name && n.NodeId !== node.NodeId);
      if (sibling) throw Errors.nodeNameUsed(p.Name);
      node.Name = p.Name;
    }
    if (p.Remark !== undefined) node.Remark = p.Remark;
    node.UpdateTime = formatApiTime(now());
    store.putNode(node);
    return {};
  },
});
