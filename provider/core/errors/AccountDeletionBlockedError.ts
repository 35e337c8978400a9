import { ProviderError } from "./ProviderError";

/**
 * Tencent would refuse to delete a member's account (deletionPolicy "deleteAccount"): asked first
 * with CheckAccountDelete, which lists every reason at once. Nothing was deleted.
 */
export class AccountDeletionBlockedError extends ProviderError {
  override name = "AccountDeletionBlockedError";
  constructor(
    readonly memberUin: number,
    /** Each reason, with what to do about it. */
    readonly reasons: readonly string[],
    requestId: string | undefined,
    hint: string,
    /** When this was found: at deletion, or at preview of a replacement. */
    moment: "delete" | "preview" = "delete",
  ) {
    super({
      summary:
        `Tencent Cloud would refuse to delete the account of member ${memberUin} (CheckAccountDelete)` +
        (moment === "preview" ? " — the replacement this preview shows deletes it" : ""),
      requestId,
      detail: `${reasons.map((reason, i) => `(${i + 1}) ${reason}.`).join(" ")} Nothing was deleted; the member stays in the stack.`,
      hint,
    });
  }
}
