/**
 * Reads departments for one Pulumi operation with one listing: departments are few (Tencent's
 * limit is in the hundreds), so the first read of the operation lists them all (⌈N/50⌉
 * DescribeOrganizationNodes calls) and every later read — refresh of each department, the
 * look-ups — is answered from that listing. (Members need the ski-rental reader in reader.ts:
 * organizations hold thousands of them.)
 *
 * After a change (`invalidate()`), only a listing sent after it answers: a read-back joins the next
 * listing. While a listing sent before the change is in flight, the reads arriving meanwhile wait
 * for it to end and then share one new listing, and a new listing first waits briefly for the
 * read-backs announced by the lifecycle (gathering.ts) — so the read-backs of departments created
 * together share a listing or two, not one each.
 */
import { type Clock, SYSTEM_CLOCK } from "./call/clock";
import { Gathering } from "./gathering";
import type { ReportedNode } from "./model";
import type { NodeApi } from "./nodes";

type Listing = Map<number, ReportedNode>;

/** A listing, the epoch it was started in, and whether it has ended. */
interface Sent {
  readonly epoch: number;
  readonly promise: Promise<Listing>;
  ended: boolean;
}

export class NodeReader {
  /** Changes made so far by this process: a listing answers reads of its epoch and before. */
  private epoch = 0;
  private listing: Sent | undefined;
  /** The listing that starts when the one in flight (of an older epoch) ends. */
  private next: Promise<Listing> | undefined;
  private readonly gathering: Gathering;

  constructor(
    private readonly nodes: Pick<NodeApi, "listAll">,
    clock: Clock = SYSTEM_CLOCK,
  ) {
    this.gathering = new Gathering(clock);
  }

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

  /** Announces a change whose read-back will follow (gathering.ts); call what it returns once the read is asked. */
  expectRead(): (latencyMs?: number) => void {
    return this.gathering.expect();
  }

  /** Forgets the listing for the reads to come; call after any change to a department. */
  invalidate(): void {
    this.epoch++;
  }

  private load(): Promise<Listing> {
    const sent = this.listing;
    if (sent && sent.epoch === this.epoch) return sent.promise;
    if (sent && !sent.ended) {
      this.next ??= sent.promise.then(
        () => this.startNext(),
        () => this.startNext(),
      );
      return this.next;
    }
    return this.start();
  }

  private startNext(): Promise<Listing> {
    this.next = undefined;
    return this.start();
  }

  private async start(): Promise<Listing> {
    // Reads asked in the same turn of the event loop (and the lifecycle's note of the change's
    // latency, made right after asking) come first, as in the member reader.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.listing?.epoch === this.epoch) return this.listing.promise;
    await this.gathering.gather();
    // Read-backs that arrived while gathering may have started it already.
    if (this.listing?.epoch === this.epoch) return this.listing.promise;
    const sent: Sent = {
      epoch: this.epoch,
      promise: this.gathering.time(() => this.nodes.listAll()).then((nodes) => new Map(nodes.map((n) => [n.nodeId, n]))),
      ended: false,
    };
    this.listing = sent;
    sent.promise.then(
      () => {
        sent.ended = true;
      },
      () => {
        sent.ended = true;
        // A failed listing must not answer for every later read: the next read lists again.
        if (this.listing === sent) this.listing = undefined;
      },
    );
    return sent.promise;
  }
}
