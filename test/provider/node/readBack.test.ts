/**
 * What creating many departments at once costs: one AddOrganizationNode each, and read-backs that
 * share the operation's department listing. As in test/provider/member/readBack.test.ts, timing is
 * taken out of the count: no rate limit, and a clock whose sleeps never end, so a read-back waits
 * for every announced create (what a burst of creates answered together gets).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimiter } from "../../../provider/api/call/rateLimiter";
import { fromSettings } from "../../../provider/kit/lifecycle";
import { checkNode } from "../../../provider/node/check";
import { NodeLifecycle } from "../../../provider/node/lifecycle";
import { ENGINEERING_NODE_ID as ENGINEERING, startEmulator, type RunningEmulator } from "../../emulator";
import { callsSince } from "../../support/emulatorState";
import { NEVER_WAKING, emulatorSettings } from "../support/harness";

let emulator: RunningEmulator;
let provider: NodeLifecycle;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimitPerSecond: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.admin.reset();
  provider = new NodeLifecycle(
    fromSettings(emulatorSettings(emulator), { logger: { info: () => {} }, clock: NEVER_WAKING, limiter: new RateLimiter(0) }),
  );
});

const department = (i: number) => {
  const { inputs, failures } = checkNode({}, { name: `team-${i}`, parentNodeId: ENGINEERING, ownerMarker: `proj/dev/team-${i}` });
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
};

describe("40 departments created at once", () => {
  it("cost 40 AddOrganizationNode and one listing that reads them all back", async () => {
    const before = { ...emulator.admin.counters() };
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => provider.create(department(i))));
    const calls = callsSince(emulator, before);
    // 43 departments (the root, Engineering, Finance and the 40): one page of 50.
    expect(calls).toEqual({ AddOrganizationNode: 40, DescribeOrganizationNodes: 1 });
    results.forEach((r, i) => {
      expect(r.outs).toMatchObject({ nodeId: Number(r.id), name: `team-${i}`, parentNodeId: ENGINEERING });
    });
  });

  it("a create that fails releases its announcement: the others' read-backs do not wait for it", async () => {
    emulator.admin.injectFault({ action: "AddOrganizationNode", mode: "error", code: "LimitExceeded.NodeExceedLimit" });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => provider.create(department(i))));
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(4);
  });
});
