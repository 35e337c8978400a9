/**
 * A listing shared by every read of one Pulumi operation, and fresh after changes: the first read
 * lists, later reads share that listing, and after a change (`invalidate()`) only a listing sent
 * after it answers. A read asked while a listing from before the change is still in flight waits
 * for it to end and then shares one new listing with every read asked meanwhile; a new listing
 * first waits briefly for the read-backs the lifecycle announced (gathering.ts). So the read-backs
 * of objects created together (departments, policies: few enough to list whole) cost a listing or
 * two, not one read each.
 */
import type { Gathering } from "./gathering";

/** A listing, the epoch it was started in, and whether it has ended. */
interface Sent<T> {
  readonly epoch: number;
  readonly promise: Promise<T>;
  ended: boolean;
}

export class FreshListing<T> {
  /** Changes made so far by this process: a listing answers reads of its epoch and before. */
  private epoch = 0;
  private sent: Sent<T> | undefined;
  /** The listing that starts when the one in flight (of an older epoch) ends. */
  private next: Promise<T> | undefined;

  constructor(
    private readonly list: () => Promise<T>,
    private readonly gathering: Gathering,
  ) {}

  /** The listing: this operation's, sent since the last change. A failed one is not kept. */
  get(): Promise<T> {
    const sent = this.sent;
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

  /** Forgets the listing for the reads to come; call after any change to what it lists. */
  invalidate(): void {
    this.epoch++;
  }

  private startNext(): Promise<T> {
    this.next = undefined;
    return this.start();
  }

  private async start(): Promise<T> {
    // Reads asked in the same turn of the event loop (and the lifecycle's note of the change's
    // latency, made right after asking) come first, as in the member reader.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.sent?.epoch === this.epoch) return this.sent.promise;
    await this.gathering.gather();
    // Read-backs that arrived while gathering may have started it already.
    if (this.sent?.epoch === this.epoch) return this.sent.promise;
    const sent: Sent<T> = { epoch: this.epoch, promise: this.gathering.time(this.list), ended: false };
    this.sent = sent;
    sent.promise.then(
      () => {
        sent.ended = true;
      },
      () => {
        sent.ended = true;
        // A failed listing must not answer for every later read: the next read lists again.
        if (this.sent === sent) this.sent = undefined;
      },
    );
    return sent.promise;
  }
}
