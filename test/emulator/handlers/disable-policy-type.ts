/**
 * DisablePolicyType: disables a policy type. What happens to policies and attachments is undocumented (§7.3): the emulator
 * keeps the policies and drops every attachment of the type, so re-enabling SCP restores FullQcloudAccess only — a guess.
 */
import { Errors } from "../errors";
import { ORGANIZATION_ID, policyTypeOf, requireEnabled, editablePolicyState } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DisablePolicyType (organization 2021-03-31). */
export const disablePolicyType = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DisablePolicyType",
  params: {
    OrganizationId: { type: "integer", required: true },
    PolicyType: { type: "string", required: true },
  } as const,
  handle(p, { store }) {
    if (p.OrganizationId !== ORGANIZATION_ID)
      throw Errors.policyParamError(`OrganizationId ${p.OrganizationId} is not this organization (${ORGANIZATION_ID})`);
    const type = policyTypeOf(p.PolicyType, Errors.policyParamError);
    const state = store.policyView();
    requireEnabled(state, type);
    const next = editablePolicyState(state);
    next.enabled = next.enabled.filter((t) => t !== type);
    next.attachments = next.attachments.filter((a) => a.type !== type);
    store.setPolicyState(next);
    return {};
  },
});
