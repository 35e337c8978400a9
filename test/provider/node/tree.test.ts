/**
 * The department tree's look-ups.
 */
import { describe, expect, it } from "vitest";
import { PATH_SEPARATOR, ROOT_PARENT_ID } from "../../../provider/node/rules";
import { findByPath, rootOf } from "../../../provider/node/tree";
import type { ReportedNode } from "../../../provider/node/types";

describe("the department tree", () => {
  const node = (nodeId: number, name: string, parentNodeId: number): ReportedNode => ({
    nodeId,
    name,
    parentNodeId,
    remark: "",
    tags: {},
    createTime: "",
    updateTime: "",
  });
  const tree = [node(1, "Root", 0), node(2, "Engineering", 1), node(3, "Platform", 2), node(4, "Platform", 1), node(5, "Finance", 1)];
  it.each([
    ["", 1],
    ["Engineering", 2],
    ["Engineering/Platform", 3],
    ["Platform", 4],
    [" Engineering / Platform ", 3],
    ["Engineering/Nope", undefined],
    ["Finance/Platform", undefined],
  ] as const)("path %j is department %s", (path, expected) => {
    expect(findByPath(tree, path)?.nodeId).toBe(expected);
  });
  it("the root is the department without a parent", () => {
    expect(rootOf(tree)?.nodeId).toBe(1);
  });
  it("pathOf is the inverse of findByPath", () => {
    for (const n of tree) expect(findByPath(tree, pathOf(tree, n.nodeId)!)?.nodeId).toBe(n.nodeId);
  });
});

/** The test's oracle for findByPath: the names from the root's child down to `nodeId`, joined by "/". */
function pathOf(nodes: readonly Pick<ReportedNode, "nodeId" | "parentNodeId" | "name">[], nodeId: number): string | undefined {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const names: string[] = [];
  for (let node = byId.get(nodeId); node && node.parentNodeId !== ROOT_PARENT_ID; node = byId.get(node.parentNodeId)) {
    names.unshift(node.name);
    if (names.length > nodes.length) return undefined; // a cycle: not a tree
  }
  return byId.has(nodeId) ? names.join(PATH_SEPARATOR) : undefined;
}
