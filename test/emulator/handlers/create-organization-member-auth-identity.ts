/**
 * CreateOrganizationMemberAuthIdentity: grants access identities to members.
 */
import { Errors } from "../errors";
import { formatApiTime } from "../rules";
import { IDENTITIES } from "../seed";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** CreateOrganizationMemberAuthIdentity (organization 2021-03-31). */
export const createOrganizationMemberAuthIdentity = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "CreateOrganizationMemberAuthIdentity",
  params: {
    MemberUins: { type: "integerList", required: true },
    IdentityIds: { type: "integerList", required: true },
  } as const,
  handle(p, { store, now }) {
    if (p.MemberUins.length < 1 || p.MemberUins.length > 10) throw Errors.invalidParameterValue("MemberUins", "1 to 10 members");
    if (p.IdentityIds.length < 1 || p.IdentityIds.length > 5) throw Errors.invalidParameterValue("IdentityIds", "1 to 5 identities");
    for (const id of p.IdentityIds) {
      if (!IDENTITIES.some((i) => i.IdentityId === id)) throw Errors.organizationIdentityNotExist(id);
    }
    const strangers = p.MemberUins.filter((uin) => !store.getMember(uin));
    if (strangers.length > 0) throw Errors.organizationMemberNotExist(strangers);
    const time = formatApiTime(now());
    for (const uin of new Set(p.MemberUins)) {
      const member = store.getMember(uin);
      if (!member) continue;
      for (const id of p.IdentityIds) {
        // Granting an identity twice is a no-op that keeps the first grant time.
        if (!member.identityIds.includes(id)) {
          member.identityIds.push(id);
          store.setIdentityGrantTime(uin, id, time);
        }
      }
      member.identityIds.sort((a, b) => a - b);
      store.putMember(member);
    }
    return {};
  },
});
