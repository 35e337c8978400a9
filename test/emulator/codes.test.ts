/**
 * The code table (codes.ts) against the emulator's code: every action it serves has a row, every
 * error factory answers a code some row documents, and the guard turns an undocumented answer into
 * a visible emulator bug. robustness.test.ts fuzzes every action and checks each answered code
 * against its row; the rule tests check the exact code of every refusal.
 */
import { describe, expect, it } from "vitest";
import { ACTION_CODES, COMMON_CODES, isDocumentedFor, UndocumentedCodeError } from "./codes";
import { type ApiError, Errors } from "./errors";
import { aMember, codeOf, rawRequest, useEmulator, type OrgClient } from "./fixtures";
import { HANDLERS } from "./handlers";
import { defineHandler, ORGANIZATION_VERSION } from "./handlers/handler";
import type { RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

// Factories take names, UINs, lists and details; arguments only shape the message, never the code.
const factoryCodes = Object.entries(Errors).map(([name, factory]) => {
  const argument = Object.assign([1], { toString: () => "x" });
  const error = (factory as (...args: unknown[]) => ApiError)(argument, argument, argument);
  return { name, code: error.code };
});

describe("the documented-code table", () => {
  it("has a row for every action the emulator serves, and serves every action it has a row for", () => {
    expect(HANDLERS.map((h) => h.action).sort()).toEqual(Object.keys(ACTION_CODES).sort());
  });

  it.each(factoryCodes)("error factory $name answers $code, which Tencent documents for some action or as a common code", ({ code }) => {
    const documented = COMMON_CODES.includes(code) || Object.values(ACTION_CODES).some((row) => (row as readonly string[]).includes(code));
    expect(documented).toBe(true);
  });

  it("turns a handler's undocumented code into an UndocumentedCodeError (answered as InternalError)", () => {
    const inventing = defineHandler({
      version: ORGANIZATION_VERSION,
      action: "DeleteOrganizationMembers",
      params: {} as const,
      handle: () => {
        throw Errors.memberNotExist(1);
      },
    });
    expect(isDocumentedFor("DeleteOrganizationMembers", "ResourceNotFound.MemberNotExist")).toBe(false);
    expect(() => inventing.run({}, undefined as never)).toThrow(UndocumentedCodeError);
  });

  it("refuses to inject an error fault with a code the action does not document, and accepts a documented or common one", () => {
    expect(() =>
      emulator.admin.injectFault({ action: "DeleteOrganizationMembers", mode: "error", code: "ResourceNotFound.MemberNotExist" }),
    ).toThrow(/not documented for DeleteOrganizationMembers/);
    emulator.admin.injectFault({ action: "DeleteAccount", mode: "error", code: "UnsupportedOperation.MemberAccountExistResource" });
    emulator.admin.injectFault({ action: "DeleteAccount", mode: "error", code: "RequestLimitExceeded.UinLimitExceeded" });
    expect(emulator.admin.faults()).toHaveLength(2);
  });

  it("answers the documented code of each refusal of a full life (spot check through the SDK)", async () => {
    const uin = (await client.CreateOrganizationMember(aMember())).Uin!;
    const answered: [string, string | undefined][] = [
      ["DeleteOrganizationMembers", await codeOf(client.DeleteOrganizationMembers({ MemberUin: [uin] }))],
      ["DeleteOrganizationMembers", await codeOf(client.DeleteOrganizationMembers({ MemberUin: [1] }))],
      ["DeleteAccount", await codeOf(client.DeleteAccount({ MemberUin: 1 }))],
      ["DeleteOrganizationNodes", await codeOf(client.DeleteOrganizationNodes({ NodeId: [1] }))],
      ["UpdateOrganizationNode", await codeOf(client.UpdateOrganizationNode({ NodeId: 1, Name: "x" }))],
    ];
    for (const [action, code] of answered) expect(isDocumentedFor(action, code!), `${action} answered ${code}`).toBe(true);
  });

  it("answers a raw request of every action with a documented code or success", async () => {
    for (const handler of HANDLERS) {
      const answer = await rawRequest(emulator, { action: handler.action, version: handler.version, service: handler.service, body: "{}" });
      const code = answer.response?.Error?.Code;
      if (code !== undefined) expect(isDocumentedFor(handler.action, code), `${handler.action} answered ${code}`).toBe(true);
    }
  });
});
