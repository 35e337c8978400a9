/**
 * Time, for every wait of the provider process: backoff, the DeleteAccount review wait and the
 * rate limiter's pacing. Injected everywhere, so tests decide what time is.
 */

/** Milliseconds, and a way to wait some. */
export interface Clock {
  /** Monotonic milliseconds: a wall-clock jump frees no budget and shortens no wait. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock (monotonic). */
export const SYSTEM_CLOCK: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
