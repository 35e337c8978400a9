/**
 * DescribeOrganization: the organization as its administrator sees it — its id (the `OrganizationId` of
 * EnablePolicyType, DisablePolicyType and DescribePolicyConfig), its creator and its root department.
 */
import type { DescribeOrganizationResponse } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_models";
import { Errors } from "../errors";
import { ORGANIZATION_ID } from "../policy-rules";
import { ADMIN_NAME, ROOT_NODE_ID, SEED_TIME } from "../seed";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/**
 * `OrgType` of the emulated organization. The field is documented only as "organization type"; 1 is the value of the only
 * example Tencent prints (GetOrganization 2018-12-25, page 1031/32882) — a guess.
 */
const ORGANIZATION_TYPE = 1;

/** DescribeOrganization (organization 2021-03-31): every caller is the administrator (the emulator has no member callers). */
export const describeOrganization = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribeOrganization",
  params: {
    Lang: { type: "string", required: false },
    // Trusted-service product: accepted and ignored, as in DescribeOrganizationMembers (the emulator has no trusted services).
    Product: { type: "string", required: false },
  } as const,
  handle(p, { store }): Required<Omit<DescribeOrganizationResponse, "RequestId">> {
    // Same check and common code as DescribeOrganizationMembers' Lang (model: en or zh).
    if (p.Lang !== undefined && p.Lang !== "en" && p.Lang !== "zh") throw Errors.invalidParameterValue("Lang", "must be en or zh");
    return {
      OrgId: ORGANIZATION_ID,
      HostUin: store.adminUin,
      NickName: ADMIN_NAME,
      OrgType: ORGANIZATION_TYPE,
      IsManager: true,
      // The member-side fields (the caller's own relationship, permissions, join time, exit rule and payer) describe a
      // member's place in the organization; for the administrator they are answered empty — a guess.
      OrgPolicyType: "",
      OrgPolicyName: "",
      OrgPermission: [],
      RootNodeId: ROOT_NODE_ID,
      // The organization was created with its root department, at the seed time (the number is the emulator's).
      CreateTime: SEED_TIME,
      JoinTime: "",
      IsAllowQuit: "",
      PayUin: "",
      PayName: "",
      // No trusted services exist, so the administrator delegates none to itself.
      IsAssignManager: false,
      // The administrator manages its own verified entity: the PayUin of members without AuthRelationId (rules.ts).
      IsAuthManager: true,
    };
  },
});
