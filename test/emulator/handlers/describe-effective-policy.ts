/**
 * DescribeEffectivePolicy: the merged tag policy of a member or department (the only documented example is a tag policy; SCPs are
 * not served — a guess), operators stripped, inherited from the root and departments above (policy-rules.ts `effectiveTagPolicy`).
 */
import { Errors } from "../errors";
import { effectiveTagPolicy, resolveTarget } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** DescribeEffectivePolicy (organization 2021-03-31). */
export const describeEffectivePolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "DescribeEffectivePolicy",
  params: {
    TargetId: { type: "integer", required: true },
  } as const,
  handle(p, { store }) {
    const target = resolveTarget(store, p.TargetId);
    // Neither a member nor a department: the generic InvalidParameter (listed) — a guess.
    if (!target) throw Errors.invalidParameter(`The target ${p.TargetId} is neither a member nor a department.`);
    const effective = effectiveTagPolicy(store, target.targetType, p.TargetId);
    if (!effective) throw Errors.effectivePolicyNotFound(p.TargetId);
    return {
      EffectivePolicy: {
        TargetId: p.TargetId,
        PolicyContent: JSON.stringify({ tags: effective.tags }),
        LastUpdatedTimestamp: Math.floor(effective.updatedAt / 1000),
      },
    };
  },
});
