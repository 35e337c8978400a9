/**
 * Base of every error this provider raises on purpose. `hint` tells the user what to change;
 * the message already contains it, the field is there for programs that want it separately.
 */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(hint ? `${message}\n  What to do: ${hint}` : message);
  }
}
