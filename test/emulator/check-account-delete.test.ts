/**
 * CheckAccountDelete through the real SDK: every NotAllowReason field, each matched by the refusal
 * DeleteAccount answers for the same state, and the two actions agreeing on every mix of states.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDocumentedFor } from "./codes";
import {
  adminCall,
  aMember,
  codeOf,
  DEFAULT_CREDENTIAL,
  orgClient,
  sdkFailureOf,
  useEmulator,
  withEmulator,
  type OrgClient,
} from "./fixtures";
import type { RunningEmulator } from "./index";
import type { MemberHoldings } from "./model";
import { ACCOUNT_DELETION_FIELDS, type AccountDeletionReport } from "./rules";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

const created = async () => (await client.CreateOrganizationMember(aMember())).Uin!;

/** NotAllowReason of a member nothing blocks. */
const CLEAR: AccountDeletionReport = {
  IsCreateMember: true,
  DeletionPermission: true,
  IsAssignManager: false,
  IsAuthManager: false,
  IsShareManager: false,
  OperateProcess: false,
  BillingPermission: true,
  ExistResources: [],
  DetectFailedResources: [],
  CICRoleConfig: false,
  CICUserConfig: false,
};

describe("CheckAccountDelete", () => {
  it("allows deleting a created member nothing blocks, reporting every NotAllowReason field", async () => {
    const uin = await created();
    const answer = await client.CheckAccountDelete({ MemberUin: uin });
    expect(answer).toEqual({ AllowDelete: true, NotAllowReason: CLEAR, RequestId: expect.any(String) });
    expect(Object.keys(CLEAR).sort()).toEqual([...ACCOUNT_DELETION_FIELDS].sort());
    await client.DeleteAccount({ MemberUin: uin });
  });

  it("refuses an unknown member with ResourceNotFound.MemberNotExist", async () => {
    expect(await codeOf(client.CheckAccountDelete({ MemberUin: 1 }))).toBe("ResourceNotFound.MemberNotExist");
  });

  type Setup = (uin: number) => void;
  const hold =
    (holdings: MemberHoldings): Setup =>
    (uin) =>
      emulator.admin.setHoldings(uin, holdings);
  it.each<[string, Setup, Partial<AccountDeletionReport>, string]>([
    [
      "the member deletion permission off",
      () => emulator.admin.setMemberDeletion(false),
      { DeletionPermission: false },
      "UnsupportedOperation.DeleteAccountDisabled",
    ],
    [
      "resources (marked true)",
      hold({ resources: true }),
      { ExistResources: ["unnamed-resource"] },
      "UnsupportedOperation.MemberAccountExistResource",
    ],
    [
      "resources (named)",
      hold({ resources: ["cvm", "cos"] }),
      { ExistResources: ["cvm", "cos"] },
      "UnsupportedOperation.MemberAccountExistResource",
    ],
    [
      "a delegated service administrator",
      hold({ services: true }),
      { IsAssignManager: true },
      "UnsupportedOperation.MemberExistServiceNotAllowDelete",
    ],
    ["a share-resource administrator", hold({ sharedResources: true }), { IsShareManager: true }, "FailedOperation.MemberShareResource"],
    [
      "an entity administrator",
      hold({ authManager: true }),
      { IsAuthManager: true },
      "FailedOperation.OrganizationAuthManageNotAllowDelete",
    ],
    [
      "Identity Center role configurations",
      hold({ cicRoleConfig: true }),
      { CICRoleConfig: true },
      "UnsupportedOperation.MemberAccountExistCICRoleConfig",
    ],
    [
      "Identity Center user synchronisation",
      hold({ cicUserConfig: true }),
      { CICUserConfig: true },
      "UnsupportedOperation.MemberAccountExistCICUserConfig",
    ],
    ["an approval process (code a guess)", hold({ operateProcess: true }), { OperateProcess: true }, "UnsupportedOperation"],
    [
      "locked financial permissions (code a guess)",
      hold({ billingPermissionLocked: true }),
      { BillingPermission: false },
      "FailedOperation",
    ],
    [
      "failed resource checks (code a guess)",
      hold({ detectFailedResources: ["cbs"] }),
      { DetectFailedResources: ["cbs"] },
      "FailedOperation",
    ],
  ])("reports %s, and DeleteAccount refuses the same state with %s", async (_case, setup, reason, code) => {
    const uin = await created();
    setup(uin);
    expect(await client.CheckAccountDelete({ MemberUin: uin })).toMatchObject({
      AllowDelete: false,
      NotAllowReason: { ...CLEAR, ...reason },
    });
    expect(await codeOf(client.DeleteAccount({ MemberUin: uin }))).toBe(code);
    expect(isDocumentedFor("DeleteAccount", code)).toBe(true);
    expect(emulator.admin.members()).toHaveLength(1);
  });

  it("reports an invited member (IsCreateMember false), refused by DeleteAccount with UnsupportedOperation.InviteAccountNotAllowDelete", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    expect(await client.CheckAccountDelete({ MemberUin: invited })).toMatchObject({
      AllowDelete: false,
      NotAllowReason: { ...CLEAR, IsCreateMember: false },
    });
    expect(await codeOf(client.DeleteAccount({ MemberUin: invited }))).toBe("UnsupportedOperation.InviteAccountNotAllowDelete");
  });

  it("lists every reason at once, and allows deletion again once they are cleared", async () => {
    const uin = await created();
    emulator.admin.setMemberDeletion(false);
    emulator.admin.setHoldings(uin, { cicUserConfig: true, resources: ["cvm"] });
    expect((await client.CheckAccountDelete({ MemberUin: uin })).NotAllowReason).toMatchObject({
      DeletionPermission: false,
      CICUserConfig: true,
      ExistResources: ["cvm"],
    });
    emulator.admin.setMemberDeletion(true);
    await adminCall(emulator, "POST", `/_emulator/members/${uin}/holdings`, { cicUserConfig: false, resources: false });
    expect((await client.CheckAccountDelete({ MemberUin: uin })).AllowDelete).toBe(true);
    await client.DeleteAccount({ MemberUin: uin });
    expect(emulator.admin.members()).toEqual([]);
  });

  it("agrees with DeleteAccount on every mix of member type, deletion permission and holdings", async () => {
    const holdings = fc.record(
      {
        resources: fc.oneof(fc.boolean(), fc.constant(["cvm"])),
        services: fc.boolean(),
        sharedResources: fc.boolean(),
        authManager: fc.boolean(),
        operateProcess: fc.boolean(),
        billingPermissionLocked: fc.boolean(),
        cicRoleConfig: fc.boolean(),
        cicUserConfig: fc.boolean(),
        detectFailedResources: fc.oneof(fc.boolean(), fc.constant(["cbs"])),
      },
      { requiredKeys: [] },
    );
    // Mostly-clear states, so that both outcomes occur often.
    const sparse = holdings.map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== false)) as MemberHoldings);
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), fc.oneof(fc.constant({}), sparse), async (invited, deletionOn, held) => {
        emulator.admin.reset();
        const uin = invited ? emulator.admin.inviteMember({ name: "guest" }) : await created();
        emulator.admin.setMemberDeletion(deletionOn);
        emulator.admin.setHoldings(uin, held);
        const { AllowDelete } = await client.CheckAccountDelete({ MemberUin: uin });
        const refused = await client.DeleteAccount({ MemberUin: uin }).then(
          () => undefined,
          (error: { code?: string }) => error.code,
        );
        expect(refused === undefined, `CheckAccountDelete said ${AllowDelete}, DeleteAccount answered ${refused}`).toBe(AllowDelete);
        if (refused !== undefined) expect(isDocumentedFor("DeleteAccount", refused)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("changes nothing, and does not use up DeleteAccount's pending answers", async () => {
    await withEmulator({ rateLimitPerSecond: 0, deregisterPendingCalls: 1 }, async (pending) => {
      const org = orgClient(pending);
      const { Uin } = await org.CreateOrganizationMember(aMember());
      await org.CheckAccountDelete({ MemberUin: Uin! });
      await org.CheckAccountDelete({ MemberUin: Uin! });
      expect(await codeOf(org.DeleteAccount({ MemberUin: Uin! }))).toBe("FailedOperation.MemberAccountDeregisterPending");
      expect((await org.CheckAccountDelete({ MemberUin: Uin! })).AllowDelete).toBe(true);
      await org.DeleteAccount({ MemberUin: Uin! });
      expect(await codeOf(org.CheckAccountDelete({ MemberUin: Uin! }))).toBe("ResourceNotFound.MemberNotExist");
    });
  });

  it("takes injected faults with the codes it documents, and refuses others", async () => {
    emulator.admin.injectFault({ action: "CheckAccountDelete", mode: "error", code: "ResourceNotFound.OrganizationNotExist" });
    expect(await codeOf(client.CheckAccountDelete({ MemberUin: await created() }))).toBe("ResourceNotFound.OrganizationNotExist");
    expect(() =>
      emulator.admin.injectFault({ action: "CheckAccountDelete", mode: "error", code: "UnsupportedOperation.DeleteAccountDisabled" }),
    ).toThrow(/not documented for CheckAccountDelete/);
    expect((await adminCall(emulator, "POST", "/_emulator/faults", { action: "CheckAccountDelete", mode: "timeout" })).status).toBe(200);
    expect(emulator.admin.faults()).toMatchObject([{ action: "CheckAccountDelete", mode: "timeout" }]);
  });

  it("is an action of CAM allow-lists: organization:CheckAccountDelete", async () => {
    const uin = await created();
    emulator.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["organization:DeleteAccount"]);
    const refused = await sdkFailureOf(client.CheckAccountDelete({ MemberUin: uin }));
    expect(refused.code).toBe("UnauthorizedOperation");
    expect(refused.message).toContain("organization:CheckAccountDelete");
    emulator.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["organization:CheckAccountDelete"]);
    await expect(client.CheckAccountDelete({ MemberUin: uin })).resolves.toHaveProperty("AllowDelete", true);
    expect(emulator.admin.counters()).toMatchObject({ CheckAccountDelete: 2 });
  });
});
