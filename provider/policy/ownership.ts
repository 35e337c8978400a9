/**
 * The ownership marker of a policy: its value, and whether a policy's state says it is missing.
 * Pure. (Members and departments carry theirs as a tag, core/ownership.ts; policies have no tags,
 * so theirs sits at the end of the description, rules.ts.)
 */
import { ownerTagValue } from "../core/ownership";
import type { PolicyInputs, PolicyOutputs } from "./types";

/**
 * The marker: the resource plus its type (only a new policy can change the type), 16 hex digits —
 * 64 bits tell apart the policies of any organization, and leave the description its room.
 */
export function policyOwnerMarker(inputs: Partial<Pick<PolicyInputs, "ownerMarker" | "type">>): string | undefined {
  return ownerTagValue({ ownerMarker: inputs.ownerMarker, fixedAtCreation: [inputs.type] })?.slice(0, 16);
}

/**
 * Whether the policy this state describes lacks its marker: one this resource created (not
 * adopted) whose last read saw another marker or none. A state that never recorded what it saw
 * (none before a read) is given the benefit of the doubt.
 */
export function policyMarkerMissing(state: Partial<PolicyOutputs>): boolean {
  if (state.adoptPolicyId !== undefined || state.ownerMarkerSeen === undefined) return false;
  const marker = policyOwnerMarker(state);
  return marker !== undefined && state.ownerMarkerSeen !== marker;
}
