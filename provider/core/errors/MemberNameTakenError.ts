import { ProviderError } from "./ProviderError";

/**
 * The member name is already used by a member this resource did not create. Taking it over
 * silently could hand one team's account to another, so the user must say so explicitly.
 */
export class MemberNameTakenError extends ProviderError {
  override name = "MemberNameTakenError";
  constructor(
    readonly memberName: string,
    readonly existingUin: number | undefined,
    code?: string,
    requestId?: string,
  ) {
    super({
      summary:
        `the member name "${memberName}" is already used` +
        (existingUin ? ` by member ${existingUin}` : "") +
        ", which this resource did not create",
      code,
      requestId,
      hint: existingUin
        ? `choose another name, or set \`adoptMemberUin: ${existingUin}\` to manage that existing member with this resource.`
        : "choose another name.",
    });
  }
}
