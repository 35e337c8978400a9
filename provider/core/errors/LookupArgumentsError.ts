import { ProviderError } from "./ProviderError";

/** A look-up function was called with arguments that do not name exactly one object. */
export class LookupArgumentsError extends ProviderError {
  override name = "LookupArgumentsError";
  constructor(
    /** The look-up, e.g. `getOrganizationNode`. */
    readonly lookup: string,
    /** The ways it accepts, each a set of argument names that go together. */
    readonly ways: readonly (readonly string[])[],
  ) {
    super({
      summary: `${lookup}: give exactly one of ${ways.map((way) => `{ ${way.join(", ")} }`).join(", ")}`,
      hint: "pass one way of naming the object, e.g. its id alone.",
    });
  }
}
