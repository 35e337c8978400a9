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
 * The prefix of the ownership marker's tag keys. A marker is written at creation with a value
 * derived from the Pulumi project, stack and resource name; it takes one of the 10 tag slots and
 * is never shown as a user tag. Keys starting with this prefix are the provider's own.
 */
export const OWNER_TAG_PREFIX = "pulumi:owner";
/**
 * The key 0.1.0 wrote every marker under. Still recognised on read, so existing members keep
 * their crash safety, but no longer written: Tencent caps the distinct values of one tag key
 * (LimitExceeded.TagValue, 1000 per key in tag errors.go), and every member's marker is a
 * distinct value, so one key would stop accepting markers at the 1000th member.
 */
export const LEGACY_OWNER_TAG_KEY = OWNER_TAG_PREFIX;
/** How many keys new markers are spread over: 8 × 1000 values, beyond the 5,000-member organization limit. */
export const OWNER_TAG_SHARDS = 8;
/** Every key a marker may sit under: the legacy key first, then the shards `pulumi:owner:0` … `:7`. */
export const OWNER_TAG_KEYS: readonly string[] = [
  LEGACY_OWNER_TAG_KEY,
  ...Array.from({ length: OWNER_TAG_SHARDS }, (_, shard) => `${OWNER_TAG_PREFIX}:${shard}`),
];
/** Whether `key` is one of the provider's ownership-marker keys (never a user tag). */
export function isOwnerTagKey(key: string): boolean {
  return OWNER_TAG_KEYS.includes(key);
}

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
        (markerTakesASlot ? `, one of which is the provider's ownership marker` : "") +
        `); got ${entries.length}`,
    };
  }
  for (const [key, tagValue] of entries) {
    if (key.length === 0 || key.length > TAG_KEY_MAX_LENGTH) {
      return { reason: `tags: key ${JSON.stringify(key)} must be 1 to ${TAG_KEY_MAX_LENGTH} characters` };
    }
    if (key.toLowerCase().startsWith(OWNER_TAG_PREFIX)) {
      return { reason: `tags: keys starting with "${OWNER_TAG_PREFIX}" are reserved for the provider's ownership marker (got ${JSON.stringify(key)})` };
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
  return sortedTags(Object.entries(tags ?? {}).filter(([key]) => !isOwnerTagKey(key)));
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
