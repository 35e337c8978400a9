/**
 * The shapes of one policy attachment (a policy on a department or a member) across the provider
 * boundary. An attachment is a relation, not an object: its id is made of what it relates.
 */
import type { PolicyType, TargetType } from "../api/model";

export type { PolicyType, TargetType } from "../api/model";

/**
 * What deleting the resource does: `detach` detaches the policy (nothing to do when it is already
 * detached); `retain` leaves it attached and only drops it from the stack.
 */
export type AttachmentDeletionPolicy = "detach" | "retain";

/** All deletion policies, in documentation order. `detach` is the default. */
export const ATTACHMENT_DELETION_POLICIES: readonly AttachmentDeletionPolicy[] = ["detach", "retain"];

/** Resolved inputs of one `OrganizationPolicyAttachment`. Changing any but `deletionPolicy` replaces it. */
export interface AttachmentInputs {
  policyId: number;
  /** The policy's type (Attach/DetachPolicy need it). */
  policyType: PolicyType;
  /** `NODE` (a department, the root included) or `MEMBER`. */
  targetType: TargetType;
  /** The department's id or the member's UIN. */
  targetId: number;
  deletionPolicy: AttachmentDeletionPolicy;
}

/** What the state keeps: the inputs (Tencent reports nothing else an attachment needs). */
export type AttachmentOutputs = AttachmentInputs;

/** The resource id: Terraform's import id for `tencentcloud_organization_org_manage_policy_target`, so ids carry over. */
export function attachmentId(a: Pick<AttachmentInputs, "policyId" | "policyType" | "targetType" | "targetId">): string {
  return `${a.policyType}#${a.policyId}#${a.targetType}#${a.targetId}`;
}

/** The parts of an attachment id; undefined when it is not one. */
export function parseAttachmentId(id: string): Pick<AttachmentInputs, "policyId" | "policyType" | "targetType" | "targetId"> | undefined {
  // Ids as check accepts them: at most 16 digits, and a safe integer (never rounded).
  const match = /^(SERVICE_CONTROL_POLICY|TAG_POLICY)#([1-9][0-9]{0,15})#(NODE|MEMBER)#([1-9][0-9]{0,15})$/.exec(id);
  if (!match || !Number.isSafeInteger(Number(match[2])) || !Number.isSafeInteger(Number(match[4]))) return undefined;
  return {
    policyType: match[1] as PolicyType,
    policyId: Number(match[2]),
    targetType: match[3] as TargetType,
    targetId: Number(match[4]),
  };
}
