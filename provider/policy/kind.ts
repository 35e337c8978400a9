/**
 * What is a policy's own in the lifecycle skeleton (kit/lifecycle.ts): its decisions (check.ts,
 * diff.ts, plan.ts, state.ts, document.ts), what "my own" means (the same name and type, and a
 * description ending with this resource's ownership marker — policies carry no tags), and what a
 * refused deletion says about where the policy is still attached.
 */
import type { TencentApi } from "../api/call/client";
import { reactionTo } from "../api/call/codes";
import { type PolicyType, POLICY_TYPES, type ReportedPolicy } from "../api/model";
import { PolicyApi } from "../api/policies";
import { PolicyReader } from "../api/policyReader";
import { PolicyInUseError, PolicyNameTakenError, PolicyNotFoundError, PolicyTypeNotEnabledError, PresetPolicyError } from "../core/errors";
import type { Connection, ResourceKind } from "../kit/lifecycle";
import { checkPolicy } from "./check";
import { diffPolicy, type PolicyChangeEffect } from "./diff";
import { describeContentChanges } from "./document";
import { policyOwnerMarker } from "./ownership";
import { planPolicyUpdate, type PolicyUpdatePlan } from "./plan";
import { splitDescription, storedDescription } from "./rules";
import { toPolicyOutputs, toRefreshedPolicyInputs, unreportedPolicyInputs } from "./state";
import type { PolicyInputs, PolicyOutputs } from "./types";

/** What a policy's calls work with. */
export interface PolicyConnection extends Connection {
  policies: PolicyApi;
  reader: PolicyReader;
}

/** The collaborators of policies (and their attachments and types) on the process's client. */
export function connectPolicies(api: TencentApi): PolicyConnection {
  const policies = new PolicyApi(api);
  return { api, policies, reader: new PolicyReader(policies, api.clock) };
}

/** The types to look under: the state's, or both when a state does not say (`OrganizationPolicy.get`). */
const typesOf = (known: Partial<PolicyOutputs>): readonly PolicyType[] => (known.type ? [known.type] : POLICY_TYPES);

/** The policy `policyId`, under the state's type (or either); fresh when `fresh`. */
async function find(
  c: PolicyConnection,
  policyId: number,
  known: Partial<PolicyOutputs>,
  fresh = false,
): Promise<ReportedPolicy | undefined> {
  for (const type of typesOf(known)) {
    const found = fresh ? await c.policies.describe(policyId, type) : await c.reader.read(policyId, type);
    if (found) return found;
  }
  return undefined;
}

/** OrganizationPolicy, for the lifecycle skeleton. */
export const POLICY_KIND: ResourceKind<
  PolicyInputs,
  PolicyOutputs,
  ReportedPolicy,
  PolicyUpdatePlan,
  PolicyConnection,
  PolicyChangeEffect
> = {
  noun: "policy",

  check: checkPolicy,
  diff: diffPolicy,
  plan: planPolicyUpdate,
  toOutputs: (reported, declared) => toPolicyOutputs(reported, declared),
  unreported: unreportedPolicyInputs,
  idOutputs: (policyId) => ({ policyId }),
  toRefreshedInputs: toRefreshedPolicyInputs,
  ownerMarker: policyOwnerMarker,
  ownedBy: (reported, marker) => marker !== undefined && splitDescription(reported.description).marker === marker,
  idOf: (policy) => policy.policyId,
  describe: (inputs) => `"${inputs.name}"`,
  explainDiff: (id, olds, news, changed) => {
    const notes: string[] = [];
    if (changed.has("content") && olds.content !== undefined && typeof news.content === "string") {
      const lines = describeContentChanges(news.type ?? olds.type ?? "SERVICE_CONTROL_POLICY", olds.content, news.content);
      if (lines.length > 0) notes.push(`policy ${id} ("${olds.name ?? news.name}"): content changes: ${lines.join("; ")}`);
    }
    if (changed.has("ownerMarker"))
      notes.push(`policy ${id} lost its ownership marker (removed from its description outside Pulumi): the update writes it again`);
    return notes;
  },
  previewWarnings: async (c, id, olds) => {
    if ((olds.deletionPolicy ?? "delete") !== "delete" || !olds.type) return [];
    const targets = (await c.reader.targetsOf(Number(id), olds.type)) ?? [];
    if (targets.length === 0) return [];
    return [
      `policy ${id} ("${olds.name}") is replaced and is attached to ${targets.length} target(s): the stack's attachments move to the new policy ` +
        "before the old one is deleted; an attachment made outside the stack makes its deletion fail, naming the target",
    ];
  },

  connect: (api) => connectPolicies(api),
  adoptedId: (inputs) => inputs.adoptPolicyId,
  adopt: async (c, policyId, inputs) => {
    const policy = await c.policies.describe(policyId, inputs.type);
    if (!policy) throw new PolicyNotFoundError(policyId, inputs.type, "adoptPolicyId");
    if (policy.preset) throw new PresetPolicyError(policyId, policy.name);
    return policy;
  },
  send: async (c, inputs, marker) => {
    const { policyId, requestId } = await c.policies.create({
      type: inputs.type,
      name: inputs.name,
      description: storedDescription(inputs.description, marker),
      content: inputs.content,
    });
    return { id: policyId, requestId };
  },
  // Always fresh: ListPolicies by name (Keyword), then the match's description, where the marker is.
  findByName: async (c, inputs) => {
    const listed = (await c.policies.list(inputs.type, inputs.name)).find((p) => p.name === inputs.name);
    return listed ? c.policies.describe(listed.policyId, inputs.type) : undefined;
  },
  nameTaken: (inputs, holder, error) => new PolicyNameTakenError(inputs.name, inputs.type, holder?.policyId, error.code, error.requestId),
  createRefused: async (_c, inputs, error) => {
    if (reactionTo(error.code, error.action) === "policyTypeNotEnabled")
      throw new PolicyTypeNotEnabledError(inputs.type, `create the policy "${inputs.name}"`, error.code, error.requestId);
    throw error;
  },
  read: (c, policyId, known) => find(c, policyId, known),
  expectReadBack: (c) => c.reader.expectRead(),
  // From the shared listing sent after the change (the read-backs of policies created together
  // share one ListPolicies), with the document just sent: ListPolicies carries none, and Tencent
  // stores the document it was given (a refresh reads it with DescribePolicy and compares by meaning).
  readBack: async (c, policyId, why, known) => {
    const type = known.type;
    const listed = type && known.content !== undefined ? (await c.reader.list(type)).find((p) => p.policyId === policyId) : undefined;
    if (listed) {
      const { attachedTimes: _, ...reported } = listed;
      return { ...reported, content: known.content as string };
    }
    const policy = await find(c, policyId, known, true);
    if (policy) return policy;
    throw new PolicyNotFoundError(
      policyId,
      known.type,
      "policyId",
      why === "created"
        ? "CreatePolicy answered, but DescribePolicy does not find the policy."
        : "It was deleted while being updated; run `pulumi up --refresh` to create it again.",
    );
  },
  apply: async (c, policyId, plan, current, desired) => {
    if (plan.restoredMarker)
      c.api.log.info(`policy ${policyId}: writing its ownership marker [pulumi:${plan.restoredMarker}] into its description again`);
    if (plan.updatePolicy) await c.policies.update(policyId, current.type ?? desired.type, plan.updatePolicy);
  },
  updateRefused: async (c, error, current, desired) => {
    const type = current.type ?? desired.type;
    switch (reactionTo(error.code, error.action)) {
      case "nameUsed": {
        const holder = (await c.policies.list(type, desired.name)).find((p) => p.name === desired.name);
        return new PolicyNameTakenError(desired.name, type, holder?.policyId, error.code, error.requestId);
      }
      case "policyNotFound":
        return new PolicyNotFoundError(
          current.policyId ?? 0,
          type,
          "policyId",
          `${error.action} answered ${error.code}: it was deleted while being updated; run \`pulumi up --refresh\` to create it again.`,
        );
      case "policyTypeNotEnabled":
        return new PolicyTypeNotEnabledError(type, `update policy ${current.policyId}`, error.code, error.requestId);
      default:
        return undefined;
    }
  },

  deletionPolicy: (outputs) => outputs.deletionPolicy ?? "delete",
  retained: (id, outputs) =>
    `policy ${id} ("${outputs.name}") retained (deletionPolicy "retain"): dropped from the stack; it stays in the organization with its attachments`,
  remove: async (c, policyId, outputs) => {
    await c.policies.delete(policyId, outputs.type);
    return `policy ${policyId} ("${outputs.name}") deleted`;
  },
  // Tencent documents "not found" codes for DeletePolicy, but the kit decides "already gone" by looking.
  lookAfterRefusal: (c, policyId, outputs) => find(c, policyId, outputs, true),
  deletionRefused: async (c, policyId, outputs, error) => {
    switch (reactionTo(error.code, error.action)) {
      case "policyInUse": {
        const targets = (await c.policies.targetsOf(policyId, outputs.type)) ?? [];
        return new PolicyInUseError(policyId, outputs.name, targets, error.code, error.requestId);
      }
      case "policyTypeNotEnabled":
        return new PolicyTypeNotEnabledError(outputs.type, `delete policy ${policyId}`, error.code, error.requestId);
      default:
        return undefined;
    }
  },
  invalidate: (c) => c.reader.invalidate(),
};
