/**
 * Read-backs that are about to arrive together: the lifecycle announces each change whose read-back
 * will follow (a create, an update), and a shared reader about to send a step waits for the
 * announced read-backs to arrive — so the read-backs of changes answered together (the rate
 * limiter sends creates in bursts, answered together) share one step instead of one call each.
 *
 * It waits only when enough read-backs are about to meet for sharing to save calls (members: more
 * than their eight marker keys; departments and policies, whose one listing serves all: two).
 * The wait is short and bounded: at most half a call's latency (the reader's last step, or the
 * change's own latency before it has timed one) and never more than GATHER_CAP_MS, so no read-back
 * waits for a change sent after it. The bound ends when the clock's sleep does, so a test's clock
 * decides it, not wall time.
 */
import type { Clock } from "./call/clock";

/**
 * The longest a read waits for the read-backs of other changes to join it. Answers to calls sent
 * together (one burst of the rate limiter) arrive within the network's jitter, tens of ms; the
 * next burst is sent a second later, and no read-back should wait for it.
 */
export const GATHER_CAP_MS = 100;

export class Gathering {
  /** Changes whose read-back is still to come. */
  private expected = 0;
  /** Wake every waiting `gather` when an announced read-back arrives or its change fails. */
  private sleepers: (() => void)[] = [];
  /** A call's latency as this process sees it (ms); unknown until a step or a change was timed. */
  private callMs?: number;

  /**
   * @param worthWaitingFor how many read-backs (waiting and announced) must be about to meet for a
   * shared step to save calls; fewer, and waiting would only add latency. @default 2
   */
  constructor(
    private readonly clock: Clock,
    private readonly worthWaitingFor = 2,
  ) {}

  /**
   * Announces a change whose read-back will follow. Call the function returned once the read-back
   * is asked (with the change's latency, which stands for a call's until a step was timed) or
   * the change failed; a second call does nothing.
   */
  expect(): (latencyMs?: number) => void {
    this.expected++;
    let settled = false;
    return (latencyMs) => {
      if (settled) return;
      settled = true;
      this.expected--;
      if (this.callMs === undefined && latencyMs !== undefined) this.callMs = latencyMs;
      this.wakeAll();
    };
  }

  /**
   * Waits, while announced read-backs are still to come, for them to arrive: at most the limit, and
   * only when the `waiting` reads and those announced are enough to be worth it.
   */
  async gather(waiting = 1): Promise<void> {
    const limitMs = Math.min(GATHER_CAP_MS, (this.callMs ?? 0) / 2);
    if (limitMs <= 0 || this.expected === 0 || waiting + this.expected < this.worthWaitingFor) return;
    let timedOut = false;
    void this.clock.sleep(limitMs).then(() => {
      timedOut = true;
      this.wakeAll();
    });
    while (this.expected > 0 && !timedOut) {
      await new Promise<void>((resolve) => this.sleepers.push(resolve));
    }
  }

  private wakeAll(): void {
    for (const wake of this.sleepers.splice(0)) wake();
  }

  /** Times `step` as a call's latency. */
  async time<T>(step: () => Promise<T>): Promise<T> {
    const started = this.clock.now();
    try {
      return await step();
    } finally {
      this.callMs = this.clock.now() - started;
    }
  }
}
