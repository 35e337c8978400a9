/**
 * `check`: validates and normalises the inputs of one member before anything is planned, so
 * that bad input fails at `pulumi preview` with a message naming the field and the rule.
 * Pure: (old inputs, new inputs) → {inputs, failures}.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkTags } from "../core/tags";
import {
  adoptionSwitchRefused,
  type CheckOutcome as KitCheckOutcome,
  checkInputs,
  type Declaration as KitDeclaration,
  oneOf,
  ownerMarkerInput,
  type Props,
  positiveInteger,
  textUpTo,
  type Validator,
} from "../kit/check";
import { replacingFields } from "./diff";
import { MEMBER_NAME_PATTERN, PERMISSION_RANGE, POLICY_TYPES, REMARK_MAX_LENGTH, REQUIRED_PERMISSIONS, UIN_PATTERN } from "./rules";
import { DELETION_POLICIES, type MemberInputs, type MemberOutputs } from "./types";

/** One rejected field. `property` is the input's name as written in the program. */
export type CheckFailure = dynamic.CheckFailure;

/** What `check` returns: the normalised inputs (unknown values passed through) and any failures. */
export type CheckOutcome = KitCheckOutcome<MemberInputs>;

/** Inputs as the engine hands them to `check`: a program's declaration (anything), or inputs checked before. */
export type Declaration = KitDeclaration<MemberInputs>;

/** Validates and normalises new inputs; `olds` keeps defaults stable across updates. */
export function checkMember(oldDeclaration: Declaration, newDeclaration: Declaration): CheckOutcome {
  const olds: Props = { ...oldDeclaration };
  const news: Props = { ...newDeclaration };
  const defaults: Props = {
    policyType: "Financial",
    deletionPolicy: "retain",
    // accountName defaults to the name *at creation*: renaming a member later must not change it
    // (it cannot change without replacing the account), so the first value is kept.
    accountName: typeof olds.accountName === "string" ? olds.accountName : news.name,
  };
  const { inputs, failures } = checkInputs(news, VALIDATORS as Record<string, Validator<unknown>>, REQUIRED, defaults);
  // The validators produced every field of MemberInputs that was set (or an unknown placeholder).
  const checked = inputs as Partial<MemberInputs> as MemberInputs;
  failures.push(...blockedReplacements(olds, checked));
  return { inputs: checked, failures };
}

/**
 * A replacement deletes the old member first (names are unique), but with deletionPolicy
 * `retain` or `removeFromOrganization` a created account stays and keeps its name, so creating
 * its replacement under the same name must fail — after the old member has already left the
 * stack. Refusing at preview keeps the stack whole.
 */
function blockedReplacements(olds: Props, inputs: MemberInputs): CheckFailure[] {
  if (olds.name === undefined) return [];
  const oldPolicy = olds.deletionPolicy ?? "retain";
  if (olds.adoptMemberUin !== undefined) {
    // A corrected UIN must not remove (or delete) the member adopted by mistake without asking.
    const switched = adoptionSwitchRefused("adoptMemberUin", "member", olds, inputs as unknown as Props, {
      defaultPolicy: "retain",
      verb: "release",
    });
    return switched ? [switched] : [];
  }
  if (oldPolicy === "deleteAccount" || inputs.name !== olds.name) return [];
  // Old inputs hold every field the replace rows compare. Adopting instead creates nothing, so
  // it cannot collide with the kept account's name.
  return replacingFields(olds as Partial<MemberOutputs>, inputs)
    .filter((field) => field !== "adoptMemberUin")
    .map((field) => ({
      property: field,
      reason:
        `changing ${field} replaces the member, but the current account would be kept (deletionPolicy "${oldPolicy}") ` +
        `and keep the name "${String(olds.name)}", so its replacement could not be created. Either change name as well, ` +
        `or first set deletionPolicy: "deleteAccount" and run pulumi up, then change ${field}.`,
    }));
}

const REQUIRED: ReadonlySet<string> = new Set<keyof MemberInputs>(["name", "permissionIds", "nodeId"]);

const memberName =
  (field: string): Validator<string> =>
  (value) =>
    typeof value === "string" && MEMBER_NAME_PATTERN.test(value)
      ? { value }
      : {
          reason:
            `${field} must be 1 to 25 characters of letters, digits, Chinese characters and +@&._[]-:, ` + `(got ${JSON.stringify(value)})`,
        };

const integerSet =
  (field: string, check: (ids: number[]) => string | undefined): Validator<number[]> =>
  (value) => {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "number" || !Number.isSafeInteger(v))) {
      return { reason: `${field} must be a list of integers (got ${JSON.stringify(value)})` };
    }
    const ids = [...new Set(value as number[])].sort((a, b) => a - b);
    const reason = check(ids);
    return reason ? { reason } : { value: ids };
  };

/** One validator per input, in documentation order: the list of inputs (anything else is a typo) is this table's keys. */
const VALIDATORS: { [K in keyof Required<MemberInputs>]: Validator<MemberInputs[K]> } = {
  name: memberName("name"),
  accountName: memberName("accountName"),
  policyType: oneOf("policyType", POLICY_TYPES),
  permissionIds: integerSet("permissionIds", (ids) => {
    const outOfRange = ids.filter((id) => id < PERMISSION_RANGE.min || id > PERMISSION_RANGE.max);
    if (outOfRange.length > 0) {
      return `permissionIds must be between ${PERMISSION_RANGE.min} and ${PERMISSION_RANGE.max} (got ${outOfRange.join(", ")})`;
    }
    const missing = REQUIRED_PERMISSIONS.filter((id) => !ids.includes(id));
    if (missing.length > 0) {
      return `permissionIds must include ${REQUIRED_PERMISSIONS.join(" and ")} (view bills, view balance); missing ${missing.join(", ")}`;
    }
    return undefined;
  }),
  nodeId: positiveInteger("nodeId"),
  remark: textUpTo("remark", REMARK_MAX_LENGTH),
  recordId: positiveInteger("recordId"),
  payUin: (value) => {
    const text = typeof value === "number" ? String(value) : value;
    return typeof text === "string" && UIN_PATTERN.test(text)
      ? { value: text }
      : { reason: `payUin must be the payer's UIN, digits only (got ${JSON.stringify(value)})` };
  },
  identityRoleIds: integerSet("identityRoleIds", (ids) =>
    ids.some((id) => id <= 0) ? "identityRoleIds must be positive identity ids from ListOrganizationIdentity" : undefined,
  ),
  authRelationId: positiveInteger("authRelationId"),
  isAllowQuit: (value, news) => {
    if (typeof value !== "boolean") return { reason: `isAllowQuit must be true or false (got ${JSON.stringify(value)})` };
    // Tencent never lets a member the organization created leave it (QuitOrganization answers
    // UnsupportedOperation.CreateMemberNotAllowQuit), and refuses to allow it on UpdateOrganizationMember;
    // a member paid for by another may not leave either (InvalidParameter.AllowQuitIllegal).
    if (value && news.adoptMemberUin === undefined) {
      return {
        reason:
          "isAllowQuit: true cannot be set on a member this resource creates: Tencent never lets a member the organization " +
          "created leave it. Remove isAllowQuit (or set false); true is possible only for an invited member managed with adoptMemberUin",
      };
    }
    if (value && news.payUin !== undefined) {
      return {
        reason:
          "isAllowQuit: true cannot be set together with payUin: Tencent does not let a member whose bills another account pays leave the organization",
      };
    }
    return { value };
  },
  tags: (value, news) => checkTags(value, news.ownerMarker !== undefined),
  deletionPolicy: oneOf("deletionPolicy", DELETION_POLICIES),
  adoptMemberUin: positiveInteger("adoptMemberUin"),
  ownerMarker: ownerMarkerInput("OrganizationMember"),
};
