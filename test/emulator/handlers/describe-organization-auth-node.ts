/**
 * DescribeOrganizationAuthNode: verified entities members can be created under (AuthRelationId).
 */
import { AUTH_RELATIONS } from "../seed";
import { checkPage } from "../validation";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DescribeOrganizationAuthNode (organization 2021-03-31). */
export const describeOrganizationAuthNode = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribeOrganizationAuthNode",
  params: {
    Offset: { type: "integer", required: true },
    Limit: { type: "integer", required: true },
    AuthName: { type: "string", required: false },
  } as const,
  handle(p) {
    checkPage(p.Offset, p.Limit);
    const matches = AUTH_RELATIONS.filter((r) => p.AuthName === undefined || r.AuthName.includes(p.AuthName));
    return { Total: matches.length, Items: matches.slice(p.Offset, p.Offset + p.Limit).map((r) => structuredClone(r)) };
  },
});
