/**
 * Tencent's tag rules and the provider's ownership-marker key, shared by every resource that
 * carries tags (members today, departments next). Sources: the Tag service "Use Limits" page
 * (product 651 doc 13354) and the tag service's errors.go. Pure.
 */

/** At most 10 tags per resource (LimitExceeded.ResourceAttachedTags; InvalidParameter.TagError at creation). */
export const MAX_TAGS = 10;
/** Tencent tag key length. */
export const TAG_KEY_MAX_LENGTH = 127;
/** Tencent tag value length. */
export const TAG_VALUE_MAX_LENGTH = 255;
/** Key prefixes Tencent reserves for its own tags (InvalidParameter.ReservedTagKey); compared case-insensitively. */
export const RESERVED_TAG_PREFIXES = ["qcloud:", "tencent:", "project"] as const;
/**
 * The ownership marker's tag key. Written at creation with a value derived from the Pulumi
 * project, stack and resource name; it takes one of the 10 tag slots and is never shown as a user tag.
 */
export const OWNER_TAG_KEY = "pulumi:owner";

/** A tag map: key → value. */
export type Tags = Record<string, string>;

/** The result of validating one input: the normalised value, or why it is refused. */
export interface Validated<T> {
  value?: T;
  reason?: string;
}

/**
 * Validates user tags and returns them in canonical (key) order, so that a reordered map is the
 * same input. `markerTakesASlot`: the ownership marker will be written too.
 */
export function checkTags(value: unknown, markerTakesASlot: boolean): Validated<Tags> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { reason: `tags must be a map of tag keys to string values (got ${JSON.stringify(value)})` };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const limit = markerTakesASlot ? MAX_TAGS - 1 : MAX_TAGS;
  if (entries.length > limit) {
    return {
      reason:
        `tags may hold at most ${limit} tags (Tencent allows ${MAX_TAGS} per member` +
        (markerTakesASlot ? `, one of which is the "${OWNER_TAG_KEY}" ownership marker` : "") +
        `); got ${entries.length}`,
    };
  }
  for (const [key, tagValue] of entries) {
    if (key.length === 0 || key.length > TAG_KEY_MAX_LENGTH) {
      return { reason: `tags: key ${JSON.stringify(key)} must be 1 to ${TAG_KEY_MAX_LENGTH} characters` };
    }
    if (key === OWNER_TAG_KEY) {
      return { reason: `tags: key "${OWNER_TAG_KEY}" is reserved for the provider's ownership marker` };
    }
    const reserved = RESERVED_TAG_PREFIXES.find((prefix) => key.toLowerCase().startsWith(prefix));
    if (reserved) {
      return { reason: `tags: key ${JSON.stringify(key)} starts with "${reserved}", which Tencent Cloud reserves` };
    }
    if (typeof tagValue !== "string" || tagValue.length > TAG_VALUE_MAX_LENGTH) {
      return { reason: `tags: the value of ${JSON.stringify(key)} must be a string of at most ${TAG_VALUE_MAX_LENGTH} characters` };
    }
  }
  return { value: sortedTags(entries as [string, string][]) };
}

/** The tags a user manages: everything but the ownership marker, in key order. */
export function userTags(tags: Tags | undefined): Tags {
  return sortedTags(Object.entries(tags ?? {}).filter(([key]) => key !== OWNER_TAG_KEY));
}

/** Whether two tag maps hold the same pairs, in any order. */
export function sameTags(a: Tags, b: Tags): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

/** The pairs to set and the keys to delete that turn `before` into `after`. */
export function tagChanges(before: Tags, after: Tags): { replace: Tags; remove: string[] } {
  return {
    replace: Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key] !== value)),
    remove: Object.keys(before).filter((key) => !(key in after)),
  };
}

function sortedTags(entries: [string, string][]): Tags {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
