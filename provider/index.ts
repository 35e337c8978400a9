/**
 * pulumi-tencentcloud-organization: Tencent Cloud Organization member accounts as code.
 */
export { OrganizationMember, type OrganizationMemberArgs } from "./member/resource";
export { getOrganizationMember, type GetOrganizationMemberArgs } from "./member/lookup";
export { organizationMemberProvider } from "./shim";
export type { DeletionPolicy, MemberInputs, MemberOutputs, MemberIdentity, MemberPermission } from "./member/types";
export { DELETION_POLICIES } from "./member/types";
export { CONFIG_KEYS, ENV_VARS } from "./api/settings";
export { ERROR_HINTS } from "./api/codes";
export * from "./core/errors";
