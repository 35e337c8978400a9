/**
 * Every Tencent Cloud error code the provider reacts to, once: what it means to the provider,
 * what the user should do, and which actions Tencent documents it for (and where). Retry
 * decisions, the lifecycle's special cases and the hints shown with errors all read this table,
 * like the service-error-classification constants of the AWS SDK.
 *
 * Rule: react to a code only for an action Tencent documents it for. Where Tencent documents no
 * code for an outcome (DeleteOrganizationMembers has no "not a member" code), the provider looks
 * the member up instead of guessing one.
 *
 * Sources, abbreviated below:
 * - COMMON: Tencent Cloud API 3.0 "Common Error Codes" page (valid for every action).
 * - GO_SDK: tencentcloud-sdk-go, `tencentcloud/organization/v20210331/client.go` (the error list in
 *   each action's comment) and `errors.go` (each code's meaning).
 */
import { type CamService, deniedAction, unauthorizedHint } from "./permissions";

/** What the provider does when Tencent answers a code. */
export type CodeReaction =
  /** Refused before running: always retried after a wait, even a create. */
  | "throttled"
  /** Failed inside Tencent; the call may have run: retried when repeating is harmless, a create looks first. */
  | "transient"
  /** CreateOrganizationMember/UpdateOrganizationMember: the name is taken; a create checks whether it took it itself. */
  | "nameUsed"
  /** CreateOrganizationMember stopped part-way; resumable with the creation record. */
  | "createAccountFailed"
  /** CreateOrganizationMember could not tag the new member: the member, if it now exists, is this call's. */
  | "createdWithoutTags"
  /** The `recordId` already produced a member. */
  | "createRecordAlreadySucceeded"
  /** The `recordId` is no creation record. */
  | "createRecordNotFound"
  /** DeleteAccount is under review: ask again later. */
  | "deregisterPending"
  /** Tencent refuses the removal the deletion policy asked for. */
  | "deletionRefused"
  /** DeleteOrganizationMemberAuthIdentity: the identity is not (any more) granted, so revoking it is done. */
  | "identityNotGranted"
  /**
   * CAM does not allow the credential this action. Never retried (the answer stands until someone
   * changes the policy); the error names the action and the policy line to add (permissions.ts).
   */
  | "unauthorized"
  /** DeleteOrganizationNodes: the department still holds members or sub-departments. */
  | "nodeNotEmpty"
  /**
   * A department the call names does not exist: a department's parent (AddOrganizationNode), the
   * department itself (UpdateOrganizationNode), a member's department (surfaced with the hint).
   */
  | "departmentNotFound"
  /** A policy the call names does not exist (one of three codes; which comes when is unverified). */
  | "policyNotFound"
  /** DescribeEffectivePolicy: no policy applies to the target. */
  | "effectivePolicyNotFound"
  /** The policy type the call needs is not enabled for the organization (or DisablePolicyType: already disabled). */
  | "policyTypeNotEnabled"
  /** EnablePolicyType: the type is enabled already. */
  | "policyTypeNotDisabled"
  /** DeletePolicy: the policy is still attached to departments or members. */
  | "policyInUse"
  /** AttachPolicy: the member to attach to does not exist (a department target answers `departmentNotFound`). */
  | "memberNotFound"
  /** Surfaced as is, with the hint. */
  | "surface";

/** One row of the table. */
export interface TencentCode {
  reaction: CodeReaction;
  /** What the code says, in the provider's words. */
  meaning: string;
  /** What the user should do; shown in the error message. */
  hint?: string;
  /** A hint for answers to particular actions, where what to fix depends on the action (which input names the department). */
  hintFor?: Readonly<Record<string, string>>;
  /** The actions Tencent documents it for (`*` = every action). */
  actions: readonly string[];
  /** Where Tencent documents it. */
  source: string;
}

const COMMON = "Tencent Cloud API 3.0 common error codes";
const GO_SDK = "tencentcloud-sdk-go organization/v20210331 client.go + errors.go";
const CREATE = "CreateOrganizationMember";
const UPDATE = "UpdateOrganizationMember";
const DELETE_ACCOUNT = "DeleteAccount";
const UNAUTHORIZED_HINT =
  'add the action the error names to the "action" list of the credential\'s CAM policy (the least-privilege policy for each deletionPolicy is in docs/installation-configuration.md, "CAM policy").';
const REMOVE = "DeleteOrganizationMembers";
const TAG = "ModifyResourceTags";
const TAG_SDK = 'tencentcloud-sdk-go tag/v20180813 client.go + errors.go; Tag "Use Limits" page (product 651 doc 13354)';
/** Every organization action the provider calls whose Go SDK list names ResourceNotFound.OrganizationNotExist. */
const ORGANIZATION_ACTIONS = [
  CREATE,
  UPDATE,
  DELETE_ACCOUNT,
  REMOVE,
  "DescribeOrganizationMembers",
  "MoveOrganizationNodeMembers",
  "CreateOrganizationMemberAuthIdentity",
  "DeleteOrganizationMemberAuthIdentity",
];
/** Where a deletion refusal says to release something first. */
const RELEASE_FIRST = 'then destroy again; or set deletionPolicy: "retain" to keep the account and drop it from the stack.';
const ADD_NODE = "AddOrganizationNode";
const UPDATE_NODE = "UpdateOrganizationNode";
const DELETE_NODES = "DeleteOrganizationNodes";
const POLICY_SDK = "tencentcloud-sdk-go v1.3.166 organization/v20210331 client.go + errors.go (reference tencent-policies.md §2)";
const CREATE_POLICY = "CreatePolicy";
const UPDATE_POLICY = "UpdatePolicy";
const DELETE_POLICY = "DeletePolicy";
const DESCRIBE_POLICY = "DescribePolicy";
const ATTACH = "AttachPolicy";
const DETACH = "DetachPolicy";
const LIST_TARGETS = "ListTargetsForPolicy";
const ENABLE_TYPE = "EnablePolicyType";
const DISABLE_TYPE = "DisablePolicyType";
/** What to do when a policy type is not enabled. */
const TYPE_NOT_ENABLED_HINT =
  "declare an OrganizationPolicyType resource for this policy type and make the policy (or attachment) depend on it " +
  "(`dependsOn`), or enable the type in the console (Organization → Policy management).";
/** The hint of every document refusal: check should have caught it first. */
const DOCUMENT_HINT =
  "the policy document breaks Tencent's syntax in a way the provider's check does not know: fix `content` as the message says " +
  '(docs/organization-policy.md, "Content"), and report it so check learns the rule.';
/** The hints of every "no such department" code: which input names the department depends on the action. */
const DEPARTMENT_NOT_FOUND_HINT =
  "nodeId is not a department of this organization: pick one from the console or DescribeOrganizationNodes.";
const DEPARTMENT_NOT_FOUND_HINTS = {
  [ADD_NODE]: "parentNodeId is not a department of this organization: use getRootOrganizationNode() or another department's nodeId.",
  [UPDATE_NODE]: "the department was deleted outside Pulumi: run `pulumi up --refresh` to create it again.",
  AttachPolicy: "targetId is not a department of this organization: use an OrganizationNode's nodeId or getRootOrganizationNode().",
} as const;

/** The table. */
export const TENCENT_CODES = {
  // ---- throttling (retried, always safe)
  RequestLimitExceeded: {
    reaction: "throttled",
    meaning: "too many calls per second for this action",
    hint: "Tencent throttled the calls beyond the retry budget: lower tencentcloud:requestsPerSecond or raise tencentcloud:maxAttempts.",
    actions: ["*"],
    source: COMMON,
  },
  "RequestLimitExceeded.UinLimitExceeded": {
    reaction: "throttled",
    meaning: "too many calls from this root account",
    actions: ["*"],
    source: COMMON,
  },
  "RequestLimitExceeded.IPLimitExceeded": { reaction: "throttled", meaning: "too many calls from this IP", actions: ["*"], source: COMMON },
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded": {
    reaction: "throttled",
    meaning: "too many calls across regions",
    actions: ["*"],
    source: COMMON,
  },

  // ---- transient (the call may have run)
  InternalError: { reaction: "transient", meaning: "Tencent failed internally; the call may have run", actions: ["*"], source: COMMON },
  ServiceUnavailable: { reaction: "transient", meaning: "the service is temporarily unavailable", actions: ["*"], source: COMMON },
  ResourceUnavailable: { reaction: "transient", meaning: "a resource is temporarily unavailable", actions: ["*"], source: COMMON },
  "UnsupportedOperation.ManagementSystemError": {
    reaction: "transient",
    meaning: "Tencent's management system failed",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },

  // ---- creation
  "FailedOperation.OrganizationMemberNameUsed": {
    reaction: "nameUsed",
    meaning: "another member has this name",
    hint: "another member already has this name: choose another name.",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
  "FailedOperation.MemberNameUsed": {
    reaction: "nameUsed",
    meaning: "another member has this name",
    hint: "another member already has this name: choose another name.",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
  "FailedOperation.CreateAccount": {
    reaction: "createAccountFailed",
    meaning: "the creation stopped part-way; Tencent keeps a creation record to resume",
    actions: [CREATE],
    source: GO_SDK,
  },
  "FailedOperation.CreateRecordAlreadySuccess": {
    reaction: "createRecordAlreadySucceeded",
    meaning: "the creation record given as RecordId already produced its member",
    actions: [CREATE],
    source: GO_SDK,
  },
  "FailedOperation.CreateRecordNotExist": {
    reaction: "createRecordNotFound",
    meaning: "RecordId is no creation record of this organization",
    actions: [CREATE],
    source: GO_SDK,
  },

  // ---- deletion
  "FailedOperation.MemberAccountDeregisterPending": {
    reaction: "deregisterPending",
    meaning: "the account deletion is under review; ask again later",
    actions: [DELETE_ACCOUNT],
    source: GO_SDK,
  },
  "UnsupportedOperation.CreateMemberNotAllowDelete": {
    reaction: "deletionRefused",
    meaning: "a member the organization created never leaves it",
    hint:
      'set deletionPolicy: "retain" to keep the account and drop it from the stack, or deletionPolicy: "deleteAccount" ' +
      "to delete the account; run `pulumi up` so the state records the new policy, then destroy again.",
    actions: ["DeleteOrganizationMembers"],
    source: GO_SDK,
  },
  "UnsupportedOperation.DeleteAccountDisabled": {
    reaction: "deletionRefused",
    meaning: "the organization's member deletion permission is not enabled",
    hint:
      'enable the organization setting "Member deletion permission": in the Tencent Cloud Organization console, Basic information, ' +
      'module "Member deletion permission", click "Enable member deletion permission" (only the admin account\'s root user or an admin ' +
      'sub-user can; Tencent doc "Enabling Member Deletion Permission", product 1031 doc 55955). ' +
      'Then destroy again; or set deletionPolicy: "retain" to keep the account and drop it from the stack.',
    actions: [DELETE_ACCOUNT],
    source: `${GO_SDK} (成员删除许可未开启); page product 1031 doc 55955`,
  },
  "UnsupportedOperation.InviteAccountNotAllowDelete": {
    reaction: "deletionRefused",
    meaning: "the member joined by invitation, and the organization cannot delete an invited member's account",
    hint:
      'set deletionPolicy: "removeFromOrganization" to let the member leave the organization (its account lives on), or ' +
      'deletionPolicy: "retain" to keep it; run `pulumi up` so the state records the new policy, then destroy again.',
    actions: [DELETE_ACCOUNT],
    source: GO_SDK,
  },
  "UnsupportedOperation.MemberAccountExistResource": {
    reaction: "deletionRefused",
    meaning: "the account still holds resources",
    hint: `release the account's remaining resources first (in the member's own console), ${RELEASE_FIRST}`,
    actions: [DELETE_ACCOUNT],
    source: GO_SDK,
  },
  "UnsupportedOperation.MemberExistServiceNotAllowDelete": {
    reaction: "deletionRefused",
    meaning: "the account still uses services",
    hint: `stop the account's services first (in the member's own console), ${RELEASE_FIRST}`,
    actions: [DELETE_ACCOUNT, REMOVE],
    source: GO_SDK,
  },
  "FailedOperation.MemberShareResource": {
    reaction: "deletionRefused",
    meaning: "the account shares resources with other accounts",
    hint: `stop sharing the member's resources first (Organization console, Resource sharing), ${RELEASE_FIRST}`,
    actions: [DELETE_ACCOUNT, REMOVE],
    source: GO_SDK,
  },
  "FailedOperation.OrganizationAuthManageNotAllowDelete": {
    reaction: "deletionRefused",
    meaning: "the account is the manager of a verified entity of the organization",
    hint: `hand the verified entity's management to another account first (Organization console), ${RELEASE_FIRST}`,
    actions: [DELETE_ACCOUNT, REMOVE],
    source: GO_SDK,
  },

  // ---- identities
  "ResourceNotFound.MemberIdentityNotExist": {
    reaction: "identityNotGranted",
    meaning: "the member does not hold this identity",
    actions: ["DeleteOrganizationMemberAuthIdentity"],
    source: GO_SDK,
  },
  "ResourceNotFound.OrganizationIdentityNotExist": {
    reaction: "identityNotGranted",
    meaning: "the identity does not exist (any more), so no member holds it",
    hint: "identityRoleIds holds an identity id that does not exist: pick one from ListOrganizationIdentity.",
    // Only revoking treats it as done; granting an identity that does not exist surfaces it with the hint.
    actions: ["DeleteOrganizationMemberAuthIdentity"],
    source: GO_SDK,
  },

  // ---- CAM refusals (never retried; the hint names the action and the policy line, see hintFor)
  UnauthorizedOperation: {
    reaction: "unauthorized",
    meaning: "CAM does not allow the credential this action",
    hint: UNAUTHORIZED_HINT,
    actions: ["*"],
    source: COMMON,
  },
  "AuthFailure.UnauthorizedOperation": {
    reaction: "unauthorized",
    meaning: "CAM does not allow the credential this action",
    hint: UNAUTHORIZED_HINT,
    actions: ["*"],
    source: COMMON,
  },

  // ---- departments (organization nodes)
  "FailedOperation.OrganizationNodeNameUsed": {
    reaction: "nameUsed",
    meaning: "another department under the same parent has this name",
    hint: "department names are unique in the organization (Tencent's FAQ; the error names the department holding it): choose another name, or adopt that department with adoptNodeId.",
    actions: [ADD_NODE, UPDATE_NODE],
    source: GO_SDK,
  },
  "FailedOperation.NodeNotEmpty": {
    reaction: "nodeNotEmpty",
    meaning: "the department still has members",
    hint:
      'move its members to another department first (declare their nodeId), or set deletionPolicy: "retain" on the department ' +
      "and run `pulumi up`, then destroy again.",
    actions: [DELETE_NODES],
    source: GO_SDK,
  },
  "FailedOperation.OrganizationNodeNotEmpty": {
    reaction: "nodeNotEmpty",
    meaning: "the department still has sub-departments",
    hint: 'delete or retain its sub-departments first, or set deletionPolicy: "retain" on the department and run `pulumi up`, then destroy again.',
    actions: [DELETE_NODES],
    source: GO_SDK,
  },
  "FailedOperation.ShareNodeExisted": {
    reaction: "surface",
    meaning: "the department is used by a resource-sharing unit",
    hint: 'remove the department from its resource-sharing units first, or set deletionPolicy: "retain".',
    actions: [DELETE_NODES],
    source: GO_SDK,
  },
  "FailedOperation.OrganizationNodeDeleteOverLimit": {
    reaction: "surface",
    meaning: "too many departments in one deletion",
    actions: [DELETE_NODES],
    source: GO_SDK,
  },
  "LimitExceeded.NodeDepthExceedLimit": {
    reaction: "surface",
    meaning: "the department tree would be too deep",
    hint: "the new department would be deeper than Tencent allows: choose a parentNodeId nearer the root.",
    actions: [ADD_NODE],
    source: GO_SDK,
  },
  "LimitExceeded.NodeExceedLimit": {
    reaction: "surface",
    meaning: "the organization has as many departments as Tencent allows",
    hint: "delete departments no longer used, or ask Tencent to raise the limit.",
    actions: [ADD_NODE],
    source: GO_SDK,
  },
  "InvalidParameter.OrganizationNodeNotExist": {
    reaction: "departmentNotFound",
    meaning: "no such parent department",
    hint: "parentNodeId is not a department of this organization: use getRootOrganizationNode() or another department's nodeId.",
    actions: [ADD_NODE],
    source: GO_SDK,
  },

  // ---- surfaced with a hint
  "AuthFailure.SecretIdNotFound": {
    reaction: "surface",
    meaning: "unknown SecretId",
    hint: "the SecretId is unknown: check tencentcloud:secretId / TENCENTCLOUD_SECRET_ID.",
    actions: ["*"],
    source: COMMON,
  },
  "AuthFailure.SignatureFailure": {
    reaction: "surface",
    meaning: "wrong SecretKey",
    hint: "the SecretKey does not match the SecretId: check tencentcloud:secretKey / TENCENTCLOUD_SECRET_KEY.",
    actions: ["*"],
    source: COMMON,
  },
  "AuthFailure.SignatureExpire": {
    reaction: "surface",
    meaning: "clock skew over 5 minutes",
    hint: "this machine's clock is more than 5 minutes off; synchronise it (NTP) and retry.",
    actions: ["*"],
    source: COMMON,
  },
  "AuthFailure.TokenFailure": {
    reaction: "surface",
    meaning: "bad session token",
    hint: "the session token is missing, wrong or expired: refresh tencentcloud:securityToken / TENCENTCLOUD_SESSION_TOKEN.",
    actions: ["*"],
    source: COMMON,
  },
  "FailedOperation.OrganizationNodeNotExist": {
    reaction: "departmentNotFound",
    meaning: "no such department",
    hint: DEPARTMENT_NOT_FOUND_HINT,
    hintFor: DEPARTMENT_NOT_FOUND_HINTS,
    // UpdateOrganizationNode answers it for the department being updated (deleted meanwhile).
    actions: [CREATE, "MoveOrganizationNodeMembers", UPDATE_NODE],
    source: GO_SDK,
  },
  "ResourceNotFound.OrganizationNodeNotExist": {
    reaction: "departmentNotFound",
    meaning: "no such department",
    hint: DEPARTMENT_NOT_FOUND_HINT,
    hintFor: DEPARTMENT_NOT_FOUND_HINTS,
    // AttachPolicy answers it for a department target that does not exist.
    actions: [CREATE, "MoveOrganizationNodeMembers", "DescribeOrganizationMembers", ADD_NODE, ATTACH],
    source: GO_SDK,
  },
  "FailedOperation.OrganizationPermissionIllegal": {
    reaction: "surface",
    meaning: "permission refused",
    hint: "permissionIds holds a permission Tencent refuses (3 and 10 need business enablement).",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
  "FailedOperation.OrganizationPolicyIllegal": {
    reaction: "surface",
    meaning: "policy refused",
    hint: "policyType must be Financial.",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
  "FailedOperation.PayUinIllegal": {
    reaction: "surface",
    meaning: "payer refused",
    hint: "payUin must be the UIN of the administrator of the member's verified entity (the organization's admin account, or the manager of its authRelationId), with permission 7.",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
  "InvalidParameter.TagError": {
    reaction: "surface",
    meaning: "tags refused at creation",
    hint: "a tag key or value is not accepted by Tencent's tag rules.",
    actions: [CREATE],
    source: GO_SDK,
  },
  "FailedOperation.TagResourcesError": {
    reaction: "createdWithoutTags",
    meaning:
      "the creation could not tag the new member or department (whether it exists is undocumented: the provider looks it up by name)",
    hint: "no member of that name exists, so nothing was created: run `pulumi up` again.",
    hintFor: { [ADD_NODE]: "no department of that name exists under the parent, so nothing was created: run `pulumi up` again." },
    actions: [CREATE, ADD_NODE],
    source: GO_SDK,
  },
  "LimitExceeded.CreateMemberOverLimit": {
    reaction: "surface",
    meaning: "too many creations recently",
    hint: "the organization created too many members recently; wait and run `pulumi up` again.",
    actions: [CREATE],
    source: GO_SDK,
  },
  "LimitExceeded.OrganizationMemberOverLimit": {
    reaction: "surface",
    meaning: "member limit reached",
    hint: "the organization is at its member limit; remove members or ask Tencent to raise it.",
    actions: [CREATE],
    source: GO_SDK,
  },
  "ResourceNotFound.OrganizationAuthRelationNotExist": {
    reaction: "surface",
    meaning: "no such verified entity",
    hint: "authRelationId is not a verified entity of this organization (DescribeOrganizationAuthNode).",
    actions: [CREATE],
    source: GO_SDK,
  },
  "FailedOperation.AuthInfoEmpty": {
    reaction: "surface",
    meaning: "admin not verified",
    hint: "complete identity verification for the organization's admin account first.",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
  "FailedOperation.AuthNotEnterprise": {
    reaction: "surface",
    meaning: "admin not an enterprise",
    hint: "complete enterprise identity verification for the organization's admin account first.",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
  "FailedOperation.ChangePermissionRecordExist": {
    reaction: "surface",
    meaning: "a permission change of this invited member awaits the member's confirmation (permissionStatus UnConfirmed)",
    hint:
      "the member must first confirm (or decline) the permission change waiting in its own console; Tencent refuses another " +
      "change until then. Declare the permissionIds that are waiting (see the pendingPermissionIds output) to leave them be, and run `pulumi up` after the member answered.",
    actions: [UPDATE],
    source: `${GO_SDK}; model OrgMember.PermissionStatus`,
  },
  "UnsupportedOperation.MemberNotAllowQuit": {
    reaction: "surface",
    meaning: "the member may not be allowed to quit",
    hint: "Tencent does not let this member leave the organization (a member the organization created never may): remove isAllowQuit or set it to false.",
    actions: [UPDATE],
    source: GO_SDK,
  },
  "InvalidParameter.AllowQuitIllegal": {
    reaction: "surface",
    meaning: "a member paid for by another may not quit",
    hint: "a member whose bills another account pays cannot be allowed to quit: remove isAllowQuit, or remove the payer first.",
    actions: [UPDATE],
    source: GO_SDK,
  },
  "ResourceNotFound.OrganizationNotExist": {
    reaction: "surface",
    meaning: "no organization",
    hint: "the credential's account has no organization: create one in the console or use the admin account's credential.",
    actions: ORGANIZATION_ACTIONS,
    source: GO_SDK,
  },
  "LimitExceeded.TagValue": {
    reaction: "surface",
    meaning: "a tag key has reached Tencent's quota of distinct values",
    hint: "one tag key holds as many distinct values as Tencent allows (1000 per key in the tag service's errors.go): use fewer distinct values for that key.",
    actions: [TAG],
    source: TAG_SDK,
  },
  "LimitExceeded.TagKey": {
    reaction: "surface",
    meaning: "the account has reached Tencent's quota of tag keys",
    hint: "the root account holds as many tag keys as Tencent allows: delete unused tag keys (Tag console).",
    actions: [TAG],
    source: TAG_SDK,
  },
  "LimitExceeded.ResourceAttachedTags": {
    reaction: "surface",
    meaning: "the member or department would carry more than 50 tags",
    hint: "a resource carries at most 50 tags, the ownership marker included: remove tags set outside Pulumi, or declare fewer.",
    actions: [TAG],
    source: TAG_SDK,
  },
  // ---- organization policies (reference tencent-policies.md §1-§2)
  "FailedOperation.PolicyNameInUse": {
    reaction: "nameUsed",
    meaning: "another policy of this type has this name",
    hint: "policy names are unique: choose another name, or adopt that policy with adoptPolicyId.",
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.PolicyNameExisted": {
    reaction: "nameUsed",
    meaning: "another policy has this name",
    hint: "policy names are unique: choose another name, or adopt that policy with adoptPolicyId.",
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "ResourceNotFound.PolicyNotExist": {
    reaction: "policyNotFound",
    meaning: "the policy does not exist",
    hint: "the policy was deleted outside Pulumi: run `pulumi up --refresh` to create it again, or correct policyId.",
    actions: [UPDATE_POLICY, DELETE_POLICY, DESCRIBE_POLICY, ATTACH, DETACH, LIST_TARGETS, "ListPolicies", "ListPoliciesForTarget"],
    source: POLICY_SDK,
  },
  "ResourceNotFound.PolicyIdNotFound": {
    reaction: "policyNotFound",
    meaning: "the policy does not exist",
    hint: "the policy was deleted outside Pulumi: run `pulumi up --refresh` to create it again, or correct policyId.",
    actions: [UPDATE_POLICY, DELETE_POLICY, DESCRIBE_POLICY, LIST_TARGETS, "ListPolicies", "ListPoliciesForTarget"],
    source: POLICY_SDK,
  },
  "InvalidParameter.PolicyIdNotExist": {
    reaction: "policyNotFound",
    meaning: "the policy id does not exist",
    hint: "the policy was deleted outside Pulumi: run `pulumi up --refresh` to create it again, or correct policyId.",
    actions: [UPDATE_POLICY, DELETE_POLICY, ATTACH, DETACH],
    source: POLICY_SDK,
  },
  "ResourceNotFound.EffectivePolicyNotFound": {
    reaction: "effectivePolicyNotFound",
    meaning: "no policy applies to the target",
    actions: ["DescribeEffectivePolicy"],
    source: POLICY_SDK,
  },
  "FailedOperation.OrganizationPolicyIsNotEnabled": {
    reaction: "policyTypeNotEnabled",
    meaning: "the policy type is not enabled for the organization",
    hint: TYPE_NOT_ENABLED_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY, DELETE_POLICY, ATTACH, DETACH, DISABLE_TYPE],
    source: POLICY_SDK,
  },
  "FailedOperation.OrganizationPolicyIsNotDisabled": {
    reaction: "policyTypeNotDisabled",
    meaning: "the policy type is enabled already",
    actions: [ENABLE_TYPE],
    source: POLICY_SDK,
  },
  "FailedOperation.PolicyEnableInvalid": {
    reaction: "surface",
    meaning: "a member account has enabled tag policies of its own",
    hint: "the organization's tag policies cannot be enabled while a member account uses single-account tag policies: disable them in that member's Tag console first.",
    actions: [ENABLE_TYPE],
    source: POLICY_SDK,
  },
  "FailedOperation.OrganizationPolicyInUsed": {
    reaction: "policyInUse",
    meaning: "the policy is still attached",
    hint: 'detach it from every department and member the error names first (or set deletionPolicy: "retain" on the policy and run `pulumi up`), then destroy again.',
    actions: [DELETE_POLICY],
    source: POLICY_SDK,
  },
  "FailedOperation.PolicyFull": {
    reaction: "surface",
    meaning: "the organization holds as many policies as Tencent allows",
    hint: "delete policies no longer used (console or `pulumi destroy` of their stack), or ask Tencent to raise the limit.",
    actions: [CREATE_POLICY],
    source: POLICY_SDK,
  },
  "LimitExceeded.TagPolicy": {
    reaction: "surface",
    meaning: "the organization holds as many tag policies as Tencent allows",
    hint: "delete tag policies no longer used; Tencent's Tag pages state 100 tag policies per root account.",
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.AttachmentFull": {
    reaction: "surface",
    meaning: "the department or member carries as many policies as Tencent allows",
    hint: "detach a policy from that target first, or attach the policy to its department instead (policies are inherited downwards).",
    actions: [ATTACH],
    source: POLICY_SDK,
  },
  "ResourceNotFound.OrganizationMemberNotExist": {
    reaction: "memberNotFound",
    meaning: "the member does not exist",
    hint: "targetId is not a member of this organization: use an OrganizationMember's memberUin.",
    actions: [ATTACH],
    source: POLICY_SDK,
  },
  "FailedOperation.OrganizationDetachLastPolicyError": {
    reaction: "surface",
    meaning: "the target would be left without a service control policy",
    hint: 'a department or member keeps at least one service control policy: attach another (FullQcloudAccess) first, or set deletionPolicy: "retain" on the attachment.',
    actions: [DETACH],
    source: POLICY_SDK,
  },
  "InvalidParameter.ActionError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ActionMiss": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ActionNotExist": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ActionServiceNotExist": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ConditionContentError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ConditionError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ConditionTypeError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.EffectError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.NotSupportProduct": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.PolicyDocumentError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.PolicyDocumentLengthOverLimit": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.PolicyKeyDuplicated": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.PolicyNameError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.PrincipalError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ReservedTagKey": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ResourceContentError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ResourceError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ResourceQcsError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.ResourceUinError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.StatementError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.UnsupportedService": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.VersionError": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameterValue.PolicyContentInvalid": {
    reaction: "surface",
    meaning: "the policy document or name breaks Tencent's syntax",
    hint: DOCUMENT_HINT,
    actions: [CREATE_POLICY, UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "InvalidParameter.DescriptionLengthOverlimit": {
    reaction: "surface",
    meaning: "the description is longer than 300 bytes",
    hint: "shorten description (300 bytes in UTF-8, the ownership marker included).",
    actions: [UPDATE_POLICY],
    source: POLICY_SDK,
  },
  "UnsupportedOperation.MemberAccountArrears": {
    reaction: "surface",
    meaning: "member in arrears",
    hint: "the member account has overdue payments; settle them first.",
    actions: [CREATE, UPDATE],
    source: GO_SDK,
  },
} as const satisfies Record<string, TencentCode>;

const ROWS: readonly [string, TencentCode][] = Object.entries(TENCENT_CODES);

/** The codes the provider answers with `reaction`. */
export function codesWith(reaction: CodeReaction): ReadonlySet<string> {
  return new Set(ROWS.filter(([, row]) => row.reaction === reaction).map(([code]) => code));
}

/**
 * The table's reaction to `code` answered by `action`: `surface` for a code it does not know, and
 * for a code Tencent does not document for that action (the provider never acts on an
 * undocumented answer).
 */
export function reactionTo(code: string, action: string): CodeReaction {
  const row = (TENCENT_CODES as Record<string, TencentCode>)[code];
  if (!row || !(row.actions.includes("*") || row.actions.includes(action))) return "surface";
  return row.reaction;
}

/** What `code` means to the provider, in words (the code itself when the table does not know it). */
export function meaningOf(code: string): string {
  return (TENCENT_CODES as Record<string, TencentCode>)[code]?.meaning ?? code;
}

/** Tencent's throttling codes: the request was refused before it ran. */
export const THROTTLING_CODES = codesWith("throttled");
/** Server-side failures Tencent documents as temporary; the call may or may not have run. */
export const TRANSIENT_CODES = codesWith("transient");

/** What a user should do about each code, shown with the error and listed in the docs (docs/organization-member.md, docs/organization-node.md). */
export const ERROR_HINTS: Readonly<Record<string, string>> = Object.fromEntries(
  ROWS.flatMap(([code, row]) => (row.hint ? [[code, row.hint] as const] : [])),
);

/** The call a code answered, for hints that name it. */
export interface AnsweredCall {
  service: CamService;
  action: string;
  /** Tencent's message (a CAM refusal names the action it refused). */
  message?: string;
}

/**
 * The hint for a code, if one is known. With the call it answered, a CAM refusal's hint names the
 * refused action and the exact line to add to the policy.
 */
export function hintFor(code: string, call?: AnsweredCall): string | undefined {
  if (call && reactionTo(code, call.action) === "unauthorized")
    return unauthorizedHint(deniedAction(call.service, call.action, call.message));
  return ERROR_HINTS[code];
}
