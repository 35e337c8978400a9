import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDocumentedFor } from "./codes";
import { orgClient, rawRequest, useEmulator } from "./fixtures";
import { HANDLERS } from "./handlers";
import type { RunningEmulator } from "./index";

let emulator: RunningEmulator;
useEmulator((started) => {
  emulator = started.emulator;
});

/** Every served action, with the version and signing service it needs. */
const ACTIONS = HANDLERS.map((h) => ({ action: h.action, version: h.version, service: h.service }));
const FIELDS = [
  "Name",
  "AccountName",
  "PolicyType",
  "PermissionIds",
  "NodeId",
  "Remark",
  "RecordId",
  "PayUin",
  "IdentityRoleID",
  "AuthRelationId",
  "Tags",
  "Offset",
  "Limit",
  "SearchKey",
  "MemberUin",
  "MemberUins",
  "IdentityIds",
  "IdentityId",
  "ParentNodeId",
  "IsAllowQuit",
  "Lang",
  "Product",
  "NodeName",
  "AuthName",
  "IsModifyNickName",
  "Resource",
  "ReplaceTags",
  "DeleteTags",
  // Organization policies.
  "PolicyId",
  "Content",
  "Type",
  "Description",
  "TargetId",
  "TargetType",
  "PolicyType",
  "OrganizationId",
  "Rp",
  "Page",
  "Scope",
  "Keyword",
  "MaxResults",
  "PaginationToken",
  "TagKey",
];

/**
 * A well-formed answer: HTTP 200 with a RequestId, never InternalError (an emulator bug, which is
 * also what an undocumented code turns into), and only codes documented for the action.
 */
function expectWellFormed(action: string, answer: Awaited<ReturnType<typeof rawRequest>>): void {
  expect(answer.status).toBe(200);
  expect(answer.response?.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  const code = answer.response?.Error?.Code;
  expect(code).not.toBe("InternalError");
  if (code !== undefined) expect(isDocumentedFor(action, code), `${action} answered ${code}`).toBe(true);
}

describe("robustness", () => {
  it("answers any body with a well-formed envelope", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTIONS), fc.oneof(fc.string(), fc.json()), async (target, body) => {
        expectWellFormed(target.action, await rawRequest(emulator, { ...target, body }));
      }),
      { numRuns: 150 },
    );
  });

  it("answers any mix of known fields with arbitrary JSON values without an internal error", async () => {
    const params = fc.dictionary(
      fc.constantFrom(...FIELDS),
      fc.oneof(fc.jsonValue(), fc.array(fc.record({ TagKey: fc.string(), TagValue: fc.string() }))),
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTIONS), params, async (target, body) => {
        expectWellFormed(target.action, await rawRequest(emulator, { ...target, body: JSON.stringify(body) }));
      }),
      { numRuns: 300 },
    );
    // Still serving normally afterwards.
    await expect(orgClient(emulator).DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("RequestId");
  });
});
