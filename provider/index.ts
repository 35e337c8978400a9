/**
 * pulumi-tencentcloud-organization: Tencent Cloud Organization member accounts as code.
 */
export { OrganizationMember, type OrganizationMemberArgs } from "./resource";
export { getOrganizationMember, type GetOrganizationMemberArgs } from "./lookup";
export { organizationMemberProvider } from "./provider";
export type { DeletionPolicy, MemberInputs, MemberOutputs, MemberIdentity, MemberPermission } from "./types";
export { DELETION_POLICIES } from "./types";
export { CONFIG_KEYS, ENV_VARS } from "./api/settings";
export { ERROR_HINTS } from "./api/hints";
export * from "./errors";
