/**
 * ListPoliciesForTarget: the policies attached directly to a member or department (inherited ones are not listed: undocumented,
 * a guess), in attachment order, paged by Rp/Page.
 */
import { Errors } from "../errors";
import { attachmentsOf, policyPage, policyTypeOf, resolveTarget } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** ListPoliciesForTarget (organization 2021-03-31). */
export const listPoliciesForTarget = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "ListPoliciesForTarget",
  params: {
    TargetId: { type: "integer", required: true },
    Rp: { type: "integer", required: false },
    Page: { type: "integer", required: false },
    PolicyType: { type: "string", required: false },
    Keyword: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    const { start, end } = policyPage(p.Rp, p.Page);
    const type = policyTypeOf(p.PolicyType, Errors.invalidParameter);
    const target = resolveTarget(store, p.TargetId);
    if (!target) throw Errors.targetNotFound(p.TargetId);
    const state = store.policyView();
    const items = attachmentsOf(state, type, target.targetType, p.TargetId).flatMap((a) => {
      const policy = state.policies.find((x) => x.policyId === a.policyId);
      // Keyword: a substring of the policy name (matching rule undocumented — a guess).
      if (!policy || (p.Keyword && !policy.name.includes(p.Keyword))) return [];
      return [
        {
          StrategyId: policy.policyId,
          StrategyName: policy.name,
          Remark: policy.description,
          Uin: p.TargetId,
          Type: target.targetType === "NODE" ? 1 : 2,
          AddTime: policy.addTime,
          UpdateTime: policy.updateTime,
          Name: target.name,
          AttachTime: a.addTime,
        },
      ];
    });
    return { TotalNum: items.length, List: items.slice(start, end) };
  },
});
