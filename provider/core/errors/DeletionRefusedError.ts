import { ProviderError } from "./ProviderError";

/** Tencent refused to remove the member the way `deletionPolicy` asked; says which policy works instead. */
export class DeletionRefusedError extends ProviderError {
  override name = "DeletionRefusedError";
  constructor(
    readonly memberUin: number,
    /** Why Tencent refuses, in words. */
    reason: string,
    code: string,
    requestId: string | undefined,
    hint: string | undefined,
  ) {
    super({ summary: `Tencent Cloud refused to remove member ${memberUin}: ${reason}`, code, requestId, hint });
  }
}
