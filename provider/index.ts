/**
 * pulumi-tencentcloud-organization: Tencent Cloud Organization member accounts and departments as code.
 */
export { OrganizationMember, type OrganizationMemberArgs } from "./member/resource";
export { getOrganizationMember, type GetOrganizationMemberArgs } from "./member/lookup";
export { OrganizationNode, type OrganizationNodeArgs } from "./node/resource";
export { getOrganizationNode, getRootOrganizationNode, type GetOrganizationNodeArgs } from "./node/lookup";
export {
  organizationMemberProvider,
  organizationNodeProvider,
  organizationPolicyAttachmentProvider,
  organizationPolicyProvider,
  organizationPolicyTypeProvider,
} from "./shim";
export type { NodeDeletionPolicy, NodeInputs, NodeOutputs } from "./node/types";
export { NODE_DELETION_POLICIES } from "./node/types";
export type { DeletionPolicy, MemberInputs, MemberOutputs, MemberIdentity, MemberPermission } from "./member/types";
export { DELETION_POLICIES } from "./member/types";
export { CONFIG_KEYS, ENV_VARS } from "./api/call/settings";
export { ERROR_HINTS } from "./api/call/codes";
export * from "./core/errors";
export { OrganizationPolicy, type OrganizationPolicyArgs } from "./policy/resource";
export { getOrganizationPolicy, getEffectivePolicy, getNonCompliantResources, type GetOrganizationPolicyArgs } from "./policy/lookup";
export type { EffectivePolicy } from "./policy/lifecycle";
export type { PolicyInputs, PolicyOutputs, PolicyDeletionPolicy } from "./policy/types";
export { POLICY_DELETION_POLICIES } from "./policy/types";
export { OrganizationPolicyAttachment, type OrganizationPolicyAttachmentArgs } from "./attachment/resource";
export type { AttachmentInputs, AttachmentOutputs, AttachmentDeletionPolicy } from "./attachment/types";
export { OrganizationPolicyType, type OrganizationPolicyTypeArgs } from "./policyType/resource";
export type { PolicyTypeInputs, PolicyTypeOutputs, PolicyTypeDeletionPolicy } from "./policyType/types";
export type { NonCompliantResource, PolicyType, TargetType } from "./api/model";
export { POLICY_TYPES, TARGET_TYPES } from "./api/model";
export { loadOrganizationFile } from "./adopt/file";
