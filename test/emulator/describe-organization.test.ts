/**
 * DescribeOrganization through the real SDK: the administrator's view of the organization, whose OrgId the policy-type
 * actions take and whose RootNodeId is the root department; and the action like every other one for signatures, CAM
 * allow-lists, faults and counters. Its 40-per-second limit is in rate-limit.test.ts. Guesses are marked in the README.
 */
import { describe, expect, it } from "vitest";
import { codeOf, DEFAULT_CREDENTIAL, orgClient, sdkFailureOf, useEmulator, type OrgClient } from "./fixtures";
import { ADMIN_UIN, ORGANIZATION_ID, ROOT_NODE_ID, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

/** The whole answer for the administrator, as the emulator gives it (README: which values are guesses). */
const ADMINISTRATORS_VIEW = {
  OrgId: ORGANIZATION_ID,
  HostUin: ADMIN_UIN,
  NickName: "organization-admin",
  OrgType: 1,
  IsManager: true,
  OrgPolicyType: "",
  OrgPolicyName: "",
  OrgPermission: [],
  RootNodeId: ROOT_NODE_ID,
  CreateTime: "2024-01-01 08:00:00",
  JoinTime: "",
  IsAllowQuit: "",
  PayUin: "",
  PayName: "",
  IsAssignManager: false,
  IsAuthManager: true,
};

describe("DescribeOrganization", () => {
  it("answers every field of the model for the administrator", async () => {
    expect(await client.DescribeOrganization({})).toEqual({ ...ADMINISTRATORS_VIEW, RequestId: expect.any(String) });
  });

  it("answers an OrgId that EnablePolicyType and DescribePolicyConfig accept as OrganizationId", async () => {
    const { OrgId } = await client.DescribeOrganization({});
    await client.EnablePolicyType({ OrganizationId: OrgId!, PolicyType: "SERVICE_CONTROL_POLICY" });
    expect((await client.DescribePolicyConfig({ OrganizationId: OrgId!, Type: 0 })).Status).toBe(1);
    expect(emulator.admin.policies().organizationId).toBe(OrgId);
  });

  it("answers the root department of DescribeOrganizationNodes as RootNodeId", async () => {
    const { RootNodeId } = await client.DescribeOrganization({});
    const { Items } = await client.DescribeOrganizationNodes({ Offset: 0, Limit: 50 });
    const roots = Items!.filter((node) => node.ParentNodeId === 0);
    expect(roots.map((node) => node.NodeId)).toEqual([RootNodeId]);
  });

  it("takes Lang en or zh and a trusted-service Product, and answers the same organization", async () => {
    for (const request of [{ Lang: "en" }, { Lang: "zh" }, { Product: "cloudaudit" }]) {
      expect(await client.DescribeOrganization(request)).toMatchObject(ADMINISTRATORS_VIEW);
    }
  });

  it("refuses another Lang with InvalidParameterValue, as DescribeOrganizationMembers does", async () => {
    expect(await codeOf(client.DescribeOrganization({ Lang: "fr" }))).toBe("InvalidParameterValue");
  });
});

describe("DescribeOrganization like every action: signature, CAM allow-list, faults", () => {
  it("refuses a request signed with the wrong key with AuthFailure.SignatureFailure", async () => {
    const forged = orgClient(emulator, { credential: { secretId: DEFAULT_CREDENTIAL.secretId, secretKey: "not-the-key" } });
    expect(await codeOf(forged.DescribeOrganization({}))).toBe("AuthFailure.SignatureFailure");
  });

  it("needs organization:DescribeOrganization in a key's allow-list; DescribeOrganizationNodes is another action", async () => {
    emulator.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["organization:DescribeOrganizationNodes"]);
    const refused = await sdkFailureOf(client.DescribeOrganization({}));
    expect(refused.code).toBe("UnauthorizedOperation");
    expect(refused.message).toContain("organization:DescribeOrganization");
    emulator.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["organization:DescribeOrganization"]);
    await expect(client.DescribeOrganization({})).resolves.toHaveProperty("OrgId", ORGANIZATION_ID);
    expect(emulator.admin.counters()).toMatchObject({ DescribeOrganization: 2 });
  });

  it("takes injected faults with the codes it documents, and refuses others", async () => {
    emulator.admin.injectFault({ action: "DescribeOrganization", mode: "error", code: "ResourceNotFound.OrganizationNotExist" });
    expect(await codeOf(client.DescribeOrganization({}))).toBe("ResourceNotFound.OrganizationNotExist");
    emulator.admin.injectFault({ action: "DescribeOrganization", mode: "error", code: "FailedOperation.OperateBillingPermissionErr" });
    expect(await codeOf(client.DescribeOrganization({}))).toBe("FailedOperation.OperateBillingPermissionErr");
    expect(() =>
      emulator.admin.injectFault({ action: "DescribeOrganization", mode: "error", code: "ResourceNotFound.OrganizationNodeNotExist" }),
    ).toThrow(/not documented for DescribeOrganization/);
    emulator.admin.injectFault({ action: "DescribeOrganization", mode: "http502" });
    expect((await sdkFailureOf(client.DescribeOrganization({}))).httpCode).toBe(502);
    await expect(client.DescribeOrganization({})).resolves.toHaveProperty("RootNodeId", ROOT_NODE_ID);
  });
});
