/**
 * The organization policy actions (service control and tag policies, their attachments and the
 * policy types), in the provider's terms: requests are built and answers read here, so callers
 * never see Tencent's field names or its three spellings of a policy type and two of a target type
 * (reference tencent-policies.md §0, §6 pitfall 8).
 */
import { TencentApiError, UnexpectedAnswerError } from "../core/errors";
import type { ResponseOf } from "./call/actions";
import type { TencentApi } from "./call/client";
import { reactionTo } from "./call/codes";
import type {
  ListedPolicy,
  NewPolicy,
  NonCompliantResource,
  OrganizationFacts,
  PolicyTarget,
  PolicyType,
  PolicyUpdate,
  ReportedEffectivePolicy,
  ReportedPolicy,
  TargetType,
} from "./model";

/** ListPolicies and ListTargetsForPolicy return at most this many rows per page (Rp 1–200). */
export const POLICY_PAGE_SIZE = 200;
/** ListNonCompliantResource returns at most this many resources per page (MaxResults 1–50). */
export const NON_COMPLIANT_PAGE_SIZE = 50;

/** DescribePolicyConfig takes the type as a number (§0): 0 service control, 1 tag. */
const TYPE_NUMBER: Readonly<Record<PolicyType, number>> = { SERVICE_CONTROL_POLICY: 0, TAG_POLICY: 1 };

/** ListTargetsForPolicy reports a target's kind as 1 (department) or 2 (member). */
const RELATED_TYPE: Readonly<Record<number, TargetType>> = { 1: "NODE", 2: "MEMBER" };

/** Typed organization calls for policies. */
export class PolicyApi {
  constructor(readonly api: TencentApi) {}

  /** Every policy of `type` (presets included), without documents: ⌈policies / 200⌉ ListPolicies calls. */
  async list(type: PolicyType, keyword?: string): Promise<ListedPolicy[]> {
    const policies: ListedPolicy[] = [];
    for (let page = 1; ; page++) {
      const answer = await this.api.call("ListPolicies", {
        Rp: POLICY_PAGE_SIZE,
        Page: page,
        PolicyType: type,
        ...(keyword ? { Keyword: keyword } : {}),
      });
      const rows = answer.List ?? [];
      for (const row of rows) {
        if (typeof row.PolicyId !== "number")
          throw new UnexpectedAnswerError("ListPolicies", "a policy without PolicyId", answer.RequestId);
        policies.push({
          policyId: row.PolicyId,
          type,
          name: row.PolicyName ?? "",
          description: row.Description ?? "",
          preset: row.Type === 2,
          addTime: row.AddTime ?? "",
          updateTime: row.UpdateTime ?? "",
          attachedTimes: row.AttachedTimes ?? 0,
        });
      }
      // Page by the total each page reports, as for departments: policies may come and go while listing.
      if (rows.length < POLICY_PAGE_SIZE || page * POLICY_PAGE_SIZE >= (answer.TotalNum ?? 0)) return policies;
    }
  }

  /**
   * One policy with its document, or undefined when Tencent answers that it does not exist — one of
   * the three "not found" codes DescribePolicy documents (which one comes when is unverified, §2).
   */
  async describe(policyId: number, type: PolicyType): Promise<ReportedPolicy | undefined> {
    try {
      const answer = await this.api.call("DescribePolicy", { PolicyId: policyId, PolicyType: type });
      return {
        policyId: answer.PolicyId ?? policyId,
        type,
        name: answer.PolicyName ?? "",
        description: answer.Description ?? "",
        content: answer.PolicyDocument ?? "",
        preset: answer.Type === 2,
        addTime: answer.AddTime ?? "",
        updateTime: answer.UpdateTime ?? "",
        requestId: answer.RequestId,
      };
    } catch (error) {
      if (error instanceof TencentApiError && reactionTo(error.code, error.action) === "policyNotFound") return undefined;
      throw error;
    }
  }

  /**
   * Sends CreatePolicy once (throttling aside). Not retried on an unknown outcome: the caller looks
   * for the policy first (by name and ownership marker), or it could be refused as a name in use.
   */
  async create(policy: NewPolicy): Promise<{ policyId: number; requestId?: string }> {
    const answer = await this.api.call(
      "CreatePolicy",
      {
        Name: policy.name,
        Content: policy.content,
        // Required on the wire although a doc comment says it defaults (§1): always sent.
        Type: policy.type,
        Description: policy.description,
      },
      { idempotent: false },
    );
    if (typeof answer.PolicyId !== "number") throw new UnexpectedAnswerError("CreatePolicy", "no PolicyId", answer.RequestId);
    return { policyId: answer.PolicyId, requestId: answer.RequestId };
  }

  /** Changes name, description or content; values, so safe to repeat. The type never changes (§6 pitfall 1). */
  async update(policyId: number, type: PolicyType, update: PolicyUpdate): Promise<void> {
    await this.api.call("UpdatePolicy", {
      PolicyId: policyId,
      Type: type,
      ...(update.name !== undefined ? { Name: update.name } : {}),
      ...(update.description !== undefined ? { Description: update.description } : {}),
      ...(update.content !== undefined ? { Content: update.content } : {}),
    });
  }

  /** Deletes a custom policy; Tencent refuses while it is attached anywhere. */
  async delete(policyId: number, type: PolicyType): Promise<void> {
    await this.api.call("DeletePolicy", { PolicyId: policyId, Type: type });
  }

  /**
   * Every target the policy is attached to: ⌈targets / 200⌉ ListTargetsForPolicy calls (Terraform
   * reads only the first page of 20, §6 pitfall 3). Undefined when the policy does not exist.
   */
  async targetsOf(policyId: number, type: PolicyType): Promise<PolicyTarget[] | undefined> {
    const targets: PolicyTarget[] = [];
    for (let page = 1; ; page++) {
      let answer: ResponseOf<"ListTargetsForPolicy">;
      try {
        answer = await this.api.call("ListTargetsForPolicy", { PolicyId: policyId, PolicyType: type, Rp: POLICY_PAGE_SIZE, Page: page });
      } catch (error) {
        if (error instanceof TencentApiError && reactionTo(error.code, error.action) === "policyNotFound") return undefined;
        throw error;
      }
      const rows = answer.List ?? [];
      for (const row of rows) {
        const targetType = RELATED_TYPE[row.RelatedType ?? 0];
        if (typeof row.Uin !== "number" || !targetType)
          throw new UnexpectedAnswerError("ListTargetsForPolicy", "a target without Uin or RelatedType 1/2", answer.RequestId);
        targets.push({ targetType, targetId: row.Uin, name: row.Name ?? "", addTime: row.AddTime ?? "" });
      }
      if (rows.length < POLICY_PAGE_SIZE || page * POLICY_PAGE_SIZE >= (answer.TotalNum ?? 0)) return targets;
    }
  }

  /** Attaches the policy to a department or member. Tencent documents no "already attached" answer. */
  async attach(policyId: number, type: PolicyType, targetType: TargetType, targetId: number): Promise<void> {
    // Not repeated blindly on an unknown outcome: the caller looks at the targets instead.
    await this.api.call(
      "AttachPolicy",
      { PolicyId: policyId, Type: type, TargetType: targetType, TargetId: targetId },
      { idempotent: false },
    );
  }

  /** Detaches the policy. Tencent documents no "not attached" answer: the caller looks after a refusal. */
  async detach(policyId: number, type: PolicyType, targetType: TargetType, targetId: number): Promise<void> {
    await this.api.call(
      "DetachPolicy",
      { PolicyId: policyId, Type: type, TargetType: targetType, TargetId: targetId },
      { idempotent: false },
    );
  }

  /** The organization's id and root department (DescribeOrganization). */
  async organization(): Promise<OrganizationFacts> {
    const answer = await this.api.call("DescribeOrganization", { Lang: "en" });
    if (typeof answer.OrgId !== "number" || typeof answer.RootNodeId !== "number")
      throw new UnexpectedAnswerError(
        "DescribeOrganization",
        "no OrgId or RootNodeId: is this account in an organization?",
        answer.RequestId,
      );
    return { organizationId: answer.OrgId, rootNodeId: answer.RootNodeId };
  }

  /** Whether `type` is enabled for the organization (DescribePolicyConfig Status 1). */
  async typeEnabled(organizationId: number, type: PolicyType): Promise<boolean> {
    const answer = await this.api.call("DescribePolicyConfig", { OrganizationId: organizationId, Type: TYPE_NUMBER[type] });
    return answer.Status === 1;
  }

  /** Enables a policy type. Not idempotent on Tencent's codes (§2): the caller looks after a refusal. */
  async enableType(organizationId: number, type: PolicyType): Promise<void> {
    await this.api.call("EnablePolicyType", { OrganizationId: organizationId, PolicyType: type }, { idempotent: false });
  }

  /** Disables a policy type. Not idempotent on Tencent's codes (§2): the caller looks after a refusal. */
  async disableType(organizationId: number, type: PolicyType): Promise<void> {
    await this.api.call("DisablePolicyType", { OrganizationId: organizationId, PolicyType: type }, { idempotent: false });
  }

  /** What Tencent computes for a member or department; undefined when no policy applies (ResourceNotFound.EffectivePolicyNotFound). */
  async effectivePolicy(targetId: number): Promise<ReportedEffectivePolicy | undefined> {
    try {
      const answer = await this.api.call("DescribeEffectivePolicy", { TargetId: targetId });
      const policy = answer.EffectivePolicy;
      if (!policy) return undefined;
      return {
        targetId: policy.TargetId ?? targetId,
        content: policy.PolicyContent ?? "",
        lastUpdatedTimestamp: policy.LastUpdatedTimestamp ?? 0,
      };
    } catch (error) {
      if (error instanceof TencentApiError && reactionTo(error.code, error.action) === "effectivePolicyNotFound") return undefined;
      throw error;
    }
  }

  /** Every resource of the member the effective tag policy finds non-compliant, page by page (50 per call). */
  async nonCompliant(memberUin: number, tagKey?: string): Promise<NonCompliantResource[]> {
    const resources: NonCompliantResource[] = [];
    let token = "";
    // The end of the list is undocumented (§7.12): a page without a token, or an empty page, ends it.
    for (;;) {
      const answer = await this.api.call("ListNonCompliantResource", {
        MaxResults: NON_COMPLIANT_PAGE_SIZE,
        MemberUin: memberUin,
        ...(token ? { PaginationToken: token } : {}),
        ...(tagKey ? { TagKey: tagKey } : {}),
      });
      const items = answer.Items ?? [];
      for (const item of items) {
        const details = item.ComplianceDetails;
        resources.push({
          resource: item.Resource ?? "",
          compliant: details?.ComplianceStatus ?? false,
          nonCompliantKeys: details?.NonCompliantKeys ?? [],
          keysWithNonCompliantValues: details?.KeysWithNonCompliantValues ?? [],
          tags: Object.fromEntries((item.Tags ?? []).map((t) => [t.TagKey ?? "", t.TagValue ?? ""])),
        });
      }
      if (!answer.PaginationToken || items.length === 0 || answer.PaginationToken === token) return resources;
      token = answer.PaginationToken;
    }
  }
}
