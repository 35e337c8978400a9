import { ProviderError } from "./ProviderError";

/**
 * Tencent answered that the creation failed (FailedOperation.CreateAccount): the creation stopped part-way and no member
 * with this name exists yet. Tencent keeps a creation record; the way forward is to resume it.
 */
export class CreateAccountFailedError extends ProviderError {
  override name = "CreateAccountFailedError";
  constructor(
    readonly memberName: string,
    /** The code Tencent answered (the code table's "createAccountFailed" reaction). */
    code: string,
    requestId: string | undefined,
  ) {
    super({
      summary: `Tencent Cloud could not finish creating the account for member "${memberName}"`,
      code,
      requestId,
      detail: "No member with this name exists yet.",
      hint:
        "open the Organization console's member creation records, copy the record ID of this member's failed creation, " +
        "set `recordId: <that ID>` on the resource and run `pulumi up` again; the creation resumes from that record " +
        "instead of starting a second account.",
    });
  }
}
