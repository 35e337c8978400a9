import { ProviderError } from "./ProviderError";

/**
 * A call to Tencent Cloud failed for good: an API error that is not retryable, or a retryable
 * failure that outlived the retry budget. Carries the API's code and RequestId (quote the
 * RequestId to Tencent support) and how many attempts were made.
 */
export class TencentApiError extends ProviderError {
  override name = "TencentApiError";
  constructor(
    /** The API action, e.g. `CreateOrganizationMember`. */
    readonly action: string,
    /** Tencent's error code (`FailedOperation.PayUinIllegal`), or a transport kind (`Timeout`, `HttpStatus502`). */
    readonly code: string,
    /** Tencent's message, already scrubbed of credentials. */
    readonly apiMessage: string,
    /** The RequestId of the last attempt, when the API answered. */
    readonly requestId: string | undefined,
    /** Attempts made, including the last. */
    readonly attempts: number,
    /** True when the last attempt got no clear answer: the call may or may not have run. */
    readonly outcomeUnknown = false,
    hint?: string,
  ) {
    super(
      `${action} failed with ${code}: ${apiMessage}` +
        (requestId ? ` (RequestId ${requestId})` : "") +
        (attempts > 1 ? ` after ${attempts} attempts` : ""),
      hint,
    );
  }
}
