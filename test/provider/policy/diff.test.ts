/**
 * The policy's diff, as a table and properties: one row per field and effect, the ownership
 * marker written again only when the last read missed it, and documents compared by meaning —
 * the state read back from any reformatting of the declared document is no change.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MaybeUnknown, UNKNOWN } from "../../../provider/core/unknown";
import { checkPolicy, POLICY_INPUT_NAMES } from "../../../provider/policy/check";
import { diffPolicy, POLICY_DIFF_TABLE } from "../../../provider/policy/diff";
import { canonicalContent } from "../../../provider/policy/document";
import { toRefreshedPolicyInputs } from "../../../provider/policy/state";
import type { PolicyInputs, PolicyOutputs } from "../../../provider/policy/types";
import {
  ALLOW_ALL_TEXT,
  adoptedPolicyInputs,
  adoptedPolicyOutputs,
  COST_CENTER,
  COST_CENTER_TEXT,
  CREATED_MARKER,
  createdPolicyInputs,
  createdPolicyOutputs,
  outputsAfterCreate,
} from "./fixtures";

type Change = Partial<MaybeUnknown<PolicyInputs>>;
type Effects = { field: string; effect: string }[];

describe("diff: one table of in-place updates, state-only changes and replacements", () => {
  const cases: [string, Change, Effects][] = [
    ["a rename is UpdatePolicy", { name: "deny_cvm" }, [{ field: "name", effect: "updatePolicy" }]],
    ["another description is UpdatePolicy", { description: "still no new CVMs" }, [{ field: "description", effect: "updatePolicy" }]],
    ["removing the description is UpdatePolicy", { description: undefined }, [{ field: "description", effect: "updatePolicy" }]],
    ["another document is UpdatePolicy", { content: ALLOW_ALL_TEXT }, [{ field: "content", effect: "updatePolicy" }]],
    ["another deletion policy only updates the state", { deletionPolicy: "retain" }, [{ field: "deletionPolicy", effect: "stateOnly" }]],
    [
      "another type replaces the policy (its document changes with it)",
      { type: "TAG_POLICY", content: COST_CENTER_TEXT },
      [
        { field: "content", effect: "updatePolicy" },
        { field: "type", effect: "replace" },
      ],
    ],
    ["adopting another policy replaces the resource", { adoptPolicyId: 100124 }, [{ field: "adoptPolicyId", effect: "replace" }]],
    ["adopting the policy it already manages is no change", { adoptPolicyId: 100001 }, []],
    ["another ownership marker is no change: the marker is fixed once written", { ownerMarker: "other/stack/name" }, []],
    ["an empty description is no description", { description: "" }, [{ field: "description", effect: "updatePolicy" }]],
    [
      "the document written another way is no change",
      { content: '{ "version": "2.0", "statement": [ { "resource": ["*"], "effect": "deny", "action": ["cvm:RunInstances"] } ] }' },
      [],
    ],
    ["an unknown name at preview is a possible update", { name: UNKNOWN }, [{ field: "name", effect: "updatePolicy" }]],
    [
      "an unknown description at preview is a possible update",
      { description: UNKNOWN },
      [{ field: "description", effect: "updatePolicy" }],
    ],
    ["an unknown document at preview is a possible update", { content: UNKNOWN }, [{ field: "content", effect: "updatePolicy" }]],
    [
      "an unknown deletion policy at preview is a possible state change",
      { deletionPolicy: UNKNOWN },
      [{ field: "deletionPolicy", effect: "stateOnly" }],
    ],
    ["an unknown type at preview is a possible replacement", { type: UNKNOWN }, [{ field: "type", effect: "replace" }]],
    [
      "an unknown adoption id at preview is a possible replacement",
      { adoptPolicyId: UNKNOWN },
      [{ field: "adoptPolicyId", effect: "replace" }],
    ],
    ["nothing changed is no change", {}, []],
  ];
  it.each(cases)("%s", (_title, change, effects) => {
    const result = diffPolicy(createdPolicyOutputs, { ...createdPolicyInputs, ...change });
    expect(result.changed).toEqual(effects);
    expect(result.changes).toBe(effects.length > 0);
    expect(result.replaces).toEqual(effects.filter((e) => e.effect === "replace").map((e) => e.field));
    // A replacement is created before the old policy is deleted, so governance never lapses.
    expect(result.deleteBeforeReplace).toBe(false);
  });

  it("the same rows hold for an adopted policy, without a marker ever to write", () => {
    expect(diffPolicy(adoptedPolicyOutputs, adoptedPolicyInputs).changed).toEqual([]);
    expect(diffPolicy(adoptedPolicyOutputs, { ...adoptedPolicyInputs, name: "baseline2" }).changed).toEqual([
      { field: "name", effect: "updatePolicy" },
    ]);
    expect(diffPolicy(adoptedPolicyOutputs, { ...adoptedPolicyInputs, type: "TAG_POLICY", content: COST_CENTER_TEXT }).replaces).toEqual([
      "type",
    ]);
  });

  it("compares the document under the state's type when the declaration's is unknown: no spurious content change", () => {
    const { changed } = diffPolicy(createdPolicyOutputs, { ...createdPolicyInputs, type: UNKNOWN });
    expect(changed.map((c) => c.field)).toEqual(["type"]);
  });

  it("a state without a document (a failure before the first read) always sends the declared one", () => {
    const { content: _missing, ...idOnly } = createdPolicyOutputs;
    expect(diffPolicy(idOnly, createdPolicyInputs).changed).toEqual([{ field: "content", effect: "updatePolicy" }]);
  });

  it("has one row per input, each with its effect", () => {
    expect(POLICY_DIFF_TABLE.map((r) => r.field).sort()).toEqual([...POLICY_INPUT_NAMES].sort());
    expect(Object.fromEntries(POLICY_DIFF_TABLE.map((r) => [r.field, r.effect]))).toEqual({
      name: "updatePolicy",
      description: "updatePolicy",
      content: "updatePolicy",
      ownerMarker: "updatePolicy",
      deletionPolicy: "stateOnly",
      type: "replace",
      adoptPolicyId: "replace",
    });
  });
});

describe("diff writes the ownership marker again only when the last read missed it", () => {
  const restore: Effects = [{ field: "ownerMarker", effect: "updatePolicy" }];
  const cases: [string, Partial<PolicyOutputs>, PolicyInputs, Effects][] = [
    ["a created policy whose marker was read back", createdPolicyOutputs, createdPolicyInputs, []],
    [
      "a created policy whose marker was removed in the console",
      { ...createdPolicyOutputs, ownerMarkerSeen: "" },
      createdPolicyInputs,
      restore,
    ],
    [
      "a created policy whose description carries another marker",
      { ...createdPolicyOutputs, ownerMarkerSeen: "0123456789abcdef" },
      createdPolicyInputs,
      restore,
    ],
    [
      "a created policy whose marker is missing and whose description changes too",
      { ...createdPolicyOutputs, ownerMarkerSeen: "" },
      { ...createdPolicyInputs, description: "new" },
      [{ field: "description", effect: "updatePolicy" }, ...restore],
    ],
    [
      "a state that never recorded what it saw (before its first read)",
      { ...createdPolicyOutputs, ownerMarkerSeen: undefined },
      createdPolicyInputs,
      [],
    ],
    ["an adopted policy, whose description carries no marker", adoptedPolicyOutputs, adoptedPolicyInputs, []],
    [
      "an adopted policy whose description carries another stack's marker",
      { ...adoptedPolicyOutputs, ownerMarkerSeen: "0123456789abcdef" },
      adoptedPolicyInputs,
      [],
    ],
    [
      "a state without ownerMarker (no marker was ever written)",
      { ...createdPolicyOutputs, ownerMarker: undefined, ownerMarkerSeen: "" },
      { ...createdPolicyInputs, ownerMarker: undefined },
      [],
    ],
  ];
  it.each(cases)("%s", (_title, state, declared, effects) => {
    expect(diffPolicy(state, declared).changed).toEqual(effects);
  });

  it("the marker the state expects is the one the fixture's description was stored with", () => {
    expect(createdPolicyOutputs.ownerMarkerSeen).toBe(CREATED_MARKER);
    expect(CREATED_MARKER).toMatch(/^[0-9a-f]{16}$/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Generated service control policies
// ---------------------------------------------------------------------------------------------------------

const ACTIONS = ["cvm:RunInstances", "cvm:ResetInstance", "cos:*", "*", "cam:Get*", "name/cdb:DescribeDBInstances"];
const RESOURCES = [
  "*",
  "qcs::cvm:ap-guangzhou:uin/100000000001:instance/*",
  "qcs::cos:ap-shanghai:uin/*:prefix/1250000000/桶/*",
  "qcs::cam::uin/100000000001:uin/*",
];
const CONDITION_OPERATORS = ["ip_not_equal", "string_equal", "string_like_if_exist", "for_any_value:string_equal"];
const CONDITION_KEYS = ["qcs:ip", "qcs:resource_tag", "cvm:region"];
const CONDITION_VALUES = ["10.0.0.0/8", "172.16.0.0/12", "env&生产", "ap-guangzhou", 'a"quoted\\value'];

/** One statement as a program writes it: lists everywhere, an optional condition of one operator. */
const statementArb = fc.record(
  {
    effect: fc.constantFrom("allow", "deny"),
    action: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 3 }),
    resource: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 2 }),
    condition: fc
      .tuple(
        fc.constantFrom(...CONDITION_OPERATORS),
        fc.constantFrom(...CONDITION_KEYS),
        fc.uniqueArray(fc.constantFrom(...CONDITION_VALUES), { minLength: 1, maxLength: 2 }),
      )
      .map(([operator, key, values]) => ({ [operator]: { [key]: values } })),
  },
  { requiredKeys: ["effect", "action", "resource"] },
);
type Statement = { effect: string; action: string[]; resource: string[]; condition?: Record<string, Record<string, string[]>> };
const scpArb = fc
  .array(statementArb, { minLength: 1, maxLength: 3 })
  .map((statement) => ({ version: "2.0", statement: statement as Statement[] }));

/** A small deterministic random source, so one generated seed drives a whole reformatting (and shrinks). */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a document may come back from the console: same meaning, other text. */
interface Reformatting {
  seed: number;
  /** JSON.stringify's indentation. */
  indent: number | string;
  /** Share of letters and non-ASCII characters written as \u escapes. */
  escaped: number;
  /** Wrapped as DescribePolicy's example shows it: {"strategyInfo": …, "version": "2.0"}. */
  wrapped: boolean;
}
const reformattingArb: fc.Arbitrary<Reformatting> = fc.record({
  seed: fc.integer(),
  indent: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom("\t", " ")),
  escaped: fc.constantFrom(0, 0.2, 1),
  wrapped: fc.boolean(),
});

/** The document reformatted: keys shuffled, one-element lists and bare strings swapped, indented, escaped. */
function reformat(doc: unknown, how: Reformatting): string {
  const random = randomSource(how.seed);
  const listOrBare = (value: unknown): unknown => {
    if (Array.isArray(value) && value.length === 1 && random() < 0.5) return value[0];
    if (typeof value === "string" && random() < 0.5) return [value];
    return value;
  };
  const shuffled = (entries: [string, unknown][]): [string, unknown][] =>
    entries
      .map((entry) => ({ entry, order: random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ entry }) => entry);
  const walk = (value: unknown, element?: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      shuffled(Object.entries(value)).map(([key, field]) => {
        if (key === "action" || key === "resource") return [key, listOrBare(field)];
        // A condition's values sit two levels down: operator → key → value or values.
        if (element === "operator") return [key, listOrBare(field)];
        return [key, walk(field, key === "condition" ? "condition" : element === "condition" ? "operator" : undefined)];
      }),
    );
  };
  const document = walk(doc);
  const text = JSON.stringify(how.wrapped ? { strategyInfo: document, version: "2.0" } : document, null, how.indent);
  // Letters and non-ASCII characters occur only inside strings here (no numbers, true, false or null), so any may be escaped.
  return text.replace(/[A-Za-z\u0080-\uffff]/g, (character) => {
    if (random() >= how.escaped) return character;
    const hex = character.charCodeAt(0).toString(16).padStart(4, "0");
    return `\\u${random() < 0.5 ? hex : hex.toUpperCase()}`;
  });
}

/** Checked inputs for `content`, with `rest` of the declaration. */
function checked(content: unknown, rest: Record<string, unknown> = {}): PolicyInputs {
  const { inputs, failures } = checkPolicy({}, { name: "generated", content, ownerMarker: "proj/dev/generated", ...rest });
  expect(failures).toEqual([]);
  return inputs;
}

describe("reformatting a document is never a diff", () => {
  it("reformat changes the text, not the meaning (the generator itself)", () => {
    const doc = { version: "2.0", statement: [{ effect: "deny", action: ["cos:*"], resource: ["*"] }] };
    const text = reformat(doc, { seed: 3, indent: 2, escaped: 1, wrapped: false });
    expect(text).toContain("\\u");
    expect(text).not.toContain("cos");
    expect(canonicalContent("SERVICE_CONTROL_POLICY", text)).toBe(canonicalContent("SERVICE_CONTROL_POLICY", doc));
  });

  it("the state read back from any reformatting of the declared document gives no diff", () => {
    fc.assert(
      fc.property(scpArb, reformattingArb, (doc, how) => {
        const declared = checked(doc);
        const state = outputsAfterCreate(declared, 100001, reformat(doc, how));
        expect(state.content).toBe(declared.content);
        expect(diffPolicy(state, declared).changed).toEqual([]);
      }),
    );
  });

  it("a reformatted declaration against the stored document gives no diff either", () => {
    fc.assert(
      fc.property(scpArb, reformattingArb, (doc, how) => {
        fc.pre(!how.wrapped); // a program declares the document itself, not DescribePolicy's wrapper
        const state = outputsAfterCreate(checked(doc));
        expect(diffPolicy(state, checked(reformat(doc, how))).changed).toEqual([]);
      }),
    );
  });

  it("a statement's effect turned around is always a content update, never a replacement", () => {
    fc.assert(
      fc.property(scpArb, fc.nat(), reformattingArb, (doc, at, how) => {
        const index = at % doc.statement.length;
        const turned = {
          ...doc,
          statement: doc.statement.map((s, i) => (i === index ? { ...s, effect: s.effect === "allow" ? "deny" : "allow" } : s)),
        };
        const state = outputsAfterCreate(checked(doc), 100001, reformat(doc, how));
        const result = diffPolicy(state, checked(turned));
        expect(result.changed).toEqual([{ field: "content", effect: "updatePolicy" }]);
        expect(result.replaces).toEqual([]);
      }),
    );
  });

  it("a tag policy reformatted (bare detection, keys shuffled, indented) is no change", () => {
    const declared = checked({ tags: { costcenter: { ...COST_CENTER.tags.costcenter, detection: "on" } } }, { type: "TAG_POLICY" });
    const reported = JSON.stringify(
      {
        tags: {
          costcenter: {
            tag_value: { "@@assign": ["cc-100", "cc-200"] },
            detection: { "@@assign": "on" },
            resource_type_scope: { "@@assign": ["cvm:instance"] },
            tag_key: { "@@assign": "costcenter" },
          },
        },
      },
      null,
      3,
    );
    expect(diffPolicy(outputsAfterCreate(declared, 100001, reported), declared).changed).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// diff(outputs of x, x) is empty
// ---------------------------------------------------------------------------------------------------------

const NAME_CHARACTERS = [..."abcXYZ019_策略禁止"];
const TAG_POLICIES = [
  COST_CENTER,
  { tags: { env: { tag_key: { "@@assign": "env" }, resource_type_scope: { "@@assign": ["*"] }, detection: "on" } } },
];

/** Any declaration check accepts or refuses; the properties keep the accepted ones. */
const declarationArb = fc
  .record({
    type: fc.constantFrom("SERVICE_CONTROL_POLICY", "TAG_POLICY"),
    name: fc.string({ unit: fc.constantFrom(...NAME_CHARACTERS), minLength: 1, maxLength: 128 }),
    description: fc.option(fc.string({ unit: "binary", maxLength: 80 }), { nil: undefined }),
    scp: scpArb,
    tagPolicy: fc.constantFrom(...TAG_POLICIES),
    deletionPolicy: fc.option(fc.constantFrom("delete", "retain"), { nil: undefined }),
    adoptPolicyId: fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: undefined }),
    ownerMarker: fc.option(fc.constantFrom("proj/dev/a", "proj/prod/策略"), { nil: undefined }),
  })
  .map(({ scp, tagPolicy, ...declaration }) => ({ ...declaration, content: declaration.type === "TAG_POLICY" ? tagPolicy : scp }));

describe("diff(outputs of x, x) reports no change, for any valid policy", () => {
  it("after a create (or an adoption), through the real read path", () => {
    fc.assert(
      fc.property(declarationArb, (declaration) => {
        const { inputs, failures } = checkPolicy({}, declaration);
        fc.pre(failures.length === 0);
        const outputs = outputsAfterCreate(inputs);
        expect(diffPolicy(outputs, inputs)).toEqual({ changes: false, replaces: [], changed: [], deleteBeforeReplace: false });
        // A refresh records inputs that check accepts and that diff against the state as no change.
        const refreshed = checkPolicy({}, toRefreshedPolicyInputs(outputs));
        expect(refreshed.failures).toEqual([]);
        expect(diffPolicy(outputs, refreshed.inputs).changes).toBe(false);
      }),
    );
  });

  // A description ending like a marker would read back without that ending (a permanent diff for an
  // adopted policy, which carries no marker): check refuses it, for created and adopted policies alike.
  it.each([
    ["created", createdPolicyInputs],
    ["adopted", adoptedPolicyInputs],
  ])("a %s policy's description that ends like a marker is refused at check", (_kind, base) => {
    const inputs = { ...base, description: "x [pulumi:0123456789abcdef]" };
    expect(checkPolicy({}, inputs).failures).toEqual([
      expect.objectContaining({ property: "description", reason: expect.stringMatching(/ownership marker/) }),
    ]);
  });
});
