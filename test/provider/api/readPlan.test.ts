import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callBound, markerPagesWorthListing, planStep, type MarkerKeyState, type ReadState } from "../../../provider/api/readPlan";
import { OWNER_TAG_KEYS } from "../../../provider/core/tags";

const unlistedKeys = (missed: Record<string, number> = {}): MarkerKeyState[] =>
  OWNER_TAG_KEYS.map((key) => ({ key, listed: false, offsetsLeft: [], missed: missed[key] ?? 0 }));
const listedKeys = (offsetsLeft: Record<string, number[]> = {}): MarkerKeyState[] =>
  OWNER_TAG_KEYS.map((key) => ({ key, listed: true, offsetsLeft: offsetsLeft[key] ?? [], missed: 0 }));

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
  ])("%s", (_, s, expected) => {
    expect(planStep(state(s))?.kind ?? "none").toBe(expected);
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
