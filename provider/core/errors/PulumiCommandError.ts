import { ProviderError } from "./ProviderError";

/** The `pulumi` command a report runs could not be run, or failed without output. */
export class PulumiCommandError extends ProviderError {
  override name = "PulumiCommandError";
  constructor(
    /** The command (`pulumi`, or $PULUMI_COMMAND). */
    readonly command: string,
    readonly args: readonly string[],
    what: string,
  ) {
    super({
      summary: `${command} ${args.join(" ")}: ${what}`,
      hint: "check that the Pulumi CLI is on PATH (or set PULUMI_COMMAND to it) and that the stack can be previewed.",
    });
  }
}
