/**
 * DescribeOrganizationNodes: the paged department list.
 */
import { Errors } from "../errors";
import { checkPage, matchesTagFilters } from "../validation";
import { toOrgNode } from "../wire";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DescribeOrganizationNodes (organization 2021-03-31). */
export const describeOrganizationNodes = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribeOrganizationNodes",
  params: {
    Limit: { type: "integer", required: true },
    Offset: { type: "integer", required: true },
    Tags: { type: "tagFilterList", required: false },
  } as const,
  handle(p, { store }) {
    checkPage(p.Offset, p.Limit);
    if (p.Tags && p.Tags.length > 10) throw Errors.invalidParameterValue("Tags", "at most 10 tags");
    const matches = store.nodeView().filter((n) => !p.Tags || matchesTagFilters(n.Tags, p.Tags));
    return { Total: matches.length, Items: matches.slice(p.Offset, p.Offset + p.Limit).map(toOrgNode) };
  },
});
