import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startProviderHarness, type ProviderHarness } from "./harness";

// Reads in one operation share their work: refreshing N members of an organization of M members
// costs at most 2·min(N, ⌈M/50⌉) + 2 DescribeOrganizationMembers calls.
const M = 500; // ⌈M/50⌉ = 10 pages
const PAGES = Math.ceil(M / 50);

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness({ seedMembers: M, memberLimit: M, rateLimitPerSecond: 0 });
});
afterAll(() => h.close());
beforeEach(() => h.fresh());

async function refresh(n: number): Promise<number> {
  const uins = h.emulator.admin
    .members()
    .slice(0, n)
    .map((m) => m.memberUin);
  h.resetCounts();
  const results = await Promise.all(uins.map((uin) => h.provider.read(String(uin), {})));
  expect(results.every((r, i) => r.id === String(uins[i]))).toBe(true);
  return h.counts().DescribeOrganizationMembers ?? 0;
}

describe("refreshing N members of an organization of 500 reads at most 2·min(N, 10) + 2 pages", () => {
  it.each([1, 3, 9, 10, 11, 30, 200])("N = %i", async (n) => {
    const calls = await refresh(n);
    expect(calls).toBeLessThanOrEqual(2 * Math.min(n, PAGES) + 2);
    // …and never what the incumbent pays: ⌈M/50⌉ pages per member.
    if (n > 1) expect(calls).toBeLessThan(n * PAGES);
  });

  it("answers a member missing from the shared listing as gone", async () => {
    await refresh(30); // the listing is now shared
    expect(await h.provider.read("999999999999", {})).toEqual({});
  });
});
