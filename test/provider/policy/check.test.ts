/**
 * The policy's check, as tables: defaults, one row per input rule, values unknown at preview, the
 * document's canonical text, and the replacements refused before anything is touched.
 */
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../../provider/core/unknown";
import type { Declaration } from "../../../provider/kit/check";
import { checkPolicy, POLICY_INPUT_NAMES } from "../../../provider/policy/check";
import { utf8Bytes } from "../../../provider/policy/rules";
import type { PolicyInputs } from "../../../provider/policy/types";
import {
  adoptedPolicyInputs,
  COST_CENTER,
  COST_CENTER_TEXT,
  createdPolicyInputs,
  DENY_RUN_INSTANCES,
  DENY_RUN_INSTANCES_TEXT,
} from "./fixtures";

/** The smallest valid declaration, as a program writes it. */
const minimal = { name: "deny_run_instances", content: DENY_RUN_INSTANCES };
/** The same, as the resource class hands it over (it sets the ownership marker). */
const marked = { ...minimal, ownerMarker: "proj/dev/deny-run-instances" };
/** An adoption, with the class's marker (which an adopted policy never carries). */
const adopting = { ...marked, adoptPolicyId: 100123 };

/** Text of exactly `bytes` bytes of UTF-8, made of `unit` (a 3-byte 中, a 4-byte 😀) padded with ASCII. */
const textOfBytes = (bytes: number, unit: string): string => {
  const size = utf8Bytes(unit);
  const text = unit.repeat(Math.floor(bytes / size)) + "a".repeat(bytes % size);
  expect(utf8Bytes(text)).toBe(bytes);
  return text;
};

describe("check fills the defaults", () => {
  it("a policy is a service control policy, deleted with the resource, unless the program says otherwise", () => {
    expect(checkPolicy({}, minimal)).toEqual({
      inputs: { type: "SERVICE_CONTROL_POLICY", name: "deny_run_instances", content: DENY_RUN_INSTANCES_TEXT, deletionPolicy: "delete" },
      failures: [],
    });
  });

  it("keeps every declared value, the adoption id given as digits made a number", () => {
    const { inputs, failures } = checkPolicy({}, { ...adopting, adoptPolicyId: "100123", description: "d", deletionPolicy: "retain" });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      type: "SERVICE_CONTROL_POLICY",
      name: "deny_run_instances",
      description: "d",
      content: DENY_RUN_INSTANCES_TEXT,
      deletionPolicy: "retain",
      adoptPolicyId: 100123,
      ownerMarker: "proj/dev/deny-run-instances",
    });
  });

  it("lists the inputs in documentation order", () => {
    expect(POLICY_INPUT_NAMES).toEqual(["type", "name", "description", "content", "deletionPolicy", "adoptPolicyId", "ownerMarker"]);
  });
});

describe("check refuses bad policy inputs at preview, naming the field", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing name", { content: DENY_RUN_INSTANCES }, "name", /name is required/],
    ["a missing document", { name: "p" }, "content", /content is required/],
    ["a type abbreviated", { ...minimal, type: "SCP" }, "type", /type must be one of SERVICE_CONTROL_POLICY, TAG_POLICY \(got "SCP"\)/],
    ["a type in lowercase", { ...minimal, type: "tag_policy" }, "type", /one of SERVICE_CONTROL_POLICY, TAG_POLICY/],
    ["a name with a hyphen", { ...minimal, name: "deny-cvm" }, "name", /letters, digits, _ and Chinese characters.*"deny-cvm"/],
    ["a name with a space", { ...minimal, name: "deny cvm" }, "name", /1 to 128 letters/],
    ["a name with a dot", { ...minimal, name: "deny.cvm" }, "name", /1 to 128 letters/],
    ["an empty name", { ...minimal, name: "" }, "name", /1 to 128 letters/],
    ["a name of 129 characters", { ...minimal, name: "a".repeat(129) }, "name", /1 to 128 letters/],
    ["a name of 129 Chinese characters", { ...minimal, name: "策".repeat(129) }, "name", /1 to 128 letters/],
    ["a name that is a number", { ...minimal, name: 42 }, "name", /got 42/],
    ["a description that is not text", { ...minimal, description: 7 }, "description", /description must be a string \(got 7\)/],
    [
      "an adopted policy's description of 301 bytes (100 Chinese characters and one letter)",
      { ...adopting, description: textOfBytes(301, "中") },
      "description",
      /at most 300 bytes of UTF-8 \(got 301\): Tencent allows 300$/,
    ],
    [
      "a created policy's description of 275 bytes: the marker takes 26 of Tencent's 300",
      { ...marked, description: textOfBytes(275, "中") },
      "description",
      /at most 274 bytes of UTF-8 \(got 275\).*the ownership marker .* takes 26/,
    ],
    [
      "a created policy's description of 275 bytes of 4-byte characters",
      { ...marked, description: textOfBytes(275, "😀") },
      "description",
      /at most 274 bytes/,
    ],
    ["a document that is not JSON", { ...minimal, content: "{version: 2.0}" }, "content", /content is not valid JSON: line 1, column 2/],
    ["a document that is a number", { ...minimal, content: 42 }, "content", /content must be a policy document.*\(got 42\)/],
    [
      "an SCP with a principal",
      { ...minimal, content: { ...DENY_RUN_INSTANCES, principal: { qcs: ["qcs::cam::uin/1:root"] } } },
      "content",
      /cannot carry "principal"/,
    ],
    ["a tag policy declared as an SCP (the default type)", { ...minimal, content: COST_CENTER }, "content", /unknown element "tags"/],
    ["an SCP declared as a tag policy", { ...minimal, type: "TAG_POLICY" }, "content", /exactly one top-level element, the object "tags"/],
    [
      "a deletion policy of an attachment",
      { ...minimal, deletionPolicy: "detach" },
      "deletionPolicy",
      /one of delete, retain \(got "detach"\)/,
    ],
    ["an adoption id of 0", { ...minimal, adoptPolicyId: 0 }, "adoptPolicyId", /positive integer policy id \(got 0\)/],
    ["a negative adoption id", { ...minimal, adoptPolicyId: -5 }, "adoptPolicyId", /positive integer policy id/],
    ["a fractional adoption id", { ...minimal, adoptPolicyId: 1.5 }, "adoptPolicyId", /positive integer policy id/],
    ["an adoption id that is a name", { ...minimal, adoptPolicyId: "FullQcloudAccess" }, "adoptPolicyId", /positive integer/],
    ["an adoption id with a leading zero", { ...minimal, adoptPolicyId: "0100123" }, "adoptPolicyId", /positive integer/],
    ["an empty ownerMarker", { ...minimal, ownerMarker: "" }, "ownerMarker", /set by the OrganizationPolicy class; do not set it by hand/],
    [
      "a misspelt input",
      { ...minimal, policyDocument: "{}" },
      "policyDocument",
      /unknown input "policyDocument"; the inputs are type, name, description, content, deletionPolicy, adoptPolicyId, ownerMarker/,
    ],
    ["an input in another case", { ...minimal, Name: "x" }, "Name", /unknown input "Name"/],
  ];
  it.each(cases)("%s", (_title, declaration, property, reason) => {
    const { failures } = checkPolicy({}, declaration);
    expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  it("takes the engine's own __provider through without calling it unknown", () => {
    const { inputs, failures } = checkPolicy({}, { ...minimal, __provider: "urn:provider" });
    expect(failures).toEqual([]);
    expect(inputs).toHaveProperty("__provider", "urn:provider");
  });

  it("ignores an input set to undefined (an optional output of another resource, not set)", () => {
    expect(checkPolicy({}, { ...minimal, description: undefined, colour: undefined }).failures).toEqual([]);
  });
});

describe("check accepts what Tencent accepts", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["a Chinese name", { ...minimal, name: "禁止创建实例" }],
    ["a name of letters, digits, _ and Chinese characters", { ...minimal, name: "Deny_CVM_01_禁止" }],
    ["a name of 128 characters", { ...minimal, name: "a".repeat(128) }],
    ["a name of 128 Chinese characters", { ...minimal, name: "策".repeat(128) }],
    ["an adopted policy's description of exactly 300 bytes (100 Chinese characters)", { ...adopting, description: "中".repeat(100) }],
    [
      "a created policy's description of exactly 274 bytes (91 Chinese characters and a letter)",
      { ...marked, description: textOfBytes(274, "中") },
    ],
    ["a created policy's description of exactly 274 bytes of 4-byte characters", { ...marked, description: textOfBytes(274, "😀") }],
    ["300 bytes when no marker is written (no ownerMarker: OrganizationPolicy.get)", { ...minimal, description: textOfBytes(300, "中") }],
    ["an empty description", { ...marked, description: "" }],
    ["a tag policy", { ...minimal, type: "TAG_POLICY", content: COST_CENTER }],
    ["retain", { ...minimal, deletionPolicy: "retain" }],
  ];
  it.each(cases)("%s", (_title, declaration) => {
    const { inputs, failures } = checkPolicy({}, declaration);
    expect(failures).toEqual([]);
    for (const [field, value] of Object.entries(declaration)) if (field !== "content") expect(inputs).toHaveProperty(field, value);
  });

  it("gives a tag policy its canonical text", () => {
    expect(checkPolicy({}, { ...minimal, type: "TAG_POLICY", content: COST_CENTER }).inputs.content).toBe(COST_CENTER_TEXT);
  });
});

describe("check gives one canonical text for one document, however it is written", () => {
  const writings: [string, unknown][] = [
    ["as the object a program writes", DENY_RUN_INSTANCES],
    ["as compact JSON text", JSON.stringify(DENY_RUN_INSTANCES)],
    ["as indented JSON text", JSON.stringify(DENY_RUN_INSTANCES, null, 4)],
    ["with its keys in another order", '{"statement":[{"resource":"*","action":"cvm:RunInstances","effect":"deny"}],"version":"2.0"}'],
    [
      "with escaped characters",
      '{"version":"2.0","statement":[{"effect":"\\u0064eny","action":["cvm:Run\\u0049nstances"],"resource":"*"}]}',
    ],
    ["already canonical", DENY_RUN_INSTANCES_TEXT],
  ];
  it.each(writings)("%s", (_title, content) => {
    const { inputs, failures } = checkPolicy({}, { ...minimal, content });
    expect(failures).toEqual([]);
    expect(inputs.content).toBe(DENY_RUN_INSTANCES_TEXT);
  });
});

describe("check passes values unknown at preview through, unvalidated", () => {
  it.each(["type", "name", "description", "content", "deletionPolicy", "adoptPolicyId"] as const)("an unknown %s", (field) => {
    const { inputs, failures } = checkPolicy({}, { ...marked, [field]: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs[field]).toBe(UNKNOWN);
  });

  it("a document holding an unknown value (another resource's id) is passed through as it is", () => {
    const content = { version: "2.0", statement: [{ effect: "deny", action: "*", resource: UNKNOWN }] };
    const { inputs, failures } = checkPolicy({}, { ...minimal, content });
    expect(failures).toEqual([]);
    expect(inputs.content).toBe(content);
  });

  it("with the type unknown, a document of either grammar is accepted until the type is known", () => {
    expect(checkPolicy({}, { ...minimal, type: UNKNOWN, content: COST_CENTER }).failures).toEqual([]);
    expect(checkPolicy({}, { ...minimal, type: UNKNOWN }).failures).toEqual([]);
  });

  it("with the type unknown, a document that is not JSON is still refused", () => {
    expect(checkPolicy({}, { ...minimal, type: UNKNOWN, content: "[1" }).failures).toEqual([
      { property: "content", reason: expect.stringMatching(/content is not valid JSON/) },
    ]);
  });

  it("an invalid type leaves the document checked as JSON only, so only the type is refused", () => {
    expect(checkPolicy({}, { ...minimal, type: "SCP", content: COST_CENTER }).failures.map((f) => f.property)).toEqual(["type"]);
  });
});

describe("check refuses replacements that cannot work", () => {
  /** An adopted policy that is retained when released. */
  const adopted = adoptedPolicyInputs;
  /** The same, deleted when released. */
  const adoptedAndDeleted = { ...adoptedPolicyInputs, deletionPolicy: "delete" as const };
  const toTagPolicy = { type: "TAG_POLICY", content: COST_CENTER };

  it("an adopted policy cannot change type: refused with what to do", () => {
    expect(checkPolicy(adopted, { ...adopted, ...toTagPolicy }).failures).toEqual([
      {
        property: "type",
        reason: expect.stringMatching(
          /^policy 100123 is adopted and is a SERVICE_CONTROL_POLICY; no Tencent API changes a policy's type.*TAG_POLICY/,
        ),
      },
    ]);
  });

  it("an adopted policy whose type falls back to the default from TAG_POLICY is refused the same way", () => {
    const tagPolicy = { ...adopted, type: "TAG_POLICY" as const, content: COST_CENTER_TEXT };
    const { type: _dropped, ...noType } = tagPolicy;
    expect(checkPolicy(tagPolicy, { ...noType, content: DENY_RUN_INSTANCES }).failures.map((f) => f.property)).toEqual(["type"]);
  });

  it("switching adoptPolicyId while deletionPolicy is delete would delete the policy adopted before: refused", () => {
    expect(checkPolicy(adoptedAndDeleted, { ...adoptedAndDeleted, adoptPolicyId: 100124 }).failures).toEqual([
      {
        property: "adoptPolicyId",
        reason: expect.stringMatching(
          /^adopting policy 100124 instead of 100123 would delete the latter \(deletionPolicy "delete"\).*retain/,
        ),
      },
    ]);
  });

  it("switching adoptPolicyId is refused even when the new declaration says retain: the old state's policy releases the old one", () => {
    const failures = checkPolicy(adoptedAndDeleted, { ...adoptedAndDeleted, adoptPolicyId: 100124, deletionPolicy: "retain" }).failures;
    expect(failures.map((f) => f.property)).toEqual(["adoptPolicyId"]);
  });

  it("switching adoptPolicyId under a state without deletionPolicy counts as delete, the default: refused", () => {
    const { deletionPolicy: _dropped, ...olderState } = adoptedAndDeleted;
    expect(checkPolicy(olderState, { ...adoptedAndDeleted, adoptPolicyId: 100124 }).failures.map((f) => f.property)).toEqual([
      "adoptPolicyId",
    ]);
  });

  it("switching adoptPolicyId to another type is refused for the deletion only: the new policy may be of any type", () => {
    const failures = checkPolicy(adoptedAndDeleted, { ...adoptedAndDeleted, ...toTagPolicy, adoptPolicyId: 100124 }).failures;
    expect(failures.map((f) => f.property)).toEqual(["adoptPolicyId"]);
  });

  const allowed: [string, Declaration<PolicyInputs>, Declaration<PolicyInputs>][] = [
    ["switching adoptPolicyId with retain (the old one stays)", adopted, { ...adopted, adoptPolicyId: 100124 }],
    ["switching adoptPolicyId and type with retain", adopted, { ...adopted, ...toTagPolicy, adoptPolicyId: 100124 }],
    ["an adoption id given as the same digits", adoptedAndDeleted, { ...adoptedAndDeleted, adoptPolicyId: "100123" }],
    ["a created policy changing type (replaced by a new one)", createdPolicyInputs, { ...createdPolicyInputs, ...toTagPolicy }],
    [
      "a created policy starting to adopt one with delete (the created one is deleted, as declared)",
      createdPolicyInputs,
      { ...createdPolicyInputs, adoptPolicyId: 100124 },
    ],
    ["the first check, adopting with delete", {}, { ...adoptedAndDeleted }],
    ["an adopted policy keeping its type and renamed", adoptedAndDeleted, { ...adoptedAndDeleted, name: "baseline2" }],
    ["an adopted policy whose type is unknown at preview", adopted, { ...adopted, type: UNKNOWN }],
    ["an adoption id unknown at preview, with delete", adoptedAndDeleted, { ...adoptedAndDeleted, adoptPolicyId: UNKNOWN }],
  ];
  it.each(allowed)("allows %s", (_title, olds, news) => {
    expect(checkPolicy(olds, news).failures).toEqual([]);
  });

  // Dropping adoptPolicyId to change the type, as the refusal advises: with retain the adopted
  // policy stays and the replacement (a new TAG_POLICY) is safe; with delete it is refused.
  it("dropping adoptPolicyId to change the type, as the refusal advises, is accepted with retain", () => {
    const { adoptPolicyId: _dropped, ...created } = adopted;
    expect(checkPolicy(adopted, { ...created, ...toTagPolicy }).failures).toEqual([]);
  });

  it("dropping adoptPolicyId to change the type with delete is refused: the adopted policy would be deleted", () => {
    const { adoptPolicyId: _dropped, ...created } = adopted;
    expect(checkPolicy({ ...adopted, deletionPolicy: "delete" }, { ...created, ...toTagPolicy }).failures).toEqual([
      expect.objectContaining({ property: "type", reason: expect.stringMatching(/would be deleted \(deletionPolicy "delete"\)/) }),
    ]);
  });

  // An invalid type on an adopted policy is refused once, by the type's own rule (the guard
  // compares only a known, valid new type).
  it("an adopted policy given an invalid type is refused once, by the type's own rule", () => {
    expect(checkPolicy(adopted, { ...adopted, type: "SCP" }).failures).toEqual([
      { property: "type", reason: 'type must be one of SERVICE_CONTROL_POLICY, TAG_POLICY (got "SCP")' },
    ]);
  });
});
