/**
 * `check`: validates and normalises the inputs of one policy before anything is planned, so bad
 * input — a document Tencent would refuse included — fails at `pulumi preview` with a message
 * naming the field, the statement and the rule. Pure: (old inputs, new inputs) → {inputs, failures}.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
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
  type Validator,
} from "../kit/check";
import { contentInput } from "./document";
import { MARKER_SUFFIX_BYTES, POLICY_DESCRIPTION_MAX_BYTES, POLICY_NAME_PATTERN, splitDescription, utf8Bytes } from "./rules";
import { POLICY_DELETION_POLICIES, POLICY_TYPES, type PolicyInputs, type PolicyType } from "./types";

/** The type the other inputs are checked against, when it is known and valid. */
const declaredType = (news: Props): PolicyType | undefined => POLICY_TYPES.find((type) => type === news.type);

/** One validator per input, in documentation order: the list of inputs is this table's keys. */
const VALIDATORS: { [K in keyof Required<PolicyInputs>]: Validator<PolicyInputs[K]> } = {
  type: oneOf("type", POLICY_TYPES),
  name: (value) =>
    typeof value === "string" && POLICY_NAME_PATTERN.test(value)
      ? { value }
      : { reason: `name must be 1 to 128 letters, digits, _ and Chinese characters (Tencent's rule; got ${JSON.stringify(value)})` },
  description: (value, news) => {
    if (typeof value !== "string") return { reason: `description must be a string (got ${JSON.stringify(value)})` };
    // Read back, such an ending would be taken for the marker and stripped: a permanent diff.
    if (splitDescription(value).marker)
      return { reason: `description may not end with "[pulumi:<16 hex digits>]": the provider writes its ownership marker there` };
    // A created policy's description also holds its ownership marker; an adopted one's does not.
    const marked = news.ownerMarker !== undefined && news.adoptPolicyId === undefined;
    const room = POLICY_DESCRIPTION_MAX_BYTES - (marked ? MARKER_SUFFIX_BYTES : 0);
    return utf8Bytes(value) <= room
      ? { value }
      : {
          reason:
            `description must be at most ${room} bytes of UTF-8 (got ${utf8Bytes(value)}): Tencent allows ${POLICY_DESCRIPTION_MAX_BYTES}` +
            (marked ? `, and the ownership marker the provider writes at its end takes ${MARKER_SUFFIX_BYTES}` : ""),
        };
  },
  content: (value, news) => contentInput(declaredType(news))(value, news),
  deletionPolicy: oneOf("deletionPolicy", POLICY_DELETION_POLICIES),
  adoptPolicyId: positiveInteger("adoptPolicyId", "policy id"),
  ownerMarker: ownerMarkerInput("OrganizationPolicy"),
};

/** Inputs a program may set (plus the engine's `__provider`). Anything else is a typo. */
export const POLICY_INPUT_NAMES = Object.keys(VALIDATORS) as (keyof PolicyInputs)[];

const REQUIRED: ReadonlySet<string> = new Set<keyof PolicyInputs>(["name", "content"]);

/** Validates and normalises new inputs; `olds` (the inputs checked before) lets replacements be refused at preview. */
export function checkPolicy(
  oldDeclaration: Declaration<PolicyInputs>,
  newDeclaration: Declaration<PolicyInputs>,
): CheckOutcome<PolicyInputs> {
  const { inputs, failures } = checkInputs({ ...newDeclaration }, VALIDATORS as Record<string, Validator<unknown>>, REQUIRED, {
    type: "SERVICE_CONTROL_POLICY",
    deletionPolicy: "delete",
  });
  const checked = inputs as Partial<PolicyInputs> as PolicyInputs;
  failures.push(...blockedReplacements({ ...oldDeclaration }, checked));
  return { inputs: checked, failures };
}

/**
 * Replacements that cannot work, refused at preview before anything is touched:
 * - an adopted policy cannot change type while it stays adopted (no API changes a type; the
 *   replacement would adopt the same id under the other type and find nothing);
 * - dropping `adoptPolicyId` to change the type replaces the adopted policy by a new one, and the
 *   adopted one goes by its deletion policy: only `retain` keeps it, anything else is refused;
 * - switching `adoptPolicyId` releases the policy adopted before through its deletion policy:
 *   with `delete` that would delete a policy adopted by mistake without asking.
 */
function blockedReplacements(olds: Props, inputs: PolicyInputs): dynamic.CheckFailure[] {
  if (olds.name === undefined || olds.adoptPolicyId === undefined) return [];
  const failures: dynamic.CheckFailure[] = [];
  const fixed = adoptedFixedFieldRefused("type", "adoptPolicyId", olds, inputs as unknown as Props, {
    defaultPolicy: "delete",
    stillAdopted: (policy) =>
      `policy ${String(olds.adoptPolicyId)} is adopted and is a ${String(olds.type)}; no Tencent API changes a policy's type, ` +
      `so type cannot become ${inputs.type}. Drop adoptPolicyId to create a new policy of that type` +
      (policy === "retain" ? "." : `, with deletionPolicy: "retain" applied first so that the adopted one stays.`),
    replaced: (policy) =>
      `changing the type replaces the adopted policy ${String(olds.adoptPolicyId)} by a new ${inputs.type}, and the adopted one ` +
      `would be deleted (deletionPolicy "${policy}"). Set deletionPolicy: "retain" and run pulumi up first if it should stay.`,
  });
  if (fixed) failures.push(fixed);
  const switched = adoptionSwitchRefused("adoptPolicyId", "policy", olds, inputs as unknown as Props, {
    defaultPolicy: "delete",
    verb: "delete",
  });
  if (switched) failures.push(switched);
  return failures;
}
