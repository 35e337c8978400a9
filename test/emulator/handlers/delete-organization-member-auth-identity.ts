/**
 * DeleteOrganizationMemberAuthIdentity: revokes one access identity from one member.
 */
import { Errors } from "../errors";
import { requireMember } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DeleteOrganizationMemberAuthIdentity (organization 2021-03-31). */
export const deleteOrganizationMemberAuthIdentity = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DeleteOrganizationMemberAuthIdentity",
  params: {
    MemberUin: { type: "integer", required: true },
    IdentityId: { type: "integer", required: true },
  } as const,
  handle(p, { store }) {
    const member = requireMember(store, p.MemberUin);
    if (!member.identityIds.includes(p.IdentityId)) throw Errors.memberIdentityNotExist(p.MemberUin, p.IdentityId);
    member.identityIds = member.identityIds.filter((id) => id !== p.IdentityId);
    store.putMember(member);
    store.setIdentityGrantTime(p.MemberUin, p.IdentityId, undefined);
    return {};
  },
});
