/**
 * CreatePolicy: creates a service control policy or a tag policy (reference `tencent-policies.md` §1).
 */
import { Errors } from "../errors";
import {
  checkPolicyContent,
  checkPolicyName,
  checkPolicyNameFree,
  descriptionFits,
  MAX_POLICY_DESCRIPTION_BYTES,
  policyTypeOf,
  requireEnabled,
  editablePolicyState,
} from "../policy-rules";
import { formatApiTime } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** CreatePolicy (organization 2021-03-31). */
export const createPolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "CreatePolicy",
  params: {
    Name: { type: "string", required: true },
    Content: { type: "string", required: true },
    Type: { type: "string", required: true },
    Description: { type: "string", required: false },
  } as const,
  handle(p, { store, now, limits }) {
    const type = policyTypeOf(p.Type, Errors.policyParamError);
    const state = store.policyView();
    requireEnabled(state, type);
    checkPolicyName(p.Name);
    // Create lists no description code; UpdatePolicy's says 300 bytes: the generic ParamError here is a guess.
    if (p.Description !== undefined && !descriptionFits(p.Description))
      throw Errors.policyParamError(`Description may not be longer than ${MAX_POLICY_DESCRIPTION_BYTES} bytes`);
    checkPolicyContent(type, p.Content);
    checkPolicyNameFree(state, type, p.Name);
    const custom = state.policies.filter((policy) => policy.type === type && policy.kind === 1).length;
    if (type === "SERVICE_CONTROL_POLICY" && custom >= limits.policyLimit) throw Errors.policyFull(limits.policyLimit);
    if (type === "TAG_POLICY" && custom >= limits.tagPolicyLimit) throw Errors.tagPolicyLimit(limits.tagPolicyLimit);
    const next = editablePolicyState(state);
    const ms = now();
    const time = formatApiTime(ms);
    const policyId = next.nextPolicyId++;
    next.policies.push({
      policyId,
      type,
      name: p.Name,
      description: p.Description ?? "",
      content: p.Content,
      kind: 1,
      addTime: time,
      updateTime: time,
      updatedAt: ms,
    });
    store.setPolicyState(next);
    return { PolicyId: policyId };
  },
});
