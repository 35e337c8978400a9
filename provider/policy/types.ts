/**
 * The shapes of one organization policy across the provider boundary: what a program declares
 * (inputs), what the state keeps (outputs); what Tencent reports is `ReportedPolicy` (api/model.ts).
 */
import type { PolicyType } from "../api/model";

export type { PolicyType, ReportedPolicy } from "../api/model";
export { POLICY_TYPES } from "../api/model";

/**
 * What deleting the resource does to the policy (`pulumi destroy`, replacement).
 * `delete` deletes it, which Tencent refuses while it is attached anywhere (the error names where);
 * `retain` drops it from the stack and leaves it in the organization.
 */
export type PolicyDeletionPolicy = "delete" | "retain";

/** All deletion policies, in documentation order. `delete` is the default. */
export const POLICY_DELETION_POLICIES: readonly PolicyDeletionPolicy[] = ["delete", "retain"];

/** Resolved inputs of one `OrganizationPolicy`, after `check` normalised them. */
export interface PolicyInputs {
  /** SERVICE_CONTROL_POLICY or TAG_POLICY. No API changes it: changing it replaces the policy. */
  type: PolicyType;
  /** 1–128 letters, digits, `_` and Chinese characters; unique among the policies of its type. */
  name: string;
  /** Free text; omitted means empty. The ownership marker is never part of it. */
  description?: string;
  /** The document's canonical text (policy/document.ts): equal meaning, equal text. */
  content: string;
  /** What `delete` does. */
  deletionPolicy: PolicyDeletionPolicy;
  /** Manage this existing policy (by id) instead of creating one. */
  adoptPolicyId?: number;
  /** project/stack/name of the Pulumi resource; written (hashed) into the description at creation. */
  ownerMarker?: string;
}

/** What the state keeps for one policy: normalised inputs plus what the API reports. */
export interface PolicyOutputs extends PolicyInputs {
  /** The policy id; also the resource id. */
  policyId: number;
  addTime: string;
  updateTime: string;
  /**
   * The ownership marker the description carried at the last read ("" for none), so a marker
   * removed in the console is noticed and written again. Absent in states that never read one.
   */
  ownerMarkerSeen?: string;
}
