/**
 * The ownership marker of a member: its value, and whether a member's state says it is missing.
 * Pure. (The marker's shape and keys are shared with departments in core/ownership.ts.)
 */
import { carriesMarker, ownerTagValue } from "../core/ownership";
import type { MemberInputs, MemberOutputs } from "./types";

/** The ownership marker of a member: the resource plus the fields only a new account can change. */
export function memberOwnerMarker(
  inputs: Partial<Pick<MemberInputs, "ownerMarker" | "accountName" | "authRelationId">>,
): string | undefined {
  return ownerTagValue({ ownerMarker: inputs.ownerMarker, fixedAtCreation: [inputs.accountName, inputs.authRelationId] });
}

/**
 * Whether the member this state describes lacks the marker it must carry: a member this resource
 * created (not adopted) whose last read found none of its marker keys holding its marker. Without
 * the marker a re-run after a crash could no longer recognise the member, so it is written again.
 * A state that never recorded the marker tags (older versions) is given the benefit of the doubt.
 */
export function markerMissing(state: Partial<MemberOutputs>): boolean {
  if (state.adoptMemberUin !== undefined || state.ownerTags === undefined) return false;
  const marker = memberOwnerMarker(state);
  return marker !== undefined && !carriesMarker(state.ownerTags, marker);
}
