import type { PolicyType } from "../../api/model";
import { ProviderError } from "./ProviderError";

/** A policy name is held by a policy this resource did not create. */
export class PolicyNameTakenError extends ProviderError {
  override name = "PolicyNameTakenError";
  constructor(
    readonly policyName: string,
    readonly policyType: PolicyType,
    /** The policy holding the name, when the look-up found it. */
    readonly holderId: number | undefined,
    code: string,
    requestId: string | undefined,
  ) {
    super({
      summary: `name: the ${policyType} name "${policyName}" is taken${holderId !== undefined ? ` by policy ${holderId}` : ""}, which this resource did not create`,
      code,
      requestId,
      detail:
        "The provider takes a policy of that name only when its description ends with this resource's ownership marker (written at creation), " +
        "so a policy made by hand or by another stack is never taken over.",
      hint:
        holderId !== undefined
          ? `choose another name, or manage that policy with adoptPolicyId: ${holderId} (its content is then set to what the program declares).`
          : "choose another name, or adopt the policy that holds it with adoptPolicyId.",
    });
  }
}
