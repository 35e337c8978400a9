/**
 * DescribePolicy: one policy with its document, returned exactly as stored (verbatim: §1, §6 — Terraform's acceptance test
 * implies it; the page's `strategyInfo` example is not reproduced, a guess).
 */
import { Errors } from "../errors";
import { policyTypeOf, requirePolicy } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DescribePolicy (organization 2021-03-31). */
export const describePolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribePolicy",
  params: {
    PolicyId: { type: "integer", required: true },
    PolicyType: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    const policy = requirePolicy(store.policyView(), p.PolicyId, policyTypeOf(p.PolicyType, Errors.invalidParameter));
    return {
      PolicyId: policy.policyId,
      PolicyName: policy.name,
      Type: policy.kind,
      Description: policy.description,
      PolicyDocument: policy.content,
      UpdateTime: policy.updateTime,
      AddTime: policy.addTime,
    };
  },
});
