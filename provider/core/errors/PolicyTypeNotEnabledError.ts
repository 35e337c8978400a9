import type { PolicyType } from "../../api/model";
import { ProviderError } from "./ProviderError";

/** A policy call was refused because its policy type is not enabled for the organization. */
export class PolicyTypeNotEnabledError extends ProviderError {
  override name = "PolicyTypeNotEnabledError";
  constructor(
    readonly policyType: PolicyType,
    /** What was being done: "create the policy", "attach policy 100001 to department 42". */
    readonly attempted: string,
    code: string,
    requestId: string | undefined,
  ) {
    super({
      summary: `could not ${attempted}: the policy type ${policyType} is not enabled for the organization`,
      code,
      requestId,
      hint:
        `declare \`new OrganizationPolicyType("${policyType === "TAG_POLICY" ? "tag-policies" : "service-control"}", { type: "${policyType}" })\` ` +
        "and give it in `dependsOn` of the policies and attachments of that type, or enable the type in the console (Organization → Policy management).",
    });
  }
}
