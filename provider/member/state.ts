/**
 * Maps what Tencent reports about a member to the state Pulumi keeps, and back to the inputs a
 * refresh records. Pure.
 */
import { pickDefined } from "../kit/state";
import { ownerTags, userTags } from "../core/tags";
import { sameIds } from "./diff";
import { memberMarkerMissing } from "./ownership";
import type { MemberInputs, MemberOutputs, ReportedMember } from "./types";

/**
 * Outputs for `member`, keeping from `declared` what the API does not report (accountName,
 * authRelationId, deletionPolicy, recordId, adoption and ownership). Absent values are omitted,
 * never `undefined`, which the engine cannot encode.
 *
 * `requestedPermissionIds`: the permissions this provider last asked for. While the member has not
 * confirmed them Tencent reports the old ones, so the request is kept as `pendingPermissionIds`.
 */
export function toOutputs(
  member: ReportedMember,
  declared: Partial<MemberInputs>,
  requestedPermissionIds?: readonly number[],
): MemberOutputs {
  const permissionIds = member.permissions.map((p) => p.id);
  const name = member.name || declared.name || "";
  const outputs: MemberOutputs = {
    memberUin: member.memberUin,
    name,
    accountName: declared.accountName ?? name,
    policyType: "Financial",
    permissionIds,
    nodeId: member.nodeId,
    tags: userTags(member.tags),
    isAllowQuit: member.isAllowQuit,
    deletionPolicy: declared.deletionPolicy ?? "retain",
    nodeName: member.nodeName,
    memberType: member.memberType,
    orgPolicyName: member.orgPolicyName,
    orgPermissions: member.permissions,
    payName: member.payName,
    bindStatus: member.bindStatus,
    permissionStatus: member.permissionStatus,
    identities: member.identities,
    createTime: member.createTime,
    updateTime: member.updateTime,
    ownerTags: ownerTags(member.tags),
  };
  if (member.permissionChangePending && requestedPermissionIds && !sameIds(requestedPermissionIds, permissionIds)) {
    outputs.pendingPermissionIds = [...requestedPermissionIds];
  }
  if (member.remark) outputs.remark = member.remark;
  if (member.nickName) outputs.nickName = member.nickName;
  if (member.payUin) outputs.payUin = member.payUin;
  // Identities are recorded as an input only when the program manages them.
  if (declared.identityRoleIds !== undefined) outputs.identityRoleIds = member.identities.map((i) => i.identityId);
  return { ...outputs, ...pickDefined(declared, UNREPORTED_OPTIONAL_FIELDS) };
}

/** Optional inputs the API never reports: the state keeps them as declared. */
const UNREPORTED_OPTIONAL_FIELDS = ["recordId", "authRelationId", "adoptMemberUin", "ownerMarker"] as const;

/** The input-only fields, as declared, to carry into the state when nothing was read. */
export function unreportedInputs(inputs: MemberInputs): Partial<MemberOutputs> {
  return {
    accountName: inputs.accountName,
    deletionPolicy: inputs.deletionPolicy,
    ...pickDefined(inputs, UNREPORTED_OPTIONAL_FIELDS),
  };
}

/** The inputs a refresh records: the declared fields with the values Tencent reports now. */
export function toRefreshedInputs(outputs: MemberOutputs): Partial<MemberInputs> {
  const inputs: Partial<MemberInputs> = {
    name: outputs.name,
    accountName: outputs.accountName,
    policyType: outputs.policyType,
    // Requested and waiting for the member's confirmation: still what the program declares.
    permissionIds: outputs.pendingPermissionIds ?? outputs.permissionIds,
    nodeId: outputs.nodeId,
    deletionPolicy: outputs.deletionPolicy,
  };
  // No tags is recorded as no input, as a program without `tags` declares it.
  if (Object.keys(outputs.tags ?? {}).length > 0) inputs.tags = outputs.tags;
  Object.assign(inputs, pickDefined(outputs, ["remark", "payUin", "identityRoleIds", ...UNREPORTED_OPTIONAL_FIELDS]));
  // A member that lost its ownership marker is recorded without it, so the preview shows the
  // marker being written again (`+ ownerMarker`).
  if (memberMarkerMissing(outputs)) delete inputs.ownerMarker;
  return inputs;
}
