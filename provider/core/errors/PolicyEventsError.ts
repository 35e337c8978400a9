import { ProviderError } from "./ProviderError";

/** Input that is not the engine's events (`pulumi policy analyze --json`, or Automation API events), or an analysis that failed (the compliance report's input). */
export class PolicyEventsError extends ProviderError {
  override name = "PolicyEventsError";
  constructor(summary: string) {
    super({ summary });
  }
}
