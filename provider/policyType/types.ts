/**
 * One policy type enabled for the organization, as a resource. Its id is the type itself: an
 * organization enables each type once.
 */
import type { PolicyType } from "../api/model";

export type { PolicyType } from "../api/model";

/**
 * What deleting the resource does: `retain` (the default) leaves the type enabled and only drops it
 * from the stack, because disabling detaches governance from every member; `disable` disables it.
 */
export type PolicyTypeDeletionPolicy = "retain" | "disable";

/** All deletion policies, in documentation order. `retain` is the default. */
export const POLICY_TYPE_DELETION_POLICIES: readonly PolicyTypeDeletionPolicy[] = ["retain", "disable"];

/** Resolved inputs of one `OrganizationPolicyType`. */
export interface PolicyTypeInputs {
  type: PolicyType;
  deletionPolicy: PolicyTypeDeletionPolicy;
}

/** What the state keeps. */
export interface PolicyTypeOutputs extends PolicyTypeInputs {
  /** The organization it is enabled for (DescribeOrganization `OrgId`). */
  organizationId: number;
}
