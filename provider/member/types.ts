/**
 * The shapes that cross the provider boundary: what a Pulumi program declares (inputs),
 * what the provider keeps in the state (outputs), and the plain values Pulumi hands to
 * `check`, `diff`, `create`, `read`, `update` and `delete` (already resolved, no `Input<T>`).
 */
import type { DeletionPolicy, MemberIdentity, MemberPermission, NewMember } from "../api/model";

export {
  DELETION_POLICIES,
  type DeletionPolicy,
  type MemberIdentity,
  type MemberPermission,
  type MemberUpdate,
  type ReportedMember,
} from "../api/model";

/** Resolved inputs of one `OrganizationMember`, after `check` normalised them: what the member is created with (NewMember, api/model.ts) and what only the provider uses. */
export interface MemberInputs extends NewMember {
  /** Whether the member may leave the organization by itself. */
  isAllowQuit?: boolean;
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

/** What the provider stores in the state for one member: normalised inputs plus what the API reports. */
export interface MemberOutputs extends MemberInputs {
  /** The member's UIN; also the resource id. */
  memberUin: number;
  /** The account's nickname as Tencent reports it (absent in states from before it was read). */
  nickName?: string;
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
