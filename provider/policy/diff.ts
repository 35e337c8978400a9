/**
 * `diff`: what a change of inputs does to a policy, decided by one table. Pure: (old outputs from
 * the state, new checked inputs) → changes, replacements, changed fields. Documents are compared
 * by meaning (document.ts), so a document reformatted in the console is never a change.
 */
import type { MaybeUnknown } from "../core/unknown";
import { diffByTable, type FieldRule, type TableDiff } from "../kit/diff";
import { sameContent } from "./document";
import { policyMarkerMissing } from "./ownership";
import type { PolicyInputs, PolicyOutputs } from "./types";

/**
 * How a field's change is carried out.
 * - `updatePolicy`: UpdatePolicy, in place.
 * - `stateOnly`: no call; the state records it so `delete`, which sees only the state, follows it.
 * - `replace`: no API changes it; a new policy is needed.
 */
export type PolicyChangeEffect = "updatePolicy" | "stateOnly" | "replace";

/** The diff table. */
export const POLICY_DIFF_TABLE: readonly FieldRule<PolicyInputs, PolicyOutputs, PolicyChangeEffect>[] = [
  { field: "name", effect: "updatePolicy", differs: (o, n) => o.name !== n.name },
  { field: "description", effect: "updatePolicy", differs: (o, n) => (o.description ?? "") !== (n.description ?? "") },
  {
    field: "content",
    effect: "updatePolicy",
    differs: (o, n) => o.content === undefined || !sameContent(n.type ?? o.type ?? "SERVICE_CONTROL_POLICY", o.content, n.content),
  },
  // The marker is fixed once written, but one missing (removed from the description in the console)
  // is written again: without it a re-run after a crash could not recognise the policy.
  { field: "ownerMarker", effect: "updatePolicy", differs: (o) => policyMarkerMissing(o) },
  { field: "deletionPolicy", effect: "stateOnly", differs: (o, n) => (o.deletionPolicy ?? "delete") !== n.deletionPolicy },
  // Whether UpdatePolicy may change the type is undocumented, and Terraform's in-place change leaves
  // its reads on the old type (§6 pitfall 1): a new policy of the new type.
  { field: "type", effect: "replace", differs: (o, n) => o.type !== undefined && o.type !== n.type },
  // Adopting another policy means managing another one: the old one is released first.
  { field: "adoptPolicyId", effect: "replace", differs: (o, n) => n.adoptPolicyId !== undefined && n.adoptPolicyId !== o.policyId },
];

/**
 * Diffs old outputs against new inputs. A value unknown at preview counts as a change.
 * `deleteBeforeReplace` is false: the new policy exists (and the stack's attachments move to it)
 * before the old one is detached and deleted, so governance never lapses.
 */
export function diffPolicy(
  olds: Partial<PolicyOutputs>,
  news: MaybeUnknown<PolicyInputs>,
): TableDiff<PolicyInputs, PolicyChangeEffect> & { deleteBeforeReplace: false } {
  return { ...diffByTable(POLICY_DIFF_TABLE, olds, news), deleteBeforeReplace: false };
}
