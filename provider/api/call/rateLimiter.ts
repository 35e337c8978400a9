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
 * **A send is when the request is written to the socket**, not when the limiter grants it: a
 * request can wait in the connection pool, behind TLS, or behind a busy event loop (signing, the
 * engine's own work) for hundreds of ms, and the window must count what actually left. The
 * transport reports the write (`written()` on the permit); until then a granted call counts as
 * leaving *now*, so no window can ever hold more than the allowance of writes (proof: take the
 * last-granted call of any window; at its grant every other call of that window was either
 * written inside the span or still unsent, and both were counted). A call that ends without a
 * reported write (a client without the transport hook) counts from its grant, as before.
 *
 * **Bursts until the first throttle, then even spacing (adaptive, the default).** Tencent counts a
 * sliding (or fixed) second; 20 sends at once and 20 sends 52 ms apart leave the same margin
 * between call k and call k+20 (50 ms), so spacing does not make a throttle less likely in steady
 * state — but it costs a whole window at the end of every job (the N-th call leaves at (N−1)/20
 * windows instead of ⌊(N−1)/20⌋). Where they differ is arrival jitter: a burst of 20 requests
 * signed and written together by a busy process (the engine's work shares its cores) reaches
 * Tencent spread over tens of ms, and a late first call of one burst and an early last call of the
 * next can fall in one second. Measured (bench/REPORT.md): bursts 1.09–1.65× the floor with up to
 * 2.4 % throttled at 50 ms on a loaded machine, even spacing 1.10× with none, and at 1.5 s bursts
 * 1.11×, even spacing 1.22×. So an action sends in bursts while it has never been throttled in
 * this process — the cheap case, no jitter problem seen — and evenly spaced from its first
 * throttle on: jitter of that size is then known to exist here. That first throttle only changes
 * the spacing, not the allowance (below): cutting it too cost a run at 1.5 s 1.46× instead of
 * 1.11× for one jitter event. `spacing` forces bursts or even spacing.
 *
 * **Adaptation (AIMD, as TCP).** A `RequestLimitExceeded*` answer (after the first, with adaptive
 * spacing) means the budget is smaller than we think — someone else spends it, or our margin was short. An isolated throttle (no cut in the
 * last `isolationMs`) is most likely our own jitter: the allowance is cut gently (×0.7); a throttle
 * soon after a cut means someone else spends the budget: halved. Once per congestion event:
 * throttled answers to calls sent before the last cut are the same event, not news. Every answer to a call sent after the cut adds 1/allowance, i.e. about one call
 * per window while the budget is used: back from 10 to 20 in about ten windows. Two processes
 * sharing one budget converge to about half each, as TCP flows share a link.
 *
 * The decisions are pure functions of a budget, a policy and a time, table-tested; the class only
 * keeps one budget per action and sleeps. Clock and sleep are injected.
 */
import { type Clock, SYSTEM_CLOCK } from "./clock";

/** How an action's budget behaves. */
export interface LimiterPolicy {
  /** Calls allowed per window by Tencent; 0 turns limiting off. @default 20 */
  limit: number;
  /** Tencent's window in ms. @default 1000 */
  windowMs: number;
  /** Added to the window when counting sends, for network jitter. @default 50 */
  marginMs: number;
  /** Factor applied to the allowance on a throttle that follows another cut within `isolationMs`. @default 0.5 */
  decrease: number;
  /** Factor applied to the allowance on an isolated throttle (no cut within `isolationMs`). @default 0.7 */
  isolatedDecrease: number;
  /** How long after a cut a new throttle still counts as congestion rather than an isolated one. @default 5000 */
  isolationMs: number;
  /** Smallest allowance per window. @default 1 */
  minimum: number;
  /** Least time between two grants of one action. @default 0 */
  minGapMs: number;
  /**
   * `bursts`: up to the allowance at once; `even`: grants (window + margin) / allowance apart;
   * `adaptive`: bursts until the action is first throttled, even from then on. @default "adaptive"
   */
  spacing: "bursts" | "even" | "adaptive";
}

/** The defaults: Tencent's 20 per second, counted over 1.05 s, bursts allowed, ×0.7 then ×0.5 on throttling. */
export const DEFAULT_LIMITER_POLICY: LimiterPolicy = {
  limit: 20,
  windowMs: 1000,
  marginMs: 50,
  decrease: 0.5,
  isolatedDecrease: 0.7,
  isolationMs: 5000,
  minimum: 1,
  minGapMs: 0,
  spacing: "adaptive",
};

/** What the limiter knows about one action. */
export interface ActionBudget {
  /** Calls allowed per (window + margin) now; fractional while recovering, `limit` at most. */
  allowance: number;
  /** Times (monotonic ms) the calls within the last window + margin were written, oldest first. */
  sends: number[];
  /** Calls granted whose request has not been written yet: each counts as leaving now. */
  unsent: number;
  /** When the last call was granted (−Infinity: never); even spacing counts from it. */
  lastGrantAt: number;
  /** When the allowance was last cut (−Infinity: never). */
  lastCutAt: number;
  /** When adaptive spacing turned even, at the action's first throttle (undefined: still bursts). */
  evenSince?: number;
}

/** A fresh budget: the whole limit, nothing sent. */
export function freshBudget(policy: LimiterPolicy): ActionBudget {
  return { allowance: policy.limit, sends: [], unsent: 0, lastGrantAt: -Infinity, lastCutAt: -Infinity };
}

/** Written send times still inside the counting window at `now`. */
export function recentSends(budget: ActionBudget, policy: LimiterPolicy, now: number): number[] {
  const span = policy.windowMs + policy.marginMs;
  const first = budget.sends.findIndex((t) => now - t < span);
  return first < 0 ? [] : budget.sends.slice(first);
}

/** Whole calls allowed per span now. */
export function allowedNow(budget: ActionBudget, policy: LimiterPolicy): number {
  return Math.max(policy.minimum, Math.floor(budget.allowance));
}

/**
 * Milliseconds to wait before one more call may be granted at `now` (0: now). With `allowed` calls
 * per span, the next send must come one span after the allowed-th most recent one. Infinity when
 * the allowance is taken by calls not yet written: wait for a write (or an end) and ask again.
 */
export function waitBeforeSend(budget: ActionBudget, policy: LimiterPolicy, now: number): number {
  if (policy.limit <= 0) return 0;
  const span = policy.windowMs + policy.marginMs;
  const allowed = allowedNow(budget, policy);
  const gapMs = spacesEvenly(budget, policy) ? Math.max(policy.minGapMs, span / allowed) : policy.minGapMs;
  const gap = Math.max(0, budget.lastGrantAt + gapMs - now);
  const recent = recentSends(budget, policy, now);
  const counted = recent.length + budget.unsent;
  if (counted < allowed) return gap;
  // The allowed-th most recent send, counting the unsent ones as the most recent of all.
  const back = allowed - budget.unsent;
  if (back <= 0) return Infinity;
  return Math.max(gap, recent[recent.length - back] + span - now);
}

/** Whether grants are spaced evenly now: always, never, or once the action has been throttled. */
export function spacesEvenly(budget: ActionBudget, policy: LimiterPolicy): boolean {
  return policy.spacing === "even" || (policy.spacing === "adaptive" && budget.evenSince !== undefined);
}

/** The budget after a call is granted at `now`: one more unsent call. */
export function afterGrant(budget: ActionBudget, policy: LimiterPolicy, now: number): ActionBudget {
  return { ...budget, sends: recentSends(budget, policy, now), unsent: budget.unsent + 1, lastGrantAt: now };
}

/** The budget after a granted call's request was written at `at` (send times kept in order). */
export function afterWritten(budget: ActionBudget, policy: LimiterPolicy, at: number): ActionBudget {
  const sends = [...recentSends(budget, policy, at)];
  let i = sends.length;
  while (i > 0 && sends[i - 1] > at) i--;
  sends.splice(i, 0, at);
  return { ...budget, sends, unsent: Math.max(0, budget.unsent - 1) };
}

/** The factor a throttle at `now` applies: gentle when isolated, halving when it follows a recent cut. */
export function decreaseFactor(budget: ActionBudget, policy: LimiterPolicy, now: number): number {
  return now - budget.lastCutAt >= policy.isolationMs ? policy.isolatedDecrease : policy.decrease;
}

/**
 * The budget after the call sent at `sentAt` was refused with a throttling code at `now`:
 * cut once per congestion event (calls sent before the last cut belong to the event already cut for).
 */
export function afterThrottled(budget: ActionBudget, policy: LimiterPolicy, sentAt: number, now: number): ActionBudget {
  // The first throttle of an action sending in bursts is most likely the bursts' own arrival
  // jitter, which even spacing removes: spacing turns even and the allowance stays. Throttles of
  // calls sent before that belong to the same event; later ones are congestion, cut as below.
  if (policy.spacing === "adaptive" && budget.evenSince === undefined) return { ...budget, evenSince: now };
  if (sentAt < budget.lastCutAt || (budget.evenSince !== undefined && sentAt < budget.evenSince)) return budget;
  return { ...budget, allowance: Math.max(policy.minimum, budget.allowance * decreaseFactor(budget, policy, now)), lastCutAt: now };
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

/**
 * A send permit: call it once the call has ended, saying whether Tencent throttled it; call
 * `written` (when the limiter offers it) when the request has been written to the socket.
 */
export interface CallPermit {
  (outcome?: CallOutcome): void;
  written?: () => void;
}

/** What the API client needs of a limiter: a send permit, reporting when the call left and how it ended. */
export interface CallLimiter {
  /** Resolves when one more `action` call may be sent, with its permit. */
  acquire(action: string): Promise<CallPermit>;
}

/** One budget per action, shared by every resource of the provider process. */
export class RateLimiter implements CallLimiter {
  private readonly policy: LimiterPolicy;
  private readonly budgets = new Map<string, ActionBudget>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Per action, whoever waits for an unsent call to be written or to end. */
  private readonly wakers = new Map<string, () => void>();

  /**
   * @param policy the budget per action; a number is the limit per second (0 turns limiting off)
   * @param clock time for pacing (monotonic: a wall-clock jump frees no budget) @default SYSTEM_CLOCK
   */
  constructor(
    policy: Partial<LimiterPolicy> | number = {},
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {
    this.policy = { ...DEFAULT_LIMITER_POLICY, ...(typeof policy === "number" ? { limit: policy } : policy) };
  }

  /**
   * Resolves when one more `action` call may be sent (concurrent callers in arrival order), with
   * its permit: `written()` when the request has left, and a call once it has ended.
   */
  acquire(action: string): Promise<CallPermit> {
    if (this.policy.limit <= 0) return Promise.resolve(() => {});
    const previous = this.queues.get(action) ?? Promise.resolve();
    const next = previous.then(() => this.grant(action));
    this.queues.set(action, next);
    return next;
  }

  /** The action's budget now, for logs, tests and the benchmark. */
  budget(action: string): ActionBudget {
    return this.budgets.get(action) ?? freshBudget(this.policy);
  }

  private update(action: string, change: (budget: ActionBudget) => ActionBudget): void {
    this.budgets.set(action, change(this.budget(action)));
    const wake = this.wakers.get(action);
    if (wake) {
      this.wakers.delete(action);
      wake();
    }
  }

  private async grant(action: string): Promise<CallPermit> {
    for (let wait = waitBeforeSend(this.budget(action), this.policy, this.clock.now()); wait > 0; ) {
      if (wait === Infinity) await new Promise<void>((resolve) => this.wakers.set(action, resolve));
      else await this.clock.sleep(wait);
      wait = waitBeforeSend(this.budget(action), this.policy, this.clock.now());
    }
    const grantedAt = this.clock.now();
    this.update(action, (b) => afterGrant(b, this.policy, grantedAt));
    let sentAt: number | undefined;
    let ended = false;
    const written = () => {
      if (sentAt !== undefined || ended) return;
      sentAt = this.clock.now();
      const at = sentAt;
      this.update(action, (b) => afterWritten(b, this.policy, at));
    };
    const permit: CallPermit = (outcome = "answered") => {
      if (ended) return;
      if (sentAt === undefined) {
        // No write was reported (a client without the transport hook): it left when granted.
        sentAt = grantedAt;
        this.update(action, (b) => afterWritten(b, this.policy, grantedAt));
      }
      ended = true;
      const at = sentAt;
      this.update(action, (b) =>
        outcome === "throttled" ? afterThrottled(b, this.policy, at, this.clock.now()) : afterAnswered(b, this.policy, at),
      );
    };
    permit.written = written;
    return permit;
  }
}

// The limiters of this provider process, by calls per second. Module state on purpose: one
// process serves every dynamic resource of one Pulumi operation — members and departments alike —
// and Tencent counts their calls against one budget per action (tag:ModifyResourceTags and
// DescribeOrganizationMembers are called for both), so their limiters must be one object.
const PROCESS_LIMITERS = new Map<number, RateLimiter>();

/** The one limiter of this provider process for `perSecond` calls per action (see above). */
export function processLimiter(perSecond: number): RateLimiter {
  const limiter = PROCESS_LIMITERS.get(perSecond) ?? new RateLimiter(perSecond);
  PROCESS_LIMITERS.set(perSecond, limiter);
  return limiter;
}
