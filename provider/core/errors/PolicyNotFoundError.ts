import type { PolicyType } from "../../api/model";
import { ProviderError } from "./ProviderError";

/** A policy id the user named (to adopt, to attach, to look up) is not a policy of the organization, or it went away. */
export class PolicyNotFoundError extends ProviderError {
  override name = "PolicyNotFoundError";
  constructor(
    readonly policyId: number,
    readonly policyType: PolicyType | undefined,
    /** The input that named it. */
    readonly field: string,
    detail?: string,
  ) {
    super({
      summary: `${field}: policy ${policyId} is not a ${policyType ?? "policy"} of this organization`,
      detail,
      hint: "check the id and the type in the Organization console (Policy management) or with getOrganizationPolicy.",
    });
  }
}
