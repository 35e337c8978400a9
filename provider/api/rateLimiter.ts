/**
 * Keeps the calls of each API action within Tencent's documented limit (20 per second) for the
 * whole provider process — all resources of one `pulumi up` share one budget — and gives way when
 * someone else spends the same budget (another stack, another tool on the same root account).
 *
 * **Sends are counted, not answers.** Tencent counts a call when it arrives. Holding a slot until
 * the answer (as this limiter once did) made throughput 20 / (1 s + latency): 2.8× the floor at
 * 1.5 s per call. A call's processing time does not matter to the window; only the difference in
 * one-way network delay between two calls does. So: at most `limit` sends in any window of
 * `windowMs + marginMs`, sends allowed in bursts.
 *
 * **The margin.** Call k and call k+20 can reach Tencent less than a second apart only if call k's
 * trip took longer than call k+20's by more than the margin. On a warm keep-alive connection that
 * jitter is a few milliseconds to a few tens; a call that must first open a TLS connection is late
 * by a handshake (two or three round trips), which no fixed margin covers without giving up a
 * large share of the budget every second. 50 ms (19.0 calls/s) covers the common jitter for 5% of
 * the budget; the rare late handshake is what adaptation is for.
 *
 * **Adaptation (AIMD, as TCP).** A `RequestLimitExceeded*` answer means the budget is smaller than
 * we think — someone else spends it, or our margin was short. The action's allowance is halved,
 * once per congestion event: throttled answers to calls sent before the last cut are the same
 * event, not news. Every answer to a call sent after the cut adds 1/allowance, i.e. about one call
 * per window while the budget is used: back from 10 to 20 in about ten windows. Two processes
 * sharing one budget converge to about half each, as TCP flows share a link.
 *
 * The decisions are pure functions of a budget, a policy and a time, table-tested; the class only
 * keeps one budget per action and sleeps. Clock and sleep are injected.
 */

/** How an action's budget behaves. */
export interface LimiterPolicy {
  /** Calls allowed per window by Tencent; 0 turns limiting off. @default 20 */
  limit: number;
  /** Tencent's window in ms. @default 1000 */
  windowMs: number;
  /** Added to the window when counting sends, for network jitter. @default 50 */
  marginMs: number;
  /** Factor applied to the allowance on a new throttling event. @default 0.5 */
  decrease: number;
  /** Smallest allowance per window. @default 1 */
  minimum: number;
  /** Least time between two sends of one action, so a burst does not queue up in our own process. @default 0 */
  minGapMs: number;
}

/** The defaults: Tencent's 20 per second, counted over 1.05 s, halved on throttling. */
export const DEFAULT_LIMITER_POLICY: LimiterPolicy = { limit: 20, windowMs: 1000, marginMs: 50, decrease: 0.5, minimum: 1, minGapMs: 0 };

/** What the limiter knows about one action. */
export interface ActionBudget {
  /** Calls allowed per (window + margin) now; fractional while recovering, `limit` at most. */
  allowance: number;
  /** Send times (monotonic ms) of the calls within the last window + margin, oldest first. */
  sends: number[];
  /** When the allowance was last cut (−Infinity: never). */
  lastCutAt: number;
}

/** A fresh budget: the whole limit, nothing sent. */
export function freshBudget(policy: LimiterPolicy): ActionBudget {
  return { allowance: policy.limit, sends: [], lastCutAt: -Infinity };
}

/** Send times still inside the counting window at `now`. */
export function recentSends(budget: ActionBudget, policy: LimiterPolicy, now: number): number[] {
  const span = policy.windowMs + policy.marginMs;
  const first = budget.sends.findIndex((t) => now - t < span);
  return first < 0 ? [] : budget.sends.slice(first);
}

/**
 * Milliseconds to wait before one more call may be sent at `now` (0: send now). With `allowance`
 * calls allowed per span, the next send must come one span after the allowance-th most recent one.
 */
export function waitBeforeSend(budget: ActionBudget, policy: LimiterPolicy, now: number): number {
  if (policy.limit <= 0) return 0;
  const allowed = Math.max(policy.minimum, Math.floor(budget.allowance));
  const recent = recentSends(budget, policy, now);
  const gap = recent.length > 0 ? Math.max(0, recent[recent.length - 1] + policy.minGapMs - now) : 0;
  if (recent.length < allowed) return gap;
  const span = policy.windowMs + policy.marginMs;
  return Math.max(gap, recent[recent.length - allowed] + span - now);
}

/** The budget after a call is sent at `now` (old send times dropped). */
export function afterSend(budget: ActionBudget, policy: LimiterPolicy, now: number): ActionBudget {
  return { ...budget, sends: [...recentSends(budget, policy, now), now] };
}

/**
 * The budget after the call sent at `sentAt` was refused with a throttling code at `now`:
 * cut once per congestion event (calls sent before the last cut belong to the event already cut for).
 */
export function afterThrottled(budget: ActionBudget, policy: LimiterPolicy, sentAt: number, now: number): ActionBudget {
  if (sentAt < budget.lastCutAt) return budget;
  return { ...budget, allowance: Math.max(policy.minimum, budget.allowance * policy.decrease), lastCutAt: now };
}

/**
 * The budget after the call sent at `sentAt` was answered (anything but throttling): additive
 * recovery, about one call per window, counting only calls sent under the current allowance.
 */
export function afterAnswered(budget: ActionBudget, policy: LimiterPolicy, sentAt: number): ActionBudget {
  if (budget.allowance >= policy.limit || sentAt < budget.lastCutAt) return budget;
  return { ...budget, allowance: Math.min(policy.limit, budget.allowance + 1 / budget.allowance) };
}

/** How a call sent through the limiter ended. */
export type CallOutcome = "answered" | "throttled";

/** What the API client needs of a limiter: a send permit, and a report of how the call ended. */
export interface CallLimiter {
  /** Resolves when one more `action` call may be sent, with the function to call once it is answered. */
  acquire(action: string): Promise<(outcome?: CallOutcome) => void>;
}

/** One budget per action, shared by every resource of the provider process. */
export class RateLimiter implements CallLimiter {
  private readonly policy: LimiterPolicy;
  private readonly budgets = new Map<string, ActionBudget>();
  private readonly queues = new Map<string, Promise<unknown>>();

  /**
   * @param policy the budget per action; a number is the limit per second (0 turns limiting off)
   * @param now monotonic ms clock: a wall-clock jump frees no budget
   * @param sleep waits `ms`
   */
  constructor(
    policy: Partial<LimiterPolicy> | number = {},
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.policy = { ...DEFAULT_LIMITER_POLICY, ...(typeof policy === "number" ? { limit: policy } : policy) };
  }

  /**
   * Resolves when one more `action` call may be sent (concurrent callers in arrival order), with
   * the function to call once the call has ended, saying whether Tencent throttled it.
   */
  acquire(action: string): Promise<(outcome?: CallOutcome) => void> {
    if (this.policy.limit <= 0) return Promise.resolve(() => {});
    const previous = this.queues.get(action) ?? Promise.resolve();
    const next = previous.then(() => this.send(action));
    this.queues.set(action, next);
    return next;
  }

  /** The action's budget now, for logs, tests and the benchmark. */
  budget(action: string): ActionBudget {
    return this.budgets.get(action) ?? freshBudget(this.policy);
  }

  private async send(action: string): Promise<(outcome?: CallOutcome) => void> {
    for (let wait = waitBeforeSend(this.budget(action), this.policy, this.now()); wait > 0; ) {
      await this.sleep(wait);
      wait = waitBeforeSend(this.budget(action), this.policy, this.now());
    }
    const sentAt = this.now();
    this.budgets.set(action, afterSend(this.budget(action), this.policy, sentAt));
    let ended = false;
    return (outcome = "answered") => {
      if (ended) return;
      ended = true;
      const budget = this.budget(action);
      this.budgets.set(
        action,
        outcome === "throttled" ? afterThrottled(budget, this.policy, sentAt, this.now()) : afterAnswered(budget, this.policy, sentAt),
      );
    };
  }
}
