import { ProviderError } from "./ProviderError";

/** A policy pack config value that its JSON schema lets through but the rule cannot use (e.g. a pattern that does not compile). */
export class PolicyPackConfigError extends ProviderError {
  override name = "PolicyPackConfigError";
  constructor(
    /** The rule (policy name) whose config is wrong. */
    readonly policy: string,
    /** The config property, e.g. `patterns.members`. */
    readonly property: string,
    problem: string,
  ) {
    super({
      summary: `policy config "${policy}.${property}": ${problem}`,
      hint: `fix "${property}" under "${policy}" in the file given with --policy-pack-config (docs/guides/policy-pack.md lists every rule's config).`,
    });
  }
}
