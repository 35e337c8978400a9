/**
 * ListNonCompliantResource: a member's resources that break its effective tag policy. The resources are the tags the emulator
 * holds for the member: the member itself (`qcs::organization::uin/<admin>:member/<uin>`, type `organization:member`) and the
 * resources marked on the admin interface (`setMemberResources`) — the emulator's convention.
 */
import { Errors } from "../errors";
import { effectiveTagPolicy, MEMBER_RESOURCE_TYPE, memberResourceName, tagCompliance } from "../policy-rules";
import { requireMember } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** ListNonCompliantResource (organization 2021-03-31). */
export const listNonCompliantResource = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "ListNonCompliantResource",
  params: {
    MaxResults: { type: "integer", required: true },
    MemberUin: { type: "integer", required: true },
    PaginationToken: { type: "string", required: false },
    TagKey: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    if (p.MaxResults < 1 || p.MaxResults > 50) throw Errors.invalidParameterValue("MaxResults", "must be between 1 and 50");
    // The token is the emulator's: the offset of the next item as decimal digits ("" or absent = from the start).
    const token = p.PaginationToken ?? "";
    if (token !== "" && !/^\d+$/.test(token)) throw Errors.invalidParameterValue("PaginationToken", "not a token this action returned");
    const start = token === "" ? 0 : Number(token);
    const member = requireMember(store, p.MemberUin);
    const effective = effectiveTagPolicy(store, "MEMBER", member.memberUin);
    const resources = [
      { resource: memberResourceName(store.adminUin, member.memberUin), type: MEMBER_RESOURCE_TYPE, tags: member.tags },
      ...(member.taggedResources ?? []).map((r) => ({ resource: r.resource, type: r.resourceType, tags: r.tags })),
    ];
    const items = effective
      ? resources.flatMap((r) => {
          const details = tagCompliance(r.tags, r.type, effective.tags);
          if (details.ComplianceStatus) return [];
          if (p.TagKey !== undefined && ![...details.NonCompliantKeys, ...details.KeysWithNonCompliantValues].includes(p.TagKey)) return [];
          return [
            { Resource: r.resource, ComplianceDetails: details, Tags: r.tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })) },
          ];
        })
      : [];
    const end = start + p.MaxResults;
    // The last page answers an empty token (how Tencent signals it is undocumented, §7.12 — a guess).
    return { Items: items.slice(start, end), PaginationToken: end < items.length ? String(end) : "" };
  },
});
