/**
 * The ownership marker of a member: its value, and whether a member's state says it is missing.
 * Pure. (The marker's shape and keys are shared with departments in core/ownership.ts.)
 */
import { markerMissing, ownerTagValue } from "../core/ownership";
import type { MemberInputs, MemberOutputs } from "./types";

/** The ownership marker of a member: the resource plus the fields only a new account can change. */
export function memberOwnerMarker(
  inputs: Partial<Pick<MemberInputs, "ownerMarker" | "accountName" | "authRelationId">>,
): string | undefined {
  return ownerTagValue({ ownerMarker: inputs.ownerMarker, fixedAtCreation: [inputs.accountName, inputs.authRelationId] });
}

/** Whether the member this state describes lacks its marker (see core/ownership.ts). */
export function memberMarkerMissing(state: Partial<MemberOutputs>): boolean {
  return markerMissing(state.ownerTags, state.adoptMemberUin !== undefined, memberOwnerMarker(state));
}
