/**
 * Tencent's tag rules and the provider's ownership-marker key, shared by every resource that
 * carries tags (members and departments). Sources: the Tag service "Use Limits" page
 * (product 651 doc 13354) and the tag service's errors.go. Pure.
 */

/**
 * At most 50 tags per resource ("Use Limits" page: 一个资源最多可以绑定50个标签; beyond it
 * ModifyResourceTags answers LimitExceeded.ResourceAttachedTags).
 */
export const MAX_TAGS = 50;
/**
 * At most 10 tags per request: CreateOrganizationMember's and AddOrganizationNode's `Tags`
 * (最大10个) and each list of ModifyResourceTags (ReplaceTags, DeleteTags: 标签数量不超过10个).
 * A resource with more is created with 10 and given the rest in batches.
 */
export const MAX_TAGS_PER_REQUEST = 10;
/** Tencent tag key length, in characters. */
export const TAG_KEY_MAX_LENGTH = 127;
/** Tencent tag value length, in characters; an empty value is refused too (InvalidParameterValue.TagValueEmpty). */
export const TAG_VALUE_MAX_LENGTH = 255;
/**
 * Key prefixes Tencent reserves for its own tags (InvalidParameter.ReservedTagKey): `qcs:`,
 * `project`, `项目` (the "Use Limits" page) and `qcloud`, `tencent` (tag errors.go). Compared
 * case-insensitively: whether Tencent ignores case is documented nowhere, so every case is refused.
 */
export const RESERVED_TAG_PREFIXES = ["qcs:", "project", "项目", "qcloud", "tencent"] as const;
/** Characters keys and values may hold besides letters, digits and Chinese characters ("Use Limits" page, English input). */
export const TAG_SYMBOLS = "+ - = . _ : / @ ( ) [ ] , ; > <";
/**
 * The same page's Chinese-input symbols: `【 】` as it prints them, and the full-width forms of
 * `+ - = / @ ( ) :` (the page prints those half-width; that their full-width forms are meant is
 * a reading, not a stated fact).
 */
export const FULL_WIDTH_TAG_SYMBOLS = "＋ － ＝ ／ ＠ （ ） 【 】 ：";
// Letters, digits, Chinese characters, spaces and the symbols above.
const TAG_CHARACTERS = /^[A-Za-z0-9\p{Script=Han} +\-=._:/@()[\],;><＋－＝／＠（）【】：]*$/u;

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

/** Which of Tencent's tag rules a key or value breaks. */
export type TagRule =
  | "keyLength"
  | "keyCharacters"
  | "keySpaces"
  | "keyReserved"
  | "keyOwnerMarker"
  | "valueType"
  | "valueLength"
  | "valueCharacters"
  | "valueSpaces";

/** The rule, in words, as a failure states it after the tag's name. */
const TAG_RULE_TEXT: Record<TagRule, (detail: string) => string> = {
  keyLength: () => `its key must be 1 to ${TAG_KEY_MAX_LENGTH} characters`,
  keyCharacters: (bad) =>
    `its key may hold only letters, digits, Chinese characters, spaces and ${TAG_SYMBOLS} ${FULL_WIDTH_TAG_SYMBOLS} (not ${bad})`,
  keySpaces: () => "its key must not start or end with a space",
  keyReserved: (prefix) =>
    `its key starts with "${prefix}", which Tencent Cloud reserves (refused in any case: whether Tencent ignores case is undocumented)`,
  keyOwnerMarker: () => `keys starting with "${OWNER_TAG_PREFIX}" are reserved for the provider's ownership marker`,
  valueType: () => "its value must be a string",
  valueLength: () => `its value must be 1 to ${TAG_VALUE_MAX_LENGTH} characters (Tencent refuses an empty value)`,
  valueCharacters: (bad) =>
    `its value may hold only letters, digits, Chinese characters, spaces and ${TAG_SYMBOLS} ${FULL_WIDTH_TAG_SYMBOLS} (not ${bad})`,
  valueSpaces: () => "its value must not start or end with a space",
};

/** One broken rule of one tag. */
export interface TagRuleBreak {
  key: string;
  rule: TagRule;
  /** What the rule needs to be stated: the offending characters, or the reserved prefix. */
  detail: string;
}

/**
 * Every rule of Tencent's that a key/value pair breaks (at most one for the key and one for the
 * value), in the order Tencent checks them. Pure.
 */
export function tagRuleBreaks(key: string, value: unknown): TagRuleBreak[] {
  const breaks: TagRuleBreak[] = [];
  const found = (rule: TagRule, detail = "") => breaks.push({ key, rule, detail });
  const keyBreak = textRuleBreak(key, TAG_KEY_MAX_LENGTH);
  const lower = key.toLowerCase();
  const reserved = RESERVED_TAG_PREFIXES.find((prefix) => lower.startsWith(prefix));
  if (keyBreak) found(`key${keyBreak.rule}` as const, keyBreak.detail);
  else if (lower.startsWith(OWNER_TAG_PREFIX)) found("keyOwnerMarker");
  else if (reserved) found("keyReserved", reserved);
  if (typeof value !== "string") found("valueType");
  else {
    const valueBreak = textRuleBreak(value, TAG_VALUE_MAX_LENGTH);
    if (valueBreak) found(`value${valueBreak.rule}` as const, valueBreak.detail);
  }
  return breaks;
}

/** The length, character and space rules keys and values share. */
function textRuleBreak(text: string, maxLength: number): { rule: "Length" | "Characters" | "Spaces"; detail: string } | undefined {
  const length = [...text].length;
  if (length === 0 || length > maxLength) return { rule: "Length", detail: "" };
  if (!TAG_CHARACTERS.test(text)) {
    const bad = [...new Set([...text].filter((c) => !TAG_CHARACTERS.test(c)))].map((c) => JSON.stringify(c)).join(", ");
    return { rule: "Characters", detail: bad };
  }
  if (text !== text.trim()) return { rule: "Spaces", detail: "" };
  return undefined;
}

/** A broken rule as a sentence naming the tag. */
export function describeTagRuleBreak(broken: TagRuleBreak): string {
  return `tag ${JSON.stringify(broken.key)}: ${TAG_RULE_TEXT[broken.rule](broken.detail)}`;
}

/**
 * Validates user tags against Tencent's rules and returns them in canonical (key) order, so that
 * a reordered map is the same input. Every refused tag is named with the rule it breaks.
 * `markerTakesASlot`: the ownership marker will be written too, so one of the 50 slots is taken.
 */
export function checkTags(value: unknown, markerTakesASlot: boolean): Validated<Tags> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { reason: `tags must be a map of tag keys to string values (got ${JSON.stringify(value)})` };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const reasons: string[] = [];
  const limit = markerTakesASlot ? MAX_TAGS - 1 : MAX_TAGS;
  if (entries.length > limit) {
    reasons.push(
      `at most ${limit} tags are allowed (Tencent allows ${MAX_TAGS} per resource` +
        (markerTakesASlot ? `, one of which is the provider's ownership marker` : "") +
        `); got ${entries.length}`,
    );
  }
  reasons.push(...entries.flatMap(([key, tagValue]) => tagRuleBreaks(key, tagValue)).map(describeTagRuleBreak));
  if (reasons.length > 0) return { reason: `tags: ${reasons.join("; ")}` };
  return { value: sortedTags(entries as [string, string][]) };
}

/** The tags a user manages: everything but the ownership marker, in key order. */
export function userTags(tags: Tags | undefined): Tags {
  return sortedTags(Object.entries(tags ?? {}).filter(([key]) => !isOwnerTagKey(key)));
}

/** The ownership-marker tags among `tags` (any marker key, legacy included). */
export function ownerTags(tags: Tags | undefined): Tags {
  return sortedTags(Object.entries(tags ?? {}).filter(([key]) => isOwnerTagKey(key)));
}

/** Whether two tag maps hold the same pairs, in any order. */
export function sameTags(a: Tags, b: Tags): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * `tags` split for requests that take at most MAX_TAGS_PER_REQUEST each, in key order; the first
 * batch holds `first` (the ownership marker at creation: it must arrive with the object).
 */
export function tagBatches(tags: Tags, first: Tags = {}): Tags[] {
  const rest = Object.entries(tags).filter(([key]) => !(key in first));
  const entries = [...Object.entries(first), ...rest];
  const batches: Tags[] = [];
  for (let i = 0; i < entries.length; i += MAX_TAGS_PER_REQUEST)
    batches.push(Object.fromEntries(entries.slice(i, i + MAX_TAGS_PER_REQUEST)));
  return batches;
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
