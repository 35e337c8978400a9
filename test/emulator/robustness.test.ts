import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgClient, rawRequest } from "./fixtures";
import { startEmulator, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimitPerSecond: 0 });
});
afterAll(() => emulator.close());

const ACTIONS = [
  "CreateOrganizationMember",
  "DescribeOrganizationMembers",
  "UpdateOrganizationMember",
  "MoveOrganizationNodeMembers",
  "DeleteOrganizationMembers",
  "DeleteAccount",
  "DescribeOrganizationNodes",
  "AddOrganizationNode",
  "ListOrganizationIdentity",
  "DescribeOrganizationAuthNode",
  "CreateOrganizationMemberAuthIdentity",
  "DescribeOrganizationMemberAuthIdentities",
  "DeleteOrganizationMemberAuthIdentity",
];
const FIELDS = ["Name", "AccountName", "PolicyType", "PermissionIds", "NodeId", "Remark", "RecordId", "PayUin", "IdentityRoleID", "AuthRelationId", "Tags",
  "Offset", "Limit", "SearchKey", "MemberUin", "MemberUins", "IdentityIds", "IdentityId", "ParentNodeId", "IsAllowQuit", "Lang", "NodeName", "AuthName"];

/** A well-formed answer: HTTP 200 with a RequestId, and never InternalError (that would be an emulator bug). */
function expectWellFormed(answer: Awaited<ReturnType<typeof rawRequest>>): void {
  expect(answer.status).toBe(200);
  expect(answer.response?.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.response?.Error?.Code).not.toBe("InternalError");
}

describe("robustness", () => {
  it("answers any body with a well-formed envelope", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTIONS), fc.oneof(fc.string(), fc.json()), async (action, body) => {
        expectWellFormed(await rawRequest(emulator, { action, body }));
      }),
      { numRuns: 150 },
    );
  });

  it("answers any mix of known fields with arbitrary JSON values without an internal error", async () => {
    const params = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.jsonValue(), fc.array(fc.record({ TagKey: fc.string(), TagValue: fc.string() }))), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTIONS), params, async (action, body) => {
        expectWellFormed(await rawRequest(emulator, { action, body: JSON.stringify(body) }));
      }),
      { numRuns: 300 },
    );
    // Still serving normally afterwards.
    await expect(orgClient(emulator).DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("RequestId");
  });
});
