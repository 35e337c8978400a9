import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  callBound,
  hintedPagesWorthListing,
  markerPagesWorthListing,
  planStep,
  type MarkerKeyState,
  type ReadState,
} from "../../../provider/api/readPlan";
import { OWNER_TAG_KEYS } from "../../../provider/core/tags";

const unlistedKeys = (missed: Record<string, number> = {}): MarkerKeyState[] =>
  OWNER_TAG_KEYS.map((key) => ({ key, listed: false, offsetsLeft: [], missed: missed[key] ?? 0, hinted: 0, estimatedOffsets: [0] }));
const listedKeys = (offsetsLeft: Record<string, number[]> = {}): MarkerKeyState[] =>
  OWNER_TAG_KEYS.map((key) => ({ key, listed: true, offsetsLeft: offsetsLeft[key] ?? [], missed: 0, hinted: 0, estimatedOffsets: [0] }));
/** Keys not listed since the last change, with reads hinted to carry them and the pages their last size needs. */
const hintedKeys = (hinted: Record<string, number>, estimatedPages: Record<string, number> = {}): MarkerKeyState[] =>
  OWNER_TAG_KEYS.map((key) => ({
    key,
    listed: false,
    offsetsLeft: [],
    missed: 0,
    hinted: hinted[key] ?? 0,
    estimatedOffsets: Array.from({ length: estimatedPages[key] ?? 1 }, (_, p) => p * 50),
  }));
/** The eight shard keys, each hinted by `reads` read-backs. */
const shards = (reads: number) => Object.fromEntries(OWNER_TAG_KEYS.slice(1).map((key) => [key, reads]));

const state = (s: Partial<ReadState>): ReadState => ({
  reads: 1,
  waiting: 1,
  otherCalls: 0,
  fullPagesLeft: 0,
  markerKeys: unlistedKeys(),
  ...s,
});

describe("planStep", () => {
  it.each<[string, Partial<ReadState>, string]>([
    ["nothing waits", { waiting: 0 }, "none"],
    ["a lone read, M unknown: looked up", {}, "lookUp"],
    ["three reads together, M unknown: looked up", { reads: 3, waiting: 3 }, "lookUp"],
    ["four reads together, M unknown: learn M first", { reads: 4, waiting: 4 }, "learnSize"],
    [
      "200 reads together, M = 5,000: the marker keys' first pages",
      { reads: 200, waiting: 200, pages: 100, fullPagesLeft: 99 },
      "listMarkerKeys",
    ],
    [
      "30 reads together, M = 5,000: looked up (the marker pages could not be afforded if they found nobody)",
      { reads: 30, waiting: 30, pages: 100, fullPagesLeft: 99 },
      "lookUp",
    ],
    [
      "30 reads together, M = 500: the listing, cheaper than the marker pages",
      { reads: 30, waiting: 30, pages: 10, fullPagesLeft: 9 },
      "listAll",
    ],
    ["the listing is complete: a read it misses is looked up", { reads: 300, waiting: 2, pages: 10, fullPagesLeft: 0 }, "lookUp"],
    ["look-ups have cost the listing: list", { reads: 101, waiting: 1, otherCalls: 100, pages: 100, fullPagesLeft: 99 }, "listAll"],
    [
      "a key seen on a look-up: its first page",
      { reads: 2, waiting: 1, otherCalls: 1, markerKeys: unlistedKeys({ "pulumi:owner:3": 1 }) },
      "listMarkerKeys",
    ],
    [
      "the rest of the keys' pages when as many reads wait",
      { reads: 60, waiting: 40, otherCalls: 10, pages: 100, fullPagesLeft: 99, markerKeys: listedKeys({ "pulumi:owner:1": [50, 100] }) },
      "listMarkerKeys",
    ],
    [
      "20 read-backs over the eight shard keys, M unknown: the eight keys' pages (no look-up each, no size first)",
      { reads: 20, waiting: 20, markerKeys: hintedKeys({ ...shards(2), "pulumi:owner:0": 6 }) },
      "listMarkerKeys",
    ],
    [
      "20 read-backs, M = 1,200: the eight keys' pages, cheaper than the listing",
      { reads: 20, waiting: 20, pages: 24, fullPagesLeft: 24, markerKeys: hintedKeys({ ...shards(2), "pulumi:owner:0": 6 }) },
      "listMarkerKeys",
    ],
    [
      "one read-back: looked up (its key's page would cost as much and carry 50 members)",
      { reads: 1, waiting: 1, pages: 24, fullPagesLeft: 24, markerKeys: hintedKeys({ "pulumi:owner:4": 1 }) },
      "lookUp",
    ],
    [
      "2 read-backs whose key last held 120 members (3 pages): looked up, cheaper",
      { reads: 2, waiting: 2, pages: 24, fullPagesLeft: 24, markerKeys: hintedKeys({ "pulumi:owner:4": 2 }, { "pulumi:owner:4": 3 }) },
      "lookUp",
    ],
    [
      "20 read-backs in an organization of 100: the listing (2 pages), cheaper than eight keys",
      { reads: 20, waiting: 20, pages: 2, fullPagesLeft: 2, markerKeys: hintedKeys({ ...shards(2), "pulumi:owner:0": 6 }) },
      "listAll",
    ],
  ])("%s", (_, s, expected) => {
    expect(planStep(state(s))?.kind ?? "none").toBe(expected);
  });

  it("buys the pages of the hinted keys only, as many as their last size needs", () => {
    const pages = hintedPagesWorthListing(
      state({ waiting: 12, markerKeys: hintedKeys({ "pulumi:owner:2": 10, "pulumi:owner:6": 2 }, { "pulumi:owner:2": 3 }) }),
    );
    expect(pages).toEqual([
      { key: "pulumi:owner:2", offset: 0 },
      { key: "pulumi:owner:2", offset: 50 },
      { key: "pulumi:owner:2", offset: 100 },
      { key: "pulumi:owner:6", offset: 0 },
    ]);
  });

  it("never buys a hinted key again once it was listed to its end: the reads it missed are looked up or listed", () => {
    const listed = listedKeys().map((k) => (k.key === "pulumi:owner:3" ? { ...k, hinted: 5 } : k));
    expect(hintedPagesWorthListing(state({ waiting: 5, markerKeys: listed }))).toEqual([]);
  });

  it("a hinted step always costs fewer calls than looking its reads up", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ hinted: fc.nat({ max: 30 }), pages: fc.integer({ min: 1, max: 12 }), listed: fc.boolean() }), {
          minLength: 9,
          maxLength: 9,
        }),
        (keys) => {
          const markerKeys = keys.map((k, i) => ({
            key: OWNER_TAG_KEYS[i],
            listed: k.listed,
            offsetsLeft: k.listed ? Array.from({ length: k.pages - 1 }, (_, p) => (p + 1) * 50) : [],
            missed: 0,
            hinted: k.hinted,
            estimatedOffsets: Array.from({ length: k.pages }, (_, p) => p * 50),
          }));
          const hinted = markerKeys.reduce((sum, k) => sum + k.hinted, 0);
          const pages = hintedPagesWorthListing(state({ reads: hinted, waiting: hinted, markerKeys }));
          if (pages.length > 0) expect(pages.length).toBeLessThan(hinted);
          for (const page of pages) expect(markerKeys.find((k) => k.key === page.key)?.hinted).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("buys a key's first page once a look-up found a member carrying it, and only that page", () => {
    expect(markerPagesWorthListing(state({ markerKeys: unlistedKeys({ "pulumi:owner:5": 1 }) }))).toEqual([
      { key: "pulumi:owner:5", offset: 0 },
    ]);
  });

  // INV of readPlan.ts, and what it promises: from any state that keeps it, the step chosen keeps
  // it (or is the full listing, which then fits the bound), whatever the step turns out to answer.
  const inv = (s: ReadState, pages: number) =>
    s.otherCalls + s.waiting <= Math.min(s.reads + 2, pages + 2) || s.otherCalls + pages <= callBound(s.reads, pages);
  it("keeps the bound from any state that keeps it, whatever the reads and what the step answers", () => {
    fc.assert(
      fc.property(
        // Small organizations make the tight states (the bound nearly spent) common.
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat({ max: 60 }),
        fc.nat({ max: 70 }),
        fc.boolean(),
        fc.array(fc.record({ listed: fc.boolean(), pagesLeft: fc.nat({ max: 5 }), missed: fc.nat({ max: 6 }) }), {
          minLength: 9,
          maxLength: 9,
        }),
        fc.nat(),
        (pages, reads, waitingRaw, otherCalls, sizeKnown, keys, answeredRaw) => {
          const waiting = Math.min(waitingRaw, reads);
          const s: ReadState = {
            reads,
            waiting,
            otherCalls,
            pages: sizeKnown ? pages : undefined,
            fullPagesLeft: sizeKnown ? pages - 1 : 0,
            markerKeys: keys.map((k, i) => ({
              key: OWNER_TAG_KEYS[i],
              listed: k.listed,
              offsetsLeft: k.listed ? Array.from({ length: k.pagesLeft }, (_, p) => (p + 1) * 50) : [],
              missed: k.missed,
              // The bound of INV is for reads without hints (refresh of adopted and older members).
              hinted: 0,
              estimatedOffsets: [0],
            })),
          };
          // Before M is known the reader spends at most 3 calls (the bound of the smallest organization).
          fc.pre(inv(s, pages) && (sizeKnown || otherCalls <= 3));
          const step = planStep(s);
          if (!step || step.kind === "learnSize") return;
          if (step.kind === "listAll") {
            expect(otherCalls + pages).toBeLessThanOrEqual(callBound(reads, pages));
            return;
          }
          const spent = step.kind === "lookUp" ? waiting : step.pages.length;
          const stillWaiting = step.kind === "lookUp" ? 0 : waiting - (answeredRaw % (waiting + 1));
          const after = { ...s, otherCalls: otherCalls + spent, waiting: stillWaiting };
          if (step.kind === "lookUp" && s.pages !== undefined && s.fullPagesLeft === 0) return; // confirming gone members
          expect(inv(after, pages)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("keeps the bound when more reads arrive, however many", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat({ max: 60 }),
        fc.nat({ max: 70 }),
        fc.integer({ min: 1, max: 60 }),
        (pages, reads, waitingRaw, otherCalls, arriving) => {
          const s = state({ reads, waiting: Math.min(waitingRaw, reads), otherCalls, pages });
          fc.pre(inv(s, pages));
          expect(inv({ ...s, reads: reads + arriving, waiting: s.waiting + arriving }, pages)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
