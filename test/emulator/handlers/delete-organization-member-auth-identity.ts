/**
 * DeleteOrganizationMemberAuthIdentity: revokes one access identity from one member.
 */
import { Errors } from "../errors";
import { IDENTITIES } from "../seed";
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
    if (!IDENTITIES.some((i) => i.IdentityId === p.IdentityId)) throw Errors.organizationIdentityNotExist(p.IdentityId);
    const member = store.getMember(p.MemberUin);
    // No member-not-found code is documented here: a non-member has no identity, so MemberIdentityNotExist (a guess).
    if (!member || !member.identityIds.includes(p.IdentityId)) throw Errors.memberIdentityNotExist(p.MemberUin, p.IdentityId);
    member.identityIds = member.identityIds.filter((id) => id !== p.IdentityId);
    store.putMember(member);
    store.setIdentityGrantTime(p.MemberUin, p.IdentityId, undefined);
    return {};
  },
});
