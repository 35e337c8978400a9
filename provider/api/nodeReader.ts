/**
 * Reads departments for one Pulumi operation with one listing: departments are few (Tencent's
 * limit is in the hundreds), so the first read of the operation lists them all (⌈N/50⌉
 * DescribeOrganizationNodes calls) and every later read — refresh of each department, the
 * look-ups — is answered from that listing. Anything that changes a department calls `invalidate()`.
 * (Members need the ski-rental reader in reader.ts: organizations hold thousands of them.)
 */
import type { ReportedNode } from "./model";
import type { NodeApi } from "./nodes";

export class NodeReader {
  private listing: Promise<Map<number, ReportedNode>> | undefined;

  constructor(private readonly nodes: NodeApi) {}

  /** Every department, from this operation's listing. */
  async all(): Promise<ReportedNode[]> {
    return [...(await this.load()).values()];
  }

  /**
   * The department, or undefined when it is no longer in the organization. "Gone" is final for
   * the resource and offset paging can skip a department when another is deleted mid-listing, so
   * an absence is confirmed by a fresh listing (calls only when something is missing).
   */
  async read(nodeId: number): Promise<ReportedNode | undefined> {
    const listed = (await this.load()).get(nodeId);
    if (listed) return listed;
    this.invalidate();
    return (await this.load()).get(nodeId);
  }

  /** Forgets the listing; call after any change to a department. */
  invalidate(): void {
    this.listing = undefined;
  }

  private load(): Promise<Map<number, ReportedNode>> {
    if (!this.listing) {
      const listing = this.nodes.listAll().then((nodes) => new Map(nodes.map((n) => [n.nodeId, n])));
      // A failed listing must not answer for every later read: the next read lists again.
      listing.catch(() => {
        if (this.listing === listing) this.listing = undefined;
      });
      this.listing = listing;
    }
    return this.listing;
  }
}
