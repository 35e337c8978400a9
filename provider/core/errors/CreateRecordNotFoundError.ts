import { ProviderError } from "./ProviderError";

/** The `recordId` given to resume a creation is not a creation record Tencent knows. */
export class CreateRecordNotFoundError extends ProviderError {
  override name = "CreateRecordNotFoundError";
  constructor(
    readonly recordId: number,
    /** The code Tencent answered (the code table's "createRecordNotFound" reaction). */
    code: string,
    requestId: string | undefined,
  ) {
    super({
      summary: `recordId ${recordId} is not a member creation record of this organization`,
      code,
      requestId,
      hint: "check the record ID in the Organization console's member creation records, or remove `recordId` to start a new creation.",
    });
  }
}
