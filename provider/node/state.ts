/**
 * Maps what Tencent reports about a department to the state Pulumi keeps, and back to the inputs
 * a refresh records. Pure.
 */
import { pickDefined } from "../kit/state";
import { ownerTags, userTags } from "../core/tags";
import { nodeMarkerMissing } from "./ownership";
import type { NodeInputs, NodeOutputs, ReportedNode } from "./types";

/** Optional inputs the API never reports: the state keeps them as declared. */
const UNREPORTED_OPTIONAL_FIELDS = ["adoptNodeId", "ownerMarker"] as const;

/**
 * Outputs for `node`, keeping from `declared` what the API does not report (deletionPolicy,
 * adoption, ownership). Absent values are omitted, never `undefined`, which the engine cannot encode.
 */
export function toNodeOutputs(node: ReportedNode, declared: Partial<NodeInputs>): NodeOutputs {
  const outputs: NodeOutputs = {
    nodeId: node.nodeId,
    name: node.name,
    parentNodeId: node.parentNodeId,
    tags: userTags(node.tags),
    deletionPolicy: declared.deletionPolicy ?? "retain",
    createTime: node.createTime,
    updateTime: node.updateTime,
    ownerTags: ownerTags(node.tags),
  };
  if (node.remark) outputs.remark = node.remark;
  return { ...outputs, ...pickDefined(declared, UNREPORTED_OPTIONAL_FIELDS) };
}

/** The input-only fields, as declared, to carry into the state when nothing was read. */
export function unreportedNodeInputs(inputs: NodeInputs): Partial<NodeOutputs> {
  return { deletionPolicy: inputs.deletionPolicy, ...pickDefined(inputs, UNREPORTED_OPTIONAL_FIELDS) };
}

/** The inputs a refresh records: the declared fields with the values Tencent reports now. */
export function toRefreshedNodeInputs(outputs: NodeOutputs): Partial<NodeInputs> {
  const inputs: Partial<NodeInputs> = { name: outputs.name, parentNodeId: outputs.parentNodeId, deletionPolicy: outputs.deletionPolicy };
  // No tags is recorded as no input, as a program without `tags` declares it.
  if (Object.keys(outputs.tags ?? {}).length > 0) inputs.tags = outputs.tags;
  Object.assign(inputs, pickDefined(outputs, ["remark", ...UNREPORTED_OPTIONAL_FIELDS]));
  // A department that lost its ownership marker is recorded without it, so the preview shows the
  // marker being written again (`+ ownerMarker`), as for members.
  if (nodeMarkerMissing(outputs)) delete inputs.ownerMarker;
  return inputs;
}
