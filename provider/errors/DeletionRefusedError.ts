import { ProviderError } from "./ProviderError";

/** Tencent refused to remove the member the way `deletionPolicy` asked; says which policy works instead. */
export class DeletionRefusedError extends ProviderError {
  override name = "DeletionRefusedError";
  constructor(message: string, hint: string) {
    super(message, hint);
  }
}
