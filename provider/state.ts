/**
 * Maps what Tencent reports about a member to the state Pulumi keeps, and back to the inputs a
 * refresh records. Pure.
 */
import type { OrgMember } from "./api/memberApi";
import { OWNER_TAG_KEY } from "./rules";
import type { MemberInputs, MemberOutputs } from "./types";

/**
 * Outputs for `member`, keeping from `declared` what the API does not report (accountName,
 * authRelationId, deletionPolicy, recordId, adoption and ownership). Absent values are omitted,
 * never `undefined`, which the engine cannot encode.
 */
export function toOutputs(member: OrgMember, declared: Partial<MemberInputs>): MemberOutputs {
  const tags = Object.fromEntries(
    (member.Tags ?? [])
      .filter((t) => t.TagKey !== OWNER_TAG_KEY)
      .map((t) => [t.TagKey, t.TagValue] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const identities = (member.OrgIdentity ?? [])
    .map((i) => ({ identityId: i.IdentityId ?? 0, identityAliasName: i.IdentityAliasName ?? "" }))
    .sort((a, b) => a.identityId - b.identityId);
  const orgPermissions = (member.OrgPermission ?? [])
    .map((p) => ({ id: p.Id, name: p.Name }))
    .sort((a, b) => a.id - b.id);
  const name = member.Name ?? declared.name ?? "";
  const outputs: MemberOutputs = {
    memberUin: member.MemberUin ?? 0,
    name,
    accountName: declared.accountName ?? name,
    policyType: "Financial",
    permissionIds: orgPermissions.map((p) => p.id),
    nodeId: member.NodeId ?? 0,
    tags,
    isAllowQuit: member.IsAllowQuit === "Allow",
    deletionPolicy: declared.deletionPolicy ?? "retain",
    nodeName: member.NodeName ?? "",
    memberType: member.MemberType ?? "",
    orgPolicyName: member.OrgPolicyName ?? "",
    orgPermissions,
    payName: member.PayName ?? "",
    bindStatus: member.BindStatus ?? "",
    permissionStatus: member.PermissionStatus ?? "",
    identities,
    createTime: member.CreateTime ?? "",
    updateTime: member.UpdateTime ?? "",
  };
  if (member.Remark) outputs.remark = member.Remark;
  if (member.PayUin) outputs.payUin = member.PayUin;
  // Identities are recorded as an input only when the program manages them.
  if (declared.identityRoleIds !== undefined) outputs.identityRoleIds = identities.map((i) => i.identityId);
  for (const key of ["recordId", "authRelationId", "adoptMemberUin", "ownerMarker"] as const) {
    if (declared[key] !== undefined) (outputs as unknown as Record<string, unknown>)[key] = declared[key];
  }
  return outputs;
}

/** The inputs a refresh records: the declared fields with the values Tencent reports now. */
export function toRefreshedInputs(outputs: MemberOutputs): Partial<MemberInputs> {
  const inputs: Partial<MemberInputs> = {
    name: outputs.name,
    accountName: outputs.accountName,
    policyType: outputs.policyType,
    permissionIds: outputs.permissionIds,
    nodeId: outputs.nodeId,
    deletionPolicy: outputs.deletionPolicy,
  };
  // No tags is recorded as no input, as a program without `tags` declares it.
  if (Object.keys(outputs.tags ?? {}).length > 0) inputs.tags = outputs.tags;
  for (const key of ["remark", "payUin", "identityRoleIds", "recordId", "authRelationId", "adoptMemberUin", "ownerMarker"] as const) {
    if (outputs[key] !== undefined) (inputs as Record<string, unknown>)[key] = outputs[key];
  }
  return inputs;
}
