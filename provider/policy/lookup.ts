/**
 * The governance look-ups: a policy by id or name (`getOrganizationPolicy`), what Tencent computes
 * for a member or department (`getEffectivePolicy`), and what a member's tag policy finds
 * non-compliant (`getNonCompliantResources`). Run in the program's process with the same settings
 * as the provider (see kit/lookup.ts).
 */
import type { NonCompliantResource, PolicyType } from "../api/model";
import { fromConfig } from "../kit/lifecycle";
import { programConfig, requireOneWay } from "../kit/lookup";
import { type EffectivePolicy, PolicyLifecycle } from "./lifecycle";
import type { PolicyOutputs } from "./types";

/** Which policy to find: by id or by name, within a type (default SERVICE_CONTROL_POLICY). */
export type GetOrganizationPolicyArgs = { type?: PolicyType } & ({ policyId: number } | { name: string });

const lifecycle = () => new PolicyLifecycle(fromConfig(programConfig()));

/** Resolves to the policy (a preset such as FullQcloudAccess included, `preset: true`), or undefined when none matches. */
export async function getOrganizationPolicy(args: GetOrganizationPolicyArgs): Promise<(PolicyOutputs & { preset: boolean }) | undefined> {
  const { type = "SERVICE_CONTROL_POLICY", ...query } = args;
  requireOneWay("getOrganizationPolicy", query, [["policyId"], ["name"]]);
  return lifecycle().lookup({ type, ...query } as Parameters<PolicyLifecycle["lookup"]>[0]);
}

/** The policy Tencent computes for a member (UIN) or department (id); undefined when none applies. */
export async function getEffectivePolicy(args: { targetId: number }): Promise<EffectivePolicy | undefined> {
  requireOneWay("getEffectivePolicy", args, [["targetId"]]);
  return lifecycle().effectivePolicy(args.targetId);
}

/** The resources of a member that its effective tag policy finds non-compliant (optionally for one tag key). */
export async function getNonCompliantResources(args: { memberUin: number; tagKey?: string }): Promise<NonCompliantResource[]> {
  requireOneWay("getNonCompliantResources", { memberUin: args.memberUin }, [["memberUin"]]);
  return lifecycle().nonCompliantResources(args.memberUin, args.tagKey);
}
