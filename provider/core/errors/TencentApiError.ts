import { ProviderError } from "./ProviderError";

/**
 * How a failed call is to be treated. `throttled`: refused before running, retried after a wait.
 * `ambiguous`: the call may have run (no answer, 5xx, InternalError), retried only when repeating
 * it is harmless. `final`: the answer stands.
 */
export type FailureTreatment = "throttled" | "ambiguous" | "final";

/**
 * A call to Tencent Cloud failed for good: an API error that is not retryable, or a retryable
 * failure that outlived the retry budget. Carries the API's code and RequestId (quote the
 * RequestId to Tencent support) and how many attempts were made.
 */
export class TencentApiError extends ProviderError {
  override name = "TencentApiError";
  /** Tencent's error code, or a transport kind. */
  declare readonly code: string;
  constructor(
    /** The API action, e.g. `CreateOrganizationMember`. */
    readonly action: string,
    /** Tencent's error code (`FailedOperation.PayUinIllegal`), or a transport kind (`Timeout`, `HttpStatus502`). */
    code: string,
    /** Tencent's message, already scrubbed of credentials. */
    readonly apiMessage: string,
    /** The RequestId of the last attempt, when the API answered. */
    requestId: string | undefined,
    /** Attempts made, including the last. */
    readonly attempts: number,
    /** How the last attempt's failure is treated (decided once, by the call path). */
    readonly treatment: FailureTreatment = "final",
    hint?: string,
  ) {
    super({
      summary: `${action} failed with ${code}${attempts > 1 ? ` after ${attempts} attempts` : ""}: ${apiMessage.replace(/[.\s]+$/, "")}`,
      code,
      requestId,
      hint,
    });
  }

  /** True when the last attempt got no clear answer: the call may or may not have run. */
  get outcomeUnknown(): boolean {
    return this.treatment === "ambiguous";
  }

  /** True when Tencent refused the last attempt for the call rate: it did not run. */
  get throttled(): boolean {
    return this.treatment === "throttled";
  }
}
