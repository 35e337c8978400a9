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
  /** DeleteOrganizationNodes: the department still holds members or sub-departments. */
  | "nodeNotEmpty"
  /** Surfaced as is, with the hint. */
  | "surface";

/** One row of the table. */
export interface TencentCode {
  reaction: CodeReaction;
  /** What the code says, in the provider's words. */
  meaning: string;
  /** What the user should do; shown in the error message. */
  hint?: string;
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
const ADD_NODE = "AddOrganizationNode";
const UPDATE_NODE = "UpdateOrganizationNode";
const DELETE_NODES = "DeleteOrganizationNodes";

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
  "RequestLimitExceeded.UinLimitExceeded": { reaction: "throttled", meaning: "too many calls from this root account", actions: ["*"], source: COMMON },
  "RequestLimitExceeded.IPLimitExceeded": { reaction: "throttled", meaning: "too many calls from this IP", actions: ["*"], source: COMMON },
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded": { reaction: "throttled", meaning: "too many calls across regions", actions: ["*"], source: COMMON },

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
    meaning: "the organization's member-deletion permission is not enabled (the emulator also answers it for invited members)",
    hint:
      'enable "member deletion" in the Organization console settings, then destroy again; an invited member\'s account ' +
      'cannot be deleted by the organization at all: use deletionPolicy "removeFromOrganization" or "retain".',
    actions: [DELETE_ACCOUNT],
    source: GO_SDK,
  },
  "UnsupportedOperation.InviteAccountNotAllowDelete": {
    reaction: "deletionRefused",
    meaning: "an invited member's account cannot be deleted by the organization",
    hint: 'an invited member\'s account cannot be deleted by the organization: use deletionPolicy "removeFromOrganization" or "retain".',
    actions: [DELETE_ACCOUNT],
    source: GO_SDK,
  },
  "UnsupportedOperation.MemberAccountExistResource": {
    reaction: "deletionRefused",
    meaning: "the account still holds resources",
    hint: 'release the account\'s remaining resources first (CheckAccountDelete lists why), or set deletionPolicy: "retain".',
    actions: [DELETE_ACCOUNT],
    source: GO_SDK,
  },
  "UnsupportedOperation.MemberExistServiceNotAllowDelete": {
    reaction: "deletionRefused",
    meaning: "the account still uses services",
    hint: 'stop the account\'s services first (CheckAccountDelete lists them), or set deletionPolicy: "retain".',
    actions: [DELETE_ACCOUNT, "DeleteOrganizationMembers"],
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
    actions: ["DeleteOrganizationMemberAuthIdentity", "CreateOrganizationMemberAuthIdentity"],
    source: GO_SDK,
  },

  // ---- departments (organization nodes)
  "FailedOperation.OrganizationNodeNameUsed": {
    reaction: "nameUsed",
    meaning: "another department under the same parent has this name",
    hint: "department names are unique among siblings: choose another name, or adopt the existing department with adoptNodeId.",
    actions: [ADD_NODE, UPDATE_NODE],
    source: GO_SDK,
  },
  "FailedOperation.NodeNotEmpty": {
    reaction: "nodeNotEmpty",
    meaning: "the department still has members",
    hint:
      "move its members to another department first (declare their nodeId), or set deletionPolicy: \"retain\" on the department " +
      "and run `pulumi up`, then destroy again.",
    actions: [DELETE_NODES],
    source: GO_SDK,
  },
  "FailedOperation.OrganizationNodeNotEmpty": {
    reaction: "nodeNotEmpty",
    meaning: "the department still has sub-departments",
    hint:
      "delete or retain its sub-departments first, or set deletionPolicy: \"retain\" on the department and run `pulumi up`, then destroy again.",
    actions: [DELETE_NODES],
    source: GO_SDK,
  },
  "FailedOperation.ShareNodeExisted": {
    reaction: "surface",
    meaning: "the department is used by a resource-sharing unit",
    hint: "remove the department from its resource-sharing units first, or set deletionPolicy: \"retain\".",
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
    reaction: "surface",
    meaning: "no such parent department",
    hint: "parentNodeId is not a department of this organization: use getRootOrganizationNode() or another department's nodeId.",
    actions: [ADD_NODE],
    source: GO_SDK,
  },

  // ---- surfaced with a hint
  "AuthFailure.SecretIdNotFound": { reaction: "surface", meaning: "unknown SecretId", hint: "the SecretId is unknown: check tencentcloud:secretId / TENCENTCLOUD_SECRET_ID.", actions: ["*"], source: COMMON },
  "AuthFailure.SignatureFailure": { reaction: "surface", meaning: "wrong SecretKey", hint: "the SecretKey does not match the SecretId: check tencentcloud:secretKey / TENCENTCLOUD_SECRET_KEY.", actions: ["*"], source: COMMON },
  "AuthFailure.SignatureExpire": { reaction: "surface", meaning: "clock skew over 5 minutes", hint: "this machine's clock is more than 5 minutes off; synchronise it (NTP) and retry.", actions: ["*"], source: COMMON },
  "AuthFailure.TokenFailure": { reaction: "surface", meaning: "bad session token", hint: "the session token is missing, wrong or expired: refresh tencentcloud:securityToken / TENCENTCLOUD_SESSION_TOKEN.", actions: ["*"], source: COMMON },
  "AuthFailure.UnauthorizedOperation": { reaction: "surface", meaning: "CAM denies the action", hint: "the credential lacks permission for this action: grant the organization (and tag) actions to its CAM policy.", actions: ["*"], source: COMMON },
  "FailedOperation.OrganizationNodeNotExist": { reaction: "surface", meaning: "no such department", hint: "nodeId is not a department of this organization: pick one from the console or DescribeOrganizationNodes.", actions: [CREATE, "MoveOrganizationNodeMembers"], source: GO_SDK },
  "ResourceNotFound.OrganizationNodeNotExist": { reaction: "surface", meaning: "no such department", hint: "nodeId is not a department of this organization: pick one from the console or DescribeOrganizationNodes.", actions: [CREATE, "MoveOrganizationNodeMembers", "DescribeOrganizationMembers"], source: GO_SDK },
  "FailedOperation.OrganizationPermissionIllegal": { reaction: "surface", meaning: "permission refused", hint: "permissionIds holds a permission Tencent refuses (3 and 10 need business enablement).", actions: [CREATE, UPDATE], source: GO_SDK },
  "FailedOperation.OrganizationPolicyIllegal": { reaction: "surface", meaning: "policy refused", hint: "policyType must be Financial.", actions: [CREATE, UPDATE], source: GO_SDK },
  "FailedOperation.PayUinIllegal": { reaction: "surface", meaning: "payer refused", hint: "payUin must be the UIN of a payer in this organization (the admin or a member), with permission 7.", actions: [CREATE, UPDATE], source: GO_SDK },
  "InvalidParameter.TagError": { reaction: "surface", meaning: "tags refused at creation", hint: "a tag key or value is not accepted by Tencent's tag rules.", actions: [CREATE], source: GO_SDK },
  "FailedOperation.TagResourcesError": { reaction: "surface", meaning: "tagging failed at creation", hint: "Tencent could not tag the member; run `pulumi up` again to retry the tags.", actions: [CREATE], source: GO_SDK },
  "LimitExceeded.CreateMemberOverLimit": { reaction: "surface", meaning: "too many creations recently", hint: "the organization created too many members recently; wait and run `pulumi up` again.", actions: [CREATE], source: GO_SDK },
  "LimitExceeded.OrganizationMemberOverLimit": { reaction: "surface", meaning: "member limit reached", hint: "the organization is at its member limit; remove members or ask Tencent to raise it.", actions: [CREATE], source: GO_SDK },
  "ResourceNotFound.OrganizationAuthRelationNotExist": { reaction: "surface", meaning: "no such verified entity", hint: "authRelationId is not a verified entity of this organization (DescribeOrganizationAuthNode).", actions: [CREATE], source: GO_SDK },
  "FailedOperation.AuthInfoEmpty": { reaction: "surface", meaning: "admin not verified", hint: "complete identity verification for the organization's admin account first.", actions: [CREATE, UPDATE], source: GO_SDK },
  "FailedOperation.AuthNotEnterprise": { reaction: "surface", meaning: "admin not an enterprise", hint: "complete enterprise identity verification for the organization's admin account first.", actions: [CREATE, UPDATE], source: GO_SDK },
  "FailedOperation.ChangePermissionRecordExist": { reaction: "surface", meaning: "a permission change awaits confirmation", hint: "a permission change is already pending review for this member; approve or cancel it in the console, then retry.", actions: [UPDATE], source: GO_SDK },
  "ResourceNotFound.OrganizationNotExist": { reaction: "surface", meaning: "no organization", hint: "the credential's account has no organization: create one in the console or use the admin account's credential.", actions: ["*"], source: GO_SDK },
  "UnsupportedOperation.MemberAccountArrears": { reaction: "surface", meaning: "member in arrears", hint: "the member account has overdue payments; settle them first.", actions: [CREATE, UPDATE], source: GO_SDK },
} as const satisfies Record<string, TencentCode>;

/** A code the table knows. */
export type KnownCode = keyof typeof TENCENT_CODES;

const ROWS: readonly [string, TencentCode][] = Object.entries(TENCENT_CODES);

/** The codes the provider answers with `reaction`. */
export function codesWith(reaction: CodeReaction): ReadonlySet<string> {
  return new Set(ROWS.filter(([, row]) => row.reaction === reaction).map(([code]) => code));
}

/** The table's reaction to `code` (`surface` for a code it does not know). */
export function reactionTo(code: string): CodeReaction {
  return (TENCENT_CODES as Record<string, TencentCode>)[code]?.reaction ?? "surface";
}

/** What `code` means to the provider, in words (the code itself when the table does not know it). */
export function meaningOf(code: string): string {
  return (TENCENT_CODES as Record<string, TencentCode>)[code]?.meaning ?? code;
}

/** Tencent's throttling codes: the request was refused before it ran. */
export const THROTTLING_CODES = codesWith("throttled");
/** Server-side failures Tencent documents as temporary; the call may or may not have run. */
export const TRANSIENT_CODES = codesWith("transient");
/** "The member name is taken." */
export const NAME_USED_CODES = codesWith("nameUsed");
/** "The identity is not (any more) granted to the member." */
export const IDENTITY_NOT_GRANTED_CODES = codesWith("identityNotGranted");
/** "The department still holds members or sub-departments." */
export const NODE_NOT_EMPTY_CODES = codesWith("nodeNotEmpty");
/** Refusals of the removal a deletion policy asks for. */
export const DELETION_REFUSED_CODES = codesWith("deletionRefused");

/** What a user should do about each code, shown with the error and listed in the README. */
export const ERROR_HINTS: Readonly<Record<string, string>> = Object.fromEntries(
  ROWS.flatMap(([code, row]) => (row.hint ? [[code, row.hint] as const] : [])),
);

/** The hint for a code, if one is known. */
export function hintFor(code: string): string | undefined {
  return ERROR_HINTS[code];
}
