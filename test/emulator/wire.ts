/**
 * Maps stored records to the SDK's response models (`OrgMember`, `OrgNode`, …).
 */
import type * as OrgModels from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_models";
import type { EmulatedMember, EmulatedNode, EmulatedPolicy } from "./model";
import { ADMIN_NAME, IDENTITIES, PERMISSION_NAMES, POLICY_NAMES } from "./seed";
import type { OrganizationStore } from "./storage";

/** Display language of names in responses (DescribeOrganizationMembers' Lang). */
export type Lang = "en" | "zh";

type OrgMember = Required<OrgModels.OrgMember>;
type OrgNode = Required<OrgModels.OrgNode>;

/** The `OrgMember` the real API returns for a stored member. */
export function toOrgMember(member: Readonly<EmulatedMember>, store: OrganizationStore, lang: Lang): OrgMember {
  const node = store.getNode(member.nodeId);
  const payer = member.payUin === "" ? undefined : Number(member.payUin);
  const payName = payer === undefined ? "" : payer === store.adminUin ? ADMIN_NAME : (store.getMember(payer)?.name ?? "");
  return {
    MemberUin: member.memberUin,
    Name: member.name,
    MemberType: member.memberType,
    OrgPolicyType: member.policyType,
    OrgPolicyName: POLICY_NAMES[member.policyType]?.[lang] ?? member.policyType,
    OrgPermission: member.permissionIds.map((id) => ({ Id: id, Name: PERMISSION_NAMES[id]?.[lang] ?? String(id) })),
    NodeId: member.nodeId,
    NodeName: node?.Name ?? "",
    Remark: member.remark,
    CreateTime: member.createTime,
    UpdateTime: member.updateTime,
    IsAllowQuit: member.isAllowQuit,
    PayUin: member.payUin,
    PayName: payName,
    OrgIdentity: member.identityIds.map((id) => ({
      IdentityId: id,
      IdentityAliasName: IDENTITIES.find((identity) => identity.IdentityId === id)?.IdentityAliasName ?? "",
    })),
    BindStatus: "Unbound",
    PermissionStatus: member.pendingPermissions ? "UnConfirmed" : "Confirmed",
    Tags: member.tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })),
    NickName: member.nickName,
  };
}

/** The `OrgNode` the real API returns for a stored department. */
export function toOrgNode(node: Readonly<EmulatedNode>): OrgNode {
  return { ...node, Tags: node.Tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })) };
}

/** The `ListPolicyNode` of ListPolicies for a stored policy. */
export function toListPolicyNode(policy: Readonly<EmulatedPolicy>, attachedTimes: number): Required<OrgModels.ListPolicyNode> {
  return {
    AddTime: policy.addTime,
    AttachedTimes: attachedTimes,
    Description: policy.description,
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    UpdateTime: policy.updateTime,
    Type: policy.kind,
  };
}
