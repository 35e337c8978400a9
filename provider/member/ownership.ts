/**
 * The ownership marker of a member: its value, and whether a member's state says it is missing.
 * Pure. (The marker's shape and keys are shared with departments in core/ownership.ts.)
 */
import { markerMissing, ownerTagKey, ownerTagValue } from "../core/ownership";
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

/**
 * The marker key a member is expected to carry, so the shared reads can answer it from that key's
 * listing: where its last read saw its marker, or, before any read (a read-back after creating
 * it), where the marker was written. None for an adopted member, or one whose marker was last
 * seen missing.
 */
export function expectedMarkerKey(state: Partial<MemberOutputs>): string | undefined {
  const marker = memberOwnerMarker(state);
  if (state.adoptMemberUin !== undefined || marker === undefined) return undefined;
  if (state.ownerTags === undefined) return ownerTagKey(marker);
  return Object.entries(state.ownerTags).find(([, value]) => value === marker)?.[0];
}
