/**
 * Maps what Tencent reports about a policy to the state Pulumi keeps, and back to the inputs a
 * refresh records. Pure.
 */
import { pickDefined } from "../kit/state";
import { parseReportedContent } from "./document";
import { policyMarkerMissing } from "./ownership";
import { splitDescription } from "./rules";
import type { PolicyInputs, PolicyOutputs, ReportedPolicy } from "./types";

/** Optional inputs the API never reports: the state keeps them as declared. */
const UNREPORTED_OPTIONAL_FIELDS = ["adoptPolicyId", "ownerMarker"] as const;

/**
 * Outputs for `policy`, keeping from `declared` what the API does not report. The document is kept
 * canonical (equal meaning, equal text) and the description without the ownership marker.
 */
export function toPolicyOutputs(policy: ReportedPolicy, declared: Partial<PolicyInputs>): PolicyOutputs {
  const { description, marker } = splitDescription(policy.description);
  const outputs: PolicyOutputs = {
    policyId: policy.policyId,
    type: policy.type,
    name: policy.name,
    content: parseReportedContent(policy.type, policy.content),
    deletionPolicy: declared.deletionPolicy ?? "delete",
    addTime: policy.addTime,
    updateTime: policy.updateTime,
    ownerMarkerSeen: marker,
  };
  if (description) outputs.description = description;
  return { ...outputs, ...pickDefined(declared, UNREPORTED_OPTIONAL_FIELDS) };
}

/** The input-only fields, as declared, to carry into the state when nothing was read. */
export function unreportedPolicyInputs(inputs: PolicyInputs): Partial<PolicyOutputs> {
  return { deletionPolicy: inputs.deletionPolicy, ...pickDefined(inputs, UNREPORTED_OPTIONAL_FIELDS) };
}

/** The inputs a refresh records: the declared fields with the values Tencent reports now. */
export function toRefreshedPolicyInputs(outputs: PolicyOutputs): Partial<PolicyInputs> {
  const inputs: Partial<PolicyInputs> = {
    type: outputs.type,
    name: outputs.name,
    content: outputs.content,
    deletionPolicy: outputs.deletionPolicy,
  };
  Object.assign(inputs, pickDefined(outputs, ["description", ...UNREPORTED_OPTIONAL_FIELDS]));
  // A policy that lost its marker is recorded without it, so the preview shows it written again.
  if (policyMarkerMissing(outputs)) delete inputs.ownerMarker;
  return inputs;
}
