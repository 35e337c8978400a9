/**
 * Tencent's rules for a policy's name and description (reference tencent-policies.md §1), and how
 * the ownership marker sits in the description. Pure.
 */

/** Policy name: 1–128 letters, digits, `_` and Chinese characters (CreatePolicy, UpdatePolicy). */
export const POLICY_NAME_PATTERN = /^[A-Za-z0-9_\p{Script=Han}]{1,128}$/u;

/** Description: at most 300 bytes of UTF-8 (UpdatePolicy's InvalidParameter.DescriptionLengthOverlimit). */
export const POLICY_DESCRIPTION_MAX_BYTES = 300;

/**
 * Policies carry no tags, so the ownership marker goes where Tencent keeps free text: the end of
 * the description, as ` [pulumi:<16 hex digits>]`. It is visible in the console, where it also says
 * which tool manages the policy; the provider strips it from the `description` output.
 */
const MARKER_SUFFIX = /^([\s\S]*?) ?\[pulumi:([0-9a-f]{16})\]$/;

/** The marker's length in the description, separator included. */
export const MARKER_SUFFIX_BYTES = " [pulumi:0123456789abcdef]".length;

/** The description as stored: the user's text, then the marker (none without a marker). */
export function storedDescription(description: string | undefined, marker: string | undefined): string {
  const text = description ?? "";
  if (marker === undefined) return text;
  return `${text}${text ? " " : ""}[pulumi:${marker}]`;
}

/** A stored description split into the user's text and the marker it ends with ("" for none). */
export function splitDescription(stored: string): { description: string; marker: string } {
  const match = MARKER_SUFFIX.exec(stored);
  return match ? { description: match[1], marker: match[2] } : { description: stored, marker: "" };
}

/** UTF-8 bytes of a text, as Tencent counts the description. */
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");
