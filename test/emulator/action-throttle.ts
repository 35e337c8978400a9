/**
 * Per action, per SecretId sliding one-second window: the documented "20 requests per second", or the action's own
 * documented figure where its API page gives another one.
 */
import { performance } from "node:perf_hooks";

/**
 * Actions whose API page documents a limit other than the 20 per second of the others: DescribeOrganization, "A maximum
 * of 40 requests can be initiated per second for this API" (page 850/67059; the project's reference `tencent-refusals.md`,
 * "Rate limits").
 */
export const DOCUMENTED_ACTION_LIMITS: Readonly<Record<string, number>> = { DescribeOrganization: 40 };

/** Sliding-window throttle keyed by (SecretId, action): what Tencent answers RequestLimitExceeded from. */
export class ActionThrottle {
  private readonly windows = new Map<string, number[]>();

  /**
   * @param limitPerSecond - calls allowed in any one-second window for an action without its own limit; 0 disables
   *   limiting altogether (own limits included)
   * @param ownLimits - actions with their own documented limit, which `limitPerSecond` does not change
   * @param monotonicNow - ms clock; monotonic so that wall-clock test clocks cannot stall it
   */
  constructor(
    private readonly limitPerSecond: number,
    private readonly ownLimits: Readonly<Record<string, number>> = DOCUMENTED_ACTION_LIMITS,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** Records the call and says whether it fits in the window; refused calls do not use up the window. */
  admit(secretId: string, action: string): boolean {
    const limit = this.limitFor(action);
    if (limit <= 0) return true;
    const key = `${secretId}\u0000${action}`;
    const now = this.monotonicNow();
    const recent = (this.windows.get(key) ?? []).filter((t) => now - t < 1000);
    const admitted = recent.length < limit;
    if (admitted) recent.push(now);
    this.windows.set(key, recent);
    return admitted;
  }

  /** Calls of `action` allowed per second per SecretId; 0 = not limited. */
  limitFor(action: string): number {
    if (this.limitPerSecond <= 0) return 0;
    return Object.hasOwn(this.ownLimits, action) ? this.ownLimits[action] : this.limitPerSecond;
  }

  clear(): void {
    this.windows.clear();
  }
}
