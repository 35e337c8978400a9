/**
 * ModifyResourceTags (Tag service): sets and removes tags on an organization member or department.
 */
import { Errors } from "../errors";
import type { TagPair } from "../model";
import { formatApiTime, MAX_TAGS_PER_REQUEST, MAX_TAGS_PER_RESOURCE, tagQuotaBreak, tagRuleBreak, type TagRuleBreak } from "../rules";
import { defineHandler, TAG_VERSION } from "./handler";

/**
 * Six-segment resource names: any region, empty or admin account segment. Members as the
 * Terraform provider names them (`…:member/<uin>`); departments by the emulator's analogous
 * convention (`…:node/<nodeId>`), which no Tencent page confirms.
 */
const ORGANIZATION_RESOURCE = /^qcs::organization:[^:]*:uin\/\d*:(member|node)\/(\d+)$/;

const tagServiceError = (broken: TagRuleBreak, key: string) =>
  ({
    keyEmpty: () => Errors.tagKeyEmpty(),
    keyTooLong: () => Errors.tagKeyLengthExceeded(key),
    keyCharacters: () => Errors.tagKeyCharacterIllegal(key),
    reservedKey: () => Errors.reservedTagKey(key),
    valueEmpty: () => Errors.tagParameter(`the value of tag ${JSON.stringify(key)} is empty`),
    valueTooLong: () => Errors.tagValueLengthExceeded(key),
    valueCharacters: () => Errors.tagValueCharacterIllegal(key),
  })[broken]();

function checkList(field: string, keys: string[]): void {
  if (keys.length === 0) throw Errors.invalidParameter(`${field} must not be an empty list; omit it instead.`);
  // Ten per list is documented; the code for more is not (InvalidParameter.Tag is a guess).
  if (keys.length > MAX_TAGS_PER_REQUEST) throw Errors.tagParameter(`${field} can hold at most ${MAX_TAGS_PER_REQUEST} tags`);
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw Errors.tagParameter(`the tag key ${JSON.stringify(key)} is twice in ${field}`);
    seen.add(key);
  }
}

/** ModifyResourceTags (tag 2018-08-13), for organization members and departments. */
export const modifyResourceTags = defineHandler({
  version: TAG_VERSION,
  action: "ModifyResourceTags",
  params: {
    Resource: { type: "string", required: true },
    ReplaceTags: { type: "tagList", required: false },
    DeleteTags: { type: "tagKeyList", required: false },
  } as const,
  handle(p, { store, now, limits }) {
    const match = ORGANIZATION_RESOURCE.exec(p.Resource);
    if (!match) throw Errors.resourceDescriptionError(p.Resource);
    if (p.ReplaceTags === undefined && p.DeleteTags === undefined)
      throw Errors.invalidParameter("One of ReplaceTags and DeleteTags is required.");
    const replace: TagPair[] = (p.ReplaceTags ?? []).map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
    const remove = (p.DeleteTags ?? []).map((t) => t.TagKey);
    if (p.ReplaceTags !== undefined)
      checkList(
        "ReplaceTags",
        replace.map((t) => t.TagKey),
      );
    if (p.DeleteTags !== undefined) checkList("DeleteTags", remove);
    const both = replace.find((t) => remove.includes(t.TagKey));
    if (both) throw Errors.deleteTagsParamError(both.TagKey);
    for (const tag of replace) {
      const broken = tagRuleBreak(tag.TagKey, tag.TagValue);
      if (broken) throw tagServiceError(broken, tag.TagKey);
    }
    for (const key of remove) {
      const broken = tagRuleBreak(key, undefined);
      if (broken) throw tagServiceError(broken, key);
    }

    const id = Number(match[2]);
    const member = match[1] === "member" ? store.getMember(id) : undefined;
    const node = match[1] === "node" ? store.getNode(id) : undefined;
    const current = member?.tags ?? node?.Tags;
    if (!current) throw Errors.tagResourceNotFound(p.Resource);
    const tags = current.filter((t) => !remove.includes(t.TagKey));
    for (const tag of replace) {
      const existing = tags.find((t) => t.TagKey === tag.TagKey);
      if (existing) existing.TagValue = tag.TagValue;
      else tags.push(tag);
    }
    if (tags.length > MAX_TAGS_PER_RESOURCE) throw Errors.resourceAttachedTags(MAX_TAGS_PER_RESOURCE);
    const quota = tagQuotaBreak(store, replace, limits);
    if (quota)
      throw quota.quota === "values" ? Errors.tagValueQuota(quota.key, limits.tagValueQuota) : Errors.tagKeyQuota(limits.tagKeyQuota);
    const time = formatApiTime(now());
    if (member) store.putMember({ ...member, tags, updateTime: time });
    if (node) store.putNode({ ...node, Tags: tags, UpdateTime: time });
    return {};
  },
});
