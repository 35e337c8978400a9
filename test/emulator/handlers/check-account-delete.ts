/**
 * CheckAccountDelete: whether DeleteAccount would delete a member's account, and every reason it would refuse.
 */
import { accountDeletionRefusals, accountDeletionReport, requireMember } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** CheckAccountDelete (organization 2021-03-31): `{AllowDelete, NotAllowReason}`, changing nothing. */
export const checkAccountDelete = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "CheckAccountDelete",
  params: {
    MemberUin: { type: "integer", required: true },
  } as const,
  handle(p, { store }) {
    const member = requireMember(store, p.MemberUin);
    const report = accountDeletionReport(member, store.settings);
    // NotAllowReason is answered whole even when deletion is allowed: the model marks both fields optional and
    // documents no omission, so the emulator always reports the state it checked (a guess).
    return { AllowDelete: accountDeletionRefusals(p.MemberUin, report).length === 0, NotAllowReason: report };
  },
});
