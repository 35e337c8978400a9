/**
 * The policy attachment's check and diff, as tables, and its id (Terraform's import id) as a
 * property: an attachment is the relation itself, so every field but the deletion behaviour names
 * another attachment.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAttachment, diffAttachment } from "../../../provider/attachment/check";
import { type AttachmentInputs, attachmentId, parseAttachmentId } from "../../../provider/attachment/types";
import { type MaybeUnknown, UNKNOWN } from "../../../provider/core/unknown";

/** The smallest valid declaration: a service control policy on a department. */
const minimal = { policyId: 100001, targetType: "NODE", targetId: 100004 };

/** The checked inputs (and the state) of that attachment. */
const onPlatform: AttachmentInputs = {
  policyId: 100001,
  policyType: "SERVICE_CONTROL_POLICY",
  targetType: "NODE",
  targetId: 100004,
  deletionPolicy: "detach",
};

describe("checkAttachment fills the defaults", () => {
  it("a service control policy, detached with the resource, unless the program says otherwise", () => {
    expect(checkAttachment({}, minimal)).toEqual({ inputs: onPlatform, failures: [] });
  });

  it("keeps every declared value", () => {
    const declared = { policyId: 7, policyType: "TAG_POLICY", targetType: "MEMBER", targetId: 100000000001, deletionPolicy: "retain" };
    expect(checkAttachment({}, declared)).toEqual({ inputs: declared, failures: [] });
  });

  it("takes ids given as digits, as stack config gives them", () => {
    const { inputs, failures } = checkAttachment({}, { ...minimal, policyId: "100001", targetId: "100000000001" });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ ...onPlatform, targetId: 100000000001 });
  });

  it("passes a target unknown at preview (a department created in the same run) through", () => {
    const { inputs, failures } = checkAttachment({}, { ...minimal, targetId: UNKNOWN, policyId: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs.targetId).toBe(UNKNOWN);
    expect(inputs.policyId).toBe(UNKNOWN);
  });
});

describe("checkAttachment refuses bad inputs at preview, naming the field", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing policy", { targetType: "NODE", targetId: 1 }, "policyId", /policyId is required/],
    ["a missing target type", { policyId: 1, targetId: 1 }, "targetType", /targetType is required/],
    ["a missing target", { policyId: 1, targetType: "NODE" }, "targetId", /targetId is required/],
    ["a policy id of 0", { ...minimal, policyId: 0 }, "policyId", /policyId must be a positive integer policy id \(got 0\)/],
    ["a policy given by name", { ...minimal, policyId: "FullQcloudAccess" }, "policyId", /positive integer policy id/],
    ["a policy id with a leading zero", { ...minimal, policyId: "0100001" }, "policyId", /positive integer/],
    ["a policy id beyond a safe integer", { ...minimal, policyId: "9007199254740993" }, "policyId", /positive integer/],
    ["a fractional target", { ...minimal, targetId: 4.5 }, "targetId", /targetId must be a positive integer department id or member UIN/],
    ["a negative target", { ...minimal, targetId: -4 }, "targetId", /positive integer department id or member UIN/],
    [
      "an unknown policy type",
      { ...minimal, policyType: "SCP" },
      "policyType",
      /policyType must be one of SERVICE_CONTROL_POLICY, TAG_POLICY/,
    ],
    [
      "the root as a target type",
      { ...minimal, targetType: "ROOT" },
      "targetType",
      /targetType must be one of NODE, MEMBER \(got "ROOT"\)/,
    ],
    ["a target type in lowercase", { ...minimal, targetType: "node" }, "targetType", /one of NODE, MEMBER/],
    ["a policy's deletion policy", { ...minimal, deletionPolicy: "delete" }, "deletionPolicy", /one of detach, retain \(got "delete"\)/],
    [
      "a misspelt input",
      { ...minimal, nodeId: 1 },
      "nodeId",
      /unknown input "nodeId"; the inputs are policyId, policyType, targetType, targetId, deletionPolicy/,
    ],
  ];
  it.each(cases)("%s", (_title, declaration, property, reason) => {
    expect(checkAttachment({}, declaration).failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });
});

describe("diffAttachment: every identity field is another attachment", () => {
  const cases: [string, Partial<MaybeUnknown<AttachmentInputs>>, { field: string; effect: string }[]][] = [
    ["nothing changed is no change", {}, []],
    ["another policy replaces it", { policyId: 100002 }, [{ field: "policyId", effect: "replace" }]],
    ["another policy type replaces it", { policyType: "TAG_POLICY" }, [{ field: "policyType", effect: "replace" }]],
    ["another target type replaces it", { targetType: "MEMBER" }, [{ field: "targetType", effect: "replace" }]],
    ["another target replaces it", { targetId: 100005 }, [{ field: "targetId", effect: "replace" }]],
    ["another deletion policy only updates the state", { deletionPolicy: "retain" }, [{ field: "deletionPolicy", effect: "stateOnly" }]],
    ["an unknown target at preview is a possible replacement", { targetId: UNKNOWN }, [{ field: "targetId", effect: "replace" }]],
    ["an unknown policy at preview is a possible replacement", { policyId: UNKNOWN }, [{ field: "policyId", effect: "replace" }]],
    [
      "a member instead of a department: both fields replace",
      { targetType: "MEMBER", targetId: 100000000001 },
      [
        { field: "targetType", effect: "replace" },
        { field: "targetId", effect: "replace" },
      ],
    ],
  ];
  it.each(cases)("%s", (_title, change, effects) => {
    const result = diffAttachment(onPlatform, { ...onPlatform, ...change });
    expect(result.changed).toEqual(effects);
    expect(result.changes).toBe(effects.length > 0);
    expect(result.replaces).toEqual(effects.filter((e) => e.effect === "replace").map((e) => e.field));
    // The new attachment is made before the old one is detached: the target never lacks the policy.
    expect(result.deleteBeforeReplace).toBe(false);
  });

  it("a state without deletionPolicy counts as detach, the default", () => {
    const { deletionPolicy: _dropped, ...olderState } = onPlatform;
    expect(diffAttachment(olderState, onPlatform).changes).toBe(false);
    expect(diffAttachment(olderState, { ...onPlatform, deletionPolicy: "retain" }).changed).toEqual([
      { field: "deletionPolicy", effect: "stateOnly" },
    ]);
  });

  it("a target given as digits is the same target once checked: no change", () => {
    const { inputs } = checkAttachment({}, { ...minimal, targetId: "100004" });
    expect(diffAttachment(onPlatform, inputs).changes).toBe(false);
  });
});

const attachmentArb = fc.record({
  policyId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  policyType: fc.constantFrom("SERVICE_CONTROL_POLICY" as const, "TAG_POLICY" as const),
  targetType: fc.constantFrom("NODE" as const, "MEMBER" as const),
  targetId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
});

describe("the attachment id: Terraform's import id, read back into its parts", () => {
  it("is policyType#policyId#targetType#targetId", () => {
    expect(attachmentId(onPlatform)).toBe("SERVICE_CONTROL_POLICY#100001#NODE#100004");
  });

  it("parseAttachmentId(attachmentId(a)) is a, for any attachment", () => {
    fc.assert(
      fc.property(attachmentArb, (attachment) => {
        expect(parseAttachmentId(attachmentId(attachment))).toEqual(attachment);
      }),
    );
  });

  it("an id of the right shape is read exactly when its numbers have no leading zero, and reads back as itself", () => {
    // Up to 15 digits: always a safe integer (the row below the table is about longer ones).
    const number = fc.stringMatching(/^[0-9]{1,15}$/);
    fc.assert(
      fc.property(
        fc.constantFrom("SERVICE_CONTROL_POLICY", "TAG_POLICY"),
        number,
        fc.constantFrom("NODE", "MEMBER"),
        number,
        (policyType, policyId, targetType, targetId) => {
          const id = [policyType, policyId, targetType, targetId].join("#");
          const parsed = parseAttachmentId(id);
          expect(parsed !== undefined).toBe(!policyId.startsWith("0") && !targetId.startsWith("0"));
          if (parsed) expect(attachmentId(parsed)).toBe(id);
        },
      ),
    );
  });

  const malformed: [string, string][] = [
    ["empty", ""],
    ["three parts", "SERVICE_CONTROL_POLICY#100001#NODE"],
    ["five parts", "SERVICE_CONTROL_POLICY#100001#NODE#100004#x"],
    ["a trailing separator", "SERVICE_CONTROL_POLICY#100001#NODE#100004#"],
    ["the parts in another order", "100001#SERVICE_CONTROL_POLICY#NODE#100004"],
    ["an abbreviated type", "SCP#100001#NODE#100004"],
    ["a type in lowercase", "service_control_policy#100001#NODE#100004"],
    ["a policy id of 0", "SERVICE_CONTROL_POLICY#0#NODE#100004"],
    ["a policy id with a leading zero", "SERVICE_CONTROL_POLICY#0100001#NODE#100004"],
    ["a negative target", "TAG_POLICY#7#MEMBER#-1"],
    ["the root as a target type", "SERVICE_CONTROL_POLICY#100001#ROOT#100000"],
    ["another separator", "SERVICE_CONTROL_POLICY:100001:NODE:100004"],
    ["spaces around it", " SERVICE_CONTROL_POLICY#100001#NODE#100004 "],
    ["a target id with a decimal point", "SERVICE_CONTROL_POLICY#100001#NODE#100004.0"],
    ["a policy type's id (OrganizationPolicyType)", "TAG_POLICY"],
  ];
  it.each(malformed)("refuses %s", (_title, id) => {
    expect(parseAttachmentId(id)).toBeUndefined();
  });

  // An id whose number is beyond a safe integer (which check refuses as an input) would be read as a
  // rounded number, and re-encoded as another id than the one imported.
  it("refuses an id whose policy id is beyond a safe integer (check would refuse that policyId)", () => {
    expect(parseAttachmentId("SERVICE_CONTROL_POLICY#99999999999999999999#NODE#1")).toBeUndefined();
  });
});
