import { describe, expect, it } from "vitest";
import { codesWith, reactionTo, TENCENT_CODES } from "../../../../provider/api/call/codes";
import { COMMON_CODES, isDocumentedFor } from "../../../emulator/codes";

describe("the table of Tencent codes", () => {
  it("names each code once, with a reaction, the actions Tencent documents it for, and a source", () => {
    for (const [code, row] of Object.entries(TENCENT_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Za-z]+(\.[A-Za-z0-9]+)?$/);
      expect(row.actions.length, code).toBeGreaterThan(0);
      expect(row.source, code).not.toBe("");
    }
  });

  // The Go SDK's per-action lists, as the emulator holds them (test/emulator/codes.ts): the
  // provider may only wait for a code from an action that can answer it.
  it("lists for each code only actions whose documented list holds it, and common codes for every action", () => {
    for (const [code, row] of Object.entries(TENCENT_CODES) as [string, { actions: readonly string[] }][]) {
      for (const action of row.actions) {
        if (action === "*") expect([...COMMON_CODES], code).toContain(code);
        else expect(isDocumentedFor(action, code), `${code} for ${action}`).toBe(true);
      }
    }
  });

  it("reacts to a code only when the action that answered documents it", () => {
    expect(reactionTo("FailedOperation.TagResourcesError", "CreateOrganizationMember")).toBe("createdWithoutTags");
    expect(reactionTo("UnsupportedOperation.DeleteAccountDisabled", "DeleteAccount")).toBe("deletionRefused");
    expect(reactionTo("UnsupportedOperation.DeleteAccountDisabled", "DeleteOrganizationMembers")).toBe("surface");
    expect(reactionTo("ResourceNotFound.OrganizationIdentityNotExist", "DeleteOrganizationMemberAuthIdentity")).toBe("identityNotGranted");
    expect(reactionTo("ResourceNotFound.OrganizationIdentityNotExist", "CreateOrganizationMemberAuthIdentity")).toBe("surface");
    expect(reactionTo("RequestLimitExceeded", "ModifyResourceTags")).toBe("throttled");
  });

  it("knows identity codes by the names Tencent documents", () => {
    expect([...codesWith("identityNotGranted")].sort()).toEqual([
      "ResourceNotFound.MemberIdentityNotExist",
      "ResourceNotFound.OrganizationIdentityNotExist",
    ]);
  });
});
