/**
 * Reads departments for one Pulumi operation with one listing: departments are few (Tencent's
 * limit is in the hundreds), so the first read of the operation lists them all (⌈N/50⌉
 * DescribeOrganizationNodes calls) and every later read — refresh of each department, the
 * look-ups, the read-backs after changes — is answered from a shared listing that is fresh after
 * the last change (freshListing.ts). (Members need the ski-rental reader in reader.ts:
 * organizations hold thousands of them.)
 */
import { type Clock, SYSTEM_CLOCK } from "./call/clock";
import { FreshListing } from "./freshListing";
import { Gathering } from "./gathering";
import type { ReportedNode } from "./model";
import type { NodeApi } from "./nodes";

export class NodeReader {
  private readonly gathering: Gathering;
  private readonly listing: FreshListing<Map<number, ReportedNode>>;

  constructor(nodes: Pick<NodeApi, "listAll">, clock: Clock = SYSTEM_CLOCK) {
    this.gathering = new Gathering(clock);
    this.listing = new FreshListing(async () => new Map((await nodes.listAll()).map((n) => [n.nodeId, n])), this.gathering);
  }

  /** Every department, from this operation's listing. */
  async all(): Promise<ReportedNode[]> {
    return [...(await this.listing.get()).values()];
  }

  /**
   * The department, or undefined when it is no longer in the organization. "Gone" is final for
   * the resource and offset paging can skip a department when another is deleted mid-listing, so
   * an absence is confirmed by a fresh listing (calls only when something is missing).
   */
  async read(nodeId: number): Promise<ReportedNode | undefined> {
    const listed = (await this.listing.get()).get(nodeId);
    if (listed) return listed;
    this.invalidate();
    return (await this.listing.get()).get(nodeId);
  }

  /** Announces a change whose read-back will follow (gathering.ts); call what it returns once the read is asked. */
  expectRead(): (latencyMs?: number) => void {
    return this.gathering.expect();
  }

  /** Forgets the listing for the reads to come; call after any change to a department. */
  invalidate(): void {
    this.listing.invalidate();
  }
}
