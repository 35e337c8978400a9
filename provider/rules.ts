/**
 * The documented input rules of CreateOrganizationMember / UpdateOrganizationMember, in one
 * place, shared by `check` and its tests. Sources: Tencent's API pages and the SDK's models.
 */

/** Name and AccountName: up to 25 letters, digits, Chinese characters and `+@&._[]-:,`. */
export const MEMBER_NAME_PATTERN = /^[A-Za-z0-9\p{Script=Han}+@&._\[\]\-:,]{1,25}$/u;
/** Remark: UpdateOrganizationMember accepts at most 40 characters, so creation is held to it too. */
export const REMARK_MAX_LENGTH = 40;
/** The only relationship policy the API knows. */
export const POLICY_TYPES = ["Financial"] as const;
/** Financial permission ids: 1 view bills … 10 credit limit (3 and 10 need business enablement). */
export const PERMISSION_RANGE = { min: 1, max: 10 } as const;
/** Permissions every member must have (view bills, view balance). */
export const REQUIRED_PERMISSIONS = [1, 2] as const;
/** CreateOrganizationMember takes at most 10 tags. */
export const MAX_TAGS = 10;
/** Tencent tag key and value lengths. */
export const TAG_KEY_MAX_LENGTH = 127;
export const TAG_VALUE_MAX_LENGTH = 255;
/** Key prefixes Tencent reserves for its own tags. */
export const RESERVED_TAG_PREFIXES = ["qcloud:", "tencent:", "project"] as const;
/**
 * The ownership marker's tag key. Written at creation with a value derived from the Pulumi
 * project, stack and resource name; it takes one of the 10 tag slots and is never shown as a user tag.
 */
export const OWNER_TAG_KEY = "pulumi:owner";
/** A UIN is a positive integer; Tencent's are below 2^53, so a JS number holds them exactly. */
export const UIN_PATTERN = /^[1-9][0-9]{0,15}$/;
