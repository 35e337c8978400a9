/**
 * The member account exists but a step after its creation failed (tagging, identities, read-back).
 * Carrying `id` and `properties` makes the Pulumi engine record the resource as created but not
 * fully initialised instead of forgetting an account that really exists; the next `pulumi up`
 * then finishes the job through `update`.
 */
export class ResourceInitError extends Error {
  override name = "ResourceInitError";
  constructor(
    /** The member UIN, as the resource id. */
    readonly id: string,
    /** Outputs known so far, stored in the state. */
    readonly properties: Record<string, unknown>,
    cause: Error,
  ) {
    super(`member ${id} was created, but a follow-up step failed: ${cause.message}`);
  }
  /** The reasons the engine shows with the failed resource. */
  get reasons(): string[] {
    return [this.message];
  }
}
