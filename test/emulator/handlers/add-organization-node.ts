/**
 * AddOrganizationNode: adds a department under an existing one.
 */
import { Errors } from "../errors";
import { checkCreateTags, checkNodeName, formatApiTime, toTagPairs } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** AddOrganizationNode (organization 2021-03-31). */
export const addOrganizationNode = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "AddOrganizationNode",
  params: {
    ParentNodeId: { type: "integer", required: true },
    Name: { type: "string", required: true },
    Remark: { type: "string", required: false },
    Tags: { type: "tagList", required: false },
  } as const,
  handle(p, { store, now }) {
    checkNodeName(p.Name);
    if (!store.getNode(p.ParentNodeId)) throw Errors.parentNodeNotExist(p.ParentNodeId);
    if (store.listNodes().some((n) => n.ParentNodeId === p.ParentNodeId && n.Name === p.Name)) throw Errors.nodeNameUsed(p.Name);
    const tags = toTagPairs(p.Tags ?? []);
    checkCreateTags(tags);
    const time = formatApiTime(now());
    const nodeId = store.allocateNodeId();
    store.putNode({ NodeId: nodeId, Name: p.Name, ParentNodeId: p.ParentNodeId, Remark: p.Remark ?? "", CreateTime: time, UpdateTime: time, Tags: tags });
    return { NodeId: nodeId };
  },
});
