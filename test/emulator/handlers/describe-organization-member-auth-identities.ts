/**
 * DescribeOrganizationMemberAuthIdentities: which identities are granted to which members.
 */
import { Errors } from "../errors";
import { IDENTITIES, SEED_TIME } from "../seed";
import { checkPage } from "../validation";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DescribeOrganizationMemberAuthIdentities (organization 2021-03-31). */
export const describeOrganizationMemberAuthIdentities = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribeOrganizationMemberAuthIdentities",
  params: {
    Offset: { type: "integer", required: true },
    Limit: { type: "integer", required: true },
    MemberUin: { type: "integer", required: false },
    IdentityId: { type: "integer", required: false },
  } as const,
  handle(p, { store }) {
    checkPage(p.Offset, p.Limit);
    // The model: "at least one of MemberUin and IdentityId".
    if (p.MemberUin === undefined && p.IdentityId === undefined) throw Errors.missingParameter("MemberUin or IdentityId");
    // One member by its index, or a scan of the stored members without copying them.
    const one = p.MemberUin === undefined ? undefined : store.getMember(p.MemberUin);
    const candidates = p.MemberUin === undefined ? store.memberView() : one ? [one] : [];
    const items = candidates.flatMap((m) =>
      m.identityIds
        .filter((id) => p.IdentityId === undefined || id === p.IdentityId)
        .map((id) => {
          const identity = IDENTITIES.find((i) => i.IdentityId === id);
          const granted = store.identityGrantTime(m.memberUin, id) ?? SEED_TIME;
          return {
            IdentityId: id,
            IdentityRoleName: identity?.IdentityRoleName ?? "",
            IdentityRoleAliasName: identity?.IdentityAliasName ?? "",
            Description: identity?.Description ?? "",
            CreateTime: granted,
            UpdateTime: granted,
            IdentityType: identity?.IdentityType ?? 1,
            Status: 1,
            MemberUin: m.memberUin,
            MemberName: m.name,
          };
        }),
    );
    return { Items: items.slice(p.Offset, p.Offset + p.Limit), Total: items.length };
  },
});
