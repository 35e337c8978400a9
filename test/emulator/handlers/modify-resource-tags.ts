/**
 * ModifyResourceTags (Tag service): sets and removes tags on an organization member.
 */
import { Errors } from "../errors";
import type { TagPair } from "../model";
import { formatApiTime, requireMember, tagRuleBreak, type TagRuleBreak } from "../rules";
import { defineHandler, TAG_VERSION } from "./handler";

// The Terraform provider's six-segment name for a member; any region, empty or admin account segment.
const MEMBER_RESOURCE = /^qcs::organization:[^:]*:uin\/\d*:member\/(\d+)$/;
/** Most tags one resource can carry. */
const MAX_TAGS_PER_RESOURCE = 50;

const tagServiceError = (broken: TagRuleBreak, key: string) =>
  ({
    keyEmpty: () => Errors.tagKeyEmpty(),
    keyTooLong: () => Errors.tagKeyLengthExceeded(key),
    valueTooLong: () => Errors.tagValueLengthExceeded(key),
    reservedKey: () => Errors.reservedTagKey(key),
  })[broken]();

function checkKeysUnique(field: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw Errors.tagKeyDuplicate(key);
    seen.add(key);
  }
  if (keys.length === 0) throw Errors.invalidParameter(`${field} must not be an empty list; omit it instead.`);
  if (keys.length > 10) throw Errors.invalidParameter(`${field} can hold at most 10 tags.`);
}

/** ModifyResourceTags (tag 2018-08-13), for organization members only. */
export const modifyResourceTags = defineHandler({
  version: TAG_VERSION,
  action: "ModifyResourceTags",
  params: {
    Resource: { type: "string", required: true },
    ReplaceTags: { type: "tagList", required: false },
    DeleteTags: { type: "tagKeyList", required: false },
  } as const,
  handle(p, { store, now }) {
    const match = MEMBER_RESOURCE.exec(p.Resource);
    if (!match) throw Errors.resourceDescriptionError(p.Resource);
    if (p.ReplaceTags === undefined && p.DeleteTags === undefined) throw Errors.invalidParameter("One of ReplaceTags and DeleteTags is required.");
    const replace: TagPair[] = (p.ReplaceTags ?? []).map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));
    const remove = (p.DeleteTags ?? []).map((t) => t.TagKey);
    if (p.ReplaceTags !== undefined) checkKeysUnique("ReplaceTags", replace.map((t) => t.TagKey));
    if (p.DeleteTags !== undefined) checkKeysUnique("DeleteTags", remove);
    const both = replace.find((t) => remove.includes(t.TagKey));
    if (both) throw Errors.invalidParameter(`The tag key ${JSON.stringify(both.TagKey)} is in both ReplaceTags and DeleteTags.`);
    for (const tag of replace) {
      const broken = tagRuleBreak(tag.TagKey, tag.TagValue);
      if (broken) throw tagServiceError(broken, tag.TagKey);
    }
    for (const key of remove) {
      const broken = tagRuleBreak(key, undefined);
      if (broken) throw tagServiceError(broken, key);
    }
    const member = requireMember(store, Number(match[1]));
    const tags = member.tags.filter((t) => !remove.includes(t.TagKey));
    for (const tag of replace) {
      const existing = tags.find((t) => t.TagKey === tag.TagKey);
      if (existing) existing.TagValue = tag.TagValue;
      else tags.push(tag);
    }
    if (tags.length > MAX_TAGS_PER_RESOURCE) throw Errors.resourceAttachedTags();
    store.putMember({ ...member, tags, updateTime: formatApiTime(now()) });
    return {};
  },
});
