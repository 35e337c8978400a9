/**
 * Why Tencent would refuse to delete a member's account, in words a user can act on: one line per
 * reason CheckAccountDelete reports, all at once (DeleteAccount itself answers with the first
 * reason it meets). Pure.
 */
import type { AccountDeletionCheck } from "../api/model";

/** Where every advice ends: what deletion policy keeps the stack moving. */
const OR_RETAIN = 'or set deletionPolicy: "retain" to keep the account and drop it from the stack';

/** One row per reason: whether the check reports it, and what to do about it. */
const BLOCKERS: readonly { blocks(check: AccountDeletionCheck): boolean; advice(check: AccountDeletionCheck): string }[] = [
  {
    blocks: (c) => c.invited,
    advice: () =>
      'the member joined by invitation, and the organization cannot delete an invited member\'s account: set deletionPolicy: "removeFromOrganization" to let it leave (its account lives on)',
  },
  {
    blocks: (c) => c.deletionPermissionOff,
    advice: () =>
      'the organization\'s member deletion permission is off: enable it in the Organization console, Basic information, "Member deletion permission" (Tencent doc product 1031 doc 55955)',
  },
  {
    blocks: (c) => c.delegatedAdministrator,
    advice: () =>
      "the account is a delegated administrator of a trusted service: remove the delegation first (Organization console, Trusted services)",
  },
  {
    blocks: (c) => c.entityAdministrator,
    advice: () => "the account manages a verified entity of the organization: hand the entity's management to another account first",
  },
  {
    blocks: (c) => c.shareAdministrator,
    advice: () => "the account administers shared resources: stop sharing them first (Organization console, Resource sharing)",
  },
  {
    blocks: (c) => c.approvalProcess,
    advice: () => "the member has an operation approval process: remove it first (Organization console)",
  },
  {
    blocks: (c) => c.billingPermissionLocked,
    advice: () => "the member's financial permissions cannot be released now: settle its bills and payer arrangements first",
  },
  {
    blocks: (c) => c.resources.length > 0,
    advice: (c) => `resources are still in the account (${c.resources.join(", ")}): release them first in the member's own console`,
  },
  {
    blocks: (c) => c.undetectedResources.length > 0,
    advice: (c) => `Tencent could not check these resources of the account (${c.undetectedResources.join(", ")}): run destroy again later`,
  },
  {
    blocks: (c) => c.identityCenterRoles,
    advice: () => "Identity Center permission configurations are deployed to the account: remove those deployments first (CIC console)",
  },
  {
    blocks: (c) => c.identityCenterUsers,
    advice: () => "Identity Center users are synchronised to the account: stop the synchronisation first (CIC console)",
  },
];

/**
 * Every reason the check reports, each with what to do; empty when Tencent would delete the
 * account. A check that refuses without a reason the table knows still yields one line.
 */
export function accountDeletionBlockers(check: AccountDeletionCheck): string[] {
  if (check.allowed) return [];
  const reasons = BLOCKERS.filter((row) => row.blocks(check)).map((row) => row.advice(check));
  return reasons.length > 0 ? reasons : [`CheckAccountDelete answered that the account cannot be deleted, without a reason: ${OR_RETAIN}`];
}

/** What to do when deletion is blocked, whatever the reasons. */
export const ACCOUNT_DELETION_WAY_OUT = `fix each reason and destroy again; ${OR_RETAIN} (run \`pulumi up\` so the state records it first).`;
