/**
 * The department tree as DescribeOrganizationNodes lists it: the root, and a department by its
 * path of names. Pure, for the look-ups (getOrganizationNode, getRootOrganizationNode).
 */
import { PATH_SEPARATOR, ROOT_PARENT_ID } from "./rules";
import type { ReportedNode } from "./types";

/** The root department: the one without a parent. */
export function rootOf<T extends Pick<ReportedNode, "parentNodeId">>(nodes: readonly T[]): T | undefined {
  return nodes.find((n) => n.parentNodeId === ROOT_PARENT_ID);
}

/**
 * The department at `path`, names below the root separated by "/" ("Engineering/Platform");
 * an empty path is the root. Names are unique in the organization (Tencent's FAQ), and at least among siblings, so a path names at most one.
 */
export function findByPath<T extends Pick<ReportedNode, "nodeId" | "parentNodeId" | "name">>(
  nodes: readonly T[],
  path: string,
): T | undefined {
  let current = rootOf(nodes);
  for (const name of path
    .split(PATH_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!current) return undefined;
    const parentId = current.nodeId;
    current = nodes.find((n) => n.parentNodeId === parentId && n.name === name);
  }
  return current;
}
