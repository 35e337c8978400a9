/**
 * Retry decisions, following the AWS SDK's split: named code sets, one function that says
 * whether to retry, one that says how long to wait.
 */
import type { CallFailure } from "./failure";

/**
 * Tencent's throttling codes. The request was refused before it ran, so retrying is always safe,
 * even for a create.
 */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "RequestLimitExceeded",
  "RequestLimitExceeded.UinLimitExceeded",
  "RequestLimitExceeded.IPLimitExceeded",
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
]);

/**
 * Server-side failures that Tencent documents as temporary. The call may or may not have run:
 * an idempotent call is simply retried, a create first looks for what it may have made.
 */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  "InternalError",
  "ServiceUnavailable",
  "ResourceUnavailable",
  "FailedOperation.ManagementSystemError",
  "UnsupportedOperation.ManagementSystemError",
]);

/** How a failure is to be treated by the caller. */
export type FailureTreatment = "throttled" | "ambiguous" | "final";

/**
 * `throttled`: refused before running, retry after a wait. `ambiguous`: the call may have run
 * (no answer, 5xx, garbled body, InternalError), retry only if repeating it is harmless.
 * `final`: the answer stands.
 */
export function treatmentOf(failure: CallFailure): FailureTreatment {
  if (failure.kind === "noAnswer") return "ambiguous";
  if (THROTTLING_CODES.has(failure.code)) return "throttled";
  if (TRANSIENT_CODES.has(failure.code)) return "ambiguous";
  return "final";
}

/** Retry budget and backoff shape. */
export interface RetryPolicy {
  /** Attempts in all, the first included. @default 8 */
  maxAttempts: number;
  /** First backoff ceiling in ms. @default 250 */
  baseDelayMs: number;
  /** Largest backoff in ms. @default 8000 */
  maxDelayMs: number;
}

/** The defaults: about a minute of retrying at worst, enough to ride out a throttling storm. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 8000 };

/** Whether attempt number `attempt` (1-based) that failed this way should be followed by another. */
export function shouldRetry(treatment: FailureTreatment, attempt: number, policy: RetryPolicy): boolean {
  return treatment !== "final" && attempt < policy.maxAttempts;
}

/**
 * Capped exponential backoff with full jitter: many resources throttled at once spread their
 * retries out instead of hitting the limit again together. `random` is injectable for tests.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
