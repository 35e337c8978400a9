/**
 * `diff`: what a change of inputs does to a department, decided by one table. Pure:
 * (old outputs from the state, new checked inputs) → changes, replacements, changed fields.
 * Outputs hold what Tencent reported at the last read, so comparing against them also reports drift.
 */
import { sameTags, userTags } from "../core/tags";
import type { MaybeUnknown } from "../core/unknown";
import { diffByTable, type FieldRule } from "../kit/diff";
import { nodeMarkerMissing } from "./ownership";
import type { NodeInputs, NodeOutputs } from "./types";

/**
 * How a field's change is carried out.
 * - `updateNode`: UpdateOrganizationNode, in place.
 * - `modifyTags`: Tag service ModifyResourceTags on `qcs::organization:<region>:uin/:node/<nodeId>`, in place.
 * - `stateOnly`: no call; the state records it so `delete`, which sees only the state, follows it.
 * - `replace`: no API changes it; a new department is needed.
 */
export type NodeChangeEffect = "updateNode" | "modifyTags" | "stateOnly" | "replace";

/** One row of the diff table. */
export type NodeFieldRule = FieldRule<NodeInputs, NodeOutputs, NodeChangeEffect>;

/** The diff table. */
export const NODE_DIFF_TABLE: readonly NodeFieldRule[] = [
  { field: "name", effect: "updateNode", differs: (o, n) => o.name !== n.name },
  { field: "remark", effect: "updateNode", differs: (o, n) => (o.remark ?? "") !== (n.remark ?? "") },
  { field: "tags", effect: "modifyTags", differs: (o, n) => !sameTags(userTags(o.tags), n.tags ?? {}) },
  // The ownership marker is fixed once written, but one missing (a tagging failure at creation,
  // or removed outside Pulumi) is written again: without it crash safety would end for the department.
  { field: "ownerMarker", effect: "modifyTags", differs: (o) => nodeMarkerMissing(o) },
  { field: "deletionPolicy", effect: "stateOnly", differs: (o, n) => (o.deletionPolicy ?? "retain") !== n.deletionPolicy },
  // UpdateOrganizationNode takes no parent and no API moves a department.
  { field: "parentNodeId", effect: "replace", differs: (o, n) => o.parentNodeId !== undefined && o.parentNodeId !== n.parentNodeId },
  // Adopting another department means managing another one: the old one is released first.
  { field: "adoptNodeId", effect: "replace", differs: (o, n) => n.adoptNodeId !== undefined && n.adoptNodeId !== o.nodeId },
];

/** The outcome of `diffNode`. */
export interface NodeDiff {
  changes: boolean;
  /** Fields that force a replacement. */
  replaces: string[];
  /** Every changed field, with how it is carried out. */
  changed: { field: keyof NodeInputs; effect: NodeChangeEffect }[];
  /**
   * Always false: the new department is created beside the old, so members of the stack move to
   * it before the old one is deleted (deleting first would be refused while they are inside).
   * Where names are unique in the whole organization (Tencent's FAQ), the new one needs a new name:
   * the create is then refused with a NodeNameTakenError saying so, and the old one is untouched.
   */
  deleteBeforeReplace: false;
}

/** Diffs old outputs against new inputs. A value unknown at preview counts as a change. */
export function diffNode(olds: Partial<NodeOutputs>, news: MaybeUnknown<NodeInputs>): NodeDiff {
  return { ...diffByTable(NODE_DIFF_TABLE, olds, news), deleteBeforeReplace: false };
}
