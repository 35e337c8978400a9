/**
 * The one table of what each action may answer: per action, the codes Tencent documents for it
 * (the Go SDK's per-action client comments, as collected in the project's reference
 * `tencent-refusals.md`), plus the common codes every action may answer.
 *
 * The handler wrapper (`handlers/handler.ts`) and the fault queue (`faults.ts`) both ask
 * {@link isDocumentedFor}: a handler that throws a code outside its action's row is an emulator bug
 * and is answered as InternalError (and printed), and a fault cannot be injected with such a code.
 * `codes.test.ts` derives its checks from this table.
 */

/** Codes any action may answer (Tencent's common error codes), each documented on the common error page. */
export const COMMON_CODES: readonly string[] = [
  "AuthFailure.InvalidAuthorization",
  "AuthFailure.InvalidSecretId",
  "AuthFailure.MFAFailure",
  "AuthFailure.SecretIdNotFound",
  "AuthFailure.SignatureExpire",
  "AuthFailure.SignatureFailure",
  "AuthFailure.TokenFailure",
  "AuthFailure.UnauthorizedOperation",
  "FailedOperation",
  "InternalError",
  "InvalidAction",
  "InvalidParameter",
  "InvalidParameterValue",
  "InvalidRequest",
  "LimitExceeded",
  "MissingParameter",
  "NoSuchVersion",
  "RequestLimitExceeded",
  "RequestLimitExceeded.IPLimitExceeded",
  "RequestLimitExceeded.UinLimitExceeded",
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
  "RequestSizeLimitExceeded",
  "ResourceInUse",
  "ResourceInsufficient",
  "ResourceNotFound",
  "ResourceUnavailable",
  "ServiceUnavailable",
  "UnauthorizedOperation",
  "UnknownParameter",
  "UnsupportedOperation",
];

const list = (codes: string): readonly string[] => codes.split(/\s*,\s*/).filter((c) => c !== "");

/** The codes CreatePolicy and UpdatePolicy share (36; reference `tencent-policies.md` §2 "S-DOC"). */
const S_DOC = `FailedOperation.OrganizationPolicyIsNotEnabled, FailedOperation.PolicyNameInUse, InternalError, InvalidParameter.ActionError,
  InvalidParameter.ActionMiss, InvalidParameter.ActionNotExist, InvalidParameter.ActionServiceNotExist, InvalidParameter.ConditionContentError,
  InvalidParameter.ConditionError, InvalidParameter.ConditionTypeError, InvalidParameter.EffectError, InvalidParameter.NotSupportProduct,
  InvalidParameter.ParamError, InvalidParameter.PolicyDocumentError, InvalidParameter.PolicyDocumentLengthOverLimit,
  InvalidParameter.PolicyKeyDuplicated, InvalidParameter.PolicyNameError, InvalidParameter.PolicyNameExisted, InvalidParameter.PrincipalError,
  InvalidParameter.PrincipalQcsError, InvalidParameter.PrincipalQcsNotExist, InvalidParameter.PrincipalServiceNotExist,
  InvalidParameter.ReservedTagKey, InvalidParameter.ResourceContentError, InvalidParameter.ResourceError, InvalidParameter.ResourceProjectError,
  InvalidParameter.ResourceQcsError, InvalidParameter.ResourceRegionError, InvalidParameter.ResourceServiceNotExist,
  InvalidParameter.ResourceUinError, InvalidParameter.StatementError, InvalidParameter.UnsupportedService, InvalidParameter.VersionError,
  InvalidParameterValue.PolicyContentInvalid, LimitExceeded.TagPolicy, UnauthorizedOperation`;

/** ListTargetsForPolicy's list, shared by the policy listings (30; reference §2 "S-READ"). */
const S_READ = `InternalError, InvalidParameter, InvalidParameter.InterfaceNotExist, InvalidParameter.OrganizationMemberNotExist,
  InvalidParameter.OrganizationMemberNotManager, InvalidParameter.OrganizationNodeNotExist, InvalidParameter.OrganizationNotExist, MissingParameter,
  ResourceNotFound.ChangePermissionNotExist, ResourceNotFound.EmailBindRecordNotExist, ResourceNotFound.InvitationNotExist,
  ResourceNotFound.MemberEventNotExist, ResourceNotFound.MemberIdentityNotExist, ResourceNotFound.MemberNotExist,
  ResourceNotFound.MemberOperateProcessNotExist, ResourceNotFound.MemberPolicyNotExist, ResourceNotFound.NodeNotExist, ResourceNotFound.NotFound,
  ResourceNotFound.OrganizationAuthRelationNotExist, ResourceNotFound.OrganizationIdentityNotExist, ResourceNotFound.OrganizationMemberNotExist,
  ResourceNotFound.OrganizationNodeNotExist, ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationServiceAssignNotExist,
  ResourceNotFound.OrganizationServiceNotExist, ResourceNotFound.PolicyIdNotFound, ResourceNotFound.PolicyNotExist,
  ResourceNotFound.ResourceTypeNotExist, ResourceNotFound.ServiceRoleNotExist, ResourceNotFound.ShareResourceMemberNotExist`;

/** Per action, the codes Tencent documents for it (Go SDK client comments). */
export const ACTION_CODES = {
  // Not in the project's reference table: the Go SDK v1.3.166 client.go comment for DescribeOrganization (stored copies
  // of client.go at other versions, TencentCloud/tencentcloud-sdk-go, list the same four).
  DescribeOrganization: list(`FailedOperation.OperateBillingPermissionErr, InternalError, InvalidParameter,
    ResourceNotFound.OrganizationNotExist`),
  CreateOrganizationMember: list(`FailedOperation.AuthInfoEmpty, FailedOperation.AuthNotEnterprise, FailedOperation.CreateAccount,
    FailedOperation.CreateBillingPermissionErr, FailedOperation.CreateMemberAuthOverLimit, FailedOperation.CreateRecordAlreadySuccess,
    FailedOperation.CreateRecordNotExist, FailedOperation.CreateRole, FailedOperation.GetAuthInfo, FailedOperation.MemberNameUsed,
    FailedOperation.OperateBillingPermissionErr, FailedOperation.OrganizationMemberNameUsed, FailedOperation.OrganizationNodeNotExist,
    FailedOperation.OrganizationPermissionIllegal, FailedOperation.OrganizationPolicyIllegal, FailedOperation.PartnerManagementErr,
    FailedOperation.PayUinIllegal, FailedOperation.TagResourcesError, InternalError, InvalidParameter, InvalidParameter.OrganizationMemberNotExist,
    InvalidParameter.TagError, LimitExceeded.CreateMemberOverLimit, LimitExceeded.OrganizationMemberOverLimit,
    ResourceNotFound.OrganizationAuthRelationNotExist, ResourceNotFound.OrganizationMemberNotExist, ResourceNotFound.OrganizationNodeNotExist,
    ResourceNotFound.OrganizationNotExist, UnsupportedOperation.AbnormalFinancialStatusOfAdmin, UnsupportedOperation.AddDelegatePayerNotAllow,
    UnsupportedOperation.AddDiscountInheritNotAllow, UnsupportedOperation.ExistedAgent, UnsupportedOperation.ExistedClient,
    UnsupportedOperation.InconsistentUserTypes, UnsupportedOperation.ManagementSystemError, UnsupportedOperation.MemberAccountArrears,
    UnsupportedOperation.MemberDiscountInheritExisted, UnsupportedOperation.MemberExistAccountLevelDiscountInherit, UnsupportedOperation.MemberIsAgent,
    UnsupportedOperation.OperationForbidden, UnsupportedOperation.OrderInProgressExisted, UnsupportedOperation.OwnerDiscountInheritExisted,
    UnsupportedOperation.PayerArrearsAndNoCreditAccount, UnsupportedOperation.PayerExistAccountLevelDiscountInherit,
    UnsupportedOperation.SecondaryDistributorSubClientExisted`),
  DescribeOrganizationMembers: list(`FailedOperation.OperateBillingPermissionErr, InternalError, InvalidParameter,
    ResourceNotFound.OrganizationNodeNotExist, ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationServiceNotExist`),
  UpdateOrganizationMember: list(`FailedOperation.AuthInfoEmpty, FailedOperation.AuthInfoNotSame, FailedOperation.AuthNotEnterprise,
    FailedOperation.ChangePermissionRecordExist, FailedOperation.CreateBillingPermissionErr, FailedOperation.MemberNameUsed,
    FailedOperation.OperateBillingPermissionErr, FailedOperation.OrganizationMemberNameUsed, FailedOperation.OrganizationPermissionIllegal,
    FailedOperation.OrganizationPolicyIllegal, FailedOperation.PayUinIllegal, InvalidParameter.AllowQuitIllegal, ResourceNotFound.MemberNotExist,
    ResourceNotFound.OrganizationNotExist, UnsupportedOperation, UnsupportedOperation.AddDelegatePayerNotAllow,
    UnsupportedOperation.AddDiscountInheritNotAllow, UnsupportedOperation.DeleteDelegatePayerNotAllow, UnsupportedOperation.ExistedAgent,
    UnsupportedOperation.ExistedClient, UnsupportedOperation.InconsistentUserTypes, UnsupportedOperation.ManagementSystemError,
    UnsupportedOperation.MemberAccountArrears, UnsupportedOperation.MemberDiscountInheritExisted,
    UnsupportedOperation.MemberExistAccountLevelDiscountInherit, UnsupportedOperation.MemberIsAgent, UnsupportedOperation.MemberNotAllowQuit,
    UnsupportedOperation.OrderInProgressExisted, UnsupportedOperation.OwnerDiscountInheritExisted, UnsupportedOperation.PayerArrearsAndNoCreditAccount,
    UnsupportedOperation.PayerExistAccountLevelDiscountInherit`),
  MoveOrganizationNodeMembers: list(`FailedOperation.OrganizationNodeNotExist, FailedOperation.SomeUinsNotInOrganization, InternalError,
    InvalidParameter, ResourceNotFound.OrganizationNodeNotExist, ResourceNotFound.OrganizationNotExist`),
  DeleteOrganizationMembers:
    list(`FailedOperation.DisableQuitSelfCreatedOrganization, FailedOperation.MemberExistDelegatePayerNotAllowDelete,
    FailedOperation.MemberIsDelegatePayerNotAllowDelete, FailedOperation.MemberShareResource, FailedOperation.OperateBillingPermissionErr,
    FailedOperation.OrganizationAuthManageNotAllowDelete, FailedOperation.QuitShareUintError, FailedOperation.ShareResourceMemberInUse, InternalError,
    InvalidParameter, ResourceNotFound.OrganizationNotExist, UnsupportedOperation.CreateMemberNotAllowDelete,
    UnsupportedOperation.MemberAccountExistCICRoleConfig, UnsupportedOperation.MemberAccountExistCICUserConfig,
    UnsupportedOperation.MemberExistOperateProcessNotAllowDelete, UnsupportedOperation.MemberExistServiceNotAllowDelete,
    UnsupportedOperation.MemberNoPayment`),
  DeleteAccount: list(`FailedOperation.MemberAccountDeregisterPending, FailedOperation.MemberShareResource,
    FailedOperation.OrganizationAuthManageNotAllowDelete, InternalError, InvalidParameter, ResourceNotFound.MemberNotExist,
    ResourceNotFound.OrganizationNotExist, UnsupportedOperation.DeleteAccountDisabled, UnsupportedOperation.InviteAccountNotAllowDelete,
    UnsupportedOperation.MemberAccountExistCICRoleConfig, UnsupportedOperation.MemberAccountExistCICUserConfig,
    UnsupportedOperation.MemberAccountExistResource, UnsupportedOperation.MemberExistServiceNotAllowDelete`),
  // Not in the project's reference table: the Go SDK's client.go comment for CheckAccountDelete (stored copy at
  // TencentCloud/tencentcloud-sdk-go commit 00aa230, not re-checked at the pinned v1.3.166).
  CheckAccountDelete: list(`InternalError, InvalidParameter, ResourceNotFound.MemberNotExist, ResourceNotFound.OrganizationNotExist`),
  DescribeOrganizationNodes: list(`InternalError, InvalidParameter, ResourceNotFound.OrganizationNotExist`),
  CreateOrganizationMemberAuthIdentity: list(`FailedOperation.CreateRole, FailedOperation.OrganizationIdentityPolicyError, InternalError,
    InvalidParameter, ResourceNotFound.OrganizationIdentityNotExist, ResourceNotFound.OrganizationMemberNotExist,
    ResourceNotFound.OrganizationNotExist, UnsupportedOperation`),
  DescribeOrganizationMemberAuthIdentities: list(`InternalError, InvalidParameter, ResourceNotFound.OrganizationNotExist`),
  DeleteOrganizationMemberAuthIdentity: list(`FailedOperation.MemberIdentityAuthUsed, InternalError, InvalidParameter,
    ResourceNotFound.MemberIdentityNotExist, ResourceNotFound.OrganizationIdentityNotExist, ResourceNotFound.OrganizationNotExist`),
  ListOrganizationIdentity: list(`InternalError, InvalidParameter, ResourceNotFound.OrganizationNotExist`),
  DescribeOrganizationAuthNode: list(`InternalError, InvalidParameter, ResourceNotFound.OrganizationNotExist`),
  AddOrganizationNode: list(`FailedOperation.OrganizationNodeNameUsed, FailedOperation.TagResourcesError, InternalError, InvalidParameter,
    InvalidParameter.OrganizationNodeNotExist, InvalidParameter.TagError, LimitExceeded.NodeDepthExceedLimit, LimitExceeded.NodeExceedLimit,
    ResourceNotFound.OrganizationMemberNotExist, ResourceNotFound.OrganizationNodeNotExist, ResourceNotFound.OrganizationNotExist`),
  UpdateOrganizationNode: list(`FailedOperation.OrganizationNodeNameUsed, FailedOperation.OrganizationNodeNotExist,
    ResourceNotFound.OrganizationNotExist`),
  DeleteOrganizationNodes: list(`FailedOperation.NodeNotEmpty, FailedOperation.OrganizationNodeDeleteOverLimit,
    FailedOperation.OrganizationNodeNotEmpty, FailedOperation.ShareNodeExisted, InternalError, InvalidParameter,
    ResourceNotFound.OrganizationMemberNotExist, ResourceNotFound.OrganizationNotExist`),
  // Organization policy actions: the project's reference `tencent-policies.md` §2 (Go SDK v1.3.166 client.go lists).
  // S-DOC (CreatePolicy ∩ UpdatePolicy) and S-READ (ListTargetsForPolicy's list) are the reference's two shared sets.
  CreatePolicy: list(`${S_DOC}, FailedOperation.PolicyFull`),
  UpdatePolicy: list(`${S_DOC}, InvalidParameter.DescriptionLengthOverlimit, InvalidParameter.OrganizationMemberNotManager,
    InvalidParameter.PolicyIdNotExist, ResourceNotFound.PolicyIdNotFound, ResourceNotFound.PolicyNotExist`),
  DeletePolicy:
    list(`FailedOperation, FailedOperation.OrganizationPolicyInUsed, FailedOperation.OrganizationPolicyIsNotEnabled, InternalError,
    InvalidParameter.OrganizationMemberNotManager, InvalidParameter.ParamError, InvalidParameter.PolicyIdNotExist, ResourceNotFound.PolicyIdNotFound,
    ResourceNotFound.PolicyNotExist, UnauthorizedOperation`),
  DescribePolicy: list(`InternalError, InvalidParameter, InvalidParameter.InterfaceNotExist, InvalidParameter.OrganizationMemberNotExist,
    InvalidParameter.OrganizationMemberNotManager, InvalidParameter.OrganizationNodeNotExist, InvalidParameter.OrganizationNotExist, MissingParameter,
    ResourceNotFound.MemberNotExist, ResourceNotFound.NotFound, ResourceNotFound.OrganizationNotExist, ResourceNotFound.PolicyIdNotFound,
    ResourceNotFound.PolicyNotExist`),
  ListPolicies: list(`${S_READ}, ResourceNotFound.ApplyNotExist, ResourceNotFound.UserNotExist, ResourceUnavailable`),
  AttachPolicy: list(`FailedOperation.OrganizationPolicyIsNotEnabled, InternalError, InvalidParameter.AttachmentFull,
    InvalidParameter.OrganizationMemberNotManager, InvalidParameter.ParamError, InvalidParameter.PolicyIdNotExist,
    ResourceNotFound.OrganizationMemberNotExist, ResourceNotFound.OrganizationNodeNotExist, ResourceNotFound.PolicyNotExist, UnauthorizedOperation`),
  DetachPolicy: list(`FailedOperation.OrganizationDetachLastPolicyError, FailedOperation.OrganizationDetachPolicyError,
    FailedOperation.OrganizationPolicyIsNotEnabled, InternalError, InvalidParameter.OrganizationMemberNotManager, InvalidParameter.ParamError,
    InvalidParameter.PolicyIdNotExist, ResourceNotFound.PolicyNotExist, UnauthorizedOperation`),
  ListTargetsForPolicy: list(S_READ),
  ListPoliciesForTarget: list(`${S_READ}, ResourceNotFound.ApplyNotExist, ResourceNotFound.UserNotExist`),
  EnablePolicyType: list(`FailedOperation.OrganizationPolicyIsNotDisabled, FailedOperation.PolicyEnableInvalid, InternalError,
    InvalidParameter.OrganizationMemberNotManager, InvalidParameter.ParamError, UnauthorizedOperation`),
  DisablePolicyType: list(`FailedOperation.OrganizationPolicyIsNotEnabled, InternalError, InvalidParameter.OrganizationMemberNotManager,
    InvalidParameter.ParamError, UnauthorizedOperation`),
  DescribePolicyConfig: list(`${S_READ}, ResourceNotFound.ApplyNotExist, ResourceNotFound.UserNotExist`),
  DescribeEffectivePolicy:
    list(`InternalError, InvalidParameter, InvalidParameter.InterfaceNotExist, InvalidParameter.OrganizationMemberNotManager,
    InvalidParameter.OrganizationNotExist, MissingParameter, ResourceNotFound.EffectivePolicyNotFound`),
  ListNonCompliantResource: list(`InvalidParameter.OrganizationMemberNotManager, ResourceNotFound.MemberNotExist,
    ResourceNotFound.OrganizationNotExist`),
  // Tag 2018-08-13.
  ModifyResourceTags: list(`FailedOperation, FailedOperation.PolicyEnforcedInvalid, InvalidParameter.ReservedTagKey, InvalidParameter.Tag,
    InvalidParameterValue.DeleteTagsParamError, InvalidParameterValue.ResourceDescriptionError, InvalidParameterValue.TagKeyCharacterIllegal,
    InvalidParameterValue.TagKeyEmpty, InvalidParameterValue.TagKeyLengthExceeded, InvalidParameterValue.TagValueCharacterIllegal,
    InvalidParameterValue.TagValueLengthExceeded, LimitExceeded.Quota, LimitExceeded.ResourceAttachedTags, LimitExceeded.TagKey,
    LimitExceeded.TagValue`),
  // STS 2018-08-13: the Go SDK v1.3.166 `tencentcloud/sts/v20180813/client.go` comment of each action, verbatim.
  AssumeRole: list(`FailedOperation.CheckMFAError, FailedOperation.MFATypeNotSupported, InternalError.DbError, InternalError.EncryptError,
    InternalError.GetAppIdError, InternalError.GetRoleError, InternalError.GetSeedTokenError, InternalError.IllegalRole,
    InternalError.PbSerializeError, InternalError.SystemError, InternalError.UnknownError, InvalidParameter.AccountNotAvaliable,
    InvalidParameter.ExtendStrategyOverSize, InvalidParameter.GrantOtherResource, InvalidParameter.OverLimit, InvalidParameter.OverTimeError,
    InvalidParameter.ParamError, InvalidParameter.PolicyTooLong, InvalidParameter.ResouceError, InvalidParameter.StrategyFormatError,
    InvalidParameter.StrategyInvalid, InvalidParameter.TempCodeNotAvaliable, ResourceNotFound.RoleNotFound, UnauthorizedOperation,
    UnsupportedOperation`),
  AssumeRoleWithWebIdentity: list(`InternalError.GetRoleError, InternalError.SystemError, InternalError.UnknownError,
    InvalidParameter.OverLimit, InvalidParameter.ParamError, InvalidParameter.WebIdentityTokenError, RequestLimitExceeded,
    UnauthorizedOperation`),
} as const satisfies Record<string, readonly string[]>;

/** An action the table knows. */
export type DocumentedAction = keyof typeof ACTION_CODES;

/** True when `action` is in the table. */
export const isDocumentedAction = (action: string): action is DocumentedAction => Object.hasOwn(ACTION_CODES, action);

/** True when `code` is a common code or in `action`'s row. */
export function isDocumentedFor(action: string, code: string): boolean {
  if (COMMON_CODES.includes(code)) return true;
  return isDocumentedAction(action) && ACTION_CODES[action].includes(code);
}

/** Thrown (never answered) when a handler raises a code its action does not document: an emulator bug. */
export class UndocumentedCodeError extends Error {
  override readonly name = "UndocumentedCodeError";
  constructor(
    readonly action: string,
    readonly code: string,
  ) {
    super(`emulator bug: ${action} raised ${code}, which Tencent does not document for ${action} (see test/emulator/codes.ts)`);
  }
}
