/**
 * The organization and tag actions for departments (organization nodes), in the provider's terms:
 * requests are built and answers read through wire.ts, so callers never see Tencent's field names.
 */
import { UnexpectedAnswerError } from "../core/errors/UnexpectedAnswerError";
import type { Tags } from "../core/tags";
import type { NewNode, NodeContents, NodeUpdate, ReportedNode } from "./model";
import { modifyResourceTags } from "./tags";
import type { TencentApi } from "./call/client";
import { toAddNodeRequest, toReportedNode, toUpdateNodeRequest } from "./wire";

/** DescribeOrganizationNodes returns at most this many departments per page. */
export const NODE_PAGE_SIZE = 50;

/**
 * The Tag service's name for a department. Tencent documents none; `node/<id>` beside the members'
 * `member/<uin>` is the emulator's convention (test/emulator/README.md), to be verified on Tencent Cloud.
 */
export function nodeResourceName(region: string, nodeId: number): string {
  return `qcs::organization:${region}:uin/:node/${nodeId}`;
}

/** Typed organization/tag calls for departments. */
export class NodeApi {
  constructor(
    readonly api: TencentApi,
    private readonly region: string,
  ) {}

  /**
   * Every department of the organization, always fresh: ⌈departments / 50⌉ DescribeOrganizationNodes
   * calls (Tencent has no filter by id or name; departments are few).
   */
  async listAll(): Promise<ReportedNode[]> {
    const nodes: ReportedNode[] = [];
    for (let offset = 0; ; offset += NODE_PAGE_SIZE) {
      const page = await this.api.call("DescribeOrganizationNodes", {
        Offset: offset,
        Limit: NODE_PAGE_SIZE,
      });
      const items = page.Items ?? [];
      nodes.push(...items.map((n) => toReportedNode(n, page.RequestId)));
      // Page by the Total each page reports: departments may come and go while listing.
      if (items.length < NODE_PAGE_SIZE || offset + NODE_PAGE_SIZE >= (page.Total ?? 0)) return nodes;
    }
  }

  /**
   * Sends AddOrganizationNode once (throttling aside), with the user tags and `ownerTag`. Not
   * retried on an unknown outcome: the caller must look for the department first, or it could
   * create two.
   */
  async add(inputs: NewNode, ownerTag: Tags): Promise<{ nodeId: number; requestId?: string }> {
    const response = await this.api.call("AddOrganizationNode", toAddNodeRequest(inputs, ownerTag), {
      idempotent: false,
    });
    if (typeof response.NodeId !== "number") {
      throw new UnexpectedAnswerError("AddOrganizationNode", "no NodeId", response.RequestId);
    }
    return { nodeId: response.NodeId, requestId: response.RequestId };
  }

  /** Renames the department or sets its remark; values, so safe to repeat. */
  async update(nodeId: number, update: NodeUpdate): Promise<void> {
    await this.api.call("UpdateOrganizationNode", toUpdateNodeRequest(nodeId, update));
  }

  /** Sets and deletes the department's tags (Tag service). */
  async modifyTags(nodeId: number, replace: Tags, remove: readonly string[]): Promise<void> {
    await modifyResourceTags(this.api, nodeResourceName(this.region, nodeId), replace, remove);
  }

  /** Deletes one department; Tencent refuses while members or sub-departments are inside. */
  async delete(nodeId: number): Promise<void> {
    await this.api.call("DeleteOrganizationNodes", { NodeId: [nodeId] });
  }

  /** What is inside the department: its members (one DescribeOrganizationMembers page) and sub-departments. */
  async contentsOf(nodeId: number, nodes: readonly ReportedNode[]): Promise<NodeContents> {
    const page = await this.api.call("DescribeOrganizationMembers", {
      Offset: 0,
      Limit: NODE_PAGE_SIZE,
      Lang: "en",
      NodeId: nodeId,
    });
    return {
      memberCount: page.Total ?? 0,
      memberNames: (page.Items ?? []).map((m) => m.Name ?? String(m.MemberUin)),
      children: nodes.filter((n) => n.parentNodeId === nodeId),
    };
  }
}
