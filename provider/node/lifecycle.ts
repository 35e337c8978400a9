/**
 * create / read / update / delete of one department: the orchestration between the pure decisions
 * (check, diff, plan, state) and the API. One `NodeLifecycle` serves every department of a provider
 * process (one Pulumi operation), so they share one rate limiter and one listing.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { hintFor, meaningOf, reactionTo } from "../api/codes";
import { NodeReader } from "../api/nodeReader";
import { NodeApi } from "../api/nodes";
import { backoffDelayMs, withRetry } from "../api/retry";
import { loadSettings, type ProviderSettings } from "../api/settings";
import { CONSOLE_LOGGER, LOG_PREFIX, TencentApi, type Logger, type TencentApiDeps } from "../api/tencentApi";
import {
  NodeNameTakenError,
  NodeNotEmptyError,
  NodeNotFoundError,
  NodeParentMismatchError,
  ResourceInitError,
  TencentApiError,
} from "../core/errors";
import { carriesMarker, ownerTag, ownerTagValue } from "../core/ownership";
import { checkNode, type NodeCheckOutcome, type NodeDeclaration } from "./check";
import { diffNode } from "./diff";
import { isEmptyNodePlan, planNodeUpdate } from "./plan";
import { toNodeOutputs, toRefreshedNodeInputs, unreportedNodeInputs } from "./state";
import { findByPath, rootOf } from "./tree";
import type { NodeInputs, NodeOutputs, ReportedNode } from "./types";

/** What a department lifecycle works with. */
export interface NodeLifecycleParts {
  /** The rate-limited, retrying API client (also the logger and the clock of the process). */
  api: TencentApi;
  nodes: NodeApi;
  reader: NodeReader;
}

/** Which department a look-up asks for: by id, by name under a parent, or by path from the root. */
export type NodeQuery = { nodeId: number } | { name: string; parentNodeId: number } | { path: string } | { root: true };

/** The ownership marker of a department: the resource plus its parent, which only a new department can change. */
export function nodeOwnerMarker(inputs: Pick<NodeInputs, "ownerMarker" | "parentNodeId">): string | undefined {
  return ownerTagValue({ ownerMarker: inputs.ownerMarker, fixedAtCreation: [inputs.parentNodeId] });
}

/** What `read` returns; a refresh records inputs, so this says so. */
export type NodeReadResult = Omit<dynamic.ReadResult<NodeOutputs>, "inputs"> & { inputs?: Partial<NodeInputs> };

/** The engine's contract for OrganizationNode, typed with the department's inputs and outputs. */
export type NodeProvider = Omit<dynamic.ResourceProvider<NodeInputs, NodeOutputs>, "check" | "create" | "read" | "update"> & {
  check(olds: NodeDeclaration, news: NodeDeclaration): Promise<NodeCheckOutcome>;
  create(inputs: NodeInputs): Promise<Required<dynamic.CreateResult<NodeOutputs>>>;
  read(id: string, props?: Partial<NodeOutputs>): Promise<NodeReadResult>;
  update(id: string, olds: NodeOutputs, news: NodeInputs): Promise<Required<dynamic.UpdateResult<NodeOutputs>>>;
};

/** The collaborators of a department lifecycle, built from settings. */
export function connectNodes(settings: ProviderSettings, deps: TencentApiDeps = {}): NodeLifecycleParts {
  const api = new TencentApi(settings, deps);
  const nodes = new NodeApi(api, settings.region);
  return { api, nodes, reader: new NodeReader(nodes) };
}

/**
 * The dynamic provider of OrganizationNode. Its collaborators are built on first use, so a preview
 * that calls no API (and a delete with `retain`) needs no credentials.
 */
export class NodeLifecycle implements NodeProvider {
  private parts: NodeLifecycleParts | undefined;

  constructor(
    private readonly connectParts: () => NodeLifecycleParts,
    private readonly logger: Logger = CONSOLE_LOGGER,
  ) {}

  /** From settings already resolved; `deps` replaces collaborators (tests). */
  static fromSettings(settings: ProviderSettings, deps: TencentApiDeps = {}): NodeLifecycle {
    return new NodeLifecycle(() => connectNodes(settings, deps), deps.logger);
  }

  /** From the stack config the engine passes to `configure`; settings are read at the first API call. */
  static fromConfig(config: (key: string) => string | undefined, deps: TencentApiDeps = {}): NodeLifecycle {
    return new NodeLifecycle(() => connectNodes(loadSettings(config), deps), deps.logger);
  }

  private get connected(): NodeLifecycleParts {
    return (this.parts ??= this.connectParts());
  }
  private get api(): TencentApi {
    return this.connected.api;
  }
  private get nodes(): NodeApi {
    return this.connected.nodes;
  }
  private get reader(): NodeReader {
    return this.connected.reader;
  }

  // ---------------------------------------------------------------- check, diff (pure)

  /** Validates and normalises inputs (see check.ts). */
  async check(olds: NodeDeclaration, news: NodeDeclaration): Promise<NodeCheckOutcome> {
    return checkNode(olds, news);
  }

  /** Diffs the state against new inputs (see diff.ts). */
  async diff(_id: string, olds: NodeOutputs, news: NodeInputs): Promise<dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffNode(olds, news);
    return { changes, replaces, deleteBeforeReplace };
  }

  // ---------------------------------------------------------------- create

  /** Creates (or adopts) the department and returns its id and outputs. */
  async create(inputs: NodeInputs): Promise<Required<dynamic.CreateResult<NodeOutputs>>> {
    const created = inputs.adoptNodeId !== undefined ? await this.adopt(inputs) : await this.createOrFind(inputs);
    // From here on the department exists: a failure must carry its id, or the engine would forget it.
    let outs = toNodeOutputs(created, inputs);
    try {
      outs = await this.reconcile(outs, inputs);
      return { id: String(created.nodeId), outs };
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      // `__provider` must be among the recorded outputs, or the engine could not call read/update later.
      const engineKeys = "__provider" in inputs ? { __provider: (inputs as { __provider?: unknown }).__provider } : {};
      throw new ResourceInitError(String(created.nodeId), { ...outs, ...engineKeys }, cause, "department");
    }
  }

  private async adopt(inputs: NodeInputs): Promise<ReportedNode> {
    const nodeId = inputs.adoptNodeId!;
    const node = (await this.nodes.listAll()).find((n) => n.nodeId === nodeId);
    if (!node) throw new NodeNotFoundError(nodeId, "adoptNodeId");
    if (node.parentNodeId !== inputs.parentNodeId)
      throw new NodeParentMismatchError(nodeId, node.name, node.parentNodeId, inputs.parentNodeId);
    this.api.log(
      `adopting existing department ${nodeId} ("${node.name}", RequestId ${node.requestId ?? "unknown"}); no department is created`,
    );
    return node;
  }

  /**
   * Sends AddOrganizationNode so that no outcome creates a second department: after any answer
   * that leaves the outcome unknown, and after "name used", it looks for the department it may have
   * created (same name under the same parent, carrying this resource's ownership marker) first.
   * Returns the department as listed after creation (one DescribeOrganizationNodes listing).
   */
  private async createOrFind(inputs: NodeInputs): Promise<ReportedNode> {
    const marker = nodeOwnerMarker(inputs);
    const policy = this.api.policy;
    let nodeId: number;
    try {
      nodeId = await withRetry(
        async () => {
          try {
            const { nodeId, requestId } = await this.nodes.add(inputs, ownerTag(marker));
            this.api.log(
              `created department ${nodeId} ("${inputs.name}" under ${inputs.parentNodeId}) (RequestId ${requestId ?? "unknown"})`,
            );
            return nodeId;
          } catch (error) {
            // The call may have run: the department it made, if any, answers before anything else.
            if (error instanceof TencentApiError && error.outcomeUnknown) {
              const own = await this.findOwn(inputs, marker);
              if (own) {
                this.api.log(
                  `${error.code} on create, but department ${own.nodeId} ("${inputs.name}") was created by this resource: using it`,
                );
                return own.nodeId;
              }
            }
            throw error;
          }
        },
        {
          retryable: (error) => error instanceof TencentApiError && error.outcomeUnknown,
          exhausted: (attempt) => attempt >= policy.maxAttempts,
          delayMs: (attempt) => backoffDelayMs(attempt, policy, this.api.random),
          onRetry: (error, attempt) =>
            this.api.log(
              `${(error as TencentApiError).code} on create and no department "${inputs.name}" exists yet: retrying (attempt ${attempt + 1})`,
            ),
        },
        this.api.clock,
      );
    } catch (error) {
      if (!(error instanceof TencentApiError) || error.outcomeUnknown) throw error;
      return this.resolveCreateFailure(inputs, marker, error);
    }
    this.reader.invalidate();
    const node = await this.reader.read(nodeId);
    if (!node) throw new NodeNotFoundError(nodeId, "nodeId", "AddOrganizationNode answered, but the department is not listed.");
    return node;
  }

  private async resolveCreateFailure(inputs: NodeInputs, marker: string | undefined, error: TencentApiError): Promise<ReportedNode> {
    if (reactionTo(error.code, error.action) === "nameUsed") {
      const sibling = (await this.nodes.listAll()).find((n) => n.parentNodeId === inputs.parentNodeId && n.name === inputs.name);
      if (sibling && carriesMarker(sibling.tags, marker)) {
        this.api.log(
          `department ${sibling.nodeId} ("${inputs.name}") was created earlier by this resource: using it (${error.code}, RequestId ${error.requestId ?? "unknown"})`,
        );
        return sibling;
      }
      throw new NodeNameTakenError(inputs.name, inputs.parentNodeId, sibling?.nodeId, error.code, error.requestId);
    }
    if (error.code.endsWith(".OrganizationNodeNotExist")) {
      throw new NodeNotFoundError(
        inputs.parentNodeId,
        "parentNodeId",
        `AddOrganizationNode answered ${error.code} (RequestId ${error.requestId ?? "unknown"}).`,
      );
    }
    throw error;
  }

  /** The department this resource created, if any: same name under the same parent, carrying the marker. Always fresh. */
  private async findOwn(inputs: NodeInputs, marker: string | undefined): Promise<ReportedNode | undefined> {
    const node = (await this.nodes.listAll()).find((n) => n.parentNodeId === inputs.parentNodeId && n.name === inputs.name);
    if (!node || !carriesMarker(node.tags, marker)) return undefined;
    this.api.log(
      `found department ${node.nodeId} ("${inputs.name}") carrying this resource's ownership marker (RequestId ${node.requestId ?? "unknown"})`,
    );
    return node;
  }

  // ---------------------------------------------------------------- read

  /** Reads the department for a refresh. No id in the result means it is gone. */
  async read(id: string, props?: Partial<NodeOutputs>): Promise<NodeReadResult> {
    const node = await this.reader.read(Number(id));
    if (!node) {
      this.api.log(`department ${id} is no longer in the organization: the resource is gone`);
      return {};
    }
    const outs = toNodeOutputs(node, props ?? {});
    return { id, props: outs, inputs: toRefreshedNodeInputs(outs) };
  }

  /** Looks a department up (for `getOrganizationNode` and `getRootOrganizationNode`); undefined when none matches. */
  async lookup(query: NodeQuery): Promise<NodeOutputs | undefined> {
    const nodes = await this.reader.all();
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

  // ---------------------------------------------------------------- update

  /** Makes only the calls the changed fields need, then reads the department back. */
  async update(id: string, olds: NodeOutputs, news: NodeInputs): Promise<Required<dynamic.UpdateResult<NodeOutputs>>> {
    return { outs: await this.reconcile({ ...olds, nodeId: Number(id) }, news) };
  }

  private async reconcile(current: NodeOutputs, desired: NodeInputs): Promise<NodeOutputs> {
    const plan = planNodeUpdate(current, desired);
    if (isEmptyNodePlan(plan)) return { ...current, ...unreportedNodeInputs(desired) };
    try {
      if (plan.updateNode) await this.nodes.update(current.nodeId, plan.updateNode);
      if (plan.tags) await this.nodes.modifyTags(current.nodeId, plan.tags.replace, plan.tags.remove);
    } catch (error) {
      if (error instanceof TencentApiError && reactionTo(error.code, error.action) === "nameUsed") {
        const sibling = (await this.nodes.listAll()).find((n) => n.parentNodeId === current.parentNodeId && n.name === desired.name);
        throw new NodeNameTakenError(desired.name, current.parentNodeId, sibling?.nodeId, error.code, error.requestId);
      }
      throw error;
    } finally {
      this.reader.invalidate();
    }
    const node = await this.reader.read(current.nodeId);
    if (!node)
      throw new NodeNotFoundError(
        current.nodeId,
        "nodeId",
        "It was deleted while being updated; run `pulumi up --refresh` to create it again.",
      );
    return toNodeOutputs(node, desired);
  }

  // ---------------------------------------------------------------- delete

  /** Carries out the department's `deletionPolicy`. A department already gone counts as deleted. */
  async delete(id: string, props: NodeOutputs): Promise<void> {
    const policy = props.deletionPolicy ?? "retain";
    const nodeId = Number(id);
    if (policy === "retain") {
      this.logger.info(
        `${LOG_PREFIX} department ${id} retained (deletionPolicy "retain"): dropped from the stack; it stays in the organization`,
      );
      return;
    }
    try {
      await this.nodes.delete(nodeId);
      this.api.log(`department ${id} deleted`);
    } catch (error) {
      if (!(error instanceof TencentApiError)) throw error;
      // Tencent documents no "no such department" answer for DeleteOrganizationNodes: look, do not guess a code.
      const nodes = await this.nodes.listAll();
      if (!nodes.some((n) => n.nodeId === nodeId)) {
        this.api.log(`department ${id} is already gone (${error.code})`);
        return;
      }
      if (reactionTo(error.code, error.action) === "nodeNotEmpty") {
        const contents = await this.nodes.contentsOf(nodeId, nodes);
        throw new NodeNotEmptyError(
          nodeId,
          describeContents(contents, meaningOf(error.code)),
          error.code,
          error.requestId,
          hintFor(error.code),
        );
      }
      throw error;
    } finally {
      this.reader.invalidate();
    }
  }
}

/** "2 members (alice, bob) and 1 sub-department (Platform 100007)", or Tencent's meaning when the look-up finds nothing. */
function describeContents(contents: { memberCount: number; memberNames: string[]; children: ReportedNode[] }, meaning: string): string {
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
  return parts.length > 0 ? parts.join(" and ") : meaning.replace(/^the department still has /, "");
}
