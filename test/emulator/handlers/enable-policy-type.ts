/**
 * EnablePolicyType: enables a policy type for the organization. Enabling SCP binds every department and member to
 * FullQcloudAccess at once (page 1031/51870; synchronous here, §7.11 — a guess).
 */
import { Errors } from "../errors";
import { bindFullAccess, ORGANIZATION_ID, policyTypeOf, editablePolicyState } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** EnablePolicyType (organization 2021-03-31). */
export const enablePolicyType = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "EnablePolicyType",
  params: {
    OrganizationId: { type: "integer", required: true },
    PolicyType: { type: "string", required: true },
  } as const,
  handle(p, { store, now }) {
    // Another organization's id: no specific code is listed; the generic ParamError — a guess.
    if (p.OrganizationId !== ORGANIZATION_ID)
      throw Errors.policyParamError(`OrganizationId ${p.OrganizationId} is not this organization (${ORGANIZATION_ID})`);
    const type = policyTypeOf(p.PolicyType, Errors.policyParamError);
    const state = store.policyView();
    if (state.enabled.includes(type)) throw Errors.policyTypeNotDisabled(type);
    const next = editablePolicyState(state);
    next.enabled.push(type);
    if (type === "SERVICE_CONTROL_POLICY") bindFullAccess(next, store.nodeView(), store.memberView(), now());
    store.setPolicyState(next);
    return {};
  },
});
