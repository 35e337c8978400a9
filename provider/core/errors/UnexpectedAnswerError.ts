import { ProviderError } from "./ProviderError";

/**
 * Tencent answered a call successfully but without what the action's documentation promises (a
 * created member's Uin, a new department's NodeId, a root department in the listing). Nothing is
 * assumed in its place.
 */
export class UnexpectedAnswerError extends ProviderError {
  override name = "UnexpectedAnswerError";
  constructor(
    /** The action that answered. */
    readonly action: string,
    /** What the answer lacked, in words. */
    readonly missing: string,
    requestId?: string,
  ) {
    super({
      summary: `${action} answered with ${missing}`,
      requestId,
      hint: "this is not an answer Tencent documents; run `pulumi up` again, and quote the RequestId to Tencent support if it persists.",
    });
  }
}
