/**
 * The provider's one log: every line carries the prefix and is scrubbed of credentials before it
 * leaves, whether it comes from a call, a lifecycle step or a preview. The dynamic-provider host
 * passes console output to the Pulumi CLI.
 */
import { redactor } from "./redact";

/** Where progress lines go. */
export interface Logger {
  info(message: string): void;
}

/** The prefix of every line the provider logs. */
export const LOG_PREFIX = "[tencentcloud-organization]";

/** Logs to the console, which the dynamic-provider host passes to the Pulumi CLI. */
export const CONSOLE_LOGGER: Logger = { info: (message) => console.log(message) };

/** The log of one provider instance: prefixed, scrubbed lines into a sink. */
export class ProviderLog {
  private secrets: (string | undefined)[] = [];
  private scrubber: (text: string) => string = (text) => text;

  constructor(private readonly sink: Logger = CONSOLE_LOGGER) {}

  /**
   * Adds credentials to scrub from every later line and from `redact`. Called when settings are
   * loaded (a preview that never connects has none to scrub), and again with each temporary key
   * and token a role's renewal obtains (credentials.ts).
   */
  scrub(secrets: readonly (string | undefined)[]): void {
    this.secrets = [...this.secrets, ...secrets];
    this.scrubber = redactor(this.secrets);
  }

  /** Removes every known credential from `text`; use it on anything that leaves the provider. */
  redact(text: string): string {
    return this.scrubber(text);
  }

  /** Writes one progress line. */
  info(message: string): void {
    this.sink.info(`${LOG_PREFIX} ${this.redact(message)}`);
  }
}
