/**
 * AddOrganizationNode: adds a department under an existing one.
 */
import { Errors } from "../errors";
import { checkCreateTags, checkNodeDepth, checkNodeName, checkNodeNameFree, formatApiTime, tagQuotaBreak, toTagPairs } from "../rules";
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
  handle(p, { store, now, limits, takeCreationFault }) {
    checkNodeName(p.Name);
    if (!store.getNode(p.ParentNodeId)) throw Errors.nodeNotFound(p.ParentNodeId);
    checkNodeNameFree(store, p.Name, p.ParentNodeId, limits.departmentNameScope);
    const tags = toTagPairs(p.Tags ?? []);
    checkCreateTags(tags);
    checkNodeDepth(store, p.ParentNodeId, limits.nodeDepthLimit);
    if (store.nodeView().length >= limits.nodeLimit) throw Errors.nodeExceedLimit(limits.nodeLimit);
    const time = formatApiTime(now());
    const nodeId = store.allocateNodeId();
    // As for members: tagging is a second step, and its failure leaves the department without tags.
    const tagFailure =
      takeCreationFault() === "tagResourcesError"
        ? "injected fault"
        : tagQuotaBreak(store, tags, limits)
          ? "a tag quota is reached"
          : undefined;
    store.putNode({
      NodeId: nodeId,
      Name: p.Name,
      ParentNodeId: p.ParentNodeId,
      Remark: p.Remark ?? "",
      CreateTime: time,
      UpdateTime: time,
      Tags: tagFailure === undefined ? tags : [],
    });
    if (tagFailure !== undefined) throw Errors.tagResourcesError(`department ${nodeId} was created without its tags (${tagFailure})`);
    return { NodeId: nodeId };
  },
});
