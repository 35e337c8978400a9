/**
 * The one door to Tencent Cloud: every call is rate-limited (shared by the whole provider process),
 * retried when that is safe, logged with its RequestId, and scrubbed of credentials.
 */
import { TencentApiError } from "../core/errors/TencentApiError";
import { hintFor, THROTTLING_CODES } from "./codes";
import { classifyFailure } from "./failure";
import { RateLimiter, type CallLimiter, type CallOutcome } from "./rateLimiter";
import { redactor } from "./redact";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, SYSTEM_CLOCK, treatmentOf, withRetry, type Clock, type RetryPolicy } from "./retry";
import type { ProviderSettings } from "./settings";
import { createSdkClients, whenWritten, type SdkClients, type Service } from "./transport";

/** Where progress lines go; the dynamic-provider host passes console output to the Pulumi CLI. */
export interface Logger {
  info(message: string): void;
}

/** The prefix of every line the provider logs. */
export const LOG_PREFIX = "[tencentcloud-organization]";

/** Logs to the console, which the dynamic-provider host passes to the Pulumi CLI. */
export const CONSOLE_LOGGER: Logger = { info: (message) => console.log(message) };

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
  limiter?: CallLimiter;
  /**
   * Where the limiter comes from when `limiter` is not given, from the configured calls per
   * second. The forwarding modules pass `processLimiter`, so every resource type of the process
   * shares one budget. @default a new limiter for this client
   */
  limiterFor?: (perSecond: number) => CallLimiter;
  logger?: Logger;
  /** Time for backoff waits. @default the system clock */
  clock?: Clock;
  /** Jitter source. @default Math.random */
  random?: () => number;
}

/** Rate-limited, retrying client for the organization and tag services. */
export class TencentApi {
  private readonly clients: SdkClients;
  private readonly limiter: CallLimiter;
  private readonly logger: Logger;
  /** Time for every wait of the provider process. */
  readonly clock: Clock;
  /** Jitter for every backoff of the provider process. */
  readonly random: () => number;
  /** Attempts and backoff of calls, and of the create loop built on them. */
  readonly policy: RetryPolicy;
  /** Scrubs credentials from any text; use it on everything that leaves the provider. */
  readonly redact: (text: string) => string;

  constructor(settings: ProviderSettings, deps: TencentApiDeps = {}) {
    this.clients = deps.clients ?? createSdkClients(settings);
    this.limiter = deps.limiter ?? deps.limiterFor?.(settings.requestsPerSecond) ?? new RateLimiter(settings.requestsPerSecond);
    this.logger = deps.logger ?? CONSOLE_LOGGER;
    this.clock = deps.clock ?? SYSTEM_CLOCK;
    this.random = deps.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: settings.maxAttempts };
    this.redact = redactor([settings.secretId, settings.secretKey, settings.securityToken]);
  }

  /** Writes a progress line, scrubbed. */
  log(message: string): void {
    this.logger.info(`${LOG_PREFIX} ${this.redact(message)}`);
  }

  /**
   * Calls `action` and returns Tencent's `Response` (without the envelope). Throttling is always
   * retried; an unknown outcome only when `idempotent`. Throws `TencentApiError` otherwise, with
   * the attempts made.
   */
  call<T>(service: Service, action: string, params: object, options: CallOptions = {}): Promise<T> {
    const idempotent = options.idempotent ?? true;
    return withRetry(
      async (attempt) => {
        const answered = await this.limiter.acquire(action);
        let outcome: CallOutcome = "answered";
        try {
          // The limiter counts the send when the request is written to the socket (transport.ts).
          const send = () => this.clients[service].request(action, params);
          return (await (answered.written ? whenWritten(answered.written, send) : send())) as T;
        } catch (error) {
          const failure = classifyFailure(error);
          const treatment = treatmentOf(failure);
          // A throttled answer slows the action down (see rateLimiter.ts); any other ends the call.
          if (treatment === "throttled") outcome = "throttled";
          const outcomeUnknown = treatment === "ambiguous";
          const hint = hintFor(failure.code, { service, action, message: failure.message });
          throw new TencentApiError(action, failure.code, this.redact(failure.message), failure.requestId, attempt, outcomeUnknown, hint);
        } finally {
          answered(outcome);
        }
      },
      {
        retryable: (error) =>
          error instanceof TencentApiError && (THROTTLING_CODES.has(error.code) || (error.outcomeUnknown && idempotent)),
        exhausted: (attempt) => attempt >= this.policy.maxAttempts,
        delayMs: (attempt) => backoffDelayMs(attempt, this.policy, this.random),
        onRetry: (error, attempt, delay) => {
          const failure = error as TencentApiError;
          this.log(
            `${action}: ${failure.code}${failure.requestId ? ` (RequestId ${failure.requestId})` : ""}; ` +
              `retrying in ${delay} ms (attempt ${attempt + 1} of ${this.policy.maxAttempts})`,
          );
        },
      },
      this.clock,
    );
  }
}
