import { ProviderError } from "./ProviderError";

/** A member UIN the user named (for adoption or lookup) is not a member of the organization. */
export class MemberNotFoundError extends ProviderError {
  override name = "MemberNotFoundError";
  constructor(
    readonly memberUin: number,
    field: string,
  ) {
    super(
      `${field}: member ${memberUin} is not a member of this organization.`,
      "check the UIN in the Organization console (Members), or remove the field to create a new member.",
    );
  }
}
