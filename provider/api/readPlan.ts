/**
 * What the member reader does next, decided from what it knows: the pure half of reader.ts.
 *
 * Three ways answer a read of a member. A direct look-up (one call, that member only). The full
 * listing (P = ⌈M/50⌉ pages, every member). The listings of the ownership-marker keys (one tag-key
 * filtered listing per key of OWNER_TAG_KEYS, ⌈K_k/50⌉ pages each, at least one: every member this
 * provider created, but no adopted one).
 *
 * The bound. With N reads since the last invalidation and "other calls" X (look-ups and
 * marker-key pages, i.e. everything but full-listing pages), every plan keeps
 *
 *     X + W ≤ min(N + 2, P + 2)     or     X + P ≤ 2·min(N, P) + 2          (INV)
 *
 * where W counts the reads still waiting (as if each will be looked up). INV survives new reads,
 * and from INV either looking up every waiting read keeps X ≤ min(N + 2, P) or the full listing
 * fits in 2·min(N, P) + 2; after the full listing every later read is answered without a call.
 * So a refresh never costs more than 2·min(N, P) + 2 calls — the ski-rental bound — plus one
 * look-up per member that is gone or that a listing missed. A marker-key page is bought only
 * when INV holds after buying it even if it answers nothing, which is why reads that arrive
 * together (a large W, so a large N) can afford the nine first pages at once and a lone read
 * cannot.
 */

/** What the reader knows of one ownership-marker key's listing. */
export interface MarkerKeyState {
  readonly key: string;
  /** Whether its first page was fetched (and so its total is known). */
  readonly listed: boolean;
  /** Offsets of its pages not fetched yet (known once listed). */
  readonly offsetsLeft: readonly number[];
  /** Look-ups since this key's last pages were bought that found a member carrying the key. */
  readonly missed: number;
  /** Waiting reads of members known to carry this key (read-backs of members this provider marked). */
  readonly hinted: number;
  /**
   * Offsets of its pages by the size last seen for the key, in this or an earlier epoch (at least
   * the first page): what listing it would cost when it was not listed since the last change.
   */
  readonly estimatedOffsets: readonly number[];
}

/** What the reader knows since the last invalidation. */
export interface ReadState {
  /** Reads received (N so far). */
  readonly reads: number;
  /** Reads that nothing fetched answers yet. */
  readonly waiting: number;
  /** Calls other than full-listing pages: look-ups, marker-key pages, and failed calls. */
  readonly otherCalls: number;
  /** ⌈M/50⌉ (at least 1), once a full-listing page has reported M. */
  readonly pages?: number;
  /** Full-listing pages not fetched yet (meaningful once `pages` is known). */
  readonly fullPagesLeft: number;
  readonly markerKeys: readonly MarkerKeyState[];
}

/** One marker-key page to fetch. */
export interface MarkerKeyPage {
  readonly key: string;
  readonly offset: number;
}

/** The next step: its calls are independent and sent together. */
export type ReadStep =
  /** Look every waiting read up directly. */
  | { readonly kind: "lookUp" }
  /** Fetch the first full-listing page, which tells M (and so P). */
  | { readonly kind: "learnSize" }
  /** Fetch every full-listing page not fetched yet. */
  | { readonly kind: "listAll" }
  /** Fetch these marker-key pages. */
  | { readonly kind: "listMarkerKeys"; readonly pages: readonly MarkerKeyPage[] };

/** The ski-rental bound on calls for `reads` reads in an organization of `pages` listing pages. */
export function callBound(reads: number, pages: number): number {
  return 2 * Math.min(reads, pages) + 2;
}

/**
 * Whether spending `extra` more other calls keeps INV, whatever those calls answer. Before M is
 * known, only the first condition with P = 1 counts: it is the strictest for any organization.
 */
export function keepsBound(state: ReadState, extra: number): boolean {
  const pages = state.pages ?? 1;
  const lookUpsStillFit = state.otherCalls + extra + state.waiting <= Math.min(state.reads + 2, pages + 2);
  const listingStillFits = state.pages !== undefined && state.otherCalls + extra + state.pages <= callBound(state.reads, state.pages);
  return lookUpsStillFit || listingStillFits;
}

/**
 * The marker-key pages worth buying now: every key's first page when as many reads wait as there
 * are such pages (looking them up would cost as much); then the remaining pages of listed keys on
 * the same terms; otherwise, per key, ski rental: its next pages once look-ups of members carrying
 * it have cost as much as those pages.
 */
export function markerPagesWorthListing(state: ReadState): MarkerKeyPage[] {
  const unlisted = state.markerKeys.filter((k) => !k.listed);
  if (unlisted.length > 0 && state.waiting >= unlisted.length) return unlisted.map((k) => ({ key: k.key, offset: 0 }));
  const rest = state.markerKeys.flatMap((k) => (k.listed ? k.offsetsLeft.map((offset) => ({ key: k.key, offset })) : []));
  if (rest.length > 0 && state.waiting >= rest.length) return rest;
  return state.markerKeys.flatMap((k) => {
    const offsets = k.listed ? k.offsetsLeft : [0];
    return offsets.length > 0 && k.missed >= offsets.length ? offsets.map((offset) => ({ key: k.key, offset })) : [];
  });
}

/**
 * The marker-key pages that answer the hinted reads (members known to carry a key: read-backs of
 * members this provider just created or changed) for fewer calls than looking those reads up
 * would cost; none otherwise (a page per read costs the same calls as look-ups, and carries 50
 * members to answer one). A key listed to its end since the last change is never bought again
 * for its hints: a hinted member it did not hold is looked up or listed like any other.
 */
export function hintedPagesWorthListing(state: ReadState): MarkerKeyPage[] {
  const keys = state.markerKeys.filter((k) => k.hinted > 0);
  const pages = keys.flatMap((k) => (k.listed ? k.offsetsLeft : k.estimatedOffsets).map((offset) => ({ key: k.key, offset })));
  const reads = keys.reduce((sum, k) => sum + k.hinted, 0);
  return pages.length > 0 && pages.length < reads ? pages : [];
}

/** The next step for the waiting reads, or undefined when none waits. Keeps INV (see above). */
export function planStep(state: ReadState): ReadStep | undefined {
  if (state.waiting === 0) return undefined;
  // The full listing is complete: a read it does not answer is confirmed gone by a look-up.
  if (state.pages !== undefined && state.fullPagesLeft === 0) return { kind: "lookUp" };
  // Reads known to carry a marker key are answered by that key's listing for less than a call each
  // (a look-up's price), which keeps INV's accounting: each is charged as the look-up it replaces.
  const hinted = hintedPagesWorthListing(state);
  if (hinted.length > 0 && (state.pages === undefined || hinted.length < state.fullPagesLeft)) {
    return { kind: "listMarkerKeys", pages: hinted };
  }
  const markerPages = markerPagesWorthListing(state);
  const cheaperThanListing = state.pages === undefined || markerPages.length < state.fullPagesLeft;
  if (markerPages.length > 0 && cheaperThanListing && keepsBound(state, markerPages.length)) {
    return { kind: "listMarkerKeys", pages: markerPages };
  }
  if (state.pages === undefined) {
    // A few look-ups fit the bound of any organization; beyond them, learn its size first.
    return state.otherCalls + state.waiting <= Math.min(state.reads + 2, 3) ? { kind: "lookUp" } : { kind: "learnSize" };
  }
  const listingFits = state.otherCalls + state.pages <= callBound(state.reads, state.pages);
  if (listingFits && state.fullPagesLeft <= state.waiting) return { kind: "listAll" };
  // Ski rental: look up while look-ups so far cost less than the whole listing.
  if (state.otherCalls + state.waiting <= Math.min(state.reads + 2, state.pages)) return { kind: "lookUp" };
  return { kind: "listAll" };
}
