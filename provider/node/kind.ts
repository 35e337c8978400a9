/**
 * What is a department's own in the lifecycle skeleton (kit/lifecycle.ts): its decisions
 * (check.ts, diff.ts, plan.ts, state.ts), what "my own" means (same name under the same parent,
 * carrying the marker derived from the resource and its parent), and what a refused deletion
 * says about what is still inside.
 */
import type { TencentApi } from "../api/call/client";
import { hintFor, meaningOf, reactionTo } from "../api/call/codes";
import type { ProviderSettings } from "../api/call/settings";
import type { NodeContents, ReportedNode } from "../api/model";
import { NodeReader } from "../api/nodeReader";
import { NodeApi } from "../api/nodes";
import { NodeNameTakenError, NodeNotEmptyError, NodeNotFoundError, NodeParentMismatchError } from "../core/errors";
import type { NameHolder } from "../core/errors/NodeNameTakenError";
import { carriesMarker, ownerTag } from "../core/ownership";
import type { Connection, ResourceKind } from "../kit/lifecycle";
import { checkNode } from "./check";
import { nodeOwnerMarker } from "./ownership";
import { diffNode, type NodeChangeEffect } from "./diff";
import { isEmptyNodePlan, type NodeUpdatePlan, planNodeUpdate } from "./plan";
import { toNodeOutputs, toRefreshedNodeInputs, unreportedNodeInputs } from "./state";
import type { NodeInputs, NodeOutputs } from "./types";

/** What a department's calls work with. */
export interface NodeConnection extends Connection {
  nodes: NodeApi;
  reader: NodeReader;
}

export { nodeOwnerMarker };

/** The collaborators of departments on the process's client. */
export function connectNodes(api: TencentApi, settings: ProviderSettings): NodeConnection {
  const nodes = new NodeApi(api, settings.region);
  return { api, nodes, reader: new NodeReader(nodes, api.clock) };
}

/**
 * The department holding `name` for a department under `parentNodeId`: the sibling of that name,
 * else one anywhere in the organization (Tencent's FAQ: names are unique in the organization).
 */
function holderOf(nodes: readonly ReportedNode[], parentNodeId: number | undefined, name: string): ReportedNode | undefined {
  return nodes.find((n) => n.parentNodeId === parentNodeId && n.name === name) ?? nodes.find((n) => n.name === name);
}

/** The holder as the name-taken error states it: where it is, and whether it is this resource's department under its old parent. */
function nameHolder(holder: ReportedNode | undefined, inputs: Pick<NodeInputs, "ownerMarker" | "parentNodeId">): NameHolder | undefined {
  if (!holder) return undefined;
  const ownPredecessor =
    holder.parentNodeId !== inputs.parentNodeId &&
    carriesMarker(holder.tags, nodeOwnerMarker({ ...inputs, parentNodeId: holder.parentNodeId }));
  return { nodeId: holder.nodeId, parentNodeId: holder.parentNodeId, ownPredecessor };
}

/** OrganizationNode, for the lifecycle skeleton. */
export const NODE_KIND: ResourceKind<NodeInputs, NodeOutputs, ReportedNode, NodeUpdatePlan, NodeConnection, NodeChangeEffect> = {
  noun: "department",

  check: checkNode,
  diff: diffNode,
  plan: (current, desired) => {
    const plan = planNodeUpdate(current, desired);
    return isEmptyNodePlan(plan) ? undefined : plan;
  },
  toOutputs: (reported, declared) => toNodeOutputs(reported, declared),
  unreported: unreportedNodeInputs,
  idOutputs: (nodeId) => ({ nodeId }),
  toRefreshedInputs: toRefreshedNodeInputs,
  ownerMarker: nodeOwnerMarker,
  ownedBy: (reported, marker) => carriesMarker(reported.tags, marker),
  idOf: (node) => node.nodeId,
  describe: (inputs) => `"${inputs.name}"`,
  explainDiff: (id, _olds, _news, changed) =>
    changed.has("ownerMarker")
      ? [`department ${id} lost its ownership marker tag (removed outside Pulumi): the update writes it again`]
      : [],

  connect: connectNodes,
  adoptedId: (inputs) => inputs.adoptNodeId,
  adopt: async (c, nodeId, inputs) => {
    // From the operation's shared listing: adopting a whole tree costs one listing, not one per department.
    const node = await c.reader.read(nodeId);
    if (!node) throw new NodeNotFoundError(nodeId, "adoptNodeId");
    if (node.parentNodeId !== inputs.parentNodeId)
      throw new NodeParentMismatchError(nodeId, node.name, node.parentNodeId, inputs.parentNodeId);
    return node;
  },
  send: async (c, inputs, marker) => {
    const { nodeId, requestId } = await c.nodes.add(inputs, ownerTag(marker));
    return { id: nodeId, requestId };
  },
  findByName: async (c, inputs) => holderOf(await c.nodes.listAll(), inputs.parentNodeId, inputs.name),
  nameTaken: (inputs, holder, error) =>
    new NodeNameTakenError(inputs.name, inputs.parentNodeId, nameHolder(holder, inputs), error.code, error.requestId),
  createRefused: async (_c, inputs, error) => {
    if (reactionTo(error.code, error.action) === "departmentNotFound") {
      throw new NodeNotFoundError(
        inputs.parentNodeId,
        "parentNodeId",
        `AddOrganizationNode answered ${error.code} (RequestId ${error.requestId ?? "unknown"}).`,
      );
    }
    throw error;
  },
  read: (c, nodeId) => c.reader.read(nodeId),
  expectReadBack: (c) => c.reader.expectRead(),
  readBack: async (c, nodeId, why) => {
    const node = await c.reader.read(nodeId);
    if (node) return node;
    throw new NodeNotFoundError(
      nodeId,
      "nodeId",
      why === "created"
        ? "AddOrganizationNode answered, but the department is not listed."
        : "It was deleted while being updated; run `pulumi up --refresh` to create it again.",
    );
  },
  apply: async (c, nodeId, plan) => {
    if (plan.updateNode) await c.nodes.update(nodeId, plan.updateNode);
    if (plan.restoredMarker) {
      c.api.log.info(`department ${nodeId}: writing its ownership marker tag ${Object.keys(plan.restoredMarker).join(", ")} again`);
    }
    if (plan.tags) await c.nodes.modifyTags(nodeId, plan.tags.replace, plan.tags.remove);
  },
  updateRefused: async (c, error, current, desired) => {
    switch (reactionTo(error.code, error.action)) {
      case "nameUsed": {
        const parentNodeId = current.parentNodeId ?? desired.parentNodeId;
        const holder = holderOf(await c.nodes.listAll(), parentNodeId, desired.name);
        return new NodeNameTakenError(
          desired.name,
          parentNodeId,
          nameHolder(holder, { ...desired, parentNodeId }),
          error.code,
          error.requestId,
        );
      }
      case "departmentNotFound":
        return new NodeNotFoundError(
          current.nodeId ?? 0,
          "nodeId",
          `${error.action} answered ${error.code}: it was deleted while being updated; run \`pulumi up --refresh\` to create it again.`,
        );
      default:
        return undefined;
    }
  },

  deletionPolicy: (outputs) => outputs.deletionPolicy ?? "retain",
  retained: (id) => `department ${id} retained (deletionPolicy "retain"): dropped from the stack; it stays in the organization`,
  remove: async (c, nodeId) => {
    await c.nodes.delete(nodeId);
    return `department ${nodeId} deleted`;
  },
  // Every department, when this one is still among them (their children say what is inside).
  lookAfterRefusal: async (c, nodeId) => {
    const nodes = await c.nodes.listAll();
    return nodes.some((n) => n.nodeId === nodeId) ? nodes : undefined;
  },
  deletionRefused: async (c, nodeId, _outputs, error, found) => {
    if (reactionTo(error.code, error.action) !== "nodeNotEmpty") return undefined;
    const contents = await c.nodes.contentsOf(nodeId, found as ReportedNode[]);
    return new NodeNotEmptyError(
      nodeId,
      describeContents(contents),
      meaningOf(error.code),
      error.code,
      error.requestId,
      hintFor(error.code),
    );
  },
  invalidate: (c) => c.reader.invalidate(),
};

/** "2 members (alice, bob) and 1 sub-department (Platform 100007)", or undefined when the look-up finds nothing inside. */
export function describeContents(contents: NodeContents): string | undefined {
  const parts: string[] = [];
  if (contents.memberCount > 0) {
    const names = contents.memberNames.slice(0, 5).join(", ") + (contents.memberCount > 5 ? ", …" : "");
    parts.push(`${contents.memberCount} member${contents.memberCount === 1 ? "" : "s"} (${names})`);
  }
  if (contents.children.length > 0) {
    const names =
      contents.children
        .slice(0, 5)
        .map((n) => `${n.name} ${n.nodeId}`)
        .join(", ") + (contents.children.length > 5 ? ", …" : "");
    parts.push(`${contents.children.length} sub-department${contents.children.length === 1 ? "" : "s"} (${names})`);
  }
  return parts.length > 0 ? parts.join(" and ") : undefined;
}
