/**
 * Turns a diff into the API calls that carry it out: only the calls the changed fields need.
 * Pure, so every combination is table-tested without a server.
 */
import { diffMember, identityIdsOf, userTags } from "./diff";
import type { MemberInputs, MemberOutputs } from "./types";

/** The calls an update needs; absent parts need no call. */
export interface UpdatePlan {
  /** Fields for one UpdateOrganizationMember call (without MemberUin). */
  updateMember?: {
    Name?: string;
    Remark?: string;
    PolicyType?: string;
    PermissionIds?: number[];
    IsAllowQuit?: string;
    PayUin?: string;
  };
  /** Target department for MoveOrganizationNodeMembers. */
  moveToNodeId?: number;
  /** One ModifyResourceTags call. */
  tags?: { replace: { TagKey: string; TagValue: string }[]; remove: string[] };
  /** Identities to grant and to revoke. */
  identities?: { add: number[]; remove: number[] };
}

/** Plans the calls that bring `current` (the state) to `desired` (checked inputs). */
export function planUpdate(current: Partial<MemberOutputs>, desired: MemberInputs): UpdatePlan {
  const effects = new Set(diffMember(current, desired).changed.map((c) => c.field));
  const plan: UpdatePlan = {};

  const update: NonNullable<UpdatePlan["updateMember"]> = {};
  if (effects.has("name")) update.Name = desired.name;
  if (effects.has("remark")) update.Remark = desired.remark ?? "";
  // The API takes policy and permissions only together.
  if (effects.has("permissionIds") || effects.has("policyType")) {
    update.PolicyType = desired.policyType;
    update.PermissionIds = desired.permissionIds;
  }
  if (effects.has("isAllowQuit") && desired.isAllowQuit !== undefined) {
    update.IsAllowQuit = desired.isAllowQuit ? "Allow" : "Denied";
  }
  if (effects.has("payUin") && desired.payUin !== undefined) update.PayUin = desired.payUin;
  if (Object.keys(update).length > 0) plan.updateMember = update;

  if (effects.has("nodeId")) plan.moveToNodeId = desired.nodeId;

  if (effects.has("tags")) {
    const before = userTags(current.tags);
    const after = desired.tags ?? {};
    plan.tags = {
      replace: Object.entries(after)
        .filter(([key, value]) => before[key] !== value)
        .map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
      remove: Object.keys(before).filter((key) => !(key in after)),
    };
  }

  if (effects.has("identityRoleIds") && desired.identityRoleIds !== undefined) {
    const before = identityIdsOf(current);
    plan.identities = {
      add: desired.identityRoleIds.filter((id) => !before.includes(id)),
      remove: before.filter((id) => !desired.identityRoleIds!.includes(id)),
    };
  }
  return plan;
}

/** True when the plan makes no API call. */
export function isEmptyPlan(plan: UpdatePlan): boolean {
  return !plan.updateMember && plan.moveToNodeId === undefined && !plan.tags && !plan.identities;
}
