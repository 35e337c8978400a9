/**
 * The action registry: (version, action) → handler.
 */
import { addOrganizationNode } from "./add-organization-node";
import { assumeRole } from "./assume-role";
import { assumeRoleWithWebIdentity } from "./assume-role-with-web-identity";
import { attachPolicy } from "./attach-policy";
import { createPolicy } from "./create-policy";
import { deletePolicy } from "./delete-policy";
import { describeEffectivePolicy } from "./describe-effective-policy";
import { describePolicy } from "./describe-policy";
import { describePolicyConfig } from "./describe-policy-config";
import { detachPolicy } from "./detach-policy";
import { disablePolicyType } from "./disable-policy-type";
import { enablePolicyType } from "./enable-policy-type";
import { listNonCompliantResource } from "./list-non-compliant-resource";
import { listPolicies } from "./list-policies";
import { listPoliciesForTarget } from "./list-policies-for-target";
import { listTargetsForPolicy } from "./list-targets-for-policy";
import { updatePolicy } from "./update-policy";
import { checkAccountDelete } from "./check-account-delete";
import { createOrganizationMember } from "./create-organization-member";
import { createOrganizationMemberAuthIdentity } from "./create-organization-member-auth-identity";
import { deleteAccount } from "./delete-account";
import { deleteOrganizationMemberAuthIdentity } from "./delete-organization-member-auth-identity";
import { deleteOrganizationMembers } from "./delete-organization-members";
import { describeOrganization } from "./describe-organization";
import { describeOrganizationAuthNode } from "./describe-organization-auth-node";
import { describeOrganizationMemberAuthIdentities } from "./describe-organization-member-auth-identities";
import { describeOrganizationMembers } from "./describe-organization-members";
import { describeOrganizationNodes } from "./describe-organization-nodes";
import type { ActionHandler } from "./handler";
import { listOrganizationIdentity } from "./list-organization-identity";
import { modifyResourceTags } from "./modify-resource-tags";
import { moveOrganizationNodeMembers } from "./move-organization-node-members";
import { updateOrganizationMember } from "./update-organization-member";
import { updateOrganizationNode } from "./update-organization-node";
import { deleteOrganizationNodes } from "./delete-organization-nodes";

export { ORGANIZATION_VERSION, STS_VERSION, TAG_VERSION, type ActionHandler, type HandlerContext } from "./handler";

/** Every action the emulator serves. */
export const HANDLERS: readonly ActionHandler[] = [
  describeOrganization,
  createOrganizationMember,
  describeOrganizationMembers,
  updateOrganizationMember,
  moveOrganizationNodeMembers,
  deleteOrganizationMembers,
  deleteAccount,
  checkAccountDelete,
  describeOrganizationNodes,
  addOrganizationNode,
  updateOrganizationNode,
  deleteOrganizationNodes,
  listOrganizationIdentity,
  describeOrganizationAuthNode,
  createOrganizationMemberAuthIdentity,
  describeOrganizationMemberAuthIdentities,
  deleteOrganizationMemberAuthIdentity,
  modifyResourceTags,
  // Organization policies (policy-rules.ts).
  createPolicy,
  updatePolicy,
  deletePolicy,
  describePolicy,
  listPolicies,
  attachPolicy,
  detachPolicy,
  listTargetsForPolicy,
  listPoliciesForTarget,
  enablePolicyType,
  disablePolicyType,
  describePolicyConfig,
  describeEffectivePolicy,
  listNonCompliantResource,
  // STS (sts.ts): temporary credentials of CAM roles.
  assumeRole,
  assumeRoleWithWebIdentity,
];

/** Result of looking an action up. */
export type HandlerLookup = { found: ActionHandler } | { error: "NoSuchVersion" | "InvalidAction" };

/**
 * Finds the handler for a (version, action) pair. An unknown version is NoSuchVersion; a known
 * version without that action is InvalidAction.
 */
export function findHandler(version: string, action: string): HandlerLookup {
  const ofVersion = HANDLERS.filter((h) => h.version === version);
  if (ofVersion.length === 0) return { error: "NoSuchVersion" };
  const found = ofVersion.find((h) => h.action === action);
  return found ? { found } : { error: "InvalidAction" };
}
