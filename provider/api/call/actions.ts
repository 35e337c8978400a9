/**
 * Every Tencent action the provider calls, with the SDK's own request and response models
 * (tencentcloud-sdk-nodejs ships one pair per action) and the service that serves it. The client
 * accepts only these names and these bodies, so a misspelt action or field does not compile, and
 * every answer is read through its model.
 */
import type * as org from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_models";
import type * as tag from "tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_models";

/** The services the provider calls (also the CAM action prefix). */
export type Service = "organization" | "tag";

/**
 * A DescribeOrganizationMembers tag filter. The action's documentation (product 850 doc 67220)
 * filters by a key alone, while the SDK's `Tag` model declares the value required.
 */
export type TagFilter = Pick<org.Tag, "TagKey"> & Partial<Pick<org.Tag, "TagValue">>;

/** DescribeOrganizationMembers' request, with the documented key-only tag filter. */
export type DescribeMembersRequest = Omit<org.DescribeOrganizationMembersRequest, "Tags"> & { Tags?: TagFilter[] };

/** Each action: its service, its request model, its response model. */
export interface Actions {
  CreateOrganizationMember: ["organization", org.CreateOrganizationMemberRequest, org.CreateOrganizationMemberResponse];
  UpdateOrganizationMember: ["organization", org.UpdateOrganizationMemberRequest, org.UpdateOrganizationMemberResponse];
  DescribeOrganizationMembers: ["organization", DescribeMembersRequest, org.DescribeOrganizationMembersResponse];
  MoveOrganizationNodeMembers: ["organization", org.MoveOrganizationNodeMembersRequest, org.MoveOrganizationNodeMembersResponse];
  CreateOrganizationMemberAuthIdentity: [
    "organization",
    org.CreateOrganizationMemberAuthIdentityRequest,
    org.CreateOrganizationMemberAuthIdentityResponse,
  ];
  DeleteOrganizationMemberAuthIdentity: [
    "organization",
    org.DeleteOrganizationMemberAuthIdentityRequest,
    org.DeleteOrganizationMemberAuthIdentityResponse,
  ];
  DeleteOrganizationMembers: ["organization", org.DeleteOrganizationMembersRequest, org.DeleteOrganizationMembersResponse];
  CheckAccountDelete: ["organization", org.CheckAccountDeleteRequest, org.CheckAccountDeleteResponse];
  DeleteAccount: ["organization", org.DeleteAccountRequest, org.DeleteAccountResponse];
  DescribeOrganizationNodes: ["organization", org.DescribeOrganizationNodesRequest, org.DescribeOrganizationNodesResponse];
  AddOrganizationNode: ["organization", org.AddOrganizationNodeRequest, org.AddOrganizationNodeResponse];
  UpdateOrganizationNode: ["organization", org.UpdateOrganizationNodeRequest, org.UpdateOrganizationNodeResponse];
  DeleteOrganizationNodes: ["organization", org.DeleteOrganizationNodesRequest, org.DeleteOrganizationNodesResponse];
  // organization policies, policy types and the organization itself
  CreatePolicy: ["organization", org.CreatePolicyRequest, org.CreatePolicyResponse];
  UpdatePolicy: ["organization", org.UpdatePolicyRequest, org.UpdatePolicyResponse];
  DeletePolicy: ["organization", org.DeletePolicyRequest, org.DeletePolicyResponse];
  DescribePolicy: ["organization", org.DescribePolicyRequest, org.DescribePolicyResponse];
  ListPolicies: ["organization", org.ListPoliciesRequest, org.ListPoliciesResponse];
  AttachPolicy: ["organization", org.AttachPolicyRequest, org.AttachPolicyResponse];
  DetachPolicy: ["organization", org.DetachPolicyRequest, org.DetachPolicyResponse];
  ListTargetsForPolicy: ["organization", org.ListTargetsForPolicyRequest, org.ListTargetsForPolicyResponse];
  ListPoliciesForTarget: ["organization", org.ListPoliciesForTargetRequest, org.ListPoliciesForTargetResponse];
  EnablePolicyType: ["organization", org.EnablePolicyTypeRequest, org.EnablePolicyTypeResponse];
  DisablePolicyType: ["organization", org.DisablePolicyTypeRequest, org.DisablePolicyTypeResponse];
  DescribePolicyConfig: ["organization", org.DescribePolicyConfigRequest, org.DescribePolicyConfigResponse];
  DescribeEffectivePolicy: ["organization", org.DescribeEffectivePolicyRequest, org.DescribeEffectivePolicyResponse];
  ListNonCompliantResource: ["organization", org.ListNonCompliantResourceRequest, org.ListNonCompliantResourceResponse];
  DescribeOrganization: ["organization", org.DescribeOrganizationRequest, org.DescribeOrganizationResponse];
  ModifyResourceTags: ["tag", tag.ModifyResourceTagsRequest, tag.ModifyResourceTagsResponse];
}

/** The name of an action the provider calls. */
export type Action = keyof Actions;
/** The request body of `A`. */
export type RequestOf<A extends Action> = Actions[A][1];
/** The answer to `A` (Tencent's `Response`, without the envelope). */
export type ResponseOf<A extends Action> = Actions[A][2];

/** The service of every action: the client picks the SDK client by it, CAM prefixes it. */
export const SERVICE_OF: { readonly [A in Action]: Actions[A][0] } = {
  CreateOrganizationMember: "organization",
  UpdateOrganizationMember: "organization",
  DescribeOrganizationMembers: "organization",
  MoveOrganizationNodeMembers: "organization",
  CreateOrganizationMemberAuthIdentity: "organization",
  DeleteOrganizationMemberAuthIdentity: "organization",
  DeleteOrganizationMembers: "organization",
  CheckAccountDelete: "organization",
  DeleteAccount: "organization",
  DescribeOrganizationNodes: "organization",
  AddOrganizationNode: "organization",
  UpdateOrganizationNode: "organization",
  DeleteOrganizationNodes: "organization",
  CreatePolicy: "organization",
  UpdatePolicy: "organization",
  DeletePolicy: "organization",
  DescribePolicy: "organization",
  ListPolicies: "organization",
  AttachPolicy: "organization",
  DetachPolicy: "organization",
  ListTargetsForPolicy: "organization",
  ListPoliciesForTarget: "organization",
  EnablePolicyType: "organization",
  DisablePolicyType: "organization",
  DescribePolicyConfig: "organization",
  DescribeEffectivePolicy: "organization",
  ListNonCompliantResource: "organization",
  DescribeOrganization: "organization",
  ModifyResourceTags: "tag",
};
