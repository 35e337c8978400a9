/**
 * The shapes that cross the provider boundary: what a Pulumi program declares (inputs),
 * what the provider keeps in the state (outputs), and the plain values Pulumi hands to
 * `check`, `diff`, `create`, `read`, `update` and `delete` (already resolved, no `Input<T>`).
 */

/** What happens to the member account when the resource is deleted (`pulumi destroy`, replacement). */
export type DeletionPolicy = "retain" | "removeFromOrganization" | "deleteAccount";

/** All deletion policies, in documentation order. `retain` is the default. */
export const DELETION_POLICIES: readonly DeletionPolicy[] = ["retain", "removeFromOrganization", "deleteAccount"];

/** Resolved inputs of one `OrganizationMember`, after `check` normalised them. */
export interface MemberInputs {
  /** Member name shown in the organization (≤ 25 characters). */
  name: string;
  /** Account name of a created member; defaults to `name`. Cannot change after creation. */
  accountName: string;
  /** Relationship policy; the API knows only `Financial`. */
  policyType: "Financial";
  /** Financial permissions, sorted and de-duplicated; 1 and 2 are mandatory. */
  permissionIds: number[];
  /** Department node the member belongs to. */
  nodeId: number;
  /** Free text, ≤ 40 characters (the update API's limit). */
  remark?: string;
  /** Creation record to resume after `FailedOperation.CreateAccount`; ignored after creation. */
  recordId?: number;
  /** UIN of the account that pays for this member (needs permission 7). */
  payUin?: string;
  /** Member access identities, sorted and de-duplicated. */
  identityRoleIds?: number[];
  /** Verified-entity relation for members under another legal entity. Cannot change after creation. */
  authRelationId?: number;
  /** Whether the member may leave the organization by itself. */
  isAllowQuit?: boolean;
  /** User tags (the ownership marker is never among them). */
  tags?: Record<string, string>;
  /** What `delete` does; never changes the account by itself. */
  deletionPolicy: DeletionPolicy;
  /** Adopt this existing member instead of creating one. */
  adoptMemberUin?: number;
  /**
   * Identifies the Pulumi resource (project/stack/name) that created the member; written as a
   * tag at creation so a re-run after a crash can recognise its own member and nobody else's.
   */
  ownerMarker?: string;
}

/** A permission as the API reports it. */
export interface MemberPermission {
  id: number;
  name: string;
}

/** An access identity as the API reports it. */
export interface MemberIdentity {
  identityId: number;
  identityAliasName: string;
}

/** What the provider stores in the state for one member: normalised inputs plus what the API reports. */
export interface MemberOutputs extends MemberInputs {
  /** The member's UIN; also the resource id. */
  memberUin: number;
  nodeName: string;
  memberType: string;
  orgPolicyName: string;
  orgPermissions: MemberPermission[];
  payName: string;
  bindStatus: string;
  permissionStatus: string;
  /**
   * The permissions this provider asked for that the (invited) member has not confirmed yet
   * (`permissionStatus` UnConfirmed). Tencent keeps reporting the old ones in `permissionIds`
   * until the member confirms; absent when nothing waits.
   */
  pendingPermissionIds?: number[];
  identities: MemberIdentity[];
  createTime: string;
  updateTime: string;
  /**
   * The ownership-marker tags the member carried at the last read (keys `pulumi:owner…`), so a
   * marker removed outside Pulumi is noticed and written again. Absent in states written before the provider recorded it: then nothing is restored.
   */
  ownerTags?: Record<string, string>;
}

/** What Tencent reports about one member, in the provider's terms (api/wire.ts maps Tencent's shape to it). */
export interface ReportedMember {
  memberUin: number;
  name: string;
  nodeId: number;
  nodeName: string;
  /** Empty when none. */
  remark: string;
  /** Empty when none. */
  payUin: string;
  payName: string;
  memberType: string;
  orgPolicyName: string;
  permissions: MemberPermission[];
  identities: MemberIdentity[];
  /** Every tag, the ownership marker included. */
  tags: Record<string, string>;
  isAllowQuit: boolean;
  bindStatus: string;
  permissionStatus: string;
  /** An invited member has a permission change it has not confirmed (Tencent reports the old permissions meanwhile). */
  permissionChangePending: boolean;
  createTime: string;
  updateTime: string;
  /** The RequestId of the answer that reported the member, for logs. */
  requestId?: string;
}

/** The fields one UpdateOrganizationMember call changes; absent fields are left as they are. */
export interface MemberUpdate {
  name?: string;
  remark?: string;
  /** Sent together with `permissionIds`: the API takes them only together. */
  policyType?: MemberInputs["policyType"];
  permissionIds?: number[];
  isAllowQuit?: boolean;
  payUin?: string;
}
