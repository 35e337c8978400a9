/**
 * OrganizationPolicy's dynamic provider: the kit's lifecycle skeleton run with the policy's kind
 * (kind.ts), plus the look-ups of `getOrganizationPolicy`, `getEffectivePolicy` and
 * `getNonCompliantResources`. One instance serves every policy of a provider process, so they
 * share one reader.
 */
import type { NonCompliantResource, PolicyType, ReportedPolicy } from "../api/model";
import { type LifecycleSource, ResourceLifecycle } from "../kit/lifecycle";
import type { PolicyChangeEffect } from "./diff";
import { parseReportedContent } from "./document";
import { type PolicyConnection, POLICY_KIND } from "./kind";
import type { PolicyUpdatePlan } from "./plan";
import { toPolicyOutputs } from "./state";
import type { PolicyInputs, PolicyOutputs } from "./types";

/** Which policy a look-up asks for: by id, or by name; both within one type. */
export type PolicyQuery = { type: PolicyType } & ({ policyId: number } | { name: string });

/** What Tencent computes for a member or department from every policy attached above and to it. */
export interface EffectivePolicy {
  targetId: number;
  /** The merged document, canonical (equal meaning, equal text). */
  content: string;
  /** The same document as an object. */
  document: unknown;
  /** Unix seconds of the last change Tencent reports. */
  lastUpdatedTimestamp: number;
}

/** The dynamic provider of OrganizationPolicy. */
export class PolicyLifecycle extends ResourceLifecycle<
  PolicyInputs,
  PolicyOutputs,
  ReportedPolicy,
  PolicyUpdatePlan,
  PolicyConnection,
  PolicyChangeEffect
> {
  constructor(source: LifecycleSource) {
    super(POLICY_KIND, source);
  }

  /** Looks a policy up (presets included); undefined when none matches. One ListPolicies listing for a name, one DescribePolicy. */
  async lookup(query: PolicyQuery): Promise<(PolicyOutputs & { preset: boolean }) | undefined> {
    const { reader } = this.connected;
    const policyId = "policyId" in query ? query.policyId : (await reader.list(query.type)).find((p) => p.name === query.name)?.policyId;
    const policy = policyId === undefined ? undefined : await reader.read(policyId, query.type);
    return policy ? { ...toPolicyOutputs(policy, {}), preset: policy.preset } : undefined;
  }

  /** The effective policy of a member or department; undefined when none applies. */
  async effectivePolicy(targetId: number): Promise<EffectivePolicy | undefined> {
    const effective = await this.connected.policies.effectivePolicy(targetId);
    if (!effective) return undefined;
    // Tencent's only example is a merged tag policy (operators stripped); its shape is not a policy type's syntax, so only JSON is normalised.
    const content = parseReportedContent(undefined, effective.content);
    let document: unknown;
    try {
      document = JSON.parse(content);
    } catch {
      document = content;
    }
    return { targetId: effective.targetId, content, document, lastUpdatedTimestamp: effective.lastUpdatedTimestamp };
  }

  /** The resources of a member its effective tag policy finds non-compliant (optionally for one tag key). */
  async nonCompliantResources(memberUin: number, tagKey?: string): Promise<NonCompliantResource[]> {
    return this.connected.policies.nonCompliant(memberUin, tagKey);
  }
}
