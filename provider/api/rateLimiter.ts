/**
 * Keeps calls of each API action within Tencent's documented limit (20 per second) for the whole
 * provider process, so that all resources of one `pulumi up` share one budget.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private readonly queues = new Map<string, Promise<void>>();

  /**
   * @param perSecond calls allowed per action in any window of `windowMs`. @default 20
   * @param windowMs the window; a little over a second absorbs clock and network skew between
   *   this process and Tencent's counter. @default 1100
   */
  constructor(
    private readonly perSecond = 20,
    private readonly windowMs = 1100,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when one more `action` call fits in the window, and counts it. */
  acquire(action: string): Promise<void> {
    if (this.perSecond <= 0) return Promise.resolve();
    // Chain per action so that concurrent callers take slots in arrival order.
    const previous = this.queues.get(action) ?? Promise.resolve();
    const next = previous.then(() => this.takeSlot(action));
    this.queues.set(action, next);
    return next;
  }

  private async takeSlot(action: string): Promise<void> {
    const times = this.recent.get(action) ?? [];
    this.recent.set(action, times);
    for (;;) {
      const now = this.now();
      while (times.length > 0 && times[0] <= now - this.windowMs) times.shift();
      if (times.length < this.perSecond) {
        times.push(now);
        return;
      }
      await this.sleep(times[0] + this.windowMs - now + 1);
    }
  }
}
