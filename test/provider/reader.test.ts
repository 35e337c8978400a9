import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startProviderHarness, type ProviderHarness } from "./harness";

// Reads in one operation share their work: refreshing N members of an organization of M members
// costs at most 2·min(N, ⌈M/50⌉) + 2 DescribeOrganizationMembers calls.
const M = 500; // ⌈M/50⌉ = 10 pages
const PAGES = Math.ceil(M / 50);

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness({ seedMembers: M, rateLimitPerSecond: 0 });
});
afterAll(() => h.close());
beforeEach(() => h.fresh());

async function refresh(n: number): Promise<number> {
  const uins = h.emulator.admin.members().slice(0, n).map((m) => m.memberUin);
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

describe("the reader on its own", () => {
  const member = (uin: number) => ({ memberUin: uin, name: `m${uin}` });
  // A fake organization of 120 members whose listing misses member 51, as offset paging does
  // when another member leaves mid-listing.
  function fakeApi(options: { failFirstPage?: boolean } = {}) {
    let failures = options.failFirstPage ? 1 : 0;
    const calls: string[] = [];
    const api = {
      describePage: async ({ Offset, Limit }: { Offset: number; Limit: number }) => {
        calls.push(`page ${Offset}/${Limit}`);
        if (failures-- > 0) throw new Error("InternalError after 8 attempts");
        const all = Array.from({ length: 120 }, (_, i) => member(i + 1)).filter((m) => m.memberUin !== 51);
        return { items: all.slice(Offset, Offset + Limit), total: 120 };
      },
      getByUin: async (uin: number) => {
        calls.push(`lookup ${uin}`);
        return uin <= 120 ? member(uin) : undefined;
      },
    };
    return { api, calls };
  }

  it("confirms a member missing from the shared listing with a direct look-up before calling it gone", async () => {
    const { MemberReader } = await import("../../provider/api/reader");
    const { api, calls } = fakeApi();
    const reader = new MemberReader(api as never);
    await Promise.all([1, 2, 3, 4].map((uin) => reader.read(uin))); // spends the look-up budget (3 pages)
    expect(await reader.read(51)).toEqual(member(51));
    expect(calls.at(-1)).toBe("lookup 51");
    expect(await reader.read(500)).toBeUndefined();
  });

  it("does not let one failed call answer for every later read", async () => {
    const { MemberReader } = await import("../../provider/api/reader");
    const { api } = fakeApi({ failFirstPage: true });
    const reader = new MemberReader(api as never);
    await expect(reader.read(1)).rejects.toThrow(/InternalError/);
    expect(await reader.read(1)).toEqual(member(1));
  });
});
