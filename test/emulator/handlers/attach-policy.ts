/**
 * AttachPolicy: attaches a policy to a department (NODE, the root included) or a member (MEMBER).
 */
import { Errors } from "../errors";
import { attachmentRequest, attachmentsOf, editablePolicyState } from "../policy-rules";
import { formatApiTime } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** AttachPolicy (organization 2021-03-31). */
export const attachPolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "AttachPolicy",
  params: {
    TargetId: { type: "integer", required: true },
    TargetType: { type: "string", required: true },
    PolicyId: { type: "integer", required: true },
    Type: { type: "string", required: false },
  } as const,
  handle(p, { store, now, limits }) {
    const state = store.policyView();
    const { type, targetType, policy } = attachmentRequest(state, p);
    if (targetType === "NODE" && !store.getNode(p.TargetId)) throw Errors.nodeNotFound(p.TargetId);
    if (targetType === "MEMBER" && !store.getMember(p.TargetId)) throw Errors.organizationMemberNotExist([p.TargetId]);
    const carried = attachmentsOf(state, type, targetType, p.TargetId);
    // Attaching twice: no code is documented (§7.5); the emulator answers success and keeps one attachment — a guess.
    if (carried.some((a) => a.policyId === policy.policyId)) return {};
    if (carried.length >= limits.policyAttachmentLimit) throw Errors.attachmentFull(p.TargetId, limits.policyAttachmentLimit);
    const next = editablePolicyState(state);
    const ms = now();
    next.attachments.push({
      policyId: policy.policyId,
      type,
      targetType,
      targetId: p.TargetId,
      addTime: formatApiTime(ms),
      attachedAt: ms,
    });
    store.setPolicyState(next);
    return {};
  },
});
