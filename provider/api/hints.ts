/**
 * What a user should do about each Tencent error code they can meet. Shown with the error and
 * listed in the README, so the two never disagree.
 */
export const ERROR_HINTS: Readonly<Record<string, string>> = {
  "AuthFailure.SecretIdNotFound": "the SecretId is unknown: check tencentcloud:secretId / TENCENTCLOUD_SECRET_ID.",
  "AuthFailure.SignatureFailure": "the SecretKey does not match the SecretId: check tencentcloud:secretKey / TENCENTCLOUD_SECRET_KEY.",
  "AuthFailure.SignatureExpire": "this machine's clock is more than 5 minutes off; synchronise it (NTP) and retry.",
  "AuthFailure.TokenFailure": "the session token is missing, wrong or expired: refresh tencentcloud:securityToken / TENCENTCLOUD_SESSION_TOKEN.",
  "AuthFailure.UnauthorizedOperation": "the credential lacks permission for this action: grant the organization (and tag) actions to its CAM policy.",
  "FailedOperation.OrganizationNodeNotExist": "nodeId is not a department of this organization: pick one from the console or DescribeOrganizationNodes.",
  "ResourceNotFound.OrganizationNodeNotExist": "nodeId is not a department of this organization: pick one from the console or DescribeOrganizationNodes.",
  "FailedOperation.OrganizationPermissionIllegal": "permissionIds holds a permission Tencent refuses (3 and 10 need business enablement).",
  "FailedOperation.OrganizationPolicyIllegal": "policyType must be Financial.",
  "FailedOperation.PayUinIllegal": "payUin must be the UIN of a payer in this organization (the admin or a member), with permission 7.",
  "InvalidParameter.TagError": "a tag key or value is not accepted by Tencent's tag rules.",
  "FailedOperation.TagResourcesError": "Tencent could not tag the member; run `pulumi up` again to retry the tags.",
  "LimitExceeded.CreateMemberOverLimit": "the organization created too many members recently; wait and run `pulumi up` again.",
  "LimitExceeded.OrganizationMemberOverLimit": "the organization is at its member limit; remove members or ask Tencent to raise it.",
  "ResourceNotFound.OrganizationAuthRelationNotExist": "authRelationId is not a verified entity of this organization (DescribeOrganizationAuthNode).",
  "FailedOperation.AuthInfoEmpty": "complete identity verification for the organization's admin account first.",
  "FailedOperation.AuthNotEnterprise": "complete enterprise identity verification for the organization's admin account first.",
  "FailedOperation.ChangePermissionRecordExist": "a permission change is already pending review for this member; approve or cancel it in the console, then retry.",
  "FailedOperation.OrganizationMemberNameUsed": "another member already has this name: choose another name.",
  "FailedOperation.MemberNameUsed": "another member already has this name: choose another name.",
  "ResourceNotFound.OrganizationNotExist": "the credential's account has no organization: create one in the console or use the admin account's credential.",
  "RequestLimitExceeded": "Tencent throttled the calls beyond the retry budget: lower tencentcloud:requestsPerSecond or raise tencentcloud:maxAttempts.",
  "UnsupportedOperation.MemberAccountArrears": "the member account has overdue payments; settle them first.",
};

/** The hint for a code, if one is known. */
export function hintFor(code: string): string | undefined {
  return ERROR_HINTS[code];
}
