/**
 * `check` and `diff` of a policy attachment: pure. Every field but the deletion behaviour names
 * what is related, so changing it means another attachment (a replacement: the new one is
 * attached before the old one is detached, so the target is never left without the policy).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { POLICY_TYPES, TARGET_TYPES } from "../api/model";
import type { MaybeUnknown } from "../core/unknown";
import { type CheckOutcome, checkInputs, type Declaration, oneOf, positiveInteger, type Validator } from "../kit/check";
import { diffByTable, type FieldRule, type TableDiff } from "../kit/diff";
import { ATTACHMENT_DELETION_POLICIES, type AttachmentInputs, type AttachmentOutputs } from "./types";

/** One validator per input, in documentation order. */
const VALIDATORS: { [K in keyof Required<AttachmentInputs>]: Validator<AttachmentInputs[K]> } = {
  policyId: positiveInteger("policyId", "policy id"),
  policyType: oneOf("policyType", POLICY_TYPES),
  targetType: oneOf("targetType", TARGET_TYPES),
  targetId: positiveInteger("targetId", "department id or member UIN"),
  deletionPolicy: oneOf("deletionPolicy", ATTACHMENT_DELETION_POLICIES),
};

const REQUIRED: ReadonlySet<string> = new Set<keyof AttachmentInputs>(["policyId", "targetType", "targetId"]);

/** Validates and normalises new inputs. */
export function checkAttachment(_olds: Declaration<AttachmentInputs>, news: Declaration<AttachmentInputs>): CheckOutcome<AttachmentInputs> {
  const { inputs, failures } = checkInputs({ ...news }, VALIDATORS as Record<string, Validator<unknown>>, REQUIRED, {
    policyType: "SERVICE_CONTROL_POLICY",
    deletionPolicy: "detach",
  });
  return { inputs: inputs as Partial<AttachmentInputs> as AttachmentInputs, failures: failures as dynamic.CheckFailure[] };
}

/** How a field's change is carried out: `stateOnly` records it for `delete`; `replace` is another attachment. */
export type AttachmentChangeEffect = "stateOnly" | "replace";

/** The diff table. */
export const ATTACHMENT_DIFF_TABLE: readonly FieldRule<AttachmentInputs, AttachmentOutputs, AttachmentChangeEffect>[] = [
  { field: "deletionPolicy", effect: "stateOnly", differs: (o, n) => (o.deletionPolicy ?? "detach") !== n.deletionPolicy },
  { field: "policyId", effect: "replace", differs: (o, n) => o.policyId !== n.policyId },
  { field: "policyType", effect: "replace", differs: (o, n) => o.policyType !== n.policyType },
  { field: "targetType", effect: "replace", differs: (o, n) => o.targetType !== n.targetType },
  { field: "targetId", effect: "replace", differs: (o, n) => o.targetId !== n.targetId },
];

/** Diffs old outputs against new inputs. A value unknown at preview (a target created in the same run) counts as a change. */
export function diffAttachment(
  olds: Partial<AttachmentOutputs>,
  news: MaybeUnknown<AttachmentInputs>,
): TableDiff<AttachmentInputs, AttachmentChangeEffect> & { deleteBeforeReplace: false } {
  return { ...diffByTable(ATTACHMENT_DIFF_TABLE, olds, news), deleteBeforeReplace: false };
}
