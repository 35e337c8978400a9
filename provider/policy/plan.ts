/**
 * Turns a policy's diff into the one UpdatePolicy call that carries it out, with only the fields
 * that changed (Tencent's partial-update behaviour is undocumented, §7.10, so nothing unchanged is
 * sent to be overwritten). Pure.
 */
import type { PolicyUpdate } from "../api/model";
import { changedFields } from "../kit/diff";
import { diffPolicy } from "./diff";
import { policyOwnerMarker } from "./ownership";
import { storedDescription } from "./rules";
import type { PolicyInputs, PolicyOutputs } from "./types";

/** The calls an update needs; absent parts need no call. */
export interface PolicyUpdatePlan {
  /** Fields for one UpdatePolicy call. */
  updatePolicy?: PolicyUpdate;
  /** The marker written into the description again (it had been removed), for the log. */
  restoredMarker?: string;
}

/** Plans the call that brings `current` (the state) to `desired` (checked inputs); undefined when none is needed. */
export function planPolicyUpdate(current: Partial<PolicyOutputs>, desired: PolicyInputs): PolicyUpdatePlan | undefined {
  const fields: ReadonlySet<string> = changedFields(diffPolicy(current, desired));
  const update: PolicyUpdate = {};
  if (fields.has("name")) update.name = desired.name;
  if (fields.has("content")) update.content = desired.content;
  // The marker the policy was created with (the state's); an adopted policy has none.
  const marker = current.adoptPolicyId === undefined ? policyOwnerMarker(current) : undefined;
  if (fields.has("description") || fields.has("ownerMarker")) update.description = storedDescription(desired.description, marker);
  if (Object.keys(update).length === 0) return undefined;
  return { updatePolicy: update, ...(fields.has("ownerMarker") && marker ? { restoredMarker: marker } : {}) };
}
