/** Named policies shared by the policy's check, diff and plan tables. */
import { canonicalContent } from "../../../provider/policy/document";
import { policyOwnerMarker } from "../../../provider/policy/ownership";
import { storedDescription } from "../../../provider/policy/rules";
import { toPolicyOutputs } from "../../../provider/policy/state";
import type { PolicyInputs, PolicyOutputs } from "../../../provider/policy/types";

/** A deny SCP as a program declares it: a one-element action list, keys in the order people write them. */
export const DENY_RUN_INSTANCES = { version: "2.0", statement: [{ effect: "deny", action: ["cvm:RunInstances"], resource: "*" }] };

/** DENY_RUN_INSTANCES as the provider sends and stores it: keys sorted, the one-element list folded. */
export const DENY_RUN_INSTANCES_TEXT = '{"statement":[{"action":"cvm:RunInstances","effect":"deny","resource":"*"}],"version":"2.0"}';

/** Another SCP: allow everything (Tencent's FullQcloudAccess). */
export const ALLOW_ALL_TEXT = canonicalContent("SERVICE_CONTROL_POLICY", {
  version: "2.0",
  statement: [{ effect: "allow", action: "*", resource: "*" }],
});

/** A tag policy of one key, as a program declares it. */
export const COST_CENTER = {
  tags: {
    costcenter: {
      tag_key: { "@@assign": "costcenter" },
      tag_value: { "@@assign": ["cc-100", "cc-200"] },
      resource_type_scope: { "@@assign": ["cvm:instance"] },
    },
  },
};

/** COST_CENTER as the provider sends and stores it. */
export const COST_CENTER_TEXT = canonicalContent("TAG_POLICY", COST_CENTER);

/** The checked inputs of a policy this stack created (the resource class set its ownerMarker). */
export const createdPolicyInputs: PolicyInputs = {
  type: "SERVICE_CONTROL_POLICY",
  name: "deny_run_instances",
  description: "no new CVMs",
  content: DENY_RUN_INSTANCES_TEXT,
  deletionPolicy: "delete",
  ownerMarker: "proj/dev/deny-run-instances",
};

/** The checked inputs of a policy the stack adopted: its description carries no marker. */
export const adoptedPolicyInputs: PolicyInputs = {
  type: "SERVICE_CONTROL_POLICY",
  name: "security_baseline",
  description: "managed by security",
  content: DENY_RUN_INSTANCES_TEXT,
  deletionPolicy: "retain",
  adoptPolicyId: 100123,
  ownerMarker: "proj/dev/security-baseline",
};

/** The marker written into the created policy's description. */
export const CREATED_MARKER = policyOwnerMarker(createdPolicyInputs) as string;

/**
 * The state the first read after a create (or an adoption) leaves, through the real read path:
 * Tencent reports the description as stored — the user's text, then the marker for a created
 * policy — and `content` in whatever form it was stored (`reportedContent`, the sent text by default).
 */
export function outputsAfterCreate(
  inputs: PolicyInputs,
  policyId = inputs.adoptPolicyId ?? 100001,
  reportedContent = inputs.content,
): PolicyOutputs {
  const marker = inputs.adoptPolicyId === undefined ? policyOwnerMarker(inputs) : undefined;
  return toPolicyOutputs(
    {
      policyId,
      type: inputs.type,
      name: inputs.name,
      description: storedDescription(inputs.description, marker),
      content: reportedContent,
      preset: false,
      addTime: "2026-11-27 10:00:00",
      updateTime: "2026-11-27 10:00:00",
    },
    inputs,
  );
}

/** The state of the created policy. */
export const createdPolicyOutputs: PolicyOutputs = outputsAfterCreate(createdPolicyInputs);

/** The state of the adopted policy. */
export const adoptedPolicyOutputs: PolicyOutputs = outputsAfterCreate(adoptedPolicyInputs);
