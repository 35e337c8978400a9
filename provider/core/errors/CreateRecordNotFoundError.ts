import { ProviderError } from "./ProviderError";

/** The `recordId` given to resume a creation is not a creation record Tencent knows. */
export class CreateRecordNotFoundError extends ProviderError {
  override name = "CreateRecordNotFoundError";
  constructor(
    readonly recordId: number,
    requestId: string | undefined,
  ) {
    super({
      summary: `recordId ${recordId} is not a member creation record of this organization`,
      code: "FailedOperation.CreateRecordNotExist",
      requestId,
      hint: "check the record ID in the Organization console's member creation records, or remove `recordId` to start a new creation.",
    });
  }
}
