/**
 * pulumi-tencentcloud-organization: Tencent Cloud Organization member accounts and departments as code.
 */
export { OrganizationMember, type OrganizationMemberArgs } from "./member/resource";
export { getOrganizationMember, type GetOrganizationMemberArgs } from "./member/lookup";
export { OrganizationNode, type OrganizationNodeArgs } from "./node/resource";
export { getOrganizationNode, getRootOrganizationNode, type GetOrganizationNodeArgs } from "./node/lookup";
export { organizationMemberProvider, organizationNodeProvider } from "./shim";
export type { NodeDeletionPolicy, NodeInputs, NodeOutputs } from "./node/types";
export { NODE_DELETION_POLICIES } from "./node/types";
export type { DeletionPolicy, MemberInputs, MemberOutputs, MemberIdentity, MemberPermission } from "./member/types";
export { DELETION_POLICIES } from "./member/types";
export { CONFIG_KEYS, ENV_VARS } from "./api/call/settings";
export { ERROR_HINTS } from "./api/call/codes";
export * from "./core/errors";
