/**
 * Per action, per SecretId sliding one-second window: the documented "20 requests per second".
 */
import { performance } from "node:perf_hooks";

/** Sliding-window throttle keyed by (SecretId, action): what Tencent answers RequestLimitExceeded from. */
export class ActionThrottle {
  private readonly windows = new Map<string, number[]>();

  /**
   * @param limitPerSecond - calls allowed in any one-second window; 0 disables limiting
   * @param monotonicNow - ms clock; monotonic so that wall-clock test clocks cannot stall it
   */
  constructor(
    private readonly limitPerSecond: number,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** Records the call and says whether it fits in the window; refused calls do not use up the window. */
  admit(secretId: string, action: string): boolean {
    if (this.limitPerSecond <= 0) return true;
    const key = `${secretId}\u0000${action}`;
    const now = this.monotonicNow();
    const recent = (this.windows.get(key) ?? []).filter((t) => now - t < 1000);
    const admitted = recent.length < this.limitPerSecond;
    if (admitted) recent.push(now);
    this.windows.set(key, recent);
    return admitted;
  }

  /** The configured limit. */
  get limit(): number {
    return this.limitPerSecond;
  }

  clear(): void {
    this.windows.clear();
  }
}
