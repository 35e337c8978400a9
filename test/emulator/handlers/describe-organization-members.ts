/**
 * DescribeOrganizationMembers: the paged member list, the only way to read a member in 2021-03-31.
 */
import { Errors } from "../errors";
import type { EmulatedMember } from "../model";
import { ADMIN_AUTH_NAME, AUTH_RELATIONS } from "../seed";
import { checkPage, matchesTagFilters } from "../validation";
import { toOrgMember, type Lang } from "../wire";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

const entityName = (member: Readonly<EmulatedMember>): string =>
  AUTH_RELATIONS.find((r) => r.RelationId === member.authRelationId)?.AuthName ?? ADMIN_AUTH_NAME;

/** DescribeOrganizationMembers (organization 2021-03-31). */
export const describeOrganizationMembers = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribeOrganizationMembers",
  params: {
    Offset: { type: "integer", required: true },
    Limit: { type: "integer", required: true },
    Lang: { type: "string", required: false },
    SearchKey: { type: "string", required: false },
    AuthName: { type: "string", required: false },
    // Trusted-service product: accepted and ignored (the emulator has no trusted services).
    Product: { type: "string", required: false },
    Tags: { type: "tagFilterList", required: false },
    NodeId: { type: "integer", required: false },
    NodeName: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    checkPage(p.Offset, p.Limit);
    const lang = p.Lang ?? "en";
    if (lang !== "en" && lang !== "zh") throw Errors.invalidParameterValue("Lang", "must be en or zh");
    if (p.Tags && p.Tags.length > 10) throw Errors.invalidParameterValue("Tags", "at most 10 tags");
    // A department filter naming no department is refused, not answered with an empty page (the code is in the action's list).
    if (p.NodeId !== undefined && !store.getNode(p.NodeId)) throw Errors.nodeNotFound(p.NodeId);
    const nodeNames = new Map(store.nodeView().map((n) => [n.NodeId, n.Name]));
    // Filters run over the stored members without copying them; only the page is mapped.
    const matches = store.memberView().filter((m) => {
      if (p.SearchKey !== undefined && p.SearchKey !== "") {
        // All digits may be a UIN (exact) or part of a name; anything else only a name.
        const byUin = /^\d+$/.test(p.SearchKey) && String(m.memberUin) === p.SearchKey;
        if (!byUin && !m.name.includes(p.SearchKey)) return false;
      }
      if (p.NodeId !== undefined && m.nodeId !== p.NodeId) return false;
      if (p.NodeName !== undefined && p.NodeName !== "" && nodeNames.get(m.nodeId) !== p.NodeName) return false;
      if (p.AuthName !== undefined && p.AuthName !== "" && !entityName(m).includes(p.AuthName)) return false;
      if (p.Tags && !matchesTagFilters(m.tags, p.Tags)) return false;
      return true;
    });
    return {
      Items: matches.slice(p.Offset, p.Offset + p.Limit).map((m) => toOrgMember(m, store, lang satisfies Lang)),
      Total: matches.length,
    };
  },
});
