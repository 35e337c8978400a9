/**
 * What creating many policies at once costs: one CreatePolicy each, and read-backs that share the
 * operation's ListPolicies listing (with the document just sent: ListPolicies carries none). As in
 * test/provider/member/readBack.test.ts, timing is taken out of the count: no rate limit, and a
 * clock whose sleeps never end, so a read-back waits for every announced create.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimiter } from "../../../provider/api/call/rateLimiter";
import { fromSettings } from "../../../provider/kit/lifecycle";
import { checkPolicy } from "../../../provider/policy/check";
import { PolicyLifecycle } from "../../../provider/policy/lifecycle";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { callsSince } from "../../support/emulatorState";
import { NEVER_WAKING, emulatorSettings } from "../support/harness";

const DENY_RUN = { version: "2.0", statement: [{ effect: "deny", action: ["cvm:RunInstances"], resource: "*" }] };

let emulator: RunningEmulator;
let provider: PolicyLifecycle;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimitPerSecond: 0, enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"] });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.admin.reset();
  provider = new PolicyLifecycle(
    fromSettings(emulatorSettings(emulator), { logger: { info: () => {} }, clock: NEVER_WAKING, limiter: new RateLimiter(0) }),
  );
});

const policy = (i: number) => {
  const { inputs, failures } = checkPolicy({}, { name: `deny_${i}`, content: DENY_RUN, ownerMarker: `proj/dev/p${i}` });
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
};

describe("20 policies created at once", () => {
  it("cost 20 CreatePolicy and one ListPolicies that reads them all back, no DescribePolicy", async () => {
    const before = { ...emulator.admin.counters() };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => provider.create(policy(i))));
    expect(callsSince(emulator, before)).toEqual({ CreatePolicy: 20, ListPolicies: 1 });
    results.forEach((r, i) => {
      expect(r.outs).toMatchObject({
        policyId: Number(r.id),
        name: `deny_${i}`,
        type: "SERVICE_CONTROL_POLICY",
        content: policy(i).content,
      });
    });
  });
});
