/**
 * `check`: validates and normalises the inputs of one department before anything is planned, so
 * bad input fails at `pulumi preview` with a message naming the field and the rule.
 * Pure: (old inputs, new inputs) → {inputs, failures}.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkTags } from "../core/tags";
import {
  adoptedFixedFieldRefused,
  adoptionSwitchRefused,
  type CheckOutcome,
  checkInputs,
  type Declaration,
  oneOf,
  ownerMarkerInput,
  type Props,
  positiveInteger,
  text,
  type Validator,
} from "../kit/check";
import { NODE_NAME_MAX_LENGTH, NODE_NAME_PATTERN } from "./rules";
import { NODE_DELETION_POLICIES, type NodeInputs } from "./types";

/** What `check` returns: the normalised inputs (unknown values passed through) and any failures. */
export type NodeCheckOutcome = CheckOutcome<NodeInputs>;

/** Inputs as the engine hands them to `check`: a program's declaration (anything), or inputs checked before. */
export type NodeDeclaration = Declaration<NodeInputs>;

/** One validator per input, in documentation order: the list of inputs is this table's keys. */
const VALIDATORS: { [K in keyof Required<NodeInputs>]: Validator<NodeInputs[K]> } = {
  name: (value) =>
    typeof value === "string" && NODE_NAME_PATTERN.test(value)
      ? { value }
      : {
          reason:
            `name must be 1 to ${NODE_NAME_MAX_LENGTH} characters of letters, digits, Chinese characters and +@&._[]- ` +
            `(got ${JSON.stringify(value)})`,
        },
  parentNodeId: positiveInteger("parentNodeId", "department id"),
  // Tencent documents no remark length for departments (AddOrganizationNode, UpdateOrganizationNode:
  // "备注。"); the 40-character cap is the member update's rule, so none is imposed here.
  remark: text("remark"),
  tags: (value, news) => checkTags(value, news.ownerMarker !== undefined),
  deletionPolicy: oneOf("deletionPolicy", NODE_DELETION_POLICIES),
  adoptNodeId: positiveInteger("adoptNodeId", "department id"),
  ownerMarker: ownerMarkerInput("OrganizationNode"),
};

/** Inputs a program may set (plus the engine's `__provider`). Anything else is a typo. */
export const NODE_INPUT_NAMES = Object.keys(VALIDATORS) as (keyof NodeInputs)[];

const REQUIRED: ReadonlySet<string> = new Set<keyof NodeInputs>(["name", "parentNodeId"]);

/** Validates and normalises new inputs; `olds` (the inputs checked before) lets replacements be refused at preview. */
export function checkNode(oldDeclaration: NodeDeclaration, newDeclaration: NodeDeclaration): NodeCheckOutcome {
  const { inputs, failures } = checkInputs({ ...newDeclaration }, VALIDATORS as Record<string, Validator<unknown>>, REQUIRED, {
    deletionPolicy: "retain",
  });
  const checked = inputs as Partial<NodeInputs> as NodeInputs;
  failures.push(...blockedReplacements({ ...oldDeclaration }, checked));
  return { inputs: checked, failures };
}

/**
 * Replacements that cannot work, refused at preview before anything is touched:
 * - an adopted department cannot move (no API moves a department), and re-adopting the same id
 *   under another parent would fail at create after the old resource was released;
 * - switching `adoptNodeId` releases the department adopted before through its deletion policy:
 *   with `delete` that would delete a department adopted by mistake without asking.
 * A created department that moves is replaced by a new one under the new parent (names are unique
 * only among siblings, so the new one is created first); its deletion, with `delete`, is checked
 * when it happens (see NodeLifecycle.delete), since members of the same stack move out first.
 */
function blockedReplacements(olds: Props, inputs: NodeInputs): dynamic.CheckFailure[] {
  if (olds.name === undefined || olds.adoptNodeId === undefined) return [];
  const failures: dynamic.CheckFailure[] = [];
  const fixed = adoptedFixedFieldRefused("parentNodeId", "adoptNodeId", olds, inputs as unknown as Props, {
    defaultPolicy: "retain",
    stillAdopted: () =>
      `department ${String(olds.adoptNodeId)} is adopted and sits under ${String(olds.parentNodeId)}; no Tencent API moves a department, ` +
      `so parentNodeId cannot become ${String(inputs.parentNodeId)}. Move its members in the console to a department under the new parent, ` +
      `or drop adoptNodeId to create a new department there.`,
    // Dropping the adoption to move creates a new department; the adopted one goes by its policy.
    replaced: (policy) =>
      `moving replaces the adopted department ${String(olds.adoptNodeId)} by a new one under ${String(inputs.parentNodeId)}, and the adopted one ` +
      `would be deleted (deletionPolicy "${policy}"). Set deletionPolicy: "retain" and run pulumi up first if it should stay.`,
  });
  if (fixed) failures.push(fixed);
  const switched = adoptionSwitchRefused("adoptNodeId", "department", olds, inputs as unknown as Props, {
    defaultPolicy: "retain",
    verb: "delete",
  });
  if (switched) failures.push(switched);
  return failures;
}
