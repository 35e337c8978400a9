/**
 * The emulator's internal records. These are what the admin interface returns; handlers map
 * them to the SDK's wire shapes (`OrgMember`, `OrgNode`, …) in `wire.ts`.
 */

/** A tag as the APIs carry it. */
export interface TagPair {
  TagKey: string;
  TagValue: string;
}

/** One member of the emulated organization, as stored. */
export interface EmulatedMember {
  memberUin: number;
  /** Member name inside the organization (unique). */
  name: string;
  /** Account name given at creation; invited members carry their own name here. */
  accountName: string;
  /** The account's Tencent Cloud nickname: AccountName at creation, Name after `IsModifyNickName: 1`. */
  nickName: string;
  /** "Create" for members created through the API, "Invite" for members added out of band. */
  memberType: "Create" | "Invite";
  nodeId: number;
  policyType: string;
  permissionIds: number[];
  remark: string;
  /** Payer UIN as a string of digits; "" when the member pays for itself. */
  payUin: string;
  isAllowQuit: "Allow" | "Denied";
  /** Access identities granted to the member (ListOrganizationIdentity ids). */
  identityIds: number[];
  /** Verified-entity relation; 0 when the member belongs to the admin's entity. */
  authRelationId: number;
  tags: TagPair[];
  /** "YYYY-MM-DD HH:mm:ss", Beijing time like the real service. */
  createTime: string;
  updateTime: string;
  /** What the account still holds, as marked on the admin interface; each blocks deleting or removing it. */
  holdings?: MemberHoldings;
  /**
   * A permission change of an invited member waiting for the member's confirmation
   * (`PermissionStatus: UnConfirmed`); confirmed on the admin interface.
   */
  pendingPermissions?: { policyType: string; permissionIds: number[] };
  /** Resources of the member's account with their tags, marked on the admin interface (ListNonCompliantResource checks them). */
  taggedResources?: TaggedResource[];
}

/** A resource in a member's account and its tags, as ListNonCompliantResource reports it. */
export interface TaggedResource {
  /** Six-segment name, `qcs::<service>:<region>:uin/<uin>:<type>/<id>`. */
  resource: string;
  /** `<service>:<type>`, matched against a tag policy's resource_type_scope (e.g. `cvm:instance`). */
  resourceType: string;
  tags: TagPair[];
}

/**
 * What a member account holds or is that Tencent refuses to delete or remove it for (set on the admin
 * interface). Each mark is one NotAllowReason field of CheckAccountDelete; `rules.ts` says which code
 * each makes DeleteAccount and DeleteOrganizationMembers answer.
 */
export interface MemberHoldings {
  /** Cloud resources: `true`, or their names as CheckAccountDelete's ExistResources lists them (DeleteAccount → UnsupportedOperation.MemberAccountExistResource). */
  resources?: boolean | string[];
  /** Delegated administrator of an organization (trusted) service, IsAssignManager (→ UnsupportedOperation.MemberExistServiceNotAllowDelete). */
  services?: boolean;
  /** Shares resources / administers a shared unit, IsShareManager (→ FailedOperation.MemberShareResource). */
  sharedResources?: boolean;
  /** Administrator of a verified entity, IsAuthManager (→ FailedOperation.OrganizationAuthManageNotAllowDelete). */
  authManager?: boolean;
  /** Has an operation-approval process set up, OperateProcess. */
  operateProcess?: boolean;
  /** Its financial permissions cannot be released, BillingPermission false. */
  billingPermissionLocked?: boolean;
  /** Identity Center permission-configuration deployments, CICRoleConfig (→ UnsupportedOperation.MemberAccountExistCICRoleConfig). */
  cicRoleConfig?: boolean;
  /** Identity Center CAM-user synchronisation, CICUserConfig (→ UnsupportedOperation.MemberAccountExistCICUserConfig). */
  cicUserConfig?: boolean;
  /** Resources whose detection failed: `true`, or their names as DetectFailedResources lists them. */
  detectFailedResources?: boolean | string[];
}

/** Organization-wide console settings. */
export interface OrganizationSettings {
  /** The console's "member deletion permission"; off → DeleteAccount answers UnsupportedOperation.DeleteAccountDisabled. */
  memberDeletionEnabled: boolean;
}

/** One department of the organization. */
export interface EmulatedNode {
  NodeId: number;
  Name: string;
  ParentNodeId: number;
  Remark: string;
  CreateTime: string;
  UpdateTime: string;
  Tags: TagPair[];
}

/** A member-creation record, as the console shows them. */
export interface CreationRecord {
  recordId: number;
  /** Member name of the request, for display. */
  name: string;
  status: "Failed" | "Succeeded";
  memberUin?: number;
  /** The (merged) CreateOrganizationMember request that produced this record, without RecordId. */
  request: Record<string, unknown>;
}

/** An access identity (ListOrganizationIdentity). */
export interface AccessIdentity {
  IdentityId: number;
  IdentityAliasName: string;
  /** Role name CAM gives the identity in member accounts. */
  IdentityRoleName: string;
  Description: string;
  /** 1 preset, 2 custom. */
  IdentityType: number;
  PolicyName: string;
  PolicyId: number;
  UpdateTime: string;
}

/** A verified-entity relation (DescribeOrganizationAuthNode). */
export interface AuthRelation {
  RelationId: number;
  AuthName: string;
  Manager: { MemberUin: number; MemberName: string };
}

/** Everything that survives a restart, as written to the data file. */
export interface OrganizationState {
  /** Format marker so an incompatible file is refused instead of misread. */
  format: "tencent-organization-emulator/1";
  adminUin: number;
  nextMemberUin: number;
  nextNodeId: number;
  nextRecordId: number;
  members: EmulatedMember[];
  nodes: EmulatedNode[];
  records: CreationRecord[];
  /** `${memberUin}/${identityId}` → time the grant was made. */
  identityGrantTimes: Record<string, string>;
  /** memberUin → DeleteAccount calls already answered "pending". */
  deregisterAttempts: Record<string, number>;
  /** Console settings; absent in data files written before it existed (defaults apply). */
  settings?: OrganizationSettings;
  /** Organization policies (SCP, tag policies); absent in data files and seed files written before them (see `policy-rules.ts`). */
  policies?: PolicyState;
}

/** The two organization policy types (CreatePolicy `Type`, ListPolicies `PolicyType`, …). */
export type PolicyType = "SERVICE_CONTROL_POLICY" | "TAG_POLICY";

/** An organization policy, as stored. */
export interface EmulatedPolicy {
  policyId: number;
  type: PolicyType;
  name: string;
  description: string;
  /** The document exactly as given (DescribePolicy returns it verbatim). */
  content: string;
  /** DescribePolicy / ListPolicies `Type`: 1 custom, 2 preset (FullQcloudAccess). */
  kind: 1 | 2;
  /** "YYYY-MM-DD HH:mm:ss", Beijing time. */
  addTime: string;
  updateTime: string;
  /** Last change, ms since epoch (DescribeEffectivePolicy's LastUpdatedTimestamp). */
  updatedAt: number;
}

/** A policy attached to a department (NODE) or a member (MEMBER). */
export interface PolicyAttachment {
  policyId: number;
  type: PolicyType;
  targetType: "NODE" | "MEMBER";
  targetId: number;
  /** "YYYY-MM-DD HH:mm:ss", Beijing time. */
  addTime: string;
  /** ms since epoch. */
  attachedAt: number;
}

/** Everything the policy actions keep. */
export interface PolicyState {
  /** Policy types enabled for the organization (EnablePolicyType / DisablePolicyType). */
  enabled: PolicyType[];
  nextPolicyId: number;
  /** Ascending by id; the preset FullQcloudAccess first. */
  policies: EmulatedPolicy[];
  /** In attachment order. */
  attachments: PolicyAttachment[];
}
