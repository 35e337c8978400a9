/**
 * What creating many members at once costs: one CreateOrganizationMember each, and read-backs
 * shared through the operation's reader — the members created together are read back from their
 * marker keys' listings, a handful of DescribeOrganizationMembers calls, not one look-up each.
 *
 * Against the emulator through the real SDK. Timing is taken out of the count: Tencent's rate
 * limit is off (emulator and provider), and the provider's clock never wakes a sleeper, so a
 * read-back waits for every announced create (no deadline passes) — what a burst of creates
 * answered together gets. `readBack` of the real clock is exercised by the benchmark.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../../../provider/api/call/clock";
import { PAGE_SIZE } from "../../../provider/api/members";
import { ResourceInitError } from "../../../provider/core/errors";
import { OWNER_TAG_KEYS } from "../../../provider/core/tags";
import { fromSettings } from "../../../provider/kit/lifecycle";
import { MemberLifecycle } from "../../../provider/member/lifecycle";
import { RateLimiter } from "../../../provider/api/call/rateLimiter";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { NEVER_WAKING, checked, emulatorSettings, fakeClock } from "../support/harness";
import { callsSince } from "../../support/emulatorState";

let emulator: RunningEmulator;
let logs: string[];
let provider: MemberLifecycle;

/** A provider process (one operation) on `clock`, without a rate limit. */
const providerOn = (clock: Clock) =>
  new MemberLifecycle(
    fromSettings(emulatorSettings(emulator), { logger: { info: (m: string) => logs.push(m) }, clock, limiter: new RateLimiter(0) }),
  );

beforeAll(async () => {
  emulator = await startEmulator({ rateLimitPerSecond: 0, memberLimit: 10_000, seedMembers: 1000 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.admin.reset();
  logs = [];
  provider = providerOn(NEVER_WAKING);
});

const declaration = (i: number) =>
  checked({ name: `dev-${i}`, permissionIds: [1, 2], nodeId: 100001, ownerMarker: `proj/dev/m${i}`, tags: { team: `t${i % 7}` } });

/** Σ over marker keys of max(1, ⌈members carrying it / 50⌉): the pages of the keys' listings. */
function markerPages(memberUins: ReadonlySet<number>): number {
  const perKey = new Map<string, number>();
  for (const member of emulator.admin.members().filter((m) => memberUins.has(m.memberUin))) {
    for (const tag of member.tags) if (OWNER_TAG_KEYS.includes(tag.TagKey)) perKey.set(tag.TagKey, (perKey.get(tag.TagKey) ?? 0) + 1);
  }
  return [...perKey.values()].reduce((sum, k) => sum + Math.max(1, Math.ceil(k / PAGE_SIZE)), 0);
}

describe("200 members created at once, in an organization of 1,000", () => {
  it("cost 200 creates and the marker keys' pages: a handful of listings for every read-back", async () => {
    const before = { ...emulator.admin.counters() };
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => provider.create(declaration(i))));
    const calls = callsSince(emulator, before);

    const created = new Set(results.map((r) => Number(r.id)));
    expect(created.size).toBe(200);
    const bound = markerPages(created);
    // The eight shard keys hold about 25 members each: one page per key.
    expect(bound).toBeLessThanOrEqual(OWNER_TAG_KEYS.length - 1 + 2);
    expect(calls.CreateOrganizationMember).toBe(200);
    expect(calls.DescribeOrganizationMembers).toBeLessThanOrEqual(bound);
    expect(Object.keys(calls).sort()).toEqual(["CreateOrganizationMember", "DescribeOrganizationMembers"]);
    console.log(`200 concurrent creates: ${JSON.stringify(calls)} (bound: ${bound} marker-key pages)`);

    // Each read-back is the member it created, as Tencent reports it.
    results.forEach((r, i) => {
      expect(r.outs).toMatchObject({ memberUin: Number(r.id), name: `dev-${i}`, nodeName: "Engineering", tags: { team: `t${i % 7}` } });
    });
    expect(emulator.admin.members().filter((m) => m.name.startsWith("dev-"))).toHaveLength(200);
  });

  it("a create that fails releases its announcement: the others' read-backs do not wait for it", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "error", code: "FailedOperation.OrganizationPolicyIllegal" });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => provider.create(declaration(i))));
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(4);
  });

  // Retries wait on the clock: these run on one whose sleeps return at once.
  it("a read-back whose listing answer is lost is asked again; the member is created once", async () => {
    provider = providerOn(fakeClock());
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "http502", count: 2 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => provider.create(declaration(i))));
    expect(new Set(results.map((r) => r.id)).size).toBe(20);
    expect(emulator.admin.members().filter((m) => m.name.startsWith("dev-"))).toHaveLength(20);
  });

  it("a read-back that cannot be answered fails with the id of the member that exists, which is never created again", async () => {
    provider = providerOn(fakeClock());
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "error", code: "InternalError", count: 1000 });
    const error = await provider.create(declaration(1)).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    const [member] = emulator.admin.members().filter((m) => m.name === "dev-1");
    expect(error.id).toBe(String(member.memberUin));
    expect(error.properties).toMatchObject({ memberUin: member.memberUin });
    expect(emulator.admin.counters().CreateOrganizationMember).toBe(1);
  });
});
