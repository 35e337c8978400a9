/**
 * The shapes of one department (organization node) across the provider boundary: what a program
 * declares (inputs), what the state keeps (outputs), and what Tencent reports (ReportedNode).
 */
import type { NewNode } from "../api/model";

export type { NodeUpdate, ReportedNode } from "../api/model";

/**
 * What deleting the resource does to the department (`pulumi destroy`, replacement).
 * `retain` drops it from the stack and leaves it in the organization; `delete` deletes it, which
 * Tencent refuses while members or sub-departments are inside.
 */
export type NodeDeletionPolicy = "retain" | "delete";

/** All deletion policies, in documentation order. `retain` is the default. */
export const NODE_DELETION_POLICIES: readonly NodeDeletionPolicy[] = ["retain", "delete"];

/** Resolved inputs of one `OrganizationNode`, after `check` normalised them. */
export interface NodeInputs extends NewNode {
  /** Department name, ≤ 40 characters; unique in the organization (Tencent's FAQ). */
  name: string;
  /** The department it sits under. No API moves a department: changing it replaces the resource. */
  parentNodeId: number;
  /** Free text; omitted means empty. */
  remark?: string;
  /** User tags (the ownership marker is never among them). */
  tags?: Record<string, string>;
  /** What `delete` does. */
  deletionPolicy: NodeDeletionPolicy;
  /** Manage this existing department instead of creating one. */
  adoptNodeId?: number;
  /** project/stack/name of the Pulumi resource; written (hashed) as a tag at creation. */
  ownerMarker?: string;
}

/** What the state keeps for one department: normalised inputs plus what the API reports. */
export interface NodeOutputs extends NodeInputs {
  /** The department id; also the resource id. */
  nodeId: number;
  createTime: string;
  updateTime: string;
  /**
   * The ownership-marker tags the department carried at the last read, so a marker missing (a
   * tagging failure at creation, or removed outside Pulumi) is noticed and written again. Absent in
   * states written before the provider recorded it: then nothing is restored.
   */
  ownerTags?: Record<string, string>;
}
