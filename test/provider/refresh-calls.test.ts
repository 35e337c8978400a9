import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerTagKey, ownerTagValue } from "../../provider/core/ownership";
import { LEGACY_OWNER_TAG_KEY } from "../../provider/core/tags";
import { startProviderHarness, type ProviderHarness } from "./harness";

// What a refresh costs against the emulator, counted in DescribeOrganizationMembers calls. Every
// scenario must stay within the ski-rental bound 2·min(N, ⌈M/50⌉) + 2; the ones where the reads
// arrive together and the members carry the ownership marker must cost about ⌈K/50⌉ + the nine
// first pages of the marker keys (K: members carrying a marker key).

/** The refresh bound every scenario must respect. */
const bound = (n: number, m: number) => 2 * Math.min(n, Math.ceil(m / 50)) + 2;

type Marking = "shard" | "legacy" | "none";

/** Adds `count` members the way this provider (or 0.1.0, or an adoption) leaves them; returns their UINs. */
function addMembers(h: ProviderHarness, count: number, marking: (i: number) => Marking, prefix: string): number[] {
  return Array.from({ length: count }, (_, i) => {
    const marker = ownerTagValue({ ownerMarker: `proj/stack/${prefix}-${i}`, fixedAtCreation: [] }) as string;
    const kind = marking(i);
    const tags = kind === "shard" ? { [ownerTagKey(marker)]: marker } : kind === "legacy" ? { [LEGACY_OWNER_TAG_KEY]: marker } : {};
    return h.emulator.admin.inviteMember({ name: `${prefix}-${i}`, tags });
  });
}

async function readConcurrently(h: ProviderHarness, uins: number[]): Promise<number> {
  h.resetCounts();
  const results = await Promise.all(uins.map((uin) => h.provider.read(String(uin), {})));
  expect(results.map((r) => r.id)).toEqual(uins.map(String));
  return h.counts().DescribeOrganizationMembers ?? 0;
}

async function readOneByOne(h: ProviderHarness, uins: number[]): Promise<number> {
  h.resetCounts();
  for (const uin of uins) expect((await h.provider.read(String(uin), {})).id).toBe(String(uin));
  return h.counts().DescribeOrganizationMembers ?? 0;
}

const measured: string[] = [];
function record(scenario: string, calls: number, n: number, m: number): void {
  measured.push(`${scenario}: ${calls} calls (bound ${bound(n, m)})`);
  expect(calls).toBeLessThanOrEqual(bound(n, m));
}

describe("a refresh in an organization of 5,000 members", () => {
  const M = 5000;
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await startProviderHarness({ seedMembers: M - 200, memberLimit: M, rateLimitPerSecond: 0 });
  });
  afterAll(() => h.close());

  it("of the 200 members it created, read together, costs a handful of calls", async () => {
    h.fresh();
    const uins = addMembers(h, 200, () => "shard", "managed");
    const calls = await readConcurrently(h, uins);
    record("N=200 of M=5,000, K=200, concurrent", calls, 200, M);
    // One page of the full listing learns M; nine first pages (eight shards and the legacy key)
    // hold the 200 marked members; at most three reads are looked up before M is known.
    expect(calls).toBeLessThanOrEqual(1 + 9 + 3);
  });

  it("of 200 members marked under the legacy key and the shards alike costs the same", async () => {
    h.fresh();
    const uins = addMembers(h, 200, (i) => (i % 2 === 0 ? "legacy" : "shard"), "mixed");
    const calls = await readConcurrently(h, uins);
    record("N=200 of M=5,000, K=200 legacy+shard, concurrent", calls, 200, M);
    // 100 under the legacy key: two pages of it.
    expect(calls).toBeLessThanOrEqual(1 + 10 + 3);
  });

  it("of 200 adopted members (no marker) stays within the bound", async () => {
    h.fresh();
    const uins = addMembers(h, 200, () => "none", "adopted");
    record("N=200 of M=5,000, adopted (K=0), concurrent", await readConcurrently(h, uins), 200, M);
  });

  it("of 200 members read one at a time (--parallel 1) stays within the bound", async () => {
    h.fresh();
    const uins = addMembers(h, 200, () => "shard", "sequential");
    record("N=200 of M=5,000, K=200, one at a time", await readOneByOne(h, uins), 200, M);
  });

  it("of 200 adopted members read one at a time stays within the bound", async () => {
    h.fresh();
    const uins = addMembers(h, 200, () => "none", "adopted-seq");
    record("N=200 of M=5,000, adopted, one at a time", await readOneByOne(h, uins), 200, M);
  });

  it("of a single member costs one call", async () => {
    h.fresh();
    const [uin] = addMembers(h, 1, () => "shard", "single");
    const calls = await readConcurrently(h, [uin]);
    record("N=1 of M=4,801", calls, 1, M - 199);
    expect(calls).toBe(1);
  });
});

describe("a refresh in an organization of 1,000 members", () => {
  const M = 1000;
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await startProviderHarness({ seedMembers: M - 20, memberLimit: M, rateLimitPerSecond: 0 });
  });
  afterAll(() => h.close());

  it("of the 20 members it created, read together, costs the nine first pages and the one that learns M", async () => {
    h.fresh();
    const uins = addMembers(h, 20, () => "shard", "managed");
    const calls = await readConcurrently(h, uins);
    record("N=20 of M=1,000, K=20, concurrent", calls, 20, M);
    expect(calls).toBeLessThanOrEqual(1 + 9 + 3);
  });

  it("of 20 adopted members stays within the bound", async () => {
    h.fresh();
    const uins = addMembers(h, 20, () => "none", "adopted");
    record("N=20 of M=1,000, adopted, concurrent", await readConcurrently(h, uins), 20, M);
  });
});

afterAll(() => {
  console.log(`refresh calls (DescribeOrganizationMembers):\n  ${measured.join("\n  ")}`);
});
