/**
 * The department tree as DescribeOrganizationNodes lists it: the root, paths of names, children.
 * Pure, for the look-ups and the main job's tree view.
 */
import { PATH_SEPARATOR, ROOT_PARENT_ID } from "./rules";
import type { ReportedNode } from "./types";

/** The root department: the one without a parent. */
export function rootOf<T extends Pick<ReportedNode, "parentNodeId">>(nodes: readonly T[]): T | undefined {
  return nodes.find((n) => n.parentNodeId === ROOT_PARENT_ID);
}

/**
 * The department at `path`, names below the root separated by "/" ("Engineering/Platform");
 * an empty path is the root. Names are unique among siblings, so a path names at most one.
 */
export function findByPath<T extends Pick<ReportedNode, "nodeId" | "parentNodeId" | "name">>(nodes: readonly T[], path: string): T | undefined {
  let current = rootOf(nodes);
  for (const name of path.split(PATH_SEPARATOR).map((s) => s.trim()).filter(Boolean)) {
    if (!current) return undefined;
    const parentId = current.nodeId;
    current = nodes.find((n) => n.parentNodeId === parentId && n.name === name);
  }
  return current;
}

/** The names from the root's child down to `nodeId`, joined by "/" ("" for the root; undefined when unknown). */
export function pathOf<T extends Pick<ReportedNode, "nodeId" | "parentNodeId" | "name">>(nodes: readonly T[], nodeId: number): string | undefined {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const names: string[] = [];
  for (let node = byId.get(nodeId); node && node.parentNodeId !== ROOT_PARENT_ID; node = byId.get(node.parentNodeId)) {
    names.unshift(node.name);
    if (names.length > nodes.length) return undefined; // a cycle: not a tree
  }
  return byId.has(nodeId) ? names.join(PATH_SEPARATOR) : undefined;
}
