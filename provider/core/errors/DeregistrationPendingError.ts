import { ProviderError } from "./ProviderError";

/**
 * `DeleteAccount` is under review at Tencent (FailedOperation.MemberAccountDeregisterPending) and did
 * not finish within the wait. The account is not deleted yet; nothing is lost by trying again.
 */
export class DeregistrationPendingError extends ProviderError {
  override name = "DeregistrationPendingError";
  constructor(
    readonly memberUin: number,
    readonly waitedSeconds: number,
    /** DeleteAccount calls made. */
    readonly attempts: number,
    /** The code of the last answer (the code table's "deregisterPending" reaction). */
    code: string,
    requestId: string | undefined,
  ) {
    super({
      summary:
        `the deletion of member account ${memberUin} is still under review at Tencent Cloud after waiting ${waitedSeconds} s ` +
        `and ${attempts} attempt(s)`,
      code,
      requestId,
      hint: "run `pulumi destroy` (or `pulumi up`) again later; raise `tencentcloud:deleteAccountWaitSeconds` to wait longer.",
    });
  }
}
