/**
 * Turns a diff into the API calls that carry it out: only the calls the changed fields need, in
 * the provider's terms (api/wire.ts writes them in Tencent's). Pure, so every combination is table-tested without a server.
 */
import { ownerTagKey } from "../core/ownership";
import { changedFields } from "../kit/diff";
import { planTags, type TagPlan } from "../kit/plan";
import { diffMember, identityIdsOf } from "./diff";
import { memberOwnerMarker } from "./ownership";
import type { MemberInputs, MemberOutputs, MemberUpdate } from "./types";

/** The calls an update needs; absent parts need no call. */
export interface UpdatePlan extends TagPlan {
  /** Fields for one UpdateOrganizationMember call. */
  updateMember?: MemberUpdate;
  /** Target department for MoveOrganizationNodeMembers. */
  moveToNodeId?: number;
  /** Identities to grant and to revoke. */
  identities?: { add: number[]; remove: number[] };
}

/** Plans the calls that bring `current` (the state) to `desired` (checked inputs). */
export function planUpdate(current: Partial<MemberOutputs>, desired: MemberInputs): UpdatePlan {
  const effects: ReadonlySet<string> = changedFields(diffMember(current, desired));
  const plan: UpdatePlan = {};

  const update: MemberUpdate = {};
  if (effects.has("name")) update.name = desired.name;
  if (effects.has("remark")) update.remark = desired.remark ?? "";
  // The API takes policy and permissions only together.
  if (effects.has("permissionIds") || effects.has("policyType")) {
    update.policyType = desired.policyType;
    update.permissionIds = desired.permissionIds;
  }
  // A new account name equal to the member's name: the name is copied to the account's nickname.
  // (Also when only the nickname was changed outside Pulumi: the account name stays, so does the marker.)
  if (effects.has("accountName")) {
    update.name = desired.name;
    update.copyNameToNickname = true;
  }
  const renamesAccount = effects.has("accountName") && current.accountName !== undefined && current.accountName !== desired.accountName;
  if (effects.has("isAllowQuit") && desired.isAllowQuit !== undefined) update.isAllowQuit = desired.isAllowQuit;
  if (effects.has("payUin") && desired.payUin !== undefined) update.payUin = desired.payUin;
  if (Object.keys(update).length > 0) plan.updateMember = update;

  if (effects.has("nodeId")) plan.moveToNodeId = desired.nodeId;

  // The marker the member was created with (the state's), not one derived from new inputs — except
  // that a renamed account takes the marker of its new name (the marker names the account it was
  // made for), replacing the old one, so a crash later still finds exactly this member.
  const marker = memberOwnerMarker(renamesAccount ? { ...current, accountName: desired.accountName } : current);
  const tagFields = renamesAccount && marker !== undefined ? new Set<string>([...effects, "ownerMarker"]) : effects;
  Object.assign(plan, planTags(tagFields, current.tags, desired.tags, marker));
  const oldMarker = memberOwnerMarker(current);
  if (renamesAccount && plan.tags && oldMarker !== undefined && marker !== undefined && ownerTagKey(oldMarker) !== ownerTagKey(marker)) {
    plan.tags.remove.push(ownerTagKey(oldMarker));
  }

  if (effects.has("identityRoleIds") && desired.identityRoleIds !== undefined) {
    const before = identityIdsOf(current);
    const after = desired.identityRoleIds;
    plan.identities = { add: after.filter((id) => !before.includes(id)), remove: before.filter((id) => !after.includes(id)) };
  }
  return plan;
}

/** True when the plan makes no API call. */
export function isEmptyPlan(plan: UpdatePlan): boolean {
  return !plan.updateMember && plan.moveToNodeId === undefined && !plan.tags && !plan.identities;
}
