/**
 * DeletePolicy: deletes a custom policy that is attached nowhere.
 */
import { Errors } from "../errors";
import { policyTypeOf, requireEnabled, requirePolicy, editablePolicyState } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DeletePolicy (organization 2021-03-31). */
export const deletePolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DeletePolicy",
  params: {
    PolicyId: { type: "integer", required: true },
    Type: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    const type = policyTypeOf(p.Type, Errors.policyParamError);
    const state = store.policyView();
    requireEnabled(state, type);
    const policy = requirePolicy(state, p.PolicyId, type);
    // Whether FullQcloudAccess can be deleted is undocumented (§7.4): refused with the generic ParamError, a guess.
    if (policy.kind === 2) throw Errors.policyParamError(`the preset policy ${policy.name} cannot be deleted`);
    const attached = state.attachments.filter((a) => a.policyId === policy.policyId).length;
    if (attached > 0) throw Errors.policyInUse(policy.policyId, attached);
    const next = editablePolicyState(state);
    next.policies = next.policies.filter((x) => x.policyId !== policy.policyId);
    store.setPolicyState(next);
    return {};
  },
});
