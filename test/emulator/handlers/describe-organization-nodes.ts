/**
 * DescribeOrganizationNodes: the paged department list.
 */
import { Errors } from "../errors";
import { checkPage } from "../validation";
import { toOrgNode } from "../wire";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DescribeOrganizationNodes (organization 2021-03-31). */
export const describeOrganizationNodes = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribeOrganizationNodes",
  params: {
    Limit: { type: "integer", required: true },
    Offset: { type: "integer", required: true },
    Tags: { type: "tagList", required: false },
  } as const,
  handle(p, { store }) {
    checkPage(p.Offset, p.Limit);
    if (p.Tags && p.Tags.length > 10) throw Errors.invalidParameterValue("Tags", "at most 10 tags");
    const matches = store
      .listNodes()
      .filter((n) => !p.Tags || p.Tags.every((t) => n.Tags.some((own) => own.TagKey === t.TagKey && own.TagValue === t.TagValue)));
    return { Total: matches.length, Items: matches.slice(p.Offset, p.Offset + p.Limit).map(toOrgNode) };
  },
});
