/**
 * The documented input rules of CreateOrganizationMember / UpdateOrganizationMember, in one
 * place, shared by `check` and its tests. Sources: Tencent's API pages and the SDK's models.
 * Tag rules, which departments share, are in core/tags.ts.
 */

/** Name and AccountName: up to 25 letters, digits, Chinese characters and `+@&._[]-:,`. */
export const MEMBER_NAME_PATTERN = /^[A-Za-z0-9\p{Script=Han}+@&._[\]\-:,]{1,25}$/u;
/** Remark: UpdateOrganizationMember accepts at most 40 characters, so creation is held to it too. */
export const REMARK_MAX_LENGTH = 40;
/** The only relationship policy the API knows. */
export const POLICY_TYPES = ["Financial"] as const;
/** Financial permission ids: 1 view bills … 10 credit limit (3 and 10 need business enablement). */
export const PERMISSION_RANGE = { min: 1, max: 10 } as const;
/** Permissions every member must have (view bills, view balance). */
export const REQUIRED_PERMISSIONS = [1, 2] as const;
/** A UIN is a positive integer; Tencent's are below 2^53, so a JS number holds them exactly. */
export const UIN_PATTERN = /^[1-9][0-9]{0,15}$/;
