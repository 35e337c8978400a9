/**
 * Every error the emulator can answer, one factory per vendor error code.
 *
 * This module is the single condition → code table: handlers never spell a code themselves,
 * they call a factory here, so the README table and the behaviour cannot drift apart.
 * Codes come from the CreateOrganizationMember API page, the common error code list and the
 * per-action lists of the Tencent Cloud SDKs; where the emulator had to choose a code, the
 * factory's TSDoc says so.
 */

/** An API error: answered as HTTP 200 `{"Response": {"Error": {Code, Message}, RequestId}}`. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  /**
   * @param code - the vendor error code, e.g. `FailedOperation.OrganizationMemberNameUsed`
   * @param message - the human-readable message sent back in `Error.Message`
   */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const make = (code: string, message: string): ApiError => new ApiError(code, message);

/** Factories for every error code the emulator answers, grouped by the layer that raises them. */
export const Errors = {
  // ---- authentication (raised by authentication.ts) ----
  /** Authorization header missing or not of the form `TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
  invalidAuthorization: (detail: string) => make("AuthFailure.InvalidAuthorization", `Authorization header is invalid: ${detail}`),
  /** SecretId in the credential scope is empty or contains characters a SecretId never has. */
  invalidSecretId: () => make("AuthFailure.InvalidSecretId", "The SecretId in the Authorization header is malformed."),
  /** SecretId is well formed but not configured in the emulator. */
  secretIdNotFound: () => make("AuthFailure.SecretIdNotFound", "The SecretId does not exist."),
  /** Recomputed signature differs, or the scope date is not the timestamp's UTC date. */
  signatureFailure: (detail: string) => make("AuthFailure.SignatureFailure", `The request signature does not match: ${detail}`),
  /** X-TC-Timestamp is more than 300 s away from the emulator's clock. */
  signatureExpire: () => make("AuthFailure.SignatureExpire", "The request timestamp is more than 300 seconds away from the server time."),
  /** The credential was configured with a session token and the request's X-TC-Token is absent or different. */
  tokenFailure: () => make("AuthFailure.TokenFailure", "The session token (X-TC-Token) is missing or invalid."),
  /**
   * A temporary key used after its ExpiredTime. The common page says only "Token error" for this code; that Tencent
   * answers it for an expired temporary key is a **guess**.
   */
  tokenExpired: (expiredAt: string) =>
    make("AuthFailure.TokenFailure", `The temporary credential expired at ${expiredAt}; request a new one from STS.`),

  // ---- protocol and common codes (raised by server.ts and validation.ts) ----
  /** X-TC-Action names no action of the requested version. */
  invalidAction: (action: string, version: string) =>
    make("InvalidAction", `The action ${JSON.stringify(action)} does not exist in version ${version}.`),
  /** X-TC-Version names no version the emulator serves. */
  noSuchVersion: (version: string) => make("NoSuchVersion", `The API version ${JSON.stringify(version)} does not exist.`),
  /** A required header or field is absent. */
  missingParameter: (name: string) => make("MissingParameter", `The request is missing a required parameter \`${name}\`.`),
  /** A field is not part of the action's request model (the real API refuses them). */
  unknownParameter: (name: string) => make("UnknownParameter", `The parameter \`${name}\` is not recognized.`),
  /** A field has the wrong type or is out of range. */
  invalidParameterValue: (name: string, detail: string) =>
    make("InvalidParameterValue", `The value of the parameter \`${name}\` is invalid: ${detail}`),
  /** The request as a whole is malformed (body not JSON, body not an object, contradictory fields). */
  invalidParameter: (detail: string) => make("InvalidParameter", detail),
  /** Body larger than 10 MB. */
  requestSizeLimitExceeded: () => make("RequestSizeLimitExceeded", "The request body exceeds the 10 MB limit."),
  /** More than the allowed calls per second for this action and SecretId. */
  requestLimitExceeded: (action: string, limit: number) =>
    make("RequestLimitExceeded", `Your requests to ${action} exceed the limit of ${limit} per second.`),
  /** Unexpected failure, or the default code of an injected `error` fault. */
  internalError: (detail = "An internal error occurred.") => make("InternalError", detail),

  // ---- member rules (raised by rules.ts and the member handlers) ----
  /** Name already belongs to another member. */
  memberNameUsed: (name: string) =>
    make("FailedOperation.OrganizationMemberNameUsed", `The member name ${JSON.stringify(name)} already exists.`),
  /** PolicyType other than `Financial`. */
  policyIllegal: (policy: string) =>
    make(
      "FailedOperation.OrganizationPolicyIllegal",
      `The organization policy ${JSON.stringify(policy)} is invalid; only Financial is allowed.`,
    ),
  /** PermissionIds outside 1–10, or missing 1 or 2. */
  permissionIllegal: (detail: string) =>
    make("FailedOperation.OrganizationPermissionIllegal", `The organization permission is invalid: ${detail}`),
  /** NodeId names no department (create, move). */
  nodeNotExist: (nodeId: number) => make("FailedOperation.OrganizationNodeNotExist", `The organization node ${nodeId} does not exist.`),
  /**
   * A department named by AddOrganizationNode's ParentNodeId (the emulator's choice between the two node codes it
   * lists) or by DescribeOrganizationMembers' NodeId filter does not exist.
   */
  nodeNotFound: (nodeId: number) => make("ResourceNotFound.OrganizationNodeNotExist", `The organization node ${nodeId} does not exist.`),
  /** A department with this name already exists under the same parent. */
  nodeNameUsed: (name: string) =>
    make("FailedOperation.OrganizationNodeNameUsed", `The node name ${JSON.stringify(name)} is already used.`),
  /** PayUin is not digits, or is neither the admin nor a member of the organization. */
  payUinIllegal: (payUin: string) => make("FailedOperation.PayUinIllegal", `The payer ${JSON.stringify(payUin)} is invalid.`),
  /** Create-time Tags break a tag rule (count, empty key, lengths, reserved prefix, duplicate key). */
  tagError: (detail: string) => make("InvalidParameter.TagError", `Tag value error: ${detail}`),
  /** AuthRelationId names no verified-entity relation. */
  authRelationNotExist: (relationId: number) =>
    make("ResourceNotFound.OrganizationAuthRelationNotExist", `The authentication subject relation ${relationId} does not exist.`),
  /** The organization already holds `memberLimit` members. */
  memberOverLimit: (limit: number) =>
    make("LimitExceeded.OrganizationMemberOverLimit", `The number of members exceeds the upper limit of ${limit}.`),
  /** MemberUin names no member of the organization. */
  memberNotExist: (memberUin: number) =>
    make("ResourceNotFound.MemberNotExist", `The member ${memberUin} does not exist in the organization.`),
  /** Some of a list of MemberUins are not members (move, identity grants). */
  someUinsNotInOrganization: (memberUins: number[]) =>
    make("FailedOperation.SomeUinsNotInOrganization", `These UINs are not members of the organization: ${memberUins.join(", ")}.`),
  /** DeleteOrganizationMembers on a member the organization created. */
  createMemberNotAllowDelete: (memberUin: number) =>
    make(
      "UnsupportedOperation.CreateMemberNotAllowDelete",
      `The member ${memberUin} was created by the organization and cannot be removed; delete its account with DeleteAccount.`,
    ),
  /** DeleteAccount while the organization's "member deletion permission" is off (errors.go: 成员删除许可未开启). */
  deleteAccountDisabled: () =>
    make(
      "UnsupportedOperation.DeleteAccountDisabled",
      "The member deletion permission of the organization is not enabled; enable it in the console (Organization settings → member deletion permission).",
    ),
  /** DeleteAccount on an invited member (errors.go: 邀请的成员不允许删除). */
  inviteAccountNotAllowDelete: (memberUin: number) =>
    make(
      "UnsupportedOperation.InviteAccountNotAllowDelete",
      `The member ${memberUin} was invited; an invited member's account cannot be deleted.`,
    ),
  /** DeleteAccount on a member that still holds resources (errors.go: 成员账号存在资源，不允许删除). */
  memberAccountExistResource: (memberUin: number) =>
    make(
      "UnsupportedOperation.MemberAccountExistResource",
      `The account of member ${memberUin} still holds resources and cannot be deleted.`,
    ),
  /** Deleting or removing a member that is a delegated service administrator (errors.go: 成员是集团服务委派管理员). */
  memberExistServiceNotAllowDelete: (memberUin: number) =>
    make(
      "UnsupportedOperation.MemberExistServiceNotAllowDelete",
      `The member ${memberUin} is a delegated administrator of an organization service.`,
    ),
  /** Deleting or removing a member that shares resources (errors.go: 成员正在共享资源). */
  memberShareResource: (memberUin: number) => make("FailedOperation.MemberShareResource", `The member ${memberUin} is sharing resources.`),
  /** Deleting or removing the administrator account of a verified entity (errors.go: 成员是主体管理账号不允许删除). */
  organizationAuthManageNotAllowDelete: (memberUin: number) =>
    make(
      "FailedOperation.OrganizationAuthManageNotAllowDelete",
      `The member ${memberUin} is the administrator of a verified entity and cannot be deleted.`,
    ),
  /** Deleting or removing a member with Identity Center permission deployments (errors.go: 成员存在身份中心权限部署信息). */
  memberAccountExistCICRoleConfig: (memberUin: number) =>
    make(
      "UnsupportedOperation.MemberAccountExistCICRoleConfig",
      `The member ${memberUin} still has Identity Center permission configurations deployed; remove them first.`,
    ),
  /** Deleting or removing a member with Identity Center CAM-user synchronisation (errors.go: 成员存在身份中心CAM用户同步信息). */
  memberAccountExistCICUserConfig: (memberUin: number) =>
    make(
      "UnsupportedOperation.MemberAccountExistCICUserConfig",
      `The member ${memberUin} still has Identity Center users synchronised to CAM; remove the synchronisation first.`,
    ),
  /** DeleteOrganizationMembers of a member whose bills another account pays (errors.go: 成员存在代付者,不允许删除). */
  memberExistDelegatePayerNotAllowDelete: (memberUin: number) =>
    make(
      "FailedOperation.MemberExistDelegatePayerNotAllowDelete",
      `The member ${memberUin} has a payer (PayUin); remove the payer before removing the member.`,
    ),
  /** DeleteOrganizationMembers of a member with an operation-approval process (errors.go: 成员设置了操作审批,不允许删除). */
  memberExistOperateProcessNotAllowDelete: (memberUin: number) =>
    make(
      "UnsupportedOperation.MemberExistOperateProcessNotAllowDelete",
      `The member ${memberUin} has an operation approval process and cannot be removed.`,
    ),
  /**
   * DeleteOrganizationMembers of a member whose financial permissions cannot be released (errors.go: 操作计费侧成员权限错误);
   * which of the listed codes Tencent answers for it is a guess.
   */
  operateBillingPermissionErr: (memberUin: number) =>
    make("FailedOperation.OperateBillingPermissionErr", `The financial permissions of member ${memberUin} cannot be released.`),
  /**
   * DeleteAccount of a member with an operation-approval process (CheckAccountDelete's OperateProcess). DeleteAccount lists no
   * specific code for it: the common UnsupportedOperation is the emulator's guess.
   */
  deleteAccountOperateProcess: (memberUin: number) =>
    make("UnsupportedOperation", `The member ${memberUin} has an operation approval process; its account cannot be deleted.`),
  /**
   * DeleteAccount of a member whose financial permissions cannot be released (CheckAccountDelete's BillingPermission false).
   * DeleteAccount lists no specific code for it: the common FailedOperation is the emulator's guess.
   */
  deleteAccountBillingPermission: (memberUin: number) =>
    make("FailedOperation", `The financial permissions of member ${memberUin} cannot be released; its account cannot be deleted.`),
  /**
   * DeleteAccount of a member whose resources could not all be checked (CheckAccountDelete's DetectFailedResources).
   * DeleteAccount lists no specific code for it: the common FailedOperation is the emulator's guess.
   */
  deleteAccountDetectFailed: (memberUin: number, resources: string[]) =>
    make(
      "FailedOperation",
      `The resources of member ${memberUin} could not all be checked (${resources.join(", ")}); its account cannot be deleted now.`,
    ),
  /** IsAllowQuit Allow for a member whose bills someone else pays (errors.go: 成员代付费模式，不允许主动退出组织). */
  allowQuitIllegal: (memberUin: number) =>
    make("InvalidParameter.AllowQuitIllegal", `The member ${memberUin} is paid for by a payer and cannot be allowed to quit.`),
  /** IsAllowQuit Allow for a member the organization created (unverified choice among the listed codes). */
  memberNotAllowQuit: (memberUin: number) =>
    make(
      "UnsupportedOperation.MemberNotAllowQuit",
      `The member ${memberUin} was created by the organization and cannot be allowed to quit.`,
    ),
  /** A permission change of an invited member still waits for its confirmation. */
  changePermissionRecordExist: (memberUin: number) =>
    make(
      "FailedOperation.ChangePermissionRecordExist",
      `A permission change of member ${memberUin} is waiting for the member's confirmation.`,
    ),
  /** Tags could not be attached after the account or department was created (injected fault or tag quota). */
  tagResourcesError: (detail: string) => make("FailedOperation.TagResourcesError", `Tagging failed: ${detail}`),
  /** DeleteAccount accepted but still under review (answered `deregisterPendingCalls` times per member). */
  deregisterPending: (memberUin: number) =>
    make("FailedOperation.MemberAccountDeregisterPending", `The account of member ${memberUin} is being deregistered; try again later.`),

  // ---- creation records ----
  /** Injected `createAccountFailure`: the creation failed and left record `recordId`. */
  createAccount: (recordId: number) =>
    make(
      "FailedOperation.CreateAccount",
      `An exception occurred while creating the member. Creation record ${recordId} was kept; retry with RecordId=${recordId}.`,
    ),
  /** RecordId names a record that already succeeded. */
  createRecordAlreadySuccess: (recordId: number, memberUin: number) =>
    make("FailedOperation.CreateRecordAlreadySuccess", `The creation record ${recordId} already succeeded (member ${memberUin}).`),
  /** RecordId names no record. */
  createRecordNotExist: (recordId: number) =>
    make("FailedOperation.CreateRecordNotExist", `The creation record ${recordId} does not exist.`),

  // ---- identities ----
  /** An identity id names no access identity (ListOrganizationIdentity). */
  organizationIdentityNotExist: (identityId: number) =>
    make("ResourceNotFound.OrganizationIdentityNotExist", `The organization identity ${identityId} does not exist.`),
  /** Some UINs of an identity grant are not members. */
  organizationMemberNotExist: (memberUins: number[]) =>
    make("ResourceNotFound.OrganizationMemberNotExist", `These UINs are not members of the organization: ${memberUins.join(", ")}.`),
  /** The identity is not assigned to the member (DeleteOrganizationMemberAuthIdentity). */
  memberIdentityNotExist: (memberUin: number, identityId: number) =>
    make("ResourceNotFound.MemberIdentityNotExist", `The member ${memberUin} has no identity ${identityId}.`),

  // ---- tag service ----
  /** Resource is not a member or department of the organization in the form `qcs::organization:<region>:uin/[<uin>]:member/<memberUin>` or `…:node/<nodeId>`. */
  resourceDescriptionError: (resource: string) =>
    make("InvalidParameterValue.ResourceDescriptionError", `The resource description ${JSON.stringify(resource)} is invalid.`),
  /** The resource is well formed but names no member or department (undocumented case: the generic FailedOperation). */
  tagResourceNotFound: (resource: string) => make("FailedOperation", `The resource ${JSON.stringify(resource)} does not exist.`),
  /** Tag key empty (ModifyResourceTags). */
  tagKeyEmpty: () => make("InvalidParameterValue.TagKeyEmpty", "A tag key is empty."),
  /** Tag key longer than 127 characters (ModifyResourceTags). */
  tagKeyLengthExceeded: (key: string) =>
    make("InvalidParameterValue.TagKeyLengthExceeded", `The tag key ${JSON.stringify(key)} exceeds 127 characters.`),
  /** Tag key with a character outside the allowed set, or a space at either end. */
  tagKeyCharacterIllegal: (key: string) =>
    make("InvalidParameterValue.TagKeyCharacterIllegal", `The tag key ${JSON.stringify(key)} contains an illegal character.`),
  /** Tag value longer than 255 characters (ModifyResourceTags). */
  tagValueLengthExceeded: (key: string) =>
    make("InvalidParameterValue.TagValueLengthExceeded", `The value of tag ${JSON.stringify(key)} exceeds 255 characters.`),
  /** Tag value with a character outside the allowed set, or a space at either end. */
  tagValueCharacterIllegal: (key: string) =>
    make("InvalidParameterValue.TagValueCharacterIllegal", `The value of tag ${JSON.stringify(key)} contains an illegal character.`),
  /** Tag key starts with a reserved prefix (ModifyResourceTags). */
  reservedTagKey: (key: string) =>
    make(
      "InvalidParameter.ReservedTagKey",
      `The tag key ${JSON.stringify(key)} uses a reserved prefix (qcs:, project, 项目, qcloud, tencent).`,
    ),
  /**
   * Other tag-parameter errors of ModifyResourceTags: an empty value (the page's TagValueEmpty is not in
   * ModifyResourceTags' list), a key twice in one list, more than 10 in one list (the code is a guess for each).
   */
  tagParameter: (detail: string) => make("InvalidParameter.Tag", `Tag parameter error: ${detail}`),
  /** A key in both ReplaceTags and DeleteTags (errors.go: DeleteTags中不能包含ReplaceTags或AddTags中元素). */
  deleteTagsParamError: (key: string) =>
    make("InvalidParameterValue.DeleteTagsParamError", `The tag key ${JSON.stringify(key)} is in both ReplaceTags and DeleteTags.`),
  /** More than `limit` (50) tags would be attached to one resource (errors.go: 资源关联的标签数超过限制). */
  resourceAttachedTags: (limit: number) => make("LimitExceeded.ResourceAttachedTags", `A resource can carry at most ${limit} tags.`),
  /** The key already has `tagValueQuota` distinct values (errors.go: 单个标签键对应标签值达到上限数 1000). */
  tagValueQuota: (key: string, quota: number) =>
    make("LimitExceeded.TagValue", `The tag key ${JSON.stringify(key)} has reached its limit of ${quota} values.`),
  /** The account already has `tagKeyQuota` distinct keys (errors.go: 用户创建标签键达到上限数 1000). */
  tagKeyQuota: (quota: number) => make("LimitExceeded.TagKey", `The account has reached its limit of ${quota} tag keys.`),

  // ---- departments ----
  /** AddOrganizationNode deeper than `nodeDepthLimit` levels (root = level 1; the console page's "5 levels"). */
  nodeDepthExceedLimit: (limit: number) =>
    make("LimitExceeded.NodeDepthExceedLimit", `A department can be at most ${limit} levels deep (the root department is level 1).`),
  /** AddOrganizationNode beyond `nodeLimit` departments. */
  nodeExceedLimit: (limit: number) => make("LimitExceeded.NodeExceedLimit", `The organization can hold at most ${limit} departments.`),
  /** DeleteOrganizationNodes of a department that still holds members (errors.go: 企业组织单元成员不为空). */
  nodeNotEmpty: (nodeId: number) => make("FailedOperation.NodeNotEmpty", `The department ${nodeId} still has members.`),
  /** DeleteOrganizationNodes of a department that still has sub-departments (errors.go: 组织节点不为空). */
  organizationNodeNotEmpty: (nodeId: number) =>
    make("FailedOperation.OrganizationNodeNotEmpty", `The department ${nodeId} still has sub-departments.`),
  /** More departments in one DeleteOrganizationNodes call than it allows. */
  nodeDeleteOverLimit: (limit: number) =>
    make("FailedOperation.OrganizationNodeDeleteOverLimit", `At most ${limit} departments can be deleted in one call.`),

  // ---- organization policies (policy-rules.ts and the policy handlers) ----
  /** The call's policy type is not enabled for the organization (errors.go: 集团策略不是启用状态). */
  policyTypeNotEnabled: (type: string) =>
    make(
      "FailedOperation.OrganizationPolicyIsNotEnabled",
      `The policy type ${type} is not enabled for the organization; call EnablePolicyType first.`,
    ),
  /** EnablePolicyType of a type already enabled (errors.go: 集团策略不是禁用状态). */
  policyTypeNotDisabled: (type: string) =>
    make("FailedOperation.OrganizationPolicyIsNotDisabled", `The policy type ${type} is already enabled for the organization.`),
  /** A parameter of a policy write action is out of its documented values (errors.go: 参数错误). */
  policyParamError: (detail: string) => make("InvalidParameter.ParamError", `Parameter error: ${detail}`),
  /** Policy name outside 1–128 of Chinese, letters, digits and `_` (errors.go: PolicyName字段不合法). */
  policyNameError: (name: string) =>
    make(
      "InvalidParameter.PolicyNameError",
      `The policy name ${JSON.stringify(name)} must be 1-128 Chinese characters, letters, digits or underscores.`,
    ),
  /** Another policy of the type already has this name (which of the two listed codes Tencent answers: a guess). */
  policyNameInUse: (name: string) => make("FailedOperation.PolicyNameInUse", `The policy name ${JSON.stringify(name)} already exists.`),
  /** UpdatePolicy Description over 300 bytes (errors.go: Description入参长度不能大于300字节). */
  descriptionLengthOverlimit: () => make("InvalidParameter.DescriptionLengthOverlimit", "Description may not be longer than 300 bytes."),
  /** Custom service control policies at `policyLimit` (errors.go: 用户策略数超过上限). */
  policyFull: (limit: number) =>
    make("FailedOperation.PolicyFull", `The organization already has the maximum of ${limit} service control policies.`),
  /** Tag policies at `tagPolicyLimit` (errors.go: 标签策略数量超出限制). */
  tagPolicyLimit: (limit: number) => make("LimitExceeded.TagPolicy", `The organization already has the maximum of ${limit} tag policies.`),
  /** The policy id names no policy of the call's type (errors.go: 策略不存在). */
  policyNotExist: (policyId: number, type: string) =>
    make("ResourceNotFound.PolicyNotExist", `The ${type} policy ${policyId} does not exist.`),
  /** DeletePolicy of a policy still attached (errors.go: 集团策略正在被使用). */
  policyInUse: (policyId: number, attachments: number) =>
    make("FailedOperation.OrganizationPolicyInUsed", `The policy ${policyId} is attached to ${attachments} target(s); detach it first.`),
  /** A target would carry more than `policyAttachmentLimit` policies of the type (errors.go: 授权对象策略已达上限). */
  attachmentFull: (targetId: number, limit: number) =>
    make("InvalidParameter.AttachmentFull", `The target ${targetId} already carries the maximum of ${limit} policies of this type.`),
  /** DetachPolicy of a policy the target does not carry (errors.go: 解绑策略失败; the case is a guess). */
  detachPolicyError: (policyId: number, targetId: number) =>
    make("FailedOperation.OrganizationDetachPolicyError", `The policy ${policyId} is not attached to the target ${targetId}.`),
  /** DetachPolicy of a target's last service control policy (errors.go: 解绑最后一个策略失败). */
  detachLastPolicyError: (targetId: number) =>
    make(
      "FailedOperation.OrganizationDetachLastPolicyError",
      `The policy is the last service control policy of the target ${targetId}; attach another one (e.g. FullQcloudAccess) first.`,
    ),
  /** ListPoliciesForTarget of an id that is neither a member nor a department (errors.go: 资源不存在; the case is a guess). */
  targetNotFound: (targetId: number) => make("ResourceNotFound.NotFound", `The target ${targetId} is neither a member nor a department.`),
  /** No tag policy applies to the target (errors.go: 有效策略不存在). */
  effectivePolicyNotFound: (targetId: number) =>
    make("ResourceNotFound.EffectivePolicyNotFound", `No effective policy exists for the target ${targetId}.`),
  /** OrganizationId is not the organization's id (errors.go: 企业组织不存在; the case is a guess). */
  organizationNotExist: (organizationId: number) =>
    make("ResourceNotFound.OrganizationNotExist", `The organization ${organizationId} does not exist.`),
  /** Content over the type's size limit (errors.go: PolicyDocument字段超过长度限制). */
  policyDocumentLengthOverLimit: (limit: number) =>
    make("InvalidParameter.PolicyDocumentLengthOverLimit", `The policy content exceeds ${limit} characters.`),
  /** A service control policy that is not a JSON object of the CAM grammar (errors.go: PolicyDocument字段不合法). */
  policyDocumentError: (detail: string) => make("InvalidParameter.PolicyDocumentError", `The policy document is invalid: ${detail}`),
  /** `version` missing or not "2.0" (errors.go: 策略文档的Version字段不合法). */
  policyVersionError: () => make("InvalidParameter.VersionError", 'The policy document\'s version must be "2.0".'),
  /** `statement` missing, empty, or not a list of statement objects (errors.go: 策略文档的Statement字段不合法). */
  policyStatementError: (detail: string) =>
    make("InvalidParameter.StatementError", `The policy document's statement is invalid: ${detail}`),
  /** `effect` missing or not allow/deny (errors.go: 策略文档的Effect字段不合法). */
  policyEffectError: (index: number) => make("InvalidParameter.EffectError", `The effect of statement ${index} must be "allow" or "deny".`),
  /** `action` missing or malformed (errors.go: 策略文档的Action字段不合法). */
  policyActionError: (index: number, detail: string) =>
    make("InvalidParameter.ActionError", `The action of statement ${index} is invalid: ${detail}`),
  /** `resource` missing or not a string / list of strings (errors.go: 策略文档的Resource字段不合法). */
  policyResourceError: (index: number, detail: string) =>
    make("InvalidParameter.ResourceError", `The resource of statement ${index} is invalid: ${detail}`),
  /** A resource that is neither `*` nor a six-segment `qcs:…` name (errors.go: 资源QCS错误). */
  policyResourceQcsError: (resource: string) =>
    make(
      "InvalidParameter.ResourceQcsError",
      `The resource ${JSON.stringify(resource)} is not "*" or qcs:project:service:region:account:resource.`,
    ),
  /** A resource whose account segment is not empty, `*`, `uin/<digits>` or `uin/*` (errors.go: 策略语法中资源所属主账号不正确). */
  policyResourceUinError: (resource: string) =>
    make("InvalidParameter.ResourceUinError", `The account segment of the resource ${JSON.stringify(resource)} is invalid.`),
  /** `condition` not an object of operators (errors.go: 策略文档的condition字段不合法). */
  policyConditionError: (index: number) =>
    make("InvalidParameter.ConditionError", `The condition of statement ${index} must be an object of condition operators.`),
  /** An unknown condition operator (errors.go: 策略语法中条件操作符不正确). */
  policyConditionTypeError: (operator: string) =>
    make("InvalidParameter.ConditionTypeError", `The condition operator ${JSON.stringify(operator)} is not a CAM condition operator.`),
  /** Condition keys or values of the wrong shape (errors.go: 策略语法中条件内容不正确). */
  policyConditionContentError: (operator: string) =>
    make(
      "InvalidParameter.ConditionContentError",
      `The condition ${JSON.stringify(operator)} must map keys to a value or a list of values.`,
    ),
  /** `principal` in a service control policy (errors.go: 策略文档的principal字段不合法). */
  policyPrincipalError: () =>
    make(
      "InvalidParameter.PrincipalError",
      "A service control policy cannot carry a principal (only role trust and COS bucket policies do).",
    ),
  /** A tag policy outside the tag-policy syntax (errors.go: 策略内容不合法). */
  policyContentInvalid: (detail: string) => make("InvalidParameterValue.PolicyContentInvalid", `The policy content is invalid: ${detail}`),
  /** A tag policy key twice under `tags` (errors.go: 标签策略内容的策略键有重复). */
  policyKeyDuplicated: (key: string) =>
    make("InvalidParameter.PolicyKeyDuplicated", `The tag policy key ${JSON.stringify(key)} is duplicated.`),

  // ---- STS (raised by sts.ts; codes from the Go SDK v1.3.166 sts client.go lists, conditions the emulator's reading) ----
  /** A malformed RoleArn, RoleSessionName, ExternalId, ProviderId or DurationSeconds (errors.go: 参数错误). */
  stsParamError: (detail: string) => make("InvalidParameter.ParamError", `Parameter error: ${detail}.`),
  /** AssumeRole names a role the account does not have (errors.go: 账号对应的角色不存在). */
  roleNotFound: (roleArn: string) => make("ResourceNotFound.RoleNotFound", `The role ${roleArn} does not exist.`),
  /** AssumeRoleWithWebIdentity names a role the account does not have (errors.go: 获取角色失败) — the code a **guess**. */
  getRoleError: (roleArn: string) => make("InternalError.GetRoleError", `Failed to get the role ${roleArn}.`),
  /** DurationSeconds above the role's maximum session duration (errors.go: 过期时间超过阈值). */
  overTimeError: (max: number) =>
    make("InvalidParameter.OverTimeError", `DurationSeconds exceeds the role's maximum session duration of ${max} seconds.`),
  /** The role's trust policy does not let this caller (key, identity provider, external id) assume it — the code a **guess**. */
  roleTrustRefused: (roleArn: string, cam: string, detail: string) =>
    make("UnauthorizedOperation", `You are not authorized to perform operation (${cam}) on ${roleArn}: ${detail}.`),
  /** AssumeRole's Policy is not a policy document (errors.go: 策略语法错误). */
  strategyFormatError: (detail: string) => make("InvalidParameter.StrategyFormatError", `The session policy is invalid: ${detail}.`),
  /** The web-identity token is unknown, not the provider's, or expired (errors.go: WebIdentityToken参数错误). */
  webIdentityTokenError: (detail: string) => make("InvalidParameter.WebIdentityTokenError", `WebIdentityToken is invalid: ${detail}.`),

  // ---- authorization ----
  /** The key pair's allow-list (CAM policy) does not grant the action. */
  unauthorizedOperation: (cam: string) =>
    make("UnauthorizedOperation", `You are not authorized to perform operation (${cam}); add "${cam}" to the key's CAM policy.`),
} as const;
