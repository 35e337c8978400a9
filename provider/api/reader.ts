/**
 * Reads members for `read` (refresh) and after changes (read-backs). N refresh reads in one operation over an organization of M members
 * (P = ⌈M/50⌉ listing pages) cost at most
 *
 *     2·min(N, P) + 2 DescribeOrganizationMembers calls, plus one look-up per member found gone,
 *
 * whatever the order and grouping in which the reads arrive — the ski-rental bound, as before.
 * When W ≥ (P + 7)/2 reads arrive together (a refresh sends them concurrently), they cost
 *
 *     1 (learn M) + Σ_k max(1, ⌈K_k/50⌉) (≤ ⌈K/50⌉ + 9) + U + r,
 *
 * K_k being the members carrying marker key k of the nine OWNER_TAG_KEYS (K in all), U the reads
 * of members carrying none (adopted ones: looked up, or the full listing if that is cheaper) and
 * r ≤ 3 reads looked up before M was known. 200 members this provider created in an organization
 * of 5,000: 10 calls (the ski-rental reader made 201). Smaller groups are looked up; a look-up
 * that finds a member under a marker key makes that key's listing worth buying next time
 * (ski rental per key), so reads one at a time (`--parallel 1`) also end up answered from the
 * marker listings: 25 calls for the same 200 members.
 *
 * How. One reader lives per provider process, i.e. per Pulumi operation, and Pulumi sends the
 * reads of a refresh concurrently. Reads wait in one queue; a single loop takes a step for all
 * that wait — look each up, learn M, fetch marker-key pages, or list everything — sending the
 * step's calls together, and reads arriving meanwhile join the next step. Which step is decided
 * by readPlan.ts so that, whatever the arrival pattern (one at a time with `--parallel 1`, or
 * all at once), the bound holds; timing decides only how well reads are gathered.
 *
 * Read-backs. The member just created or changed is read through the same reader (a create's only
 * call of its own is the create). A read is answered only by what was fetched after it arrived or
 * since the last change (`invalidate()` opens a new epoch; a step of an older epoch still answers
 * the reads of its epoch). A read-back knows its member's marker key (it was just written), so a
 * step buys the pages of the keys the waiting read-backs carry whenever they cost fewer calls
 * than looking those reads up (`hintedPagesWorthListing`): 200 members created at once cost the
 * eight shard keys' pages, 8 calls, not 200 look-ups. Sizes learnt in one epoch (M, each key's
 * count) are carried to the next as estimates, so a new epoch need not learn M again.
 *
 * Gathering. The lifecycle announces each change whose read-back will follow (`expectRead`).
 * While at least 16 read-backs are waiting or announced (twice the marker keys: fewer cost about
 * a page each anyway), a step waits for the announced ones at most half a call's
 * latency (at most GATHER_CAP_MS): answers to creates sent in one burst arrive together, and one
 * step serves them. No read-back waits longer than that plus the step in flight, and none waits
 * for a change sent after it.
 *
 * A failed call answers nothing: the reads waiting on a failed full listing fail with its error, a
 * failed marker-key page is as if it found nobody (and its hints no longer buy it in the epoch),
 * and a later read fetches again.
 */
import { OWNER_TAG_KEYS, OWNER_TAG_SHARDS } from "../core/tags";
import { type Clock, SYSTEM_CLOCK } from "./call/clock";
import { Gathering } from "./gathering";
import type { ReportedMember } from "./model";
import { PAGE_SIZE, type MemberApi } from "./members";
import { planStep, type MarkerKeyPage, type ReadState, type ReadStep } from "./readPlan";

/** The calls the reader makes: a subset of MemberApi, so tests can count them on a fake. */
export type ReaderApi = Pick<MemberApi, "describePage" | "describeTaggedPage" | "getByUin">;

interface WaitingRead {
  readonly memberUin: number;
  /** The marker key the member is known to carry (a read-back of a member this provider marked). */
  readonly markerKey?: string;
  /** The epoch the read arrived in: only what was fetched in it or later answers it. */
  readonly epoch: number;
  resolve(member: ReportedMember | undefined): void;
  reject(error: unknown): void;
}

/** A tag-key listing as far as it was fetched. */
interface KeyListing {
  total?: number;
  readonly offsets: Set<number>;
  missed: number;
  /** A page of it failed in this epoch: its hints no longer buy it (the reads are looked up or listed, and fail there). */
  failed?: boolean;
}

/** What an epoch learnt of sizes, for the next one to plan with (sizes change little; members do). */
interface Sizes {
  total?: number;
  readonly keyTotals: ReadonlyMap<string, number>;
}

/** Everything fetched and spent in one epoch: since the last invalidation. */
class Fetched {
  reads = 0;
  otherCalls = 0;
  /** The largest member count a full-listing page reported. */
  total?: number;
  readonly fullOffsets = new Set<number>();
  readonly members = new Map<number, ReportedMember>();
  readonly keys = new Map<string, KeyListing>(OWNER_TAG_KEYS.map((key) => [key, { offsets: new Set<number>(), missed: 0 }]));

  constructor(
    readonly epoch: number,
    /** The sizes the previous epoch saw: estimates to plan with, never answers. */
    private readonly earlier: Sizes = { keyTotals: new Map() },
  ) {}

  /** What this epoch knows of sizes, for the next. */
  sizes(): Sizes {
    const keyTotals = new Map(this.earlier.keyTotals);
    for (const [key, listing] of this.keys) if (listing.total !== undefined) keyTotals.set(key, listing.total);
    return { total: this.total ?? this.earlier.total, keyTotals };
  }

  /** ⌈M/50⌉ by what this epoch's pages reported, else by the previous epoch's (an estimate: the organization may have changed). */
  get pages(): number | undefined {
    const total = this.total ?? this.earlier.total;
    return total === undefined ? undefined : Math.max(1, Math.ceil(total / PAGE_SIZE));
  }

  fullOffsetsLeft(): number[] {
    return offsetsNotFetched(this.pages ?? 0, this.fullOffsets);
  }

  state(waiting: readonly WaitingRead[]): ReadState {
    return {
      reads: this.reads,
      waiting: waiting.length,
      otherCalls: this.otherCalls,
      pages: this.pages,
      fullPagesLeft: this.fullOffsetsLeft().length,
      markerKeys: [...this.keys].map(([key, listing]) => {
        const hinted = listing.failed ? 0 : waiting.filter((read) => read.markerKey === key).length;
        // The key's size by the last listing, plus the hinted members, which may all be new since:
        // an estimate that only errs high, so a listing bought for them holds them.
        const estimated = (this.earlier.keyTotals.get(key) ?? 0) + hinted;
        return {
          key,
          listed: listing.total !== undefined,
          offsetsLeft: offsetsNotFetched(Math.ceil((listing.total ?? 0) / PAGE_SIZE), listing.offsets),
          missed: listing.missed,
          hinted,
          estimatedOffsets: offsetsNotFetched(Math.max(1, Math.ceil(estimated / PAGE_SIZE)), new Set()),
        };
      }),
    };
  }

  /** The listing of a marker key (every key of OWNER_TAG_KEYS has one from the start). */
  listingOf(key: string): KeyListing {
    const listing = this.keys.get(key) ?? { offsets: new Set<number>(), missed: 0 };
    this.keys.set(key, listing);
    return listing;
  }

  addPage(items: readonly ReportedMember[]): void {
    for (const member of items) this.members.set(member.memberUin, member);
  }

  /** A look-up found `member` outside every listing: evidence for listing the marker keys it carries. */
  noteLookedUp(member: ReportedMember): void {
    for (const key of Object.keys(member.tags)) {
      const listing = this.keys.get(key);
      if (listing) listing.missed++;
    }
  }
}

/** The offsets of the first `pages` pages of a listing that were not fetched. */
function offsetsNotFetched(pages: number, fetched: ReadonlySet<number>): number[] {
  return Array.from({ length: pages }, (_, page) => page * PAGE_SIZE).filter((offset) => !fetched.has(offset));
}

/** Reads members for refresh and after changes, sharing listings between the reads of one operation. */
export class MemberReader {
  private fetched = new Fetched(0);
  private waiting: WaitingRead[] = [];
  private running = false;
  /** The read-backs announced and about to arrive (gathering.ts). */
  private readonly gathering: Gathering;

  constructor(
    private readonly members: ReaderApi,
    clock: Clock = SYSTEM_CLOCK,
  ) {
    // Read-backs spread over the OWNER_TAG_SHARDS marker keys cost about a page each until there are
    // more of them than keys: fewer are not worth a wait (through the engine's default 8-way
    // parallelism they never are, measured: waiting only slowed creation, bench/REPORT.md).
    this.gathering = new Gathering(clock, 2 * OWNER_TAG_SHARDS);
  }

  /**
   * The member, or undefined when it is no longer in the organization. Only what is fetched after
   * this call (or since the last `invalidate()`) answers it. `markerKey`: the marker key the member
   * is known to carry, so that the key's listing can answer it.
   */
  read(memberUin: number, markerKey?: string): Promise<ReportedMember | undefined> {
    return new Promise((resolve, reject) => {
      this.fetched.reads++;
      this.waiting.push({ memberUin, markerKey, epoch: this.fetched.epoch, resolve, reject });
      if (!this.running) {
        this.running = true;
        // Reads the engine sent together arrive in the same turn of the event loop: gather them.
        setImmediate(() => void this.run());
      }
    });
  }

  /** Announces a change whose read-back will follow (gathering.ts); call what it returns once the read is asked. */
  expectRead(): (latencyMs?: number) => void {
    return this.gathering.expect();
  }

  /**
   * Forgets what was read; call after any change to a member. A step already sent still answers
   * the reads that were waiting before the change; reads arriving from now on need a new one.
   */
  invalidate(): void {
    this.fetched = new Fetched(this.fetched.epoch + 1, this.fetched.sizes());
    // Reads still waiting are reads of the new epoch, for its accounting.
    this.fetched.reads = this.waiting.length;
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        if (this.waiting.length > 0) await this.gathering.gather(this.waiting.length);
        const fetched = this.fetched;
        this.answerFromListings(fetched);
        const step = planStep(fetched.state(this.waiting));
        if (!step) return;
        await this.gathering.time(() => this.take(step, fetched));
        // A step of an epoch since superseded still answers the reads of its epoch and before.
        if (fetched !== this.fetched) this.answerFromListings(fetched);
      }
    } catch (error) {
      // Only a bug gets here (each step settles its own calls); no read may wait forever on it.
      for (const read of this.waiting.splice(0)) read.reject(error);
    } finally {
      this.running = false;
    }
  }

  /** Answers the waiting reads that `fetched` may answer (its epoch or earlier) and holds. */
  private answerFromListings(fetched: Fetched): void {
    this.waiting = this.waiting.filter((read) => {
      const member = read.epoch <= fetched.epoch ? fetched.members.get(read.memberUin) : undefined;
      if (member) read.resolve(member);
      return !member;
    });
  }

  private async take(step: ReadStep, fetched: Fetched): Promise<void> {
    switch (step.kind) {
      case "lookUp":
        return this.lookUp(this.waiting.splice(0), fetched);
      case "learnSize":
        return this.listAll([0], fetched);
      case "listAll":
        return this.listAll(fetched.fullOffsetsLeft(), fetched);
      case "listMarkerKeys":
        return this.listMarkerKeys(step.pages, fetched);
    }
  }

  private async lookUp(reads: readonly WaitingRead[], fetched: Fetched): Promise<void> {
    fetched.otherCalls += reads.length;
    await Promise.all(
      reads.map(async (read) => {
        try {
          const member = await this.members.getByUin(read.memberUin);
          if (member) fetched.noteLookedUp(member);
          read.resolve(member);
        } catch (error) {
          read.reject(error);
        }
      }),
    );
  }

  private async listAll(offsets: readonly number[], fetched: Fetched): Promise<void> {
    const needing = [...this.waiting];
    const results = await Promise.allSettled(offsets.map((Offset) => this.members.describePage({ Offset, Limit: PAGE_SIZE })));
    let failure: PromiseRejectedResult | undefined;
    results.forEach((result, i) => {
      if (result.status === "rejected") {
        failure ??= result;
        fetched.otherCalls++;
        return;
      }
      fetched.fullOffsets.add(offsets[i]);
      fetched.addPage(result.value.items);
      // Page by the largest Total any page reports: the organization may have grown since.
      fetched.total = Math.max(fetched.total ?? 0, result.value.total);
    });
    // After an invalidation the waiting reads are planned afresh; otherwise those that needed this
    // listing fail with its error, and a later read fetches the missing pages again.
    if (!failure || fetched !== this.fetched) return;
    this.answerFromListings(fetched);
    const failed = new Set(needing.filter((read) => this.waiting.includes(read)));
    this.waiting = this.waiting.filter((read) => !failed.has(read));
    for (const read of failed) read.reject(failure.reason);
  }

  private async listMarkerKeys(pages: readonly MarkerKeyPage[], fetched: Fetched): Promise<void> {
    fetched.otherCalls += pages.length;
    for (const { key } of pages) fetched.listingOf(key).missed = 0;
    const results = await Promise.allSettled(pages.map(({ key, offset }) => this.members.describeTaggedPage(key, offset)));
    results.forEach((result, i) => {
      // A failed page is as if it found nobody: the reads it would have answered are looked up or listed.
      if (result.status === "rejected") {
        fetched.listingOf(pages[i].key).failed = true;
        return;
      }
      const listing = fetched.listingOf(pages[i].key);
      listing.offsets.add(pages[i].offset);
      listing.total = result.value.total;
      fetched.addPage(result.value.items);
    });
  }
}
