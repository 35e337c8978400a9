import { describe, expect, it } from "vitest";
import type { AccountDeletionCheck } from "../../../provider/api/model";
import { toAccountDeletionCheck } from "../../../provider/api/wire";
import { accountDeletionBlockers } from "../../../provider/member/deletion";

/** A check that allows deletion; each row changes one field. */
const allowed: AccountDeletionCheck = {
  allowed: true,
  invited: false,
  deletionPermissionOff: false,
  delegatedAdministrator: false,
  entityAdministrator: false,
  shareAdministrator: false,
  approvalProcess: false,
  billingPermissionLocked: false,
  resources: [],
  undetectedResources: [],
  identityCenterRoles: false,
  identityCenterUsers: false,
};
const refused = (change: Partial<AccountDeletionCheck>): AccountDeletionCheck => ({ ...allowed, allowed: false, ...change });

describe("why Tencent would refuse to delete an account, each reason with what to do", () => {
  it("an allowed deletion has no reason", () => {
    expect(accountDeletionBlockers(allowed)).toEqual([]);
  });

  it.each<[string, Partial<AccountDeletionCheck>, RegExp]>([
    ["an invited member", { invited: true }, /joined by invitation.*removeFromOrganization/],
    ["the deletion permission off", { deletionPermissionOff: true }, /member deletion permission is off.*doc 55955/],
    ["a delegated administrator", { delegatedAdministrator: true }, /delegated administrator of a trusted service/],
    ["an entity administrator", { entityAdministrator: true }, /manages a verified entity/],
    ["a share administrator", { shareAdministrator: true }, /administers shared resources/],
    ["an approval process", { approvalProcess: true }, /operation approval process/],
    ["financial permissions locked", { billingPermissionLocked: true }, /financial permissions cannot be released/],
    ["resources left", { resources: ["cvm", "cos"] }, /resources are still in the account \(cvm, cos\)/],
    ["resources not checked", { undetectedResources: ["cbs"] }, /could not check these resources.*\(cbs\)/],
    ["Identity Center configurations", { identityCenterRoles: true }, /Identity Center permission configurations/],
    ["Identity Center users", { identityCenterUsers: true }, /Identity Center users are synchronised/],
  ])("%s", (_name, change, advice) => {
    const reasons = accountDeletionBlockers(refused(change));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(advice);
  });

  it("every reason at once, not the first Tencent happens to meet", () => {
    const reasons = accountDeletionBlockers(refused({ deletionPermissionOff: true, resources: ["cvm"], identityCenterUsers: true }));
    expect(reasons).toHaveLength(3);
  });

  it("a refusal without a known reason still says something to act on", () => {
    expect(accountDeletionBlockers(refused({}))).toEqual([expect.stringMatching(/without a reason.*retain/)]);
  });
});

describe("CheckAccountDelete's answer in the provider's terms", () => {
  it("reads each NotAllowReason field in the sense the SDK documents", () => {
    const check = toAccountDeletionCheck({
      AllowDelete: false,
      NotAllowReason: {
        IsCreateMember: false,
        DeletionPermission: false,
        IsAssignManager: true,
        IsAuthManager: true,
        IsShareManager: true,
        OperateProcess: true,
        BillingPermission: false,
        ExistResources: ["cvm"],
        DetectFailedResources: ["cbs"],
        CICRoleConfig: true,
        CICUserConfig: true,
      },
      RequestId: "r-1",
    });
    expect(check).toEqual({
      allowed: false,
      invited: true,
      deletionPermissionOff: true,
      delegatedAdministrator: true,
      entityAdministrator: true,
      shareAdministrator: true,
      approvalProcess: true,
      billingPermissionLocked: true,
      resources: ["cvm"],
      undetectedResources: ["cbs"],
      identityCenterRoles: true,
      identityCenterUsers: true,
      requestId: "r-1",
    });
    expect(accountDeletionBlockers(check)).toHaveLength(11);
  });

  it("an allowed answer with every permission on is no reason", () => {
    const check = toAccountDeletionCheck({
      AllowDelete: true,
      NotAllowReason: { IsCreateMember: true, DeletionPermission: true, BillingPermission: true },
    });
    expect(accountDeletionBlockers(check)).toEqual([]);
  });
});
