/**
 * UpdateOrganizationNode: renames a department or changes its remark (no API moves one).
 */
import { Errors } from "../errors";
import { checkNodeName, checkNodeNameFree, formatApiTime } from "../rules";
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
  handle(p, { store, now, limits }) {
    const node = store.getNode(p.NodeId);
    if (!node) throw Errors.nodeNotExist(p.NodeId);
    if (p.Name !== undefined) {
      checkNodeName(p.Name);
      checkNodeNameFree(store, p.Name, node.ParentNodeId, limits.departmentNameScope, node.NodeId);
      node.Name = p.Name;
    }
    if (p.Remark !== undefined) node.Remark = p.Remark;
    node.UpdateTime = formatApiTime(now());
    store.putNode(node);
    return {};
  },
});
