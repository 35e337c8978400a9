/**
 * One retry strategy for every loop that tries again: the API call loop, the create loop (which
 * looks for its member before each new attempt) and the DeleteAccount review wait. As in the AWS
 * SDK's retry packages, the decisions are separate and injected — what to retry, how long to
 * wait, when to stop — the backoff is capped, jittered and exponential, and the final error
 * records the number of attempts. Time comes from an injected clock, so tests never wait.
 */
import type { Clock } from "./clock";
import type { FailureTreatment } from "../../core/errors/TencentApiError";
import type { SdkFailure } from "./failure";
import { THROTTLING_CODES, TRANSIENT_CODES } from "./codes";

export { type Clock, SYSTEM_CLOCK } from "./clock";
export type { FailureTreatment };

/** Backoff shape: capped exponential with full jitter. */
export interface Backoff {
  /** First ceiling in ms. */
  baseDelayMs: number;
  /** Largest ceiling in ms. */
  maxDelayMs: number;
}

/** Retry budget and backoff shape of API calls. */
export interface RetryPolicy extends Backoff {
  /** Attempts in all, the first included. @default 8 */
  maxAttempts: number;
}

/** Attempts per API call (and per create), the first included: about a minute at worst, enough for a throttling storm. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** The defaults of API calls. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: DEFAULT_MAX_ATTEMPTS, baseDelayMs: 250, maxDelayMs: 8000 };

/** The backoff of the DeleteAccount review wait: Tencent reviews in seconds, not milliseconds. */
export const DEREGISTRATION_BACKOFF: Backoff = { baseDelayMs: 1000, maxDelayMs: 15_000 };

/** What the retry loop asks; each question answered by its own function. */
export interface RetryDecisions {
  /** What to retry: whether this failure may be followed by another attempt at all. */
  retryable(error: unknown): boolean;
  /** When to stop: true when no attempt may follow attempt `attempt`, `elapsedMs` after the first began. */
  exhausted(attempt: number, elapsedMs: number): boolean;
  /** How long to wait after failed attempt `attempt`. */
  delayMs(attempt: number, elapsedMs: number): number;
  /** Said before each wait (logs). */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
  /** The error to throw once retrying stops; receives the last failure and the attempts made. Default: the failure. */
  giveUp?(error: unknown, attempts: number, elapsedMs: number): unknown;
}

/** Runs `attempt` until it succeeds or the decisions say stop. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, decisions: RetryDecisions, clock: Clock): Promise<T> {
  const started = clock.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const elapsed = clock.now() - started;
      if (!decisions.retryable(error) || decisions.exhausted(n, elapsed)) {
        throw decisions.giveUp ? decisions.giveUp(error, n, elapsed) : error;
      }
      const delay = decisions.delayMs(n, elapsed);
      decisions.onRetry?.(error, n, delay);
      await clock.sleep(delay);
    }
  }
}

/**
 * How a failure is treated (see FailureTreatment): the one place that decides whether an answer
 * was throttling, may have run, or stands.
 */
export function treatmentOf(failure: SdkFailure): FailureTreatment {
  if (failure.kind === "noAnswer") return "ambiguous";
  if (THROTTLING_CODES.has(failure.code)) return "throttled";
  if (TRANSIENT_CODES.has(failure.code)) return "ambiguous";
  return "final";
}

/**
 * Capped exponential backoff with full jitter: many resources throttled at once spread their
 * retries out instead of hitting the limit again together. `random` is injectable for tests.
 */
export function backoffDelayMs(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
