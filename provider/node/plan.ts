/**
 * Turns a department's diff into the API calls that carry it out: only the calls the changed
 * fields need. Pure.
 */
import { changedFields } from "../kit/diff";
import { planTags, type TagPlan } from "../kit/plan";
import { diffNode } from "./diff";
import { nodeOwnerMarker } from "./ownership";
import type { NodeInputs, NodeOutputs, NodeUpdate } from "./types";

/** The calls an update needs; absent parts need no call. */
export interface NodeUpdatePlan extends TagPlan {
  /** Fields for one UpdateOrganizationNode call. */
  updateNode?: NodeUpdate;
}

/** Plans the calls that bring `current` (the state) to `desired` (checked inputs). */
export function planNodeUpdate(current: Partial<NodeOutputs>, desired: NodeInputs): NodeUpdatePlan {
  const fields: ReadonlySet<string> = changedFields(diffNode(current, desired));
  const plan: NodeUpdatePlan = {};
  const update: NodeUpdate = {};
  if (fields.has("name")) update.name = desired.name;
  if (fields.has("remark")) update.remark = desired.remark ?? "";
  if (Object.keys(update).length > 0) plan.updateNode = update;
  // The marker the department was created with (the state's), not one derived from new inputs.
  Object.assign(plan, planTags(fields, current.tags, desired.tags, nodeOwnerMarker(current)));
  return plan;
}

/** True when the plan makes no API call. */
export function isEmptyNodePlan(plan: NodeUpdatePlan): boolean {
  return !plan.updateNode && !plan.tags;
}
