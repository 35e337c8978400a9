import { describe, expect, it } from "vitest";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, treatmentOf, withRetry, type RetryDecisions } from "../../../../provider/api/call/retry";
import { fakeClock } from "../../support/harness";

describe("retry decisions", () => {
  it.each([
    ["RequestLimitExceeded", "throttled"],
    ["RequestLimitExceeded.UinLimitExceeded", "throttled"],
    ["InternalError", "ambiguous"],
    ["FailedOperation.OrganizationMemberNameUsed", "final"],
    ["AuthFailure.SignatureFailure", "final"],
  ])("%s is %s", (code, treatment) => {
    expect(treatmentOf({ kind: "api", code, message: "" })).toBe(treatment);
  });

  it("backs off exponentially with full jitter, capped", () => {
    const top = () => 0.999999;
    expect(backoffDelayMs(1, DEFAULT_RETRY_POLICY, top)).toBe(249);
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, top)).toBe(999);
    expect(backoffDelayMs(20, DEFAULT_RETRY_POLICY, top)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs - 1);
    expect(backoffDelayMs(5, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });
});

describe("one retry loop with injected decisions", () => {
  // An operation that fails `failures` times, then succeeds; it counts its attempts.
  const failing = (failures: number) => {
    const attempt = { count: 0 };
    const run = async (n: number) => {
      attempt.count = n;
      if (n <= failures) throw new Error(`failure ${n}`);
      return "done";
    };
    return { attempt, run };
  };
  const decisions = (overrides: Partial<RetryDecisions> = {}): RetryDecisions => ({
    retryable: () => true,
    exhausted: (attempt) => attempt >= 4,
    delayMs: (attempt) => 100 * attempt,
    ...overrides,
  });

  it("retries until the operation succeeds, waiting on the injected clock only", async () => {
    const clock = fakeClock();
    const { attempt, run } = failing(2);
    await expect(withRetry(run, decisions(), clock)).resolves.toBe("done");
    expect(attempt.count).toBe(3);
    expect(clock.waited).toBe(100 + 200);
  });

  it("stops when the decisions say so, and the final error records the attempts", async () => {
    const { attempt, run } = failing(10);
    const giveUp = (error: unknown, attempts: number) => new Error(`${(error as Error).message} after ${attempts} attempts`);
    await expect(withRetry(run, decisions({ giveUp }), fakeClock())).rejects.toThrow("failure 4 after 4 attempts");
    expect(attempt.count).toBe(4);
  });

  it("never retries what is not retryable", async () => {
    const clock = fakeClock();
    const { attempt, run } = failing(10);
    await expect(withRetry(run, decisions({ retryable: () => false }), clock)).rejects.toThrow("failure 1");
    expect(attempt.count).toBe(1);
    expect(clock.waited).toBe(0);
  });

  it("can stop on elapsed time instead of attempts, as the deletion review wait does", async () => {
    const { attempt, run } = failing(100);
    const byTime = decisions({ exhausted: (_attempt, elapsedMs) => elapsedMs >= 1000, delayMs: () => 300 });
    await expect(withRetry(run, byTime, fakeClock())).rejects.toThrow();
    expect(attempt.count).toBe(5); // waits at 0, 300, 600, 900 ms; the 5th failure comes at 1200 ms
  });
});
