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

// The engine cannot encode `undefined` inside state, so absent fields are left out, not set.
function pickDefined<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]])) as Partial<Pick<T, K>>;
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
  Object.assign(inputs, pickDefined(outputs, ["remark", "payUin", "identityRoleIds", ...UNREPORTED_OPTIONAL_FIELDS]));
  return inputs;
}
