/**
 * What is a member's own in the lifecycle skeleton (kit/lifecycle.ts): its decisions (check.ts,
 * diff.ts, plan.ts, state.ts), what "my own" means (same name, carrying the marker derived from
 * the resource and its account name), the creation refusals only CreateOrganizationMember answers,
 * and the deletion policies.
 */
import type { TencentApi } from "../api/call/client";
import { hintFor, meaningOf, reactionTo } from "../api/call/codes";
import { backoffDelayMs, DEREGISTRATION_BACKOFF, withRetry } from "../api/call/retry";
import type { ProviderSettings } from "../api/call/settings";
import { MemberApi } from "../api/members";
import type { ReportedMember } from "../api/model";
import { MemberReader } from "../api/reader";
import {
  AccountDeletionBlockedError,
  CreateAccountFailedError,
  CreateRecordNotFoundError,
  DeletionRefusedError,
  DeregistrationPendingError,
  MemberNameTakenError,
  MemberNotFoundError,
  TencentApiError,
} from "../core/errors";
import type { Connection, ResourceKind } from "../kit/lifecycle";
import { checkMember } from "./check";
import { ACCOUNT_DELETION_WAY_OUT, accountDeletionBlockers } from "./deletion";
import { type ChangeEffect, diffMember, nicknameDrifted } from "./diff";
import { carriesMarker, ownerTag } from "../core/ownership";
import { expectedMarkerKey, memberOwnerMarker } from "./ownership";
import { isEmptyPlan, planUpdate, type UpdatePlan } from "./plan";
import { toOutputs, toRefreshedInputs, unreportedInputs } from "./state";
import type { MemberInputs, MemberOutputs } from "./types";

/** What a member's calls work with. */
export interface MemberConnection extends Connection {
  members: MemberApi;
  reader: MemberReader;
  /** How long `delete` waits for an account deletion under review. */
  deleteAccountWaitSeconds: number;
}

/** The collaborators of members on the process's client. */
export function connectMembers(api: TencentApi, settings: ProviderSettings): MemberConnection {
  const members = new MemberApi(api, settings.region);
  return { api, members, reader: new MemberReader(members, api.clock), deleteAccountWaitSeconds: settings.deleteAccountWaitSeconds };
}

/** OrganizationMember, for the lifecycle skeleton. */
export const MEMBER_KIND: ResourceKind<MemberInputs, MemberOutputs, ReportedMember, UpdatePlan, MemberConnection, ChangeEffect> = {
  noun: "member",

  check: checkMember,
  diff: diffMember,
  plan: (current, desired) => {
    const plan = planUpdate(current, desired);
    return isEmptyPlan(plan) ? undefined : plan;
  },
  // While an invited member has not confirmed a permission change, the state keeps the request:
  // the one just sent, or the one still waiting from before.
  toOutputs: (reported, declared, updated) =>
    toOutputs(
      reported,
      declared,
      updated ? (updated.plan.updateMember?.permissionIds ?? updated.current.pendingPermissionIds) : declared.pendingPermissionIds,
    ),
  unreported: unreportedInputs,
  idOutputs: (memberUin) => ({ memberUin }),
  toRefreshedInputs,
  ownerMarker: memberOwnerMarker,
  ownedBy: (reported, marker) => carriesMarker(reported.tags, marker),
  idOf: (member) => member.memberUin,
  describe: (inputs) => `"${inputs.name}"`,
  explainDiff: (id, olds, _news, changed, replaced) => [
    ...(olds.pendingPermissionIds
      ? [
          `member ${id}: ${pendingText(olds.pendingPermissionIds)}` +
            (changed.has("permissionIds")
              ? "; Tencent refuses another permission change until the member answers (FailedOperation.ChangePermissionRecordExist)"
              : "; nothing is sent for the permissions meanwhile"),
        ]
      : []),
    ...(changed.has("ownerMarker")
      ? [`member ${id} lost its ownership marker tag (removed outside Pulumi): the update writes it again`]
      : []),
    ...(replaced.has("accountName") || replaced.has("authRelationId") ? [replacementText(id, olds)] : []),
    ...(changed.has("accountName") && !replaced.has("accountName")
      ? [
          olds.nickName && olds.nickName !== olds.accountName
            ? `member ${id}: the account's nickname "${olds.nickName}" was changed outside Pulumi; the update copies the member's name to it again (IsModifyNickName): the same account`
            : `member ${id}: the account name becomes the member's name in place (IsModifyNickName): the same account, no new one`,
        ]
      : []),
  ],
  previewWarnings: async (c, id, olds) => {
    if (olds.deletionPolicy !== "deleteAccount") return [];
    const blockers = accountDeletionBlockers(await c.members.checkAccountDeletion(Number(id)));
    return blockers.length === 0
      ? []
      : [
          `member ${id}: the replacement deletes its account first, and Tencent would refuse that now (CheckAccountDelete): ` +
            `${blockers.map((reason, i) => `(${i + 1}) ${reason}`).join("; ")}. \`pulumi up\` would stop there, with the member unchanged.`,
        ];
  },
  explainRead: (id, outputs) => [
    ...(outputs.pendingPermissionIds ? [`member ${id}: ${pendingText(outputs.pendingPermissionIds)}`] : []),
    ...(outputs.adoptMemberUin === undefined && nicknameDrifted(outputs, outputs)
      ? [
          `member ${id}: the account's nickname is "${outputs.nickName}", not its account name "${outputs.accountName}" (changed outside Pulumi)` +
            (outputs.accountName === outputs.name
              ? "; the next update copies the member's name to it again (IsModifyNickName)"
              : "; Tencent can set it only to the member's name, so it is reported, not changed"),
        ]
      : []),
  ],

  connect: connectMembers,
  adoptedId: (inputs) => inputs.adoptMemberUin,
  adopt: async (c, memberUin) => {
    // Through the operation's shared reader: adoptions that arrive together are answered from shared
    // listings when that is cheaper than a look-up each (reader.ts).
    const member = await c.reader.read(memberUin);
    if (!member) throw new MemberNotFoundError(memberUin, "adoptMemberUin");
    return member;
  },
  send: async (c, inputs, marker) => {
    const { memberUin, requestId } = await c.members.create(inputs, ownerTag(marker));
    return { id: memberUin, requestId };
  },
  findByName: async (c, inputs) => (await c.members.findByName(inputs.name))[0],
  nameTaken: (inputs, holder, error) => new MemberNameTakenError(inputs.name, holder?.memberUin, error.code, error.requestId),
  createRefused: async (c, inputs, error, recovery) => {
    switch (reactionTo(error.code, error.action)) {
      case "createAccountFailed": {
        const own = await recovery.findOwn();
        if (own !== undefined) return own;
        throw new CreateAccountFailedError(inputs.name, error.code, error.requestId);
      }
      case "createRecordAlreadySucceeded": {
        // The record finished earlier (resumed in the console, or this resource was created from it
        // and later deleted). Its member is ours only if it carries our marker; otherwise the record
        // is spent, and a plain creation is what the program asks for.
        const own = await recovery.findOwn();
        if (own !== undefined) return own;
        c.api.log.info(
          `creation record ${inputs.recordId} already succeeded (RequestId ${error.requestId ?? "unknown"}) ` +
            `and no member "${inputs.name}" of this resource exists: creating it without the record`,
        );
        return recovery.createAgain({ ...inputs, recordId: undefined });
      }
      case "createRecordNotFound":
        throw new CreateRecordNotFoundError(inputs.recordId ?? 0, error.code, error.requestId);
      default:
        throw error;
    }
  },
  read: (c, memberUin, known) => c.reader.read(memberUin, expectedMarkerKey(known)),
  // Through the shared reader, which answers it only from what it fetches after the change: the
  // read-backs of members created together cost a few listings of their marker keys, not a look-up each.
  readBack: async (c, memberUin, _why, known) => {
    const member = await c.reader.read(memberUin, expectedMarkerKey(known));
    if (!member) throw new MemberNotFoundError(memberUin, "memberUin");
    return member;
  },
  expectReadBack: (c) => c.reader.expectRead(),
  apply: async (c, memberUin, plan) => {
    if (plan.moveToNodeId !== undefined) await c.members.move(memberUin, plan.moveToNodeId);
    if (plan.updateMember) await c.members.update(memberUin, plan.updateMember);
    if (plan.restoredMarker) {
      c.api.log.info(`member ${memberUin}: writing its ownership marker tag ${Object.keys(plan.restoredMarker).join(", ")} again`);
    }
    if (plan.tags) await c.members.modifyTags(memberUin, plan.tags.replace, plan.tags.remove);
    if (plan.identities) {
      if (plan.identities.add.length > 0) await c.members.addIdentities(memberUin, plan.identities.add);
      for (const identityId of plan.identities.remove) await c.members.removeIdentity(memberUin, identityId);
    }
  },

  deletionPolicy: (outputs) => outputs.deletionPolicy ?? "retain",
  retained: (id) => `member ${id} retained (deletionPolicy "retain"): dropped from the stack; the account and its membership are unchanged`,
  remove: async (c, memberUin, outputs) => {
    if (outputs.deletionPolicy === "removeFromOrganization") {
      await c.members.removeFromOrganization(memberUin);
      return `member ${memberUin} removed from the organization; the account itself still exists`;
    }
    await deleteAccount(c, memberUin);
    return `account of member ${memberUin} deleted`;
  },
  lookAfterRefusal: (c, memberUin) => c.members.getByUin(memberUin),
  deletionRefused: async (_c, memberUin, outputs, error) => {
    if (reactionTo(error.code, error.action) !== "deletionRefused") return undefined;
    const policy = outputs.deletionPolicy;
    const asked = policy === "deleteAccount" ? "deleting its account" : "removing it from the organization";
    const reason = `${meaningOf(error.code)} (deletionPolicy "${policy}": ${asked})`;
    return new DeletionRefusedError(memberUin, reason, error.code, error.requestId, hintFor(error.code));
  },
  invalidate: (c) => c.reader.invalidate(),
};

/**
 * Asks CheckAccountDelete first, so every reason Tencent would refuse is reported at once; then
 * DeleteAccount, asked again while Tencent reviews the deletion, up to the configured wait.
 */
async function deleteAccount(c: MemberConnection, memberUin: number): Promise<void> {
  const check = await c.members.checkAccountDeletion(memberUin);
  const blockers = accountDeletionBlockers(check);
  if (blockers.length > 0) throw new AccountDeletionBlockedError(memberUin, blockers, check.requestId, ACCOUNT_DELETION_WAY_OUT);
  const waitMs = c.deleteAccountWaitSeconds * 1000;
  const underReview = (error: unknown): error is TencentApiError =>
    error instanceof TencentApiError && reactionTo(error.code, error.action) === "deregisterPending";
  await withRetry(
    () => c.members.deleteAccount(memberUin),
    {
      retryable: underReview,
      exhausted: (_attempt, elapsedMs) => elapsedMs >= waitMs,
      delayMs: (attempt, elapsedMs) =>
        Math.max(1, Math.min(backoffDelayMs(attempt, DEREGISTRATION_BACKOFF, c.api.random), waitMs - elapsedMs)),
      onRetry: (error, _attempt, delay) =>
        c.api.log.info(
          `deletion of member ${memberUin} is under review (RequestId ${(error as TencentApiError).requestId ?? "unknown"}); checking again in ${delay} ms`,
        ),
      giveUp: (error, attempts, elapsedMs) =>
        underReview(error)
          ? new DeregistrationPendingError(memberUin, Math.round(elapsedMs / 1000), attempts, error.code, error.requestId)
          : error,
    },
    c.api.clock,
  );
}

/** What a replacement means for the account, in words: Tencent cannot move an account to another name or entity. */
function replacementText(id: string, olds: MemberOutputs): string {
  const policy = olds.deletionPolicy ?? "retain";
  const old = {
    retain: "the old account stays in the organization and is dropped from the stack",
    removeFromOrganization: "the old account is removed from the organization and lives on outside it",
    deleteAccount: "the old account is deleted first",
  }[policy];
  return `member ${id}: the replacement creates a NEW Tencent Cloud account (no API renames an account or moves it to another entity); ${old} (deletionPolicy "${policy}")`;
}

/** What waits for an invited member's confirmation, in words. */
function pendingText(permissionIds: readonly number[]): string {
  return `the permission change to [${permissionIds.join(", ")}] awaits the member's confirmation (permissionStatus UnConfirmed); Tencent reports the old permissions until the member confirms it in its own console`;
}
