/**
 * The member reader: on a counting fake (every arrival pattern within the refresh bound), and against
 * the emulator (what a refresh costs, counted in DescribeOrganizationMembers calls).
 */
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "../../../provider/api/members";
import { MemberReader, type ReaderApi } from "../../../provider/api/reader";
import { callBound } from "../../../provider/api/readPlan";
import { ownerTagKey, ownerTagValue } from "../../../provider/core/ownership";
import { LEGACY_OWNER_TAG_KEY, OWNER_TAG_KEYS } from "../../../provider/core/tags";
import type { ReportedMember } from "../../../provider/member/types";
import { startProviderHarness, type ProviderHarness } from "../support/harness";

// The reader against a counting fake of DescribeOrganizationMembers: every answer is right and
// no arrival pattern costs more than 2·min(N, ⌈M/50⌉) + 2 calls (plus one per member gone).

/** How a member of the fake organization is marked: a marker key, or none (adopted). */
type Marking = string | undefined;

const FIRST_UIN = 100001;

function aMember(memberUin: number, marking: Marking): ReportedMember {
  return {
    memberUin,
    name: `m${memberUin}`,
    nickName: `m${memberUin}`,
    nodeId: 0,
    nodeName: "",
    remark: "",
    payUin: "",
    payName: "",
    memberType: "Invite",
    orgPolicyName: "",
    permissions: [],
    permissionChangePending: false,
    identities: [],
    tags: marking === undefined ? {} : { [marking]: `marker-${memberUin}` },
    isAllowQuit: false,
    bindStatus: "",
    permissionStatus: "",
    createTime: "",
    updateTime: "",
  };
}

interface FakeOptions {
  /** Members the full listing skips, as offset paging does when another member leaves mid-listing. */
  skippedByListing?: readonly number[];
  /** Calls (counted from 1) that fail. */
  failingCalls?: readonly number[];
  /** Only these kinds of call fail. */
  failingKind?: "page" | "tagged" | "lookUp";
}

/** A fake organization whose members are marked as `markings` says, counting every call. */
function fakeOrganization(markings: readonly Marking[], options: FakeOptions = {}) {
  const members = markings.map((marking, i) => aMember(FIRST_UIN + i, marking));
  const calls: string[] = [];
  let kindCalls = 0;
  const call = (kind: "page" | "tagged" | "lookUp", label: string) => {
    calls.push(label);
    if (options.failingKind === undefined || options.failingKind === kind) kindCalls++;
    if ((options.failingKind === undefined || options.failingKind === kind) && options.failingCalls?.includes(kindCalls)) {
      throw new Error(`InternalError on ${label}`);
    }
  };
  const listed = () => members.filter((m) => !options.skippedByListing?.includes(m.memberUin));
  const api: ReaderApi = {
    describePage: async ({ Offset, Limit }) => {
      await Promise.resolve();
      call("page", `page ${Offset}`);
      return { items: listed().slice(Offset, Offset + Limit), total: members.length };
    },
    describeTaggedPage: async (tagKey, offset) => {
      await Promise.resolve();
      call("tagged", `${tagKey} ${offset}`);
      const tagged = listed().filter((m) => tagKey in m.tags);
      return { items: tagged.slice(offset, offset + PAGE_SIZE), total: tagged.length };
    },
    getByUin: async (memberUin) => {
      await Promise.resolve();
      call("lookUp", `lookUp ${memberUin}`);
      return members.find((m) => m.memberUin === memberUin);
    },
  };
  return { api, members, calls };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads `uins` arriving in `groups` (sizes): each group's reads are sent together; the next group
 * starts after `gap` turns of the event loop, or — when `gap` is "after" — once the group is answered.
 */
async function readInGroups(reader: MemberReader, uins: readonly number[], groups: readonly number[], gap: number | "after") {
  const results: Promise<ReportedMember | undefined>[] = [];
  let at = 0;
  for (let g = 0; at < uins.length; g++) {
    const size = Math.max(1, groups[g % groups.length]);
    const group = uins.slice(at, at + size).map((uin) => reader.read(uin));
    results.push(...group);
    at += size;
    if (gap === "after") await Promise.all(group);
    else for (let i = 0; i < gap; i++) await turn();
  }
  return Promise.all(results);
}

const pagesOf = (m: number) => Math.max(1, Math.ceil(m / PAGE_SIZE));

describe("the reader on a counting fake", () => {
  const marking = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...OWNER_TAG_KEYS.slice(1)) },
    { weight: 1, arbitrary: fc.constant(LEGACY_OWNER_TAG_KEY) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
  const scenario = fc
    .record({
      markings: fc.array(marking, { maxLength: 400 }),
      readShare: fc.double({ min: 0, max: 1, noNaN: true }),
      gone: fc.nat({ max: 3 }),
      groups: fc.array(fc.integer({ min: 1, max: 250 }), { minLength: 1, maxLength: 5 }),
      gap: fc.oneof(fc.constant<"after">("after"), fc.nat({ max: 3 })),
      seed: fc.nat(),
    })
    .map((s) => {
      const present = s.markings.map((_, i) => FIRST_UIN + i).filter((_, i) => ((i * 7919 + s.seed) % 1000) / 1000 < s.readShare);
      const gone = Array.from({ length: s.gone }, (_, i) => 900000 + i);
      return { ...s, uins: [...present, ...gone].sort((a, b) => ((a * 31 + s.seed) % 97) - ((b * 31 + s.seed) % 97)), goneCount: s.gone };
    });

  it("answers every read right and never exceeds 2·min(N, ⌈M/50⌉) + 2 calls plus one per member gone", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ markings, uins, groups, gap, goneCount }) => {
        const { api, members, calls } = fakeOrganization(markings);
        const reader = new MemberReader(api);
        const results = await readInGroups(reader, uins, groups, gap);
        expect(results).toEqual(uins.map((uin) => members.find((m) => m.memberUin === uin)));
        if (uins.length > 0) expect(calls.length).toBeLessThanOrEqual(callBound(uins.length, pagesOf(markings.length)) + goneCount);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ["all at once", [10_000], 0 as const],
    ["one at a time (--parallel 1)", [1], "after" as const],
    ["in groups of 7, overlapping", [7], 1],
    ["in groups of 30, each after the last is answered", [30], "after" as const],
  ])("read %s, members without a marker (adopted) stay within the bound", async (_, groups, gap) => {
    for (const m of [1, 49, 50, 51, 120, 500, 1000]) {
      for (const n of [1, 2, 3, 4, 9, 10, 21, 60, Math.min(m, 300)].filter((x) => x <= m)) {
        const { api, calls } = fakeOrganization(Array.from({ length: m }, () => undefined));
        const uins = Array.from({ length: n }, (_, i) => FIRST_UIN + i * Math.floor(m / n));
        await readInGroups(new MemberReader(api), uins, groups, gap);
        expect(calls.length, `N=${n} of M=${m}`).toBeLessThanOrEqual(callBound(n, pagesOf(m)));
      }
    }
  });

  it("costs one look-up for a single read", async () => {
    const { api, calls } = fakeOrganization(Array.from({ length: 5000 }, (_, i) => OWNER_TAG_KEYS[1 + (i % 8)]));
    await new MemberReader(api).read(FIRST_UIN + 17);
    expect(calls).toEqual([`lookUp ${FIRST_UIN + 17}`]);
  });

  it("costs the size and the nine first marker-key pages for 200 marked members of 5,000 read together", async () => {
    const markings = Array.from({ length: 5000 }, (_, i) => (i < 200 ? OWNER_TAG_KEYS[1 + (i % 8)] : undefined));
    const { api, calls } = fakeOrganization(markings);
    const uins = Array.from({ length: 200 }, (_, i) => FIRST_UIN + i);
    await readInGroups(new MemberReader(api), uins, [200], 0);
    expect(calls).toEqual(["page 0", ...OWNER_TAG_KEYS.map((key) => `${key} 0`)]);
  });

  it("fetches the further pages of a marker key when its first page does not hold them all", async () => {
    // 1,000 members under one shard: 20 pages of it, fetched together after the first.
    const markings = Array.from({ length: 5000 }, (_, i) => (i < 1000 ? OWNER_TAG_KEYS[3] : undefined));
    const { api, calls } = fakeOrganization(markings);
    const uins = Array.from({ length: 1000 }, (_, i) => FIRST_UIN + i);
    await readInGroups(new MemberReader(api), uins, [1000], 0);
    expect(calls.length).toBe(1 + 9 + 19);
  });

  it("confirms a member missing from the full listing with a direct look-up before calling it gone", async () => {
    const { api, calls, members } = fakeOrganization(
      Array.from({ length: 120 }, () => undefined),
      { skippedByListing: [FIRST_UIN + 50] },
    );
    const reader = new MemberReader(api);
    const uins = members.map((m) => m.memberUin);
    const results = await readInGroups(reader, [...uins, 999999], [200], 0);
    expect(results.slice(0, 120)).toEqual(members);
    expect(results[120]).toBeUndefined();
    expect(calls).toContain(`lookUp ${FIRST_UIN + 50}`);
    expect(calls).toContain("lookUp 999999");
  });

  it("fails the reads waiting on a failed listing page, and the next read fetches it again", async () => {
    const { api, calls } = fakeOrganization(
      Array.from({ length: 120 }, () => undefined),
      { failingKind: "page", failingCalls: [1] },
    );
    const reader = new MemberReader(api);
    const uins = Array.from({ length: 100 }, (_, i) => FIRST_UIN + i);
    const first = await Promise.allSettled(uins.map((uin) => reader.read(uin)));
    expect(first.every((r) => r.status === "rejected" && /InternalError/.test(String(r.reason)))).toBe(true);
    const again = await Promise.all(uins.map((uin) => reader.read(uin)));
    expect(again.map((m) => m?.memberUin)).toEqual(uins);
    expect(calls.filter((c) => c === "page 0")).toHaveLength(2);
  });

  it("fails only the read whose look-up failed", async () => {
    const { api } = fakeOrganization([undefined, undefined], { failingKind: "lookUp", failingCalls: [1] });
    const reader = new MemberReader(api);
    const [a, b] = await Promise.allSettled([reader.read(FIRST_UIN), reader.read(FIRST_UIN + 1)]);
    expect(a.status).toBe("rejected");
    expect(b).toMatchObject({ status: "fulfilled", value: { memberUin: FIRST_UIN + 1 } });
    expect(await reader.read(FIRST_UIN)).toMatchObject({ memberUin: FIRST_UIN });
  });

  it("answers every read when the marker-key listing fails, within the bound", async () => {
    const markings = Array.from({ length: 1000 }, (_, i) => OWNER_TAG_KEYS[1 + (i % 8)]);
    const { api, members, calls } = fakeOrganization(markings, { failingKind: "tagged", failingCalls: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
    const uins = Array.from({ length: 100 }, (_, i) => FIRST_UIN + i);
    expect(await readInGroups(new MemberReader(api), uins, [100], 0)).toEqual(members.slice(0, 100));
    expect(calls.length).toBeLessThanOrEqual(callBound(100, 20));
  });

  it("never answers a read after invalidate() from what was fetched before", async () => {
    const markings = Array.from({ length: 300 }, (_, i) => OWNER_TAG_KEYS[1 + (i % 8)]);
    const { api, members, calls } = fakeOrganization(markings);
    const reader = new MemberReader(api);
    const uins = members.map((m) => m.memberUin);
    await readInGroups(reader, uins, [300], 0);
    members[0].name = "renamed";
    reader.invalidate();
    const before = calls.length;
    expect(await reader.read(FIRST_UIN)).toMatchObject({ name: "renamed" });
    expect(calls.length).toBe(before + 1);
  });
});

describe("refreshing N members of an organization of 500 reads at most 2·min(N, 10) + 2 pages", () => {
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

// What a refresh costs against the emulator, counted in DescribeOrganizationMembers calls. Every
// scenario must stay within the ski-rental bound 2·min(N, ⌈M/50⌉) + 2; the ones where the reads
// arrive together and the members carry the ownership marker must cost about ⌈K/50⌉ + the nine
// first pages of the marker keys (K: members carrying a marker key).

/** The refresh bound every scenario must respect. */
const bound = (n: number, m: number) => 2 * Math.min(n, Math.ceil(m / 50)) + 2;

type EmulatorMarking = "shard" | "legacy" | "none";

/** Adds `count` members the way this provider (or 0.1.0, or an adoption) leaves them; returns their UINs. */
function addMembers(h: ProviderHarness, count: number, marking: (i: number) => EmulatorMarking, prefix: string): number[] {
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
