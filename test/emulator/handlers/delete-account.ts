/**
 * DeleteAccount: deletes a created member's account, possibly after a "pending" review period.
 */
import { Errors } from "../errors";
import { checkNothingHeld, requireMember } from "../rules";
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
    // The console's opt-in "member deletion permission" (product 1031 doc 55955) gates every deletion.
    if (!store.settings.memberDeletionEnabled) throw Errors.deleteAccountDisabled();
    if (member.memberType !== "Create") throw Errors.inviteAccountNotAllowDelete(p.MemberUin);
    checkNothingHeld(member, true);
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
