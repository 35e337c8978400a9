/**
 * The policy's update plan, as a table: one UpdatePolicy call with only the fields that changed,
 * the ownership marker kept at the end of a created policy's description, and written again when
 * the last read missed it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../../provider/policy/check";
import { planPolicyUpdate } from "../../../provider/policy/plan";
import type { PolicyInputs, PolicyOutputs } from "../../../provider/policy/types";
import {
  ALLOW_ALL_TEXT,
  adoptedPolicyInputs,
  adoptedPolicyOutputs,
  CREATED_MARKER,
  createdPolicyInputs,
  createdPolicyOutputs,
  outputsAfterCreate,
} from "./fixtures";

const MARK = `[pulumi:${CREATED_MARKER}]`;

describe("plan: only the fields that changed are sent", () => {
  const cases: [string, Partial<PolicyOutputs>, PolicyInputs, ReturnType<typeof planPolicyUpdate>][] = [
    ["nothing changed: no call", createdPolicyOutputs, createdPolicyInputs, undefined],
    ["a deletion policy only: no call", createdPolicyOutputs, { ...createdPolicyInputs, deletionPolicy: "retain" }, undefined],
    [
      "another ownership marker: no call (fixed once written)",
      createdPolicyOutputs,
      { ...createdPolicyInputs, ownerMarker: "x/y/z" },
      undefined,
    ],
    ["a rename: the name only", createdPolicyOutputs, { ...createdPolicyInputs, name: "deny_cvm" }, { updatePolicy: { name: "deny_cvm" } }],
    [
      "another document: the document only",
      createdPolicyOutputs,
      { ...createdPolicyInputs, content: ALLOW_ALL_TEXT },
      { updatePolicy: { content: ALLOW_ALL_TEXT } },
    ],
    [
      "a created policy's description: the text with the marker kept at its end",
      createdPolicyOutputs,
      { ...createdPolicyInputs, description: "still none" },
      { updatePolicy: { description: `still none ${MARK}` } },
    ],
    [
      "a created policy's description cleared: just the marker",
      createdPolicyOutputs,
      { ...createdPolicyInputs, description: undefined },
      { updatePolicy: { description: MARK } },
    ],
    [
      "an adopted policy's description: the text alone, no marker",
      adoptedPolicyOutputs,
      { ...adoptedPolicyInputs, description: "owned by security" },
      { updatePolicy: { description: "owned by security" } },
    ],
    [
      "an adopted policy's description cleared: an empty description",
      adoptedPolicyOutputs,
      { ...adoptedPolicyInputs, description: undefined },
      { updatePolicy: { description: "" } },
    ],
    [
      "name, description and document together: one call with the three",
      createdPolicyOutputs,
      { ...createdPolicyInputs, name: "n2", description: "d2", content: ALLOW_ALL_TEXT },
      { updatePolicy: { name: "n2", description: `d2 ${MARK}`, content: ALLOW_ALL_TEXT } },
    ],
    [
      "the marker removed in the console: the description written again with the state's marker",
      { ...createdPolicyOutputs, ownerMarkerSeen: "" },
      createdPolicyInputs,
      { updatePolicy: { description: `no new CVMs ${MARK}` }, restoredMarker: CREATED_MARKER },
    ],
    [
      "the marker replaced by another: written again, the user's text kept",
      { ...createdPolicyOutputs, ownerMarkerSeen: "0123456789abcdef" },
      createdPolicyInputs,
      { updatePolicy: { description: `no new CVMs ${MARK}` }, restoredMarker: CREATED_MARKER },
    ],
    [
      "the marker missing and the description changed: one description with the new text and the marker",
      { ...createdPolicyOutputs, ownerMarkerSeen: "" },
      { ...createdPolicyInputs, description: "new" },
      { updatePolicy: { description: `new ${MARK}` }, restoredMarker: CREATED_MARKER },
    ],
    [
      "the marker missing from a policy without description: just the marker",
      { ...createdPolicyOutputs, description: undefined, ownerMarkerSeen: "" },
      { ...createdPolicyInputs, description: undefined },
      { updatePolicy: { description: MARK }, restoredMarker: CREATED_MARKER },
    ],
    [
      "an adopted policy's description carrying another stack's marker: nothing to restore",
      { ...adoptedPolicyOutputs, ownerMarkerSeen: "0123456789abcdef" },
      adoptedPolicyInputs,
      undefined,
    ],
  ];
  it.each(cases)("%s", (_title, current, desired, expected) => {
    expect(planPolicyUpdate(current, desired)).toEqual(expected);
  });

  it("writes the marker of the state, the one the policy was created with, even when the declaration's would differ", () => {
    const renamedResource = { ...createdPolicyInputs, ownerMarker: "proj/dev/renamed", description: "d" };
    expect(planPolicyUpdate(createdPolicyOutputs, renamedResource)).toEqual({ updatePolicy: { description: `d ${MARK}` } });
  });

  it("plans no call after a create, for any valid policy (the state read back matches the declaration)", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 100 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: undefined }),
        fc.constantFrom("delete", "retain"),
        (description, adoptPolicyId, deletionPolicy) => {
          const { inputs, failures } = checkPolicy({}, { ...createdPolicyInputs, description, adoptPolicyId, deletionPolicy });
          fc.pre(failures.length === 0);
          expect(planPolicyUpdate(outputsAfterCreate(inputs), inputs)).toBeUndefined();
        },
      ),
    );
  });
});
