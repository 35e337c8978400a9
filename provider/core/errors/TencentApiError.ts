import { ProviderError } from "./ProviderError";

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
    /** True when the last attempt got no clear answer: the call may or may not have run. */
    readonly outcomeUnknown = false,
    hint?: string,
  ) {
    super({
      summary:
        `${action} failed with ${code}` + (attempts > 1 ? ` after ${attempts} attempts` : "") + `: ${apiMessage.replace(/[.\s]+$/, "")}`,
      code,
      requestId,
      hint,
    });
  }
}
