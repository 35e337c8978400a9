import type { PolicyTarget } from "../../api/model";
import { ProviderError } from "./ProviderError";

/** Tencent refused to delete a policy that is still attached; the targets are named. */
export class PolicyInUseError extends ProviderError {
  override name = "PolicyInUseError";
  constructor(
    readonly policyId: number,
    readonly policyName: string,
    /** Where it is still attached (at the refusal). */
    readonly targets: readonly PolicyTarget[],
    code: string,
    requestId: string | undefined,
  ) {
    const named = targets
      .slice(0, 10)
      .map((t) => `${t.targetType === "NODE" ? "department" : "member"} ${t.targetId}${t.name ? ` (${t.name})` : ""}`)
      .join(", ");
    super({
      summary: `policy ${policyId} ("${policyName}") cannot be deleted: it is still attached`,
      code,
      requestId,
      detail:
        targets.length > 0
          ? `Attached to ${targets.length} target${targets.length === 1 ? "" : "s"}: ${named}${targets.length > 10 ? ", …" : ""}. ` +
            "Attachments declared in this stack are detached before the policy is deleted; these were made elsewhere (console, another stack)."
          : "Tencent reported no targets when asked afterwards; the attachment may have been removed meanwhile: run the command again.",
      hint: 'detach it from those targets (or remove the attachments from the stack that declares them), or set deletionPolicy: "retain" on the policy and run `pulumi up`, then destroy again.',
    });
  }
}
