/**
 * Turns a diff into the API calls that carry it out: only the calls the changed fields need, in
 * the provider's terms (api/wire.ts writes them in Tencent's). Pure, so every combination is table-tested without a server.
 */
import { ownerTag } from "../core/ownership";
import { tagChanges, userTags, type Tags } from "../core/tags";
import { diffMember, identityIdsOf } from "./diff";
import { memberOwnerMarker } from "./ownership";
import type { MemberInputs, MemberOutputs, MemberUpdate } from "./types";

/** The calls an update needs; absent parts need no call. */
export interface UpdatePlan {
  /** Fields for one UpdateOrganizationMember call. */
  updateMember?: MemberUpdate;
  /** Target department for MoveOrganizationNodeMembers. */
  moveToNodeId?: number;
  /** Tags to set and tag keys to delete (ModifyResourceTags), the restored ownership marker included. */
  tags?: { replace: Tags; remove: string[] };
  /** The ownership marker tag written again because it was removed outside Pulumi (also in `tags.replace`). */
  restoredMarker?: Tags;
  /** Identities to grant and to revoke. */
  identities?: { add: number[]; remove: number[] };
}

/** Plans the calls that bring `current` (the state) to `desired` (checked inputs). */
export function planUpdate(current: Partial<MemberOutputs>, desired: MemberInputs): UpdatePlan {
  const effects = new Set(diffMember(current, desired).changed.map((c) => c.field));
  const plan: UpdatePlan = {};

  const update: MemberUpdate = {};
  if (effects.has("name")) update.name = desired.name;
  if (effects.has("remark")) update.remark = desired.remark ?? "";
  // The API takes policy and permissions only together.
  if (effects.has("permissionIds") || effects.has("policyType")) {
    update.policyType = desired.policyType;
    update.permissionIds = desired.permissionIds;
  }
  if (effects.has("isAllowQuit") && desired.isAllowQuit !== undefined) update.isAllowQuit = desired.isAllowQuit;
  if (effects.has("payUin") && desired.payUin !== undefined) update.payUin = desired.payUin;
  if (Object.keys(update).length > 0) plan.updateMember = update;

  if (effects.has("nodeId")) plan.moveToNodeId = desired.nodeId;

  if (effects.has("tags") || effects.has("ownerMarker")) {
    const { replace, remove } = effects.has("tags") ? tagChanges(userTags(current.tags), desired.tags ?? {}) : { replace: {}, remove: [] };
    // The marker the member was created with (the state's), not one derived from new inputs.
    const restoredMarker = effects.has("ownerMarker") ? ownerTag(memberOwnerMarker(current)) : {};
    plan.tags = { replace: { ...replace, ...restoredMarker }, remove };
    if (Object.keys(restoredMarker).length > 0) plan.restoredMarker = restoredMarker;
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
