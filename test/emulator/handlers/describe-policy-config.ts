/**
 * DescribePolicyConfig: whether a policy type is enabled (`Type` 0 = SCP, 1 = tag policy; the answer's `Type` is the string).
 */
import { Errors } from "../errors";
import { ORGANIZATION_ID, POLICY_TYPES } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DescribePolicyConfig (organization 2021-03-31). */
export const describePolicyConfig = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribePolicyConfig",
  params: {
    OrganizationId: { type: "integer", required: true },
    Type: { type: "integer", required: false },
  } as const,
  handle(p, { store }) {
    // Another organization's id: ResourceNotFound.OrganizationNotExist (listed) — the case is a guess.
    if (p.OrganizationId !== ORGANIZATION_ID) throw Errors.organizationNotExist(p.OrganizationId);
    const index = p.Type ?? 0;
    if (index !== 0 && index !== 1) throw Errors.invalidParameter("Type must be 0 (service control policy) or 1 (tag policy).");
    const type = POLICY_TYPES[index];
    return { Status: store.policyView().enabled.includes(type) ? 1 : 0, Type: type };
  },
});
