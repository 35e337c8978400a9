/**
 * OrganizationNode's dynamic provider: the kit's lifecycle skeleton run with the department's kind
 * (kind.ts), plus the look-ups of `getOrganizationNode` and `getRootOrganizationNode`. One
 * instance serves every department of a provider process, so they share one listing.
 */
import type { ReportedNode } from "../api/model";
import { type LifecycleSource, ResourceLifecycle } from "../kit/lifecycle";
import type { NodeChangeEffect } from "./diff";
import { type NodeConnection, NODE_KIND } from "./kind";
import type { NodeUpdatePlan } from "./plan";
import { toNodeOutputs } from "./state";
import { findByPath, rootOf } from "./tree";
import type { NodeInputs, NodeOutputs } from "./types";

export { nodeOwnerMarker } from "./kind";

/** Which department a look-up asks for: by id, by name under a parent, or by path from the root. */
export type NodeQuery = { nodeId: number } | { name: string; parentNodeId: number } | { path: string } | { root: true };

/** The dynamic provider of OrganizationNode. */
export class NodeLifecycle extends ResourceLifecycle<
  NodeInputs,
  NodeOutputs,
  ReportedNode,
  NodeUpdatePlan,
  NodeConnection,
  NodeChangeEffect
> {
  constructor(source: LifecycleSource) {
    super(NODE_KIND, source);
  }

  /** Looks a department up (for `getOrganizationNode` and `getRootOrganizationNode`); undefined when none matches. */
  async lookup(query: NodeQuery): Promise<NodeOutputs | undefined> {
    const nodes = await this.connected.reader.all();
    const node =
      "root" in query
        ? rootOf(nodes)
        : "nodeId" in query
          ? nodes.find((n) => n.nodeId === query.nodeId)
          : "path" in query
            ? findByPath(nodes, query.path)
            : nodes.find((n) => n.parentNodeId === query.parentNodeId && n.name === query.name);
    return node ? toNodeOutputs(node, {}) : undefined;
  }
}
