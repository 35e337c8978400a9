/**
 * DeleteOrganizationMembers: removes invited members from the organization (their accounts stay).
 */
import { Errors } from "../errors";
import { checkRemovable } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DeleteOrganizationMembers (organization 2021-03-31). */
export const deleteOrganizationMembers = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DeleteOrganizationMembers",
  params: {
    MemberUin: { type: "integerList", required: true },
  } as const,
  handle(p, { store }) {
    if (p.MemberUin.length === 0) throw Errors.invalidParameterValue("MemberUin", "at least one member is required");
    // All or nothing: check every member before removing any.
    for (const uin of p.MemberUin) {
      const member = store.getMember(uin);
      // Tencent documents no member-not-found code for this action: the emulator answers the generic InvalidParameter (a guess).
      if (!member) throw Errors.invalidParameter(`The UIN ${uin} is not a member of the organization.`);
      checkRemovable(member);
    }
    for (const uin of p.MemberUin) store.removeMember(uin);
    return {};
  },
});
