/**
 * The policy type's check and diff table, as tables: a policy type enabled for the organization
 * is a setting named by the type itself, so another type is another setting.
 */
import { describe, expect, it } from "vitest";
import { type MaybeUnknown, UNKNOWN } from "../../../provider/core/unknown";
import { diffByTable } from "../../../provider/kit/diff";
import { checkPolicyType, POLICY_TYPE_DIFF_TABLE } from "../../../provider/policyType/lifecycle";
import type { PolicyTypeInputs, PolicyTypeOutputs } from "../../../provider/policyType/types";

/** The state after enabling service control policies. */
const scpEnabled: PolicyTypeOutputs = { type: "SERVICE_CONTROL_POLICY", deletionPolicy: "retain", organizationId: 45 };

describe("checkPolicyType", () => {
  it("retains the type by default: disabling it would detach governance from every member", () => {
    expect(checkPolicyType({}, { type: "TAG_POLICY" })).toEqual({ inputs: { type: "TAG_POLICY", deletionPolicy: "retain" }, failures: [] });
  });

  it("keeps a declared disable", () => {
    expect(checkPolicyType({}, { type: "SERVICE_CONTROL_POLICY", deletionPolicy: "disable" })).toEqual({
      inputs: { type: "SERVICE_CONTROL_POLICY", deletionPolicy: "disable" },
      failures: [],
    });
  });

  it("passes a type unknown at preview through", () => {
    expect(checkPolicyType({}, { type: UNKNOWN })).toEqual({ inputs: { type: UNKNOWN, deletionPolicy: "retain" }, failures: [] });
  });

  const refused: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing type", {}, "type", /type is required/],
    ["another type", { type: "RESOURCE_CONTROL_POLICY" }, "type", /type must be one of SERVICE_CONTROL_POLICY, TAG_POLICY/],
    ["a type in lowercase", { type: "tag_policy" }, "type", /one of SERVICE_CONTROL_POLICY, TAG_POLICY \(got "tag_policy"\)/],
    [
      "a policy's deletion policy",
      { type: "TAG_POLICY", deletionPolicy: "delete" },
      "deletionPolicy",
      /one of retain, disable \(got "delete"\)/,
    ],
    [
      "a misspelt input",
      { type: "TAG_POLICY", policyType: "TAG_POLICY" },
      "policyType",
      /unknown input "policyType"; the inputs are type, deletionPolicy/,
    ],
  ];
  it.each(refused)("refuses %s, naming the field", (_title, declaration, property, reason) => {
    expect(checkPolicyType({}, declaration).failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });
});

describe("POLICY_TYPE_DIFF_TABLE", () => {
  const cases: [string, Partial<MaybeUnknown<PolicyTypeInputs>>, { field: string; effect: string }[]][] = [
    ["nothing changed is no change", {}, []],
    ["another type is another setting: a replacement", { type: "TAG_POLICY" }, [{ field: "type", effect: "replace" }]],
    ["another deletion policy only updates the state", { deletionPolicy: "disable" }, [{ field: "deletionPolicy", effect: "stateOnly" }]],
    ["an unknown type at preview is a possible replacement", { type: UNKNOWN }, [{ field: "type", effect: "replace" }]],
  ];
  it.each(cases)("%s", (_title, change, effects) => {
    const result = diffByTable(POLICY_TYPE_DIFF_TABLE, scpEnabled, {
      type: scpEnabled.type,
      deletionPolicy: scpEnabled.deletionPolicy,
      ...change,
    });
    expect(result.changed).toEqual(effects);
    expect(result.changes).toBe(effects.length > 0);
    expect(result.replaces).toEqual(effects.filter((e) => e.effect === "replace").map((e) => e.field));
  });

  it("a state without deletionPolicy counts as retain, the default", () => {
    const { deletionPolicy: _dropped, ...olderState } = scpEnabled;
    expect(diffByTable(POLICY_TYPE_DIFF_TABLE, olderState, { type: "SERVICE_CONTROL_POLICY", deletionPolicy: "retain" }).changes).toBe(
      false,
    );
    expect(diffByTable(POLICY_TYPE_DIFF_TABLE, olderState, { type: "SERVICE_CONTROL_POLICY", deletionPolicy: "disable" }).changes).toBe(
      true,
    );
  });

  it("has one row per input", () => {
    expect(POLICY_TYPE_DIFF_TABLE.map((r) => r.field).sort()).toEqual(["deletionPolicy", "type"]);
  });
});
