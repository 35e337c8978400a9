/**
 * UpdatePolicy: changes a custom policy's name, description or content; fields left out keep their value
 * (partial update: undocumented, §7.10 — a guess). The type cannot change: `Type` only says where to look.
 */
import { Errors } from "../errors";
import {
  checkPolicyContent,
  checkPolicyName,
  checkPolicyNameFree,
  descriptionFits,
  policyTypeOf,
  requireEnabled,
  requirePolicy,
  editablePolicyState,
} from "../policy-rules";
import { formatApiTime } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** UpdatePolicy (organization 2021-03-31). */
export const updatePolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "UpdatePolicy",
  params: {
    PolicyId: { type: "integer", required: true },
    Description: { type: "string", required: false },
    Content: { type: "string", required: false },
    Name: { type: "string", required: false },
    Type: { type: "string", required: false },
  } as const,
  handle(p, { store, now }) {
    const type = policyTypeOf(p.Type, Errors.policyParamError);
    const state = store.policyView();
    requireEnabled(state, type);
    const policy = requirePolicy(state, p.PolicyId, type);
    // Whether FullQcloudAccess can be changed is undocumented (§7.4): refused with the generic ParamError, a guess.
    if (policy.kind === 2) throw Errors.policyParamError(`the preset policy ${policy.name} cannot be changed`);
    if (p.Name !== undefined) {
      checkPolicyName(p.Name);
      checkPolicyNameFree(state, type, p.Name, policy.policyId);
    }
    if (p.Description !== undefined && !descriptionFits(p.Description)) throw Errors.descriptionLengthOverlimit();
    if (p.Content !== undefined) checkPolicyContent(type, p.Content);
    const next = editablePolicyState(state);
    const ms = now();
    const stored = next.policies.find((x) => x.policyId === policy.policyId)!;
    Object.assign(stored, {
      name: p.Name ?? stored.name,
      description: p.Description ?? stored.description,
      content: p.Content ?? stored.content,
      updateTime: formatApiTime(ms),
      updatedAt: ms,
    });
    store.setPolicyState(next);
    return {};
  },
});
