import { ProviderError } from "./ProviderError";

/** A member UIN the user named (for adoption or lookup) is not a member of the organization. */
export class MemberNotFoundError extends ProviderError {
  override name = "MemberNotFoundError";
  constructor(
    readonly memberUin: number,
    /** The input that named it. */
    readonly field: string,
  ) {
    super({
      summary: `${field}: member ${memberUin} is not a member of this organization`,
      hint: "check the UIN in the Organization console (Members), or remove the field to create a new member.",
    });
  }
}
