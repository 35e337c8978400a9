import { ProviderError } from "./ProviderError";

/** Output that is not a `pulumi preview --json` document, or a preview that failed (the drift report's input). */
export class PreviewOutputError extends ProviderError {
  override name = "PreviewOutputError";
  constructor(summary: string) {
    super({ summary });
  }
}
