/**
 * The provider's own words for what Tencent reports and what it is asked to change: the vocabulary
 * of api/. Resource folders import these types; nothing here imports a resource folder. wire.ts
 * maps them to and from Tencent's field names.
 */
import type { Tags } from "../core/tags";

/** What happens to a member account when its resource is deleted (`pulumi destroy`, replacement). */
export type DeletionPolicy = "retain" | "removeFromOrganization" | "deleteAccount";

/** All member deletion policies, in documentation order. `retain` is the default. */
export const DELETION_POLICIES: readonly DeletionPolicy[] = ["retain", "removeFromOrganization", "deleteAccount"];

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

/** What Tencent reports about one member (DescribeOrganizationMembers), in the provider's terms. */
export interface ReportedMember {
  memberUin: number;
  name: string;
  /** The account's nickname (NickName): its account name at creation, the member name after a synced rename. Empty when not reported. */
  nickName: string;
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
  tags: Tags;
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

/** What CreateOrganizationMember is asked to create (the user tags; the marker is passed beside them). */
export interface NewMember {
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
  /** User tags (the ownership marker is never among them). */
  tags?: Tags;
}

/** The fields one UpdateOrganizationMember call changes; absent fields are left as they are. */
export interface MemberUpdate {
  name?: string;
  remark?: string;
  /** Sent together with `permissionIds`: the API takes them only together. */
  policyType?: NewMember["policyType"];
  permissionIds?: number[];
  isAllowQuit?: boolean;
  payUin?: string;
  /** Copy the member's name to the account's nickname (IsModifyNickName: 1): the one way to rename an account in place. */
  copyNameToNickname?: boolean;
}

/** What DescribeOrganizationNodes reports about one department, in the provider's terms. */
export interface ReportedNode {
  nodeId: number;
  name: string;
  /** 0 for the root department. */
  parentNodeId: number;
  /** Empty when none. */
  remark: string;
  /** Every tag, the ownership marker included. */
  tags: Tags;
  createTime: string;
  updateTime: string;
  /** The RequestId of the answer that reported it, for logs. */
  requestId?: string;
}

/**
 * CheckAccountDelete's answer: whether Tencent would delete a member's account now, and every
 * reason it would not.
 */
export interface AccountDeletionCheck {
  allowed: boolean;
  /** The member joined by invitation: the organization cannot delete its account. */
  invited: boolean;
  /** The organization's member-deletion permission is off. */
  deletionPermissionOff: boolean;
  /** The account is a delegated administrator of a trusted service. */
  delegatedAdministrator: boolean;
  /** The account manages a verified entity of the organization. */
  entityAdministrator: boolean;
  /** The account administers shared resources. */
  shareAdministrator: boolean;
  /** The member has an operation approval process. */
  approvalProcess: boolean;
  /** Its financial permissions cannot be released. */
  billingPermissionLocked: boolean;
  /** Resources still in the account. */
  resources: string[];
  /** Resources Tencent failed to check. */
  undetectedResources: string[];
  /** Identity Center permission configurations are deployed to the account. */
  identityCenterRoles: boolean;
  /** Identity Center users are synchronised to the account. */
  identityCenterUsers: boolean;
  requestId?: string;
}

/** What AddOrganizationNode is asked to create (the user tags; the marker is passed beside them). */
export interface NewNode {
  parentNodeId: number;
  name: string;
  remark?: string;
  tags?: Tags;
}

/** The fields one UpdateOrganizationNode call changes; absent fields are left as they are. */
export interface NodeUpdate {
  name?: string;
  remark?: string;
}

/** What is inside a department, for the message of a refused deletion. */
export interface NodeContents {
  /** Members in it (Tencent's count; names of the first page). */
  memberCount: number;
  memberNames: string[];
  /** Departments directly under it. */
  children: ReportedNode[];
}

// ---------------------------------------------------------------- organization policies

/** The two kinds of organization policy (Tencent's spelling, as CreatePolicy's `Type` takes it). */
export type PolicyType = "SERVICE_CONTROL_POLICY" | "TAG_POLICY";

/** Both policy types, in documentation order. */
export const POLICY_TYPES: readonly PolicyType[] = ["SERVICE_CONTROL_POLICY", "TAG_POLICY"];

/** What Tencent reports about one policy (DescribePolicy), in the provider's terms. */
export interface ReportedPolicy {
  policyId: number;
  type: PolicyType;
  name: string;
  /** As stored, the ownership marker included; empty when none. */
  description: string;
  /** The document as Tencent returns it (PolicyDocument), not yet canonical. */
  content: string;
  /** A preset policy (FullQcloudAccess): Tencent's, never changed or deleted by a stack. */
  preset: boolean;
  addTime: string;
  updateTime: string;
  requestId?: string;
}

/** A policy as ListPolicies reports it: no document. */
export type ListedPolicy = Omit<ReportedPolicy, "content" | "requestId"> & { attachedTimes: number };

/** What CreatePolicy is given. */
export interface NewPolicy {
  type: PolicyType;
  name: string;
  /** As stored, the ownership marker included. */
  description: string;
  content: string;
}

/** What UpdatePolicy changes; absent fields are left as they are. */
export interface PolicyUpdate {
  name?: string;
  description?: string;
  content?: string;
}

/** What a policy is attached to: a department (the root included) or a member. */
export type TargetType = "NODE" | "MEMBER";

/** Both target types. */
export const TARGET_TYPES: readonly TargetType[] = ["NODE", "MEMBER"];

/** One target of a policy (ListTargetsForPolicy). */
export interface PolicyTarget {
  targetType: TargetType;
  targetId: number;
  /** The department's or member's name. */
  name: string;
  addTime: string;
}

/** The organization as DescribeOrganization reports it: what the policy-type actions need. */
export interface OrganizationFacts {
  organizationId: number;
  rootNodeId: number;
}

/** DescribeEffectivePolicy: what Tencent computes for a target from every attachment above it. */
export interface ReportedEffectivePolicy {
  targetId: number;
  /** The merged document as Tencent returns it. */
  content: string;
  /** Unix seconds of the last change. */
  lastUpdatedTimestamp: number;
}

/** One resource a tag policy finds non-compliant (ListNonCompliantResource). */
export interface NonCompliantResource {
  /** Six-segment resource name (`qcs::cvm:ap-guangzhou:uin/…:instance/…`). */
  resource: string;
  compliant: boolean;
  /** Keys the policy requires that the resource lacks. */
  nonCompliantKeys: string[];
  /** Keys whose value the policy does not allow. */
  keysWithNonCompliantValues: string[];
  tags: Tags;
}
