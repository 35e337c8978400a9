/**
 * The ownership marker of a department: its value, and whether a department's state says it is
 * missing. Pure. (The marker's shape and keys are shared with members in core/ownership.ts.)
 */
import { markerMissing, ownerTagValue } from "../core/ownership";
import type { NodeInputs, NodeOutputs } from "./types";

/** The ownership marker of a department: the resource plus its parent, which only a new department can change. */
export function nodeOwnerMarker(inputs: Partial<Pick<NodeInputs, "ownerMarker" | "parentNodeId">>): string | undefined {
  return ownerTagValue({ ownerMarker: inputs.ownerMarker, fixedAtCreation: [inputs.parentNodeId] });
}

/** Whether the department this state describes lacks its marker (see core/ownership.ts). */
export function nodeMarkerMissing(state: Partial<NodeOutputs>): boolean {
  return markerMissing(state.ownerTags, state.adoptNodeId !== undefined, nodeOwnerMarker(state));
}
