/**
 * How the ownership marker sits at the end of a policy's description, as tables and properties:
 * what is stored, what a read splits off, and that the two undo each other.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MARKER_SUFFIX_BYTES,
  POLICY_DESCRIPTION_MAX_BYTES,
  splitDescription,
  storedDescription,
  utf8Bytes,
} from "../../../provider/policy/rules";

const MARKER = "0123456789abcdef";
const markerArb = fc.stringMatching(/^[0-9a-f]{16}$/);
/** Any text, with a bias towards the characters the marker is made of. */
const descriptionArb = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(..." [pulumi:]0af\n中"), maxLength: 60 }),
);
/** Whether a text ends as a stored marker does. */
const endsLikeMarker = (text: string): boolean => /\[pulumi:[0-9a-f]{16}\]$/.test(text);

describe("storedDescription: the user's text, then the marker", () => {
  const cases: [string, string | undefined, string | undefined, string][] = [
    ["no text, no marker: empty", undefined, undefined, ""],
    ["text without a marker (adopted): the text alone", "managed by security", undefined, "managed by security"],
    ["text with a marker: one space between", "no new CVMs", MARKER, `no new CVMs [pulumi:${MARKER}]`],
    ["no text with a marker: the marker alone, no leading space", undefined, MARKER, `[pulumi:${MARKER}]`],
    ["empty text with a marker: the marker alone", "", MARKER, `[pulumi:${MARKER}]`],
    ["Chinese text with a marker", "禁止创建实例", MARKER, `禁止创建实例 [pulumi:${MARKER}]`],
  ];
  it.each(cases)("%s", (_title, description, marker, stored) => {
    expect(storedDescription(description, marker)).toBe(stored);
  });

  it("the marker takes 26 bytes of the description: the room check keeps for it", () => {
    expect(MARKER_SUFFIX_BYTES).toBe(26);
    expect(utf8Bytes(storedDescription("x", MARKER)) - utf8Bytes("x")).toBe(MARKER_SUFFIX_BYTES);
    expect(utf8Bytes(storedDescription("", MARKER))).toBe(MARKER_SUFFIX_BYTES - 1);
  });

  it("a description of the room left (300 - 26 bytes) is stored within Tencent's 300", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), markerArb, (description, marker) => {
        fc.pre(utf8Bytes(description) <= POLICY_DESCRIPTION_MAX_BYTES - MARKER_SUFFIX_BYTES);
        expect(utf8Bytes(storedDescription(description, marker))).toBeLessThanOrEqual(POLICY_DESCRIPTION_MAX_BYTES);
      }),
    );
  });
});

describe("splitDescription: the user's text and the marker it ends with", () => {
  const cases: [string, string, { description: string; marker: string }][] = [
    ["a stored description", `no new CVMs [pulumi:${MARKER}]`, { description: "no new CVMs", marker: MARKER }],
    ["the marker alone", `[pulumi:${MARKER}]`, { description: "", marker: MARKER }],
    ["the marker without the space before it", `x[pulumi:${MARKER}]`, { description: "x", marker: MARKER }],
    ["no marker", "managed by security", { description: "managed by security", marker: "" }],
    ["empty", "", { description: "", marker: "" }],
    [
      'a description that merely contains "[pulumi:" mid-text: not split',
      `see [pulumi:${MARKER}] for details`,
      { description: `see [pulumi:${MARKER}] for details`, marker: "" },
    ],
    [
      "a marker followed by a line break: not at the end, not split",
      `x [pulumi:${MARKER}]\n`,
      { description: `x [pulumi:${MARKER}]\n`, marker: "" },
    ],
    ["a marker in capitals: not the provider's", "x [pulumi:0123456789ABCDEF]", { description: "x [pulumi:0123456789ABCDEF]", marker: "" }],
    [
      "a marker of 15 hex digits: not the provider's",
      "x [pulumi:0123456789abcde]",
      { description: "x [pulumi:0123456789abcde]", marker: "" },
    ],
    [
      "a marker of 17 hex digits: not the provider's",
      "x [pulumi:0123456789abcdef0]",
      { description: "x [pulumi:0123456789abcdef0]", marker: "" },
    ],
    ["another tool's tag", "x [terraform:0123456789abcdef]", { description: "x [terraform:0123456789abcdef]", marker: "" }],
    [
      "two markers: the last one is the marker, the first stays text",
      `x [pulumi:ffffffffffffffff] [pulumi:${MARKER}]`,
      { description: "x [pulumi:ffffffffffffffff]", marker: MARKER },
    ],
    ["text ending with a space, then the marker: the space is the text's", `x  [pulumi:${MARKER}]`, { description: "x ", marker: MARKER }],
    ["text over several lines", `line 1\nline 2 [pulumi:${MARKER}]`, { description: "line 1\nline 2", marker: MARKER }],
  ];
  it.each(cases)("%s", (_title, stored, split) => {
    expect(splitDescription(stored)).toEqual(split);
  });
});

describe("storing and splitting undo each other", () => {
  it("splitDescription(storedDescription(d, m)) is {d, m} for any text d and any marker m", () => {
    fc.assert(
      fc.property(descriptionArb, markerArb, (description, marker) => {
        expect(splitDescription(storedDescription(description, marker))).toEqual({ description, marker });
      }),
    );
  });

  it("without a marker, any text that does not end like one is split into itself and no marker", () => {
    fc.assert(
      fc.property(descriptionArb, (description) => {
        fc.pre(!endsLikeMarker(description));
        expect(splitDescription(storedDescription(description, undefined))).toEqual({ description, marker: "" });
      }),
    );
  });
});
