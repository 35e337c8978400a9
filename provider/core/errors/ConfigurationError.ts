import { ProviderError } from "./ProviderError";

/** Provider configuration (stack config, environment or profile file) is missing or malformed. */
export class ConfigurationError extends ProviderError {
  override name = "ConfigurationError";
  constructor(problem: string, hint?: string) {
    super({ summary: problem, hint });
  }
}
