/**
 * The documented input rules of AddOrganizationNode / UpdateOrganizationNode, in one place, shared
 * by `check`, the look-ups and their tests. Source: the Node SDK models (`AddOrganizationNodeRequest.Name`:
 * "up to 40 characters: letters, digits, Chinese characters and +@&._[]-"). Tag rules are in core/tags.ts.
 */

/** Department name: 1–40 letters, digits, Chinese characters and `+@&._[]-`. */
export const NODE_NAME_PATTERN = /^[A-Za-z0-9\p{Script=Han}+@&._[\]-]{1,40}$/u;
/** Node name length limit, for messages. */
export const NODE_NAME_MAX_LENGTH = 40;
/** The root department has no parent; DescribeOrganizationNodes reports its ParentNodeId as 0. */
export const ROOT_PARENT_ID = 0;
/** A path of department names below the root, e.g. "Engineering/Platform". */
export const PATH_SEPARATOR = "/";
