/**
 * `diff`: what a change of inputs does to a member, decided by one table. Pure:
 * (old outputs from the state, new checked inputs) → changes, replacements, changed fields.
 *
 * Outputs hold what Tencent reported at the last read, so comparing against them also reports
 * drift found by a refresh.
 */
import { sameTags, userTags } from "../core/tags";
import type { MaybeUnknown } from "../core/unknown";
import { diffByTable, type FieldRule as KitFieldRule, replacingFields as kitReplacingFields } from "../kit/diff";
import { memberMarkerMissing } from "./ownership";
import type { MemberInputs, MemberOutputs } from "./types";

/**
 * How a field's change is carried out.
 * - `updateMember`: UpdateOrganizationMember, in place.
 * - `moveNode`: MoveOrganizationNodeMembers, in place.
 * - `modifyTags`: Tag service ModifyResourceTags, in place.
 * - `identities`: Create/DeleteOrganizationMemberAuthIdentity, in place.
 * - `stateOnly`: no API call; the state must still be updated so that `delete`, which sees only
 *   the state, acts on the new value.
 * - `replace`: the API cannot change it; a new member is needed.
 */
export type ChangeEffect = "updateMember" | "moveNode" | "modifyTags" | "identities" | "stateOnly" | "replace";

/** One row of the diff table. */
export type FieldRule = KitFieldRule<MemberInputs, MemberOutputs, ChangeEffect>;

/**
 * The diff table. Fields not listed never cause a change: `recordId` only matters while a
 * creation is resumed.
 * Optional fields with a server-side default (payUin, isAllowQuit, identityRoleIds) are managed
 * only when declared; remark and tags are managed always (omitted means empty).
 */
export const DIFF_TABLE: readonly FieldRule[] = [
  { field: "name", effect: "updateMember", differs: (o, n) => o.name !== n.name },
  { field: "remark", effect: "updateMember", differs: (o, n) => (o.remark ?? "") !== (n.remark ?? "") },
  { field: "policyType", effect: "updateMember", differs: (o, n) => (o.policyType ?? "Financial") !== n.policyType },
  // While an invited member has not confirmed a change, Tencent reports the old permissions: the
  // requested ones are what to compare with, or every run would ask again (and be refused).
  {
    field: "permissionIds",
    effect: "updateMember",
    differs: (o, n) => !sameIds(o.pendingPermissionIds ?? o.permissionIds, n.permissionIds),
  },
  { field: "payUin", effect: "updateMember", differs: (o, n) => n.payUin !== undefined && n.payUin !== (o.payUin ?? "") },
  {
    field: "isAllowQuit",
    effect: "updateMember",
    differs: (o, n) => n.isAllowQuit !== undefined && n.isAllowQuit !== o.isAllowQuit,
  },
  { field: "nodeId", effect: "moveNode", differs: (o, n) => o.nodeId !== n.nodeId },
  { field: "tags", effect: "modifyTags", differs: (o, n) => !sameTags(userTags(o.tags), n.tags ?? {}) },
  // The ownership marker is fixed once written, but one removed outside Pulumi is written again:
  // without it crash safety would silently end for the member.
  { field: "ownerMarker", effect: "modifyTags", differs: (o) => memberMarkerMissing(o) },
  {
    field: "identityRoleIds",
    effect: "identities",
    differs: (o, n) => n.identityRoleIds !== undefined && !sameIds(identityIdsOf(o), n.identityRoleIds),
  },
  { field: "deletionPolicy", effect: "stateOnly", differs: (o, n) => (o.deletionPolicy ?? "retain") !== n.deletionPolicy },
  // The account name is set when Tencent creates the account. UpdateOrganizationMember can copy the
  // member's name to the account's nickname (IsModifyNickName: 1), so a new account name equal to
  // the member's name is reached in place; any other needs a new account. (Adopted members were
  // not created here: their account name is not this resource's to change.)
  {
    field: "accountName",
    effect: "updateMember",
    // Also when the account's nickname was changed outside Pulumi: copying the name heals it.
    differs: (o, n) => (accountNameChanged(o, n) || nicknameDrifted(o, n)) && n.accountName === n.name && n.adoptMemberUin === undefined,
  },
  {
    field: "accountName",
    effect: "replace",
    differs: (o, n) => accountNameChanged(o, n) && (n.accountName !== n.name || n.adoptMemberUin !== undefined),
  },
  // The verified entity is chosen at creation; no API moves a member to another entity.
  { field: "authRelationId", effect: "replace", differs: (o, n) => o.authRelationId !== n.authRelationId },
  // Adopting a different member means managing another account: the old one is released first.
  {
    field: "adoptMemberUin",
    effect: "replace",
    differs: (o, n) => n.adoptMemberUin !== undefined && n.adoptMemberUin !== o.memberUin,
  },
];

/** The outcome of `diffMember`. */
export interface MemberDiff {
  changes: boolean;
  /** Fields that force a replacement. */
  replaces: string[];
  /** Every changed field, with how it is carried out. */
  changed: { field: keyof MemberInputs; effect: ChangeEffect }[];
  /** Two members cannot share a name, so the old one must go before its replacement is created. */
  deleteBeforeReplace: boolean;
}

/**
 * The known fields of `news` whose change from `olds` forces a replacement, by the table. `check`
 * asks this too, so a new replace row reaches its preview guard without a second list.
 */
export function replacingFields(olds: Partial<MemberOutputs>, news: MemberInputs): (keyof MemberInputs)[] {
  return kitReplacingFields(DIFF_TABLE, olds, news);
}

/** Diffs old outputs against new inputs. A value unknown at preview counts as a change. */
export function diffMember(olds: Partial<MemberOutputs>, news: MaybeUnknown<MemberInputs>): MemberDiff {
  const diff = diffByTable(DIFF_TABLE, olds, news);
  return { ...diff, deleteBeforeReplace: diff.replaces.length > 0 };
}

/** Whether the declared account name differs from the one the state records. */
function accountNameChanged(olds: Partial<MemberOutputs>, news: MemberInputs): boolean {
  return olds.accountName !== undefined && olds.accountName !== news.accountName;
}

/**
 * Whether the account's nickname, as last read, is not its account name: changed outside Pulumi
 * (a created account's nickname is its account name, and an in-place rename copies the name to it).
 */
export function nicknameDrifted(olds: Partial<MemberOutputs>, news: Pick<MemberInputs, "accountName">): boolean {
  return olds.nickName !== undefined && olds.nickName !== "" && olds.nickName !== news.accountName;
}

/** The identity ids a state records as granted. */
export function identityIdsOf(olds: Partial<MemberOutputs>): number[] {
  return olds.identities?.map((i) => i.identityId) ?? olds.identityRoleIds ?? [];
}

/** Whether two id lists hold the same ids, in any order. */
export function sameIds(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  const left = [...new Set(a ?? [])].sort((x, y) => x - y);
  const right = [...new Set(b ?? [])].sort((x, y) => x - y);
  return left.length === right.length && left.every((v, i) => v === right[i]);
}
