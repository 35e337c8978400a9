/**
 * DeleteAccount: deletes a created member's account, possibly after a "pending" review period.
 */
import { Errors } from "../errors";
import { accountDeletionRefusals, accountDeletionReport, requireMember } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DeleteAccount (organization 2021-03-31). */
export const deleteAccount = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DeleteAccount",
  params: {
    MemberUin: { type: "integer", required: true },
  } as const,
  handle(p, { store, deregisterPendingCalls }) {
    const member = requireMember(store, p.MemberUin);
    // The same report CheckAccountDelete answers: DeleteAccount refuses exactly when it says AllowDelete false.
    const [refusal] = accountDeletionRefusals(p.MemberUin, accountDeletionReport(member, store.settings));
    if (refusal) throw refusal;
    // Deregistration is asynchronous in the real service: model it as N "pending" answers.
    const attempts = store.deregisterAttempts(p.MemberUin);
    if (attempts < deregisterPendingCalls) {
      store.setDeregisterAttempts(p.MemberUin, attempts + 1);
      throw Errors.deregisterPending(p.MemberUin);
    }
    store.removeMember(p.MemberUin);
    return {};
  },
});
