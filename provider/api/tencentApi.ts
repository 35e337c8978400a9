/**
 * The one door to Tencent Cloud: every call is rate-limited (shared by the whole provider process),
 * retried when that is safe, logged with its RequestId, and scrubbed of credentials.
 */
import { TencentApiError } from "../errors/TencentApiError";
import { classifyFailure, type CallFailure } from "./failure";
import { hintFor } from "./hints";
import { RateLimiter } from "./rateLimiter";
import { redactor } from "./redact";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, shouldRetry, treatmentOf, type RetryPolicy } from "./retry";
import type { ProviderSettings } from "./settings";
import { createSdkClients, type SdkClients, type Service } from "./transport";

/** Where progress lines go; the dynamic-provider host passes console output to the Pulumi CLI. */
export interface Logger {
  info(message: string): void;
}

/** How a call may be repeated. */
export interface CallOptions {
  /**
   * Whether repeating the call is harmless when its outcome is unknown (no answer, 5xx,
   * InternalError). True for reads and for updates that set values; false for a create, whose
   * caller must first look for what the lost call may have made.
   * @default true
   */
  idempotent?: boolean;
}

/** Injectable collaborators, for tests. */
export interface TencentApiDeps {
  clients?: SdkClients;
  limiter?: RateLimiter;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Rate-limited, retrying client for the organization and tag services. */
export class TencentApi {
  private readonly clients: SdkClients;
  private readonly limiter: RateLimiter;
  private readonly logger: Logger;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  /** Scrubs credentials from any text; use it on everything that leaves the provider. */
  readonly redact: (text: string) => string;
  /** Calls made per action since this client was created (attempts, not logical calls). */
  readonly callCounts = new Map<string, number>();

  constructor(settings: ProviderSettings, deps: TencentApiDeps = {}) {
    this.clients = deps.clients ?? createSdkClients(settings);
    this.limiter = deps.limiter ?? new RateLimiter(settings.requestsPerSecond);
    this.logger = deps.logger ?? { info: (m) => console.log(m) };
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = deps.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: settings.maxAttempts };
    this.redact = redactor([settings.secretId, settings.secretKey, settings.securityToken]);
  }

  /** Writes a progress line, scrubbed. */
  log(message: string): void {
    this.logger.info(`[tencentcloud-organization] ${this.redact(message)}`);
  }

  /**
   * Calls `action` and returns Tencent's `Response` (without the envelope). Throttling is always
   * retried; an unknown outcome only when `idempotent`. Throws `TencentApiError` otherwise.
   */
  async call<T>(service: Service, action: string, params: object, options: CallOptions = {}): Promise<T> {
    const idempotent = options.idempotent ?? true;
    for (let attempt = 1; ; attempt++) {
      const answered = await this.limiter.acquire(action);
      this.callCounts.set(action, (this.callCounts.get(action) ?? 0) + 1);
      try {
        const response = (await this.clients[service].request(action, params)) as T;
        answered();
        return response;
      } catch (error) {
        const failure = classifyFailure(error);
        const treatment = treatmentOf(failure);
        // A throttled answer slows the action down (see rateLimiter.ts); any other ends the call.
        answered(treatment === "throttled" ? "throttled" : "answered");
        const retryable = treatment === "throttled" || (treatment === "ambiguous" && idempotent);
        if (!retryable || !shouldRetry(treatment, attempt, this.policy)) {
          throw this.toError(action, failure, attempt, treatment === "ambiguous");
        }
        const delay = backoffDelayMs(attempt, this.policy, this.random);
        this.log(
          `${action}: ${failure.code}${failure.requestId ? ` (RequestId ${failure.requestId})` : ""}; ` +
            `retrying in ${delay} ms (attempt ${attempt + 1} of ${this.policy.maxAttempts})`,
        );
        await this.sleep(delay);
      }
    }
  }

  /** Waits like a retry would after `attempt` failed attempts; for callers that retry themselves. */
  backoff(attempt: number): Promise<void> {
    return this.sleep(backoffDelayMs(attempt, this.policy, this.random));
  }

  /** Attempts a caller that retries by itself may make. */
  get maxAttempts(): number {
    return this.policy.maxAttempts;
  }

  private toError(action: string, failure: CallFailure, attempts: number, outcomeUnknown: boolean): TencentApiError {
    return new TencentApiError(
      action,
      failure.code,
      this.redact(failure.message),
      failure.requestId,
      attempts,
      outcomeUnknown,
      hintFor(failure.code),
    );
  }
}
