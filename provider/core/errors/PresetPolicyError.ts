import { ProviderError } from "./ProviderError";

/** A preset policy (FullQcloudAccess) is Tencent's: a stack may attach it, never adopt, change or delete it. */
export class PresetPolicyError extends ProviderError {
  override name = "PresetPolicyError";
  constructor(
    readonly policyId: number,
    readonly policyName: string,
  ) {
    super({
      summary: `adoptPolicyId: policy ${policyId} ("${policyName}") is a preset policy of Tencent's and cannot be managed`,
      hint: "attach it with an OrganizationPolicyAttachment (its policyId from getOrganizationPolicy) instead of adopting it.",
    });
  }
}
