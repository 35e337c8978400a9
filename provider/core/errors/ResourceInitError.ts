import { ProviderError } from "./ProviderError";

/**
 * The object (a member account, a department, …) exists but a step after its creation failed
 * (tagging, identities, read-back). Carrying `id` and `properties` makes the Pulumi engine record
 * the resource as created but not fully initialised instead of forgetting an object that really
 * exists; the next `pulumi up` then finishes the job through `update`. Raised by the lifecycle
 * skeleton (kit/lifecycle.ts) for every resource.
 */
export class ResourceInitError extends ProviderError {
  override name = "ResourceInitError";
  constructor(
    /** The object's id in Tencent (a member UIN, a department id), as the resource id. */
    readonly id: string,
    /** Outputs known so far, stored in the state. */
    readonly properties: Record<string, unknown>,
    cause: Error,
    /** What was created, in words. @default "member" */
    resource = "member",
  ) {
    super({
      summary: `${resource} ${id} was created, but a follow-up step failed`,
      detail: cause.message,
      cause,
      hint: `the ${resource === "member" ? "account" : resource} exists and is in the state; fix the cause and run \`pulumi up\`, which finishes the job.`,
    });
  }
  /** The reasons the engine shows with the failed resource. */
  get reasons(): string[] {
    return [this.message];
  }
}
