/**
 * ListOrganizationIdentity: the catalogue of access identities members can be granted.
 */
import { IDENTITIES } from "../seed";
import { checkPage } from "../validation";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** ListOrganizationIdentity (organization 2021-03-31). */
export const listOrganizationIdentity = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "ListOrganizationIdentity",
  params: {
    Offset: { type: "integer", required: true },
    Limit: { type: "integer", required: true },
    SearchKey: { type: "string", required: false },
    IdentityId: { type: "integer", required: false },
    IdentityType: { type: "integer", required: false },
  } as const,
  handle(p) {
    checkPage(p.Offset, p.Limit);
    const matches = IDENTITIES.filter(
      (i) =>
        (p.SearchKey === undefined || i.IdentityAliasName.includes(p.SearchKey) || i.IdentityRoleName.includes(p.SearchKey)) &&
        (p.IdentityId === undefined || i.IdentityId === p.IdentityId) &&
        (p.IdentityType === undefined || i.IdentityType === p.IdentityType),
    );
    return {
      Total: matches.length,
      Items: matches.slice(p.Offset, p.Offset + p.Limit).map((i) => ({
        IdentityId: i.IdentityId,
        IdentityAliasName: i.IdentityAliasName,
        Description: i.Description,
        IdentityPolicy: [{ PolicyId: i.PolicyId, PolicyName: i.PolicyName, PolicyType: i.IdentityType === 1 ? 2 : 1 }],
        IdentityType: i.IdentityType,
        UpdateTime: i.UpdateTime,
      })),
    };
  },
});
