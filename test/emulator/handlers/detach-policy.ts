/**
 * DetachPolicy: removes a policy from a department or member. A target keeps at least one service control policy.
 */
import { Errors } from "../errors";
import { attachmentRequest, attachmentsOf, editablePolicyState } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DetachPolicy (organization 2021-03-31). */
export const detachPolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DetachPolicy",
  params: {
    TargetId: { type: "integer", required: true },
    TargetType: { type: "string", required: true },
    PolicyId: { type: "integer", required: true },
    Type: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    const state = store.policyView();
    const { type, targetType, policy } = attachmentRequest(state, p);
    const carried = attachmentsOf(state, type, targetType, p.TargetId);
    // Not attached (or no such target): no specific code is documented (§7.5); the listed OrganizationDetachPolicyError — a guess.
    if (!carried.some((a) => a.policyId === policy.policyId)) throw Errors.detachPolicyError(policy.policyId, p.TargetId);
    // The target's last SCP (errors.go: 解绑最后一个策略失败); applying it to SCPs only is a guess.
    if (type === "SERVICE_CONTROL_POLICY" && carried.length === 1) throw Errors.detachLastPolicyError(p.TargetId);
    const next = editablePolicyState(state);
    next.attachments = next.attachments.filter(
      (a) => !(a.policyId === policy.policyId && a.targetType === targetType && a.targetId === p.TargetId),
    );
    store.setPolicyState(next);
    return {};
  },
});
