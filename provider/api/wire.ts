/**
 * Tencent's wire format for members and departments, and its mapping to and from the provider's own types. The
 * only place that knows `Tags: [{TagKey, TagValue}]`, `OrgPermission`, `IsAllowQuit: "Allow"` and
 * the SDK's request and response models; everything outside api/ speaks `ReportedMember`,
 * `MemberInputs` and `MemberUpdate`.
 */
import type {
  AddOrganizationNodeRequest,
  CheckAccountDeleteResponse,
  CreateOrganizationMemberRequest,
  OrgMember,
  OrgNode,
  Tag,
  UpdateOrganizationMemberRequest,
  UpdateOrganizationNodeRequest,
} from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_models";
import { tagBatches, type Tags } from "../core/tags";
import type { TagFilter } from "./call/actions";
import type { AccountDeletionCheck, MemberUpdate, NewMember, NewNode, NodeUpdate, ReportedMember, ReportedNode } from "./model";

export type { OrgMember, CreateOrganizationMemberRequest, UpdateOrganizationMemberRequest, OrgNode };

/** What `PermissionStatus` says while an invited member has not confirmed a permission change. */
const PERMISSION_CHANGE_UNCONFIRMED = "UnConfirmed";

/** What `IsAllowQuit` says on the wire. */
const ALLOW_QUIT = { true: "Allow", false: "Denied" } as const;

/** A member as DescribeOrganizationMembers reports it, in the provider's terms. */
export function toReportedMember(member: OrgMember, requestId?: string): ReportedMember {
  return {
    memberUin: member.MemberUin ?? 0,
    name: member.Name ?? "",
    nickName: member.NickName ?? "",
    nodeId: member.NodeId ?? 0,
    nodeName: member.NodeName ?? "",
    remark: member.Remark ?? "",
    payUin: member.PayUin ?? "",
    payName: member.PayName ?? "",
    memberType: member.MemberType ?? "",
    orgPolicyName: member.OrgPolicyName ?? "",
    permissions: (member.OrgPermission ?? []).map((p) => ({ id: p.Id, name: p.Name })).sort((a, b) => a.id - b.id),
    identities: (member.OrgIdentity ?? [])
      .map((i) => ({ identityId: i.IdentityId ?? 0, identityAliasName: i.IdentityAliasName ?? "" }))
      .sort((a, b) => a.identityId - b.identityId),
    tags: fromTagList(member.Tags ?? []),
    isAllowQuit: member.IsAllowQuit === ALLOW_QUIT.true,
    bindStatus: member.BindStatus ?? "",
    permissionStatus: member.PermissionStatus ?? "",
    permissionChangePending: member.PermissionStatus === PERMISSION_CHANGE_UNCONFIRMED,
    createTime: member.CreateTime ?? "",
    updateTime: member.UpdateTime ?? "",
    ...(requestId ? { requestId } : {}),
  };
}

/**
 * The CreateOrganizationMember request for checked inputs: the ownership marker and as many user
 * tags as one request takes (10); the rest are written after creation (see creationTags).
 */
export function toCreateRequest(inputs: NewMember, ownerTag: Tags): CreateOrganizationMemberRequest {
  const tags = toTagList(creationTags(inputs.tags, ownerTag));
  return {
    Name: inputs.name,
    AccountName: inputs.accountName,
    PolicyType: inputs.policyType,
    PermissionIds: inputs.permissionIds,
    NodeId: inputs.nodeId,
    ...(inputs.remark !== undefined ? { Remark: inputs.remark } : {}),
    ...(inputs.recordId !== undefined ? { RecordId: inputs.recordId } : {}),
    ...(inputs.payUin !== undefined ? { PayUin: inputs.payUin } : {}),
    ...(inputs.identityRoleIds !== undefined ? { IdentityRoleID: inputs.identityRoleIds } : {}),
    ...(inputs.authRelationId !== undefined ? { AuthRelationId: inputs.authRelationId } : {}),
    ...(tags.length > 0 ? { Tags: tags } : {}),
  };
}

/** The UpdateOrganizationMember request that sets exactly the fields of `update`. */
export function toUpdateRequest(memberUin: number, update: MemberUpdate): UpdateOrganizationMemberRequest {
  return {
    MemberUin: memberUin,
    ...(update.name !== undefined ? { Name: update.name } : {}),
    ...(update.remark !== undefined ? { Remark: update.remark } : {}),
    ...(update.policyType !== undefined ? { PolicyType: update.policyType } : {}),
    ...(update.permissionIds !== undefined ? { PermissionIds: update.permissionIds } : {}),
    ...(update.isAllowQuit !== undefined ? { IsAllowQuit: ALLOW_QUIT[`${update.isAllowQuit}`] } : {}),
    ...(update.payUin !== undefined ? { PayUin: update.payUin } : {}),
    ...(update.copyNameToNickname ? { IsModifyNickName: 1 } : {}),
  };
}

/**
 * A listing filter for members carrying `tagKey`, whatever its value: the filter example of
 * DescribeOrganizationMembers' documentation (product 850 doc 67220) names the key alone.
 */
export function toTagKeyFilter(tagKey: string): TagFilter {
  return { TagKey: tagKey };
}

/** A department as DescribeOrganizationNodes reports it, in the provider's terms. */
export function toReportedNode(node: OrgNode, requestId?: string): ReportedNode {
  return {
    nodeId: node.NodeId ?? 0,
    name: node.Name ?? "",
    parentNodeId: node.ParentNodeId ?? 0,
    remark: node.Remark ?? "",
    tags: fromTagList(node.Tags ?? []),
    createTime: node.CreateTime ?? "",
    updateTime: node.UpdateTime ?? "",
    ...(requestId ? { requestId } : {}),
  };
}

/** The AddOrganizationNode request for checked inputs: the ownership marker and the first user tags, as for members. */
export function toAddNodeRequest(inputs: NewNode, ownerTag: Tags): AddOrganizationNodeRequest {
  const tags = toTagList(creationTags(inputs.tags, ownerTag));
  return {
    ParentNodeId: inputs.parentNodeId,
    Name: inputs.name,
    ...(inputs.remark !== undefined ? { Remark: inputs.remark } : {}),
    ...(tags.length > 0 ? { Tags: tags } : {}),
  };
}

/** The UpdateOrganizationNode request that sets exactly the fields of `update`. */
export function toUpdateNodeRequest(nodeId: number, update: NodeUpdate): UpdateOrganizationNodeRequest {
  return {
    NodeId: nodeId,
    ...(update.name !== undefined ? { Name: update.name } : {}),
    ...(update.remark !== undefined ? { Remark: update.remark } : {}),
  };
}

/**
 * The tags a create request carries: the ownership marker first (it must arrive with the object,
 * or a crash right after could leave an object nobody recognises), then user tags in key order up
 * to the 10 one request takes. Reconciling after creation writes the rest in batches.
 */
export function creationTags(userTags: Tags | undefined, ownerTag: Tags): Tags {
  return tagBatches(userTags ?? {}, ownerTag)[0] ?? {};
}

/** A tag map as Tencent's list of pairs. */
export function toTagList(tags: Tags): Tag[] {
  return Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

function fromTagList(tags: readonly Tag[]): Tags {
  return Object.fromEntries(tags.map((t) => [t.TagKey, t.TagValue]));
}

/**
 * CheckAccountDelete's answer in the provider's terms. Each NotAllowReason field names a condition
 * that blocks deletion when it holds (IsCreateMember and DeletionPermission when false,
 * BillingPermission: "whether the financial permission can be released", when false).
 */
export function toAccountDeletionCheck(response: CheckAccountDeleteResponse): AccountDeletionCheck {
  const reason = response.NotAllowReason ?? {};
  return {
    allowed: response.AllowDelete === true,
    invited: reason.IsCreateMember === false,
    deletionPermissionOff: reason.DeletionPermission === false,
    delegatedAdministrator: reason.IsAssignManager === true,
    entityAdministrator: reason.IsAuthManager === true,
    shareAdministrator: reason.IsShareManager === true,
    approvalProcess: reason.OperateProcess === true,
    billingPermissionLocked: reason.BillingPermission === false,
    resources: reason.ExistResources ?? [],
    undetectedResources: reason.DetectFailedResources ?? [],
    identityCenterRoles: reason.CICRoleConfig === true,
    identityCenterUsers: reason.CICUserConfig === true,
    ...(response.RequestId ? { requestId: response.RequestId } : {}),
  };
}
