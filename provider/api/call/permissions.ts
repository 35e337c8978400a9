/**
 * The CAM actions the provider calls, per resource: the one source of the least-privilege
 * policies in docs/installation-configuration.md (test/provider/permissions.test.ts checks that page against
 * `camPolicy`) and of the allow-list the emulator enforces in test/e2e/cam.test.ts, which runs a
 * whole lifecycle through the real engine with nothing else allowed.
 *
 * A new resource adds its actions with one entry in `RESOURCE_PERMISSIONS`; every policy, the
 * documentation check and the end-to-end allow-list follow from it.
 */
import { DELETION_POLICIES, type DeletionPolicy } from "../model";
import type { Service } from "./actions";

/** The services the provider calls (the CAM action prefix). */
export type CamService = Service;

/** A CAM action as a policy names it: `organization:CreateOrganizationMember`. */
export type CamAction = `${CamService}:${string}`;

/** One action a resource calls, and why. */
export interface ActionUse {
  action: CamAction;
  /** The operations that call it, in words (shown in the documentation's table). */
  usedFor: string;
  /** Only members with these deletion policies need it; absent: every policy. */
  deletionPolicies?: readonly DeletionPolicy[];
}

/**
 * The actions each resource calls. A new resource is one more entry, e.g.
 * `OrganizationNode: [{ action: "organization:AddOrganizationNode", usedFor: "create" }, …]`
 * (no `deletionPolicies`: every policy document then carries it).
 */
export const RESOURCE_PERMISSIONS = {
  OrganizationMember: [
    {
      action: "organization:DescribeOrganizationMembers",
      usedFor:
        'read back after create and update (shared listings of the ownership-marker keys, or a look-up); refresh; look-ups (`getOrganizationMember`, crash recovery on create, "already gone" on delete)',
    },
    { action: "organization:CreateOrganizationMember", usedFor: "create (tags, ownership marker and identities in the same call)" },
    {
      action: "organization:UpdateOrganizationMember",
      usedFor:
        "update of `name`, `remark`, `policyType`/`permissionIds`, `payUin`, `isAllowQuit` (also right after a create that sets `isAllowQuit`)",
    },
    { action: "organization:MoveOrganizationNodeMembers", usedFor: "update of `nodeId`" },
    { action: "tag:ModifyResourceTags", usedFor: "update of `tags`; the tags of an adopted member" },
    { action: "organization:CreateOrganizationMemberAuthIdentity", usedFor: "update of `identityRoleIds` (grant)" },
    { action: "organization:DeleteOrganizationMemberAuthIdentity", usedFor: "update of `identityRoleIds` (revoke)" },
    { action: "organization:DeleteOrganizationMembers", usedFor: "delete", deletionPolicies: ["removeFromOrganization"] },
    {
      action: "organization:CheckAccountDelete",
      usedFor: "delete: every reason Tencent would refuse DeleteAccount, asked first; preview of a replacement that deletes the account",
      deletionPolicies: ["deleteAccount"],
    },
    { action: "organization:DeleteAccount", usedFor: "delete", deletionPolicies: ["deleteAccount"] },
  ],
  // Departments have their own deletion policies ("retain" | "delete"); their actions go into every
  // document, since a stack's departments and members choose their policies independently.
  OrganizationNode: [
    {
      action: "organization:DescribeOrganizationNodes",
      usedFor:
        'read back after create and update (one shared listing); refresh; look-ups (`getOrganizationNode`, `getRootOrganizationNode`, crash recovery on create, "already gone" on delete)',
    },
    { action: "organization:AddOrganizationNode", usedFor: "create (tags and ownership marker in the same call)" },
    { action: "organization:UpdateOrganizationNode", usedFor: "update of `name`, `remark`" },
    { action: "tag:ModifyResourceTags", usedFor: "update of `tags`; the tags of an adopted department" },
    { action: "organization:DeleteOrganizationNodes", usedFor: "delete of a department whose deletionPolicy is `delete`" },
    {
      action: "organization:DescribeOrganizationMembers",
      usedFor: "naming the members still inside when a deletion is refused (`NodeNotEmpty`)",
    },
  ],
  // Governance: every document carries these (a stack's policies choose their deletion behaviour
  // independently of its members).
  OrganizationPolicy: [
    {
      action: "organization:DescribePolicy",
      usedFor:
        'refresh; adoption; `getOrganizationPolicy` by id; read back when the shared listing misses a policy just changed; "already gone" on delete',
    },
    {
      action: "organization:ListPolicies",
      usedFor:
        "read back after create and update (one shared listing); crash recovery on create (by name and ownership marker); `getOrganizationPolicy` by name",
    },
    { action: "organization:CreatePolicy", usedFor: "create (the ownership marker in the description)" },
    { action: "organization:UpdatePolicy", usedFor: "update of `name`, `description`, `content`; writing a lost ownership marker again" },
    { action: "organization:DeletePolicy", usedFor: "delete of a policy whose deletionPolicy is `delete`" },
    {
      action: "organization:ListTargetsForPolicy",
      usedFor: "naming the targets still attached when a deletion is refused (`OrganizationPolicyInUsed`)",
    },
    { action: "organization:DescribeEffectivePolicy", usedFor: "`getEffectivePolicy` (a look-up; read-only)" },
    { action: "organization:ListNonCompliantResource", usedFor: "`getNonCompliantResources` (a look-up; read-only)" },
  ],
  OrganizationPolicyAttachment: [
    {
      action: "organization:ListTargetsForPolicy",
      usedFor: 'create (already attached?), refresh, "already detached" on delete; one listing per policy per operation',
    },
    { action: "organization:AttachPolicy", usedFor: "create" },
    { action: "organization:DetachPolicy", usedFor: "delete of an attachment whose deletionPolicy is `detach`" },
  ],
  // The adoption command (`tencentcloud-organization adopt` / `unmanaged`): read-only listings.
  "tencentcloud-organization adopt": [
    { action: "organization:DescribeOrganizationNodes", usedFor: "`adopt` and `unmanaged`: the department tree (⌈departments/50⌉ calls)" },
    { action: "organization:DescribeOrganizationMembers", usedFor: "`adopt` and `unmanaged`: every member (⌈members/50⌉ calls)" },
  ],
  OrganizationPolicyType: [
    { action: "organization:DescribeOrganization", usedFor: "the organization id every policy-type call takes (once per operation)" },
    { action: "organization:DescribePolicyConfig", usedFor: 'create (already enabled?), refresh, "already disabled" on delete' },
    { action: "organization:EnablePolicyType", usedFor: "create" },
    { action: "organization:DisablePolicyType", usedFor: "delete of a policy type whose deletionPolicy is `disable`" },
  ],
} as const satisfies Record<string, readonly ActionUse[]>;

/** The resources with their actions, in declaration order. */
const USES: readonly [string, ActionUse][] = Object.entries(RESOURCE_PERMISSIONS).flatMap(([resource, uses]) =>
  (uses as readonly ActionUse[]).map((use) => [resource, use] as [string, ActionUse]),
);

/** A resource of the table. */
export type PermissionedResource = keyof typeof RESOURCE_PERMISSIONS;

/**
 * Every action a stack whose members all use `policy` may call, without repeats, in declaration
 * order; only those of `resources` when given (the policy documents hold every resource's).
 */
export function actionsFor(policy: DeletionPolicy, resources?: readonly PermissionedResource[]): CamAction[] {
  const actions = USES.filter(
    ([resource, use]) =>
      (!resources || (resources as readonly string[]).includes(resource)) &&
      (!use.deletionPolicies || use.deletionPolicies.includes(policy)),
  ).map(([, use]) => use.action);
  return [...new Set(actions)];
}

/** A Tencent CAM policy document (version 2.0). */
export interface CamPolicyDocument {
  version: "2.0";
  statement: { effect: "allow"; action: CamAction[]; resource: ["*"] }[];
}

/** The least-privilege CAM policy for a stack whose members all use `policy`. */
export function camPolicy(policy: DeletionPolicy): CamPolicyDocument {
  return { version: "2.0", statement: [{ effect: "allow", action: actionsFor(policy), resource: ["*"] }] };
}

/** The policy as the documentation prints it (and a user pastes it into the CAM console). */
export function camPolicyText(policy: DeletionPolicy): string {
  // One action per line (the line an error asks to add); the resource list stays on one line.
  return JSON.stringify(camPolicy(policy), null, 2).replace(/\[\s*"\*"\s*\]/, '["*"]');
}

/** The line of the policy's `action` list that allows `action`, exactly as `camPolicyText` prints it. */
export function policyLine(action: string): string {
  return `${JSON.stringify(action)},`;
}

/** The documentation's table of actions: action, what calls it, which deletion policies need it. */
export function permissionsTable(): string {
  const rows = USES.map(([resource, use]) => {
    const policies = (use.deletionPolicies ?? DELETION_POLICIES).map((p) => `\`${p}\``).join(", ");
    return `| \`${use.action}\` | ${resource} | ${use.usedFor} | ${policies} |`;
  });
  return ["| action | resource | called for | in the documents for members with deletionPolicy |", "|---|---|---|---|", ...rows].join("\n");
}

/**
 * The CAM action a refusal names. Tencent's message says "you are not authorized to perform
 * operation (organization:DeleteAccount)"; the action it names is the one to allow, which may differ
 * from the action called (an action can need another one). Without such a name: the called action.
 */
export function deniedAction(service: CamService, action: string, message = ""): string {
  return /operation\s*\(\s*([a-z]+:[A-Za-z*]+)\s*\)/i.exec(message)?.[1] ?? `${service}:${action}`;
}

/** What to do when CAM refuses `camAction`: the line to add to the policy, and where the full policies are. */
export function unauthorizedHint(camAction: string): string {
  return (
    `the credential's CAM policy does not allow ${camAction}: add the line ${policyLine(camAction)} to the "action" list ` +
    `of its policy statement (the least-privilege policy for each deletionPolicy is in docs/installation-configuration.md, "CAM policy"), then run again.`
  );
}
