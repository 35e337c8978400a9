/**
 * The one door to Tencent Cloud: every call is signed with a fresh credential (credentials.ts),
 * rate-limited (shared by the whole provider process), retried when that is safe, logged with its
 * RequestId, and scrubbed of credentials.
 */
import { TencentApiError } from "../../core/errors/TencentApiError";
import { type Action, type RequestOf, type ResponseOf, SERVICE_OF } from "./actions";
import { type Clock, SYSTEM_CLOCK } from "./clock";
import { hintFor } from "./codes";
import { type CredentialSource, credentialSource } from "./credentials";
import { classifyFailure } from "./failure";
import { type Logger, ProviderLog } from "./log";
import { type CallLimiter, type CallOutcome, RateLimiter } from "./rateLimiter";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy, treatmentOf, withRetry } from "./retry";
import type { ProviderSettings } from "./settings";
import { createSdkClients, type SdkClients, whenWritten } from "./transport";

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
  /** Where log lines go; ignored when `log` is given. @default the console */
  logger?: Logger;
  /** The provider instance's log, shared with its lifecycle; the client adds the credentials to scrub. */
  log?: ProviderLog;
  /** Time for every wait: backoff, and pacing of a limiter built here. @default the system clock */
  clock?: Clock;
  /** Jitter source. @default Math.random */
  random?: () => number;
  /** Where the signing key of each call comes from. @default the settings' key pair, or their role's renewed credential */
  credentials?: CredentialSource;
  /** Wall clock (ms since epoch) a role's credential expiry is read against. @default Date.now */
  wallClock?: () => number;
}

/** Rate-limited, retrying client for the organization and tag services. */
export class TencentApi {
  private readonly clients: SdkClients;
  private readonly limiter: CallLimiter;
  private readonly credentials: CredentialSource;
  /** The provider instance's one log, scrubbed of this client's credentials. */
  readonly log: ProviderLog;
  /** Time for every wait of the provider process. */
  readonly clock: Clock;
  /** Jitter for every backoff of the provider process. */
  readonly random: () => number;
  /** Attempts and backoff of calls, and of the create loop built on them. */
  readonly policy: RetryPolicy;
  constructor(settings: ProviderSettings, deps: TencentApiDeps = {}) {
    this.clock = deps.clock ?? SYSTEM_CLOCK;
    this.limiter = deps.limiter ?? deps.limiterFor?.(settings.requestsPerSecond) ?? new RateLimiter(settings.requestsPerSecond, this.clock);
    this.log = deps.log ?? new ProviderLog(deps.logger);
    this.random = deps.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: settings.maxAttempts };
    // The source registers every credential it holds or obtains with the log, to be scrubbed.
    this.credentials =
      deps.credentials ??
      credentialSource(settings, { log: this.log, clock: this.clock, random: this.random, policy: this.policy, wallClock: deps.wallClock });
    this.clients = deps.clients ?? createSdkClients(settings, {}, this.credentials.sdkCredential);
  }

  /**
   * Calls `action` and returns Tencent's `Response` (without the envelope). Throttling is always
   * retried; an unknown outcome only when `idempotent`. Throws `TencentApiError` otherwise, with
   * the attempts made.
   */
  call<A extends Action>(action: A, params: RequestOf<A>, options: CallOptions = {}): Promise<ResponseOf<A>> {
    const idempotent = options.idempotent ?? true;
    const service = SERVICE_OF[action];
    return withRetry(
      async (attempt) => {
        // Renews a role's temporary credential when due; a refusal (credentials.ts) is final here.
        await this.credentials.current();
        const answered = await this.limiter.acquire(action);
        let outcome: CallOutcome = "answered";
        try {
          // The limiter counts the send when the request is written to the socket (transport.ts).
          const send = () => this.clients[service].request(action, params);
          // The SDK's generic request is untyped; the action map types what this action answers.
          return (await (answered.written ? whenWritten(answered.written, send) : send())) as ResponseOf<A>;
        } catch (error) {
          const failure = classifyFailure(error);
          const treatment = treatmentOf(failure);
          // A throttled answer slows the action down (see rateLimiter.ts); any other ends the call.
          if (treatment === "throttled") outcome = "throttled";
          const hint = hintFor(failure.code, { service, action, message: failure.message });
          throw new TencentApiError(action, failure.code, this.log.redact(failure.message), failure.requestId, attempt, treatment, hint);
        } finally {
          answered(outcome);
        }
      },
      {
        retryable: (error) => error instanceof TencentApiError && (error.throttled || (error.outcomeUnknown && idempotent)),
        exhausted: (attempt) => attempt >= this.policy.maxAttempts,
        delayMs: (attempt) => backoffDelayMs(attempt, this.policy, this.random),
        onRetry: (error, attempt, delay) => {
          const failure = error as TencentApiError;
          this.log.info(
            `${action}: ${failure.code}${failure.requestId ? ` (RequestId ${failure.requestId})` : ""}; ` +
              `retrying in ${delay} ms (attempt ${attempt + 1} of ${this.policy.maxAttempts})`,
          );
        },
      },
      this.clock,
    );
  }
}
