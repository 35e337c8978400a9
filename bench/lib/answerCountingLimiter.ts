/**
 * The 0.1.0 rate limiter, verbatim apart from this comment and its name: a call holds its slot from
 * send until its answer + 1 s. Kept only so the benchmark measures before and after in one run.
 */
export class AnswerCountingLimiter {
  private readonly slots = new Map<string, { until: number }[]>();
  private readonly queues = new Map<string, Promise<unknown>>();

  /**
   * @param perWindow calls allowed per action in any window; 0 turns limiting off. @default 20
   * @param windowMs the window. @default 1000
   */
  constructor(
    private readonly perWindow = 20,
    private readonly windowMs = 1000,
    private readonly now: () => number = () => performance.now(), // monotonic: a clock jump frees no slot
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * Resolves when one more `action` call fits, with a function to call when its answer (or
   * failure) has arrived. Concurrent callers are served in arrival order.
   */
  acquire(action: string): Promise<() => void> {
    if (this.perWindow <= 0) return Promise.resolve(() => {});
    const previous = this.queues.get(action) ?? Promise.resolve();
    const next = previous.then(() => this.takeSlot(action));
    this.queues.set(action, next);
    return next;
  }

  private async takeSlot(action: string): Promise<() => void> {
    const slots = this.slots.get(action) ?? [];
    this.slots.set(action, slots);
    for (;;) {
      const now = this.now();
      for (let i = slots.length - 1; i >= 0; i--) if (slots[i].until <= now) slots.splice(i, 1);
      if (slots.length < this.perWindow) {
        const slot = { until: Infinity }; // in flight: occupied until answered
        slots.push(slot);
        return () => {
          slot.until = this.now() + this.windowMs;
        };
      }
      const soonest = Math.min(...slots.map((s) => s.until));
      // All slots in flight: poll shortly, an answer will free one.
      await this.sleep(Number.isFinite(soonest) ? soonest - now + 1 : 10);
    }
  }
}
