import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONTENT_MAX_CHARACTERS,
  canonicalContent,
  contentInput,
  describeContentChanges,
  isPolicyType,
  POLICY_TYPES,
  type PolicyType,
  parseReportedContent,
  sameContent,
} from "../../../provider/policy/document";
// The emulator models Tencent's refusals; the provider must refuse at preview exactly what it refuses.
import { checkPolicyContent } from "../../emulator/policy-rules";

const SCP: PolicyType = "SERVICE_CONTROL_POLICY";
const TAG: PolicyType = "TAG_POLICY";

/** The minimal allow-all SCP of the API page and Terraform's example (reference §4). */
const ALLOW_ALL = '{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}';
/** A deny SCP with a condition, as a program would declare it. */
const DENY_OUTSIDE_OFFICE = {
  version: "2.0",
  statement: [
    {
      effect: "deny",
      action: ["cvm:RunInstances", "cvm:ResetInstance"],
      resource: "qcs::cvm:ap-guangzhou:uin/100000000001:instance/*",
      condition: { ip_not_equal: { "qcs:ip": ["10.0.0.0/8", "172.16.0.0/12"] } },
    },
  ],
};
/** The tag-policy example of the Tag page (reference §4). */
const REFERENCE_TAG_POLICY =
  '{"tags":{"principal":{"tag_key":{"@@assign":"principal"},"tag_value":{"@@assign":["name 1"]},"resource_type_scope":{"@@assign":["ecs:instance","ecs:disk"]},"correction":{"@@assign":"on"}}}}';
/** DescribePolicy's example response document (reference §1): the SCP wrapped in `strategyInfo`. */
const DESCRIBE_POLICY_EXAMPLE =
  '{"strategyInfo":{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"qcs::cam::*:*"}]},"version":"2.0"}';

/** An SCP of one statement: allow-all with `change` applied (a field set to undefined is left out). */
const scpWith = (change: Record<string, unknown>) => ({
  version: "2.0",
  statement: [
    Object.fromEntries(Object.entries({ effect: "allow", action: "*", resource: "*", ...change }).filter(([, v]) => v !== undefined)),
  ],
});
/** A tag policy of one key with its required fields and `fields` (a field set to undefined is left out). */
const tagPolicyWith = (key: string, fields: Record<string, unknown> = {}) => ({
  tags: {
    [key]: Object.fromEntries(
      Object.entries({ tag_key: { "@@assign": key }, resource_type_scope: { "@@assign": ["*"] }, ...fields }).filter(
        ([, v]) => v !== undefined,
      ),
    ),
  },
});
const assign = (value: unknown) => ({ "@@assign": value });

const check = (type: PolicyType | undefined, content: unknown) => contentInput(type)(content, {});
const asText = (content: unknown): string => (typeof content === "string" ? content : JSON.stringify(content));
/** The emulator's answer for the text the provider would send. */
const emulatorRefuses = (type: PolicyType, text: string): boolean => {
  try {
    checkPolicyContent(type, text);
    return false;
  } catch {
    return true;
  }
};

describe("documents Tencent accepts pass check, as their canonical text", () => {
  const valid: [string, PolicyType, unknown][] = [
    ["the minimal allow-all SCP", SCP, ALLOW_ALL],
    ["a deny SCP with a condition, declared as an object", SCP, DENY_OUTSIDE_OFFICE],
    ["the reference's deny SCP", SCP, '{"version":"2.0","statement":[{"effect":"deny","action":["cvm:RunInstances"],"resource":"*"}]}'],
    ["name/ actions and wildcards", SCP, scpWith({ action: ["name/cos:GetObject", "cvm:Describe*", "cam:*"] })],
    [
      "a resource with an empty, a * and a uin/* account",
      SCP,
      scpWith({ resource: ["qcs::cos:::bucket/a", "qcs::cvm::*:x", "qcs::cam::uin/*:role/*"] }),
    ],
    ["a resource whose last segment holds colons", SCP, scpWith({ resource: "qcs:id/0:cvm:ap-guangzhou:uin/1:instance/ins-1:disk" })],
    [
      "condition operators with prefixes and suffixes, and number and boolean values",
      SCP,
      scpWith({
        condition: {
          "for_any_value:string_like_if_exist": { "qcs:resource_tag": ["env&*"] },
          numeric_equal: { a: 3 },
          bool_equal: { b: true },
        },
      }),
    ],
    ["the Tag page's tag-policy example", TAG, REFERENCE_TAG_POLICY],
    ["detection written bare, as older pages do", TAG, tagPolicyWith("env", { detection: "on" })],
    [
      "tag_value_dynamic and every on-field",
      TAG,
      tagPolicyWith("team", {
        tag_value_dynamic: assign("on"),
        auto_assign: assign("on"),
        auto_assign_value: assign("on"),
        tag_deletion_disable: assign("on"),
      }),
    ],
    [
      "wildcard values, an enforced_for list and service-wide scopes",
      TAG,
      tagPolicyWith("env", {
        tag_value: assign(["*", "prod-*", "*-dev", "测试"]),
        enforced_for: assign(["*"]),
        resource_type_scope: assign(["cvm:*", "cos:bucket"]),
      }),
    ],
    [
      "a policy on the provider's marker key: the marker prefix is the provider's rule, not Tencent's",
      TAG,
      tagPolicyWith("pulumi:owner:0"),
    ],
    ["several policy keys", TAG, { tags: { ...tagPolicyWith("a").tags, ...tagPolicyWith("b").tags } }],
  ];

  it.each(valid)("%s", (_, type, content) => {
    const result = check(type, content);
    expect(result.reason).toBeUndefined();
    expect(result.value).toBe(canonicalContent(type, content));
    expect(emulatorRefuses(type, result.value as string)).toBe(false);
  });

  it("the canonical allow-all SCP is compact with sorted keys", () => {
    expect(check(SCP, ALLOW_ALL).value).toBe('{"statement":[{"action":"*","effect":"allow","resource":"*"}],"version":"2.0"}');
  });
});

describe("check refuses what Tencent refuses, naming content, the statement or policy key, and the rule", () => {
  const refused: [string, PolicyType, unknown, string][] = [
    // JSON itself
    [
      "a trailing comma, with where the parser stopped",
      SCP,
      '{"version":"2.0",\n"statement":[1,]}',
      "content is not valid JSON: line 2, column 16: expected a value",
    ],
    ["a trailing comma in an object", SCP, '{"version":"2.0",}', 'line 1, column 18: expected a key in double quotes, found "}"'],
    [
      "nothing at all",
      SCP,
      "",
      "line 1, column 1: expected a value (an object, a list, a string, a number, true, false or null), found the end of the text",
    ],
    ["an unterminated document", SCP, '{"version":"2.0"', "line 1, column 17: expected '}' to close the object, found the end of the text"],
    ["text after the document", SCP, `${ALLOW_ALL} x`, 'expected JSON, found "x"'],
    ["a second document after the first", SCP, `${ALLOW_ALL}\n{}`, 'line 2, column 1: expected the end of the document, found "{"'],
    ["a comment", SCP, `// allow all\n${ALLOW_ALL}`, "line 1, column 1: expected JSON, found a comment, which JSON does not have"],
    ["a line break inside a string", SCP, '{"version":"2.0",\n"statement":"a\nb"}', "line 2, column 13: expected a closing quote"],
    ["a number without digits after its point", SCP, '{"version":2.}', "line 1, column 12: the number 2. must end with a digit"],
    ["an unescaped control character", SCP, '{"version":"2.0\t"}', "a control character inside a string must be written as an escape"],
    ["a bad escape", SCP, '{"version":"\\x"}', "expected an escape"],
    ["single quotes", TAG, "{'tags':{}}", `line 1, column 2: expected JSON, found "'tags'": strings and keys are written in double quotes`],
    ["a list at the top", SCP, "[]", "content must be a JSON object at the top (got [])"],
    [
      "a key given twice, with its path",
      SCP,
      '{"version":"2.0","statement":[{"effect":"allow","effect":"deny","action":"*","resource":"*"}]}',
      "the key statement[0].effect appears twice",
    ],
    ["a policy key given twice", TAG, '{"tags":{"env":{},"env":{}}}', 'the policy key "env" appears twice under "tags"'],
    [
      "a tag-policy field given twice",
      TAG,
      '{"tags":{"env":{"tag_key":{"@@assign":"env"},"tag_key":{"@@assign":"env"}}}}',
      "the key tags.env.tag_key appears twice",
    ],
    // SCP: the CAM grammar
    ["a principal", SCP, { ...scpWith({}), principal: { qcs: ["*"] } }, 'cannot carry "principal"'],
    [
      "an unknown top-level element",
      SCP,
      { ...scpWith({}), Statement: [] },
      'unknown element "Statement"; a service control policy has only "version" and "statement"',
    ],
    ["version as a number", SCP, { ...scpWith({}), version: 2 }, 'version must be the string "2.0" (got 2)'],
    ["version 1.0", SCP, { ...scpWith({}), version: "1.0" }, 'version must be the string "2.0" (got "1.0")'],
    ["no version", SCP, { statement: scpWith({}).statement }, 'version must be the string "2.0" (got nothing)'],
    ["no statement", SCP, { version: "2.0" }, "statement must be a non-empty list of statements (got nothing)"],
    ["an empty statement list", SCP, { version: "2.0", statement: [] }, "statement must be a non-empty list"],
    [
      "a statement that is not an object",
      SCP,
      { version: "2.0", statement: ["allow"] },
      'statement 0 must be an object with effect, action and resource (got "allow")',
    ],
    [
      "an element in capitals",
      SCP,
      scpWith({ Effect: "deny" }),
      'statement 0: unknown element "Effect"; a statement has effect, action, resource, condition',
    ],
    ["a principal in a statement", SCP, scpWith({ principal: "*" }), 'statement 0: a service control policy cannot carry "principal"'],
    ["effect Allow", SCP, scpWith({ effect: "Allow" }), 'statement 0: effect must be "allow" or "deny" (got "Allow")'],
    ["no effect", SCP, scpWith({ effect: undefined }), 'statement 0: effect must be "allow" or "deny" (got nothing)'],
    [
      "no action",
      SCP,
      scpWith({ action: undefined }),
      "statement 0 (allow): action must be a string or a non-empty list of strings (got nothing)",
    ],
    ["an empty action list", SCP, scpWith({ action: [] }), "action must be a string or a non-empty list of strings (got [])"],
    ["an action that is a number", SCP, scpWith({ action: [1] }), "action must be a string or a non-empty list of strings (got [1])"],
    [
      "an action with a space, in the second statement",
      SCP,
      { version: "2.0", statement: [...scpWith({}).statement, { effect: "deny", action: "cvm:Run Instances", resource: "*" }] },
      'content: statement 1 (deny): action "cvm:Run Instances" is not "*", "service:Api" or "name/service:Api"',
    ],
    ["an action with a capital service", SCP, scpWith({ action: "CVM:RunInstances" }), 'action "CVM:RunInstances" is not'],
    ["an action without an API", SCP, scpWith({ action: ["cvm:Describe*", "cvm"] }), 'action "cvm" is not'],
    [
      "no resource",
      SCP,
      scpWith({ effect: "deny", action: ["cvm:A", "cvm:B", "cvm:C"], resource: undefined }),
      "statement 0 (deny cvm:A, cvm:B and 1 more): resource must be a string or a non-empty list of strings",
    ],
    [
      "a resource of five segments",
      SCP,
      scpWith({ resource: "qcs::cvm:ap-guangzhou:uin/1" }),
      'statement 0 (allow *): resource "qcs::cvm:ap-guangzhou:uin/1" is not "*" or a six-segment name',
    ],
    [
      "a resource that is not qcs",
      SCP,
      scpWith({ resource: ["*", "cvm:instance/*"] }),
      'resource "cvm:instance/*" is not "*" or a six-segment name',
    ],
    ["a resource with a capital service", SCP, scpWith({ resource: "qcs::CVM:::instance/*" }), 'is not "*" or a six-segment name'],
    [
      "a resource account that is not uin/…",
      SCP,
      scpWith({ resource: "qcs::cvm::100001:instance/*" }),
      'has the account segment "100001"; it must be empty, "*", "uin/<digits>" or "uin/*"',
    ],
    ["an empty condition", SCP, scpWith({ condition: {} }), "condition must be a non-empty object of operators"],
    ["a condition that is a list", SCP, scpWith({ condition: [] }), "condition must be a non-empty object of operators"],
    [
      "an unknown operator",
      SCP,
      scpWith({ condition: { equals: { a: "b" } } }),
      'condition "equals" is not a CAM operator; the operators are string_equal',
    ],
    [
      "an unknown operator prefix",
      SCP,
      scpWith({ condition: { "for_some_value:string_equal": { a: "b" } } }),
      'condition "for_some_value:string_equal" is not a CAM operator',
    ],
    [
      "an operator with an empty body",
      SCP,
      scpWith({ condition: { string_equal: {} } }),
      'condition "string_equal" must map condition keys to values',
    ],
    [
      "an empty condition key",
      SCP,
      scpWith({ condition: { string_equal: { "": "b" } } }),
      'condition "string_equal" has an empty condition key',
    ],
    [
      "a null condition value",
      SCP,
      scpWith({ condition: { null_equal: { a: null } } }),
      'condition "null_equal" key "a": the value must be a string, number or boolean, or a non-empty list of them (got null)',
    ],
    ["an empty list of condition values", SCP, scpWith({ condition: { ip_equal: { "qcs:ip": [] } } }), 'key "qcs:ip": the value must be'],
    ["a nested condition value", SCP, scpWith({ condition: { string_equal: { a: { b: "c" } } } }), 'key "a": the value must be'],
    // Tag policies
    ["no tags", TAG, {}, 'a tag policy has exactly one top-level element, the object "tags"'],
    ["an element beside tags", TAG, { ...tagPolicyWith("env"), version: "2.0" }, 'exactly one top-level element, the object "tags"'],
    ["tags as a list", TAG, { tags: [] }, 'exactly one top-level element, the object "tags"'],
    ["no policy key", TAG, { tags: {} }, '"tags" needs at least one policy key'],
    ["a policy key that is not an object", TAG, { tags: { env: "prod" } }, 'policy key "env" must be an object of fields'],
    [
      "an unknown field",
      TAG,
      tagPolicyWith("env", { tag_values: assign(["a"]) }),
      'policy key "env": unknown field "tag_values"; the fields are tag_key, tag_value',
    ],
    [
      "a field without @@assign",
      TAG,
      tagPolicyWith("env", { tag_value: ["a"] }),
      'policy key "env": tag_value must be written {"@@assign": …}',
    ],
    [
      "an operator beside @@assign",
      TAG,
      tagPolicyWith("env", { tag_value: { "@@assign": ["a"], "@@append": ["b"] } }),
      'tag_value must be written {"@@assign": …}',
    ],
    ["detection off, bare", TAG, tagPolicyWith("env", { detection: "off" }), 'detection must be written {"@@assign": …}'],
    ["detection off", TAG, tagPolicyWith("env", { detection: assign("off") }), 'policy key "env": detection must be "on" (got "off")'],
    ["tag_key as a list", TAG, tagPolicyWith("env", { tag_key: assign(["env"]) }), "tag_key must be a string"],
    [
      "tag_value as a string",
      TAG,
      tagPolicyWith("env", { tag_value: assign("prod") }),
      'tag_value must be a non-empty list of non-empty strings (got "prod")',
    ],
    [
      "an empty tag_value list",
      TAG,
      tagPolicyWith("env", { tag_value: assign([]) }),
      "tag_value must be a non-empty list of non-empty strings",
    ],
    [
      "an empty allowed value",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["a", ""]) }),
      "tag_value must be a non-empty list of non-empty strings",
    ],
    [
      "no tag_key",
      TAG,
      tagPolicyWith("env", { tag_key: undefined }),
      'policy key "env" needs tag_key, e.g. "tag_key": {"@@assign": "env"}',
    ],
    [
      "a tag_key other than the policy key",
      TAG,
      tagPolicyWith("env", { tag_key: assign("Env") }),
      'policy key "env": tag_key must equal the policy key (got "Env")',
    ],
    [
      "a reserved key",
      TAG,
      tagPolicyWith("qcloud:x"),
      'policy key "qcloud:x" breaks a tag rule: tag "qcloud:x": its key starts with "qcloud"',
    ],
    ["a reserved key in capitals", TAG, tagPolicyWith("Project"), 'its key starts with "project"'],
    [
      "a key with a character Tencent refuses",
      TAG,
      tagPolicyWith("a!b"),
      'policy key "a!b" breaks a tag rule: tag "a!b": its key may hold only',
    ],
    ["a key with a trailing space", TAG, tagPolicyWith("env "), "its key must not start or end with a space"],
    ["a key of 128 characters", TAG, tagPolicyWith("k".repeat(128)), "its key must be 1 to 127 characters"],
    ["no resource_type_scope", TAG, tagPolicyWith("env", { resource_type_scope: undefined }), 'policy key "env" needs resource_type_scope'],
    [
      "a resource type in capitals",
      TAG,
      tagPolicyWith("env", { resource_type_scope: assign(["CVM:instance"]) }),
      'resource type "CVM:instance" in resource_type_scope is not "*" or "service:type"',
    ],
    [
      "a resource type without a service",
      TAG,
      tagPolicyWith("env", { resource_type_scope: assign(["instance"]) }),
      'resource type "instance"',
    ],
    [
      "tag_value with tag_value_dynamic",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["a"]), tag_value_dynamic: assign("on") }),
      "tag_value and tag_value_dynamic exclude each other",
    ],
    [
      "a value with two wildcards",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["a*b*"]) }),
      'the allowed value "a*b*" has more than one *',
    ],
    [
      "a value with a character Tencent refuses",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["a!*"]) }),
      'the allowed value "a!*" breaks a tag rule: tag "env": its value may hold only',
    ],
    [
      "a value with a leading space",
      TAG,
      tagPolicyWith("env", { tag_value: assign([" a"]) }),
      "its value must not start or end with a space",
    ],
    [
      "a value of 256 characters",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["v".repeat(256)]) }),
      "its value must be 1 to 255 characters",
    ],
    [
      "correction with two values",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["a", "b"]), correction: assign("on") }),
      "correction needs exactly one allowed value in tag_value, without *",
    ],
    [
      "correction with a wildcard",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["a*"]), correction: assign("on") }),
      "correction needs exactly one allowed value",
    ],
    ["correction without values", TAG, tagPolicyWith("env", { correction: assign("on") }), "correction needs exactly one allowed value"],
  ];

  it.each(refused)("%s", (_, type, content, reason) => {
    const result = check(type, content);
    expect(result.value).toBeUndefined();
    expect(result.reason).toMatch(/^content[ :]/);
    expect(result.reason).toContain(reason);
  });

  it.each(refused)("the emulator refuses it too: %s", (_, type, content) => {
    expect(emulatorRefuses(type, asText(content))).toBe(true);
  });
});

describe("where the emulator is laxer than Tencent can be, check is stricter, on purpose", () => {
  it("a tag-policy field named like a JavaScript object property is an unknown field", () => {
    // The emulator looks fields up in a plain object, so "constructor", "toString" and "__proto__" pass there.
    for (const field of ["constructor", "toString", "__proto__"]) {
      const text = `{"tags":{"env":{"tag_key":{"@@assign":"env"},"resource_type_scope":{"@@assign":["*"]},${JSON.stringify(field)}:{"@@assign":["a"]}}}}`;
      expect(check(TAG, text).reason).toContain(`policy key "env": unknown field ${JSON.stringify(field)}`);
    }
  });
});

describe("check refuses what JSON cannot carry, rather than send another document", () => {
  const self: Record<string, unknown> = { version: "2.0" };
  self.statement = [self];
  it.each([
    ["a number", 5, "content must be a policy document, as JSON text or an object (got 5)"],
    ["nothing but null", null, "content must be a policy document, as JSON text or an object (got null)"],
    ["a bigint", 10n, "content must be a policy document, as JSON text or an object (got bigint)"],
    [
      "NaN in a condition",
      scpWith({ condition: { numeric_equal: { a: Number.NaN } } }),
      "content holds the number NaN at statement[0].condition.numeric_equal.a, which JSON cannot carry",
    ],
    ["a function", scpWith({ action: () => "*" }), "content holds a function at statement[0].action"],
    [
      "undefined in a list, which JSON would turn into null",
      scpWith({ action: ["*", undefined] }),
      "content holds undefined at statement[0].action[1]",
    ],
    ["a Date", scpWith({ condition: { date_less_than: { "qcs:current_time": new Date(0) } } }), "holds a Date object at"],
    ["a document that contains itself", self, "holds an object that contains itself at statement[0]"],
    [
      "a number beyond a 64-bit float (written back it would be null)",
      '{"version":"2.0","n":1e400}',
      "line 1, column 22: the number 1e400 is beyond the range of a JSON number",
    ],
  ])("%s", (_, content, reason) => {
    const result = check(SCP, content);
    expect(result.value).toBeUndefined();
    expect(result.reason).toContain(reason);
  });

  it("a property set to undefined is absent, as JSON.stringify has it", () => {
    expect(check(SCP, scpWith({ condition: undefined })).value).toBe(check(SCP, ALLOW_ALL).value);
    expect(check(SCP, { ...scpWith({}), principal: undefined }).reason).toBeUndefined();
  });
});

describe("with no known type, check asks only for JSON with an object at the top", () => {
  it.each([undefined, "SCP" as PolicyType])("type %s: any object passes, as compact sorted JSON", (type) => {
    expect(check(type, '{"b": [2, 1], "a": {"d": 1, "c": 0}}').value).toBe('{"a":{"c":0,"d":1},"b":[2,1]}');
    expect(check(type, { tags: "anything" }).value).toBe('{"tags":"anything"}');
  });

  it.each([
    ["[1]", "content must be a JSON object at the top"],
    ["{", "content is not valid JSON"],
    ['{"a":1,"a":2}', "the key a appears twice"],
  ])("still refuses %s", (content, reason) => {
    expect(check(undefined, content).reason).toContain(reason);
  });

  it("POLICY_TYPES are the two types, and isPolicyType knows only them", () => {
    expect(POLICY_TYPES).toEqual(["SERVICE_CONTROL_POLICY", "TAG_POLICY"]);
    expect(POLICY_TYPES.every(isPolicyType)).toBe(true);
    expect(["SCP", "service_control_policy", undefined, 1].some(isPolicyType)).toBe(false);
  });
});

describe("content text is read as strict JSON, exactly what JSON.parse reads", () => {
  /** Whether JSON.parse refuses `text`, or reads a number beyond a 64-bit float (Infinity, which would be written back as null). */
  const jsonParseRefuses = (text: string): boolean => {
    try {
      JSON.parse(text, (_, value) => {
        if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`${value}`);
        return value;
      });
      return false;
    } catch {
      return true;
    }
  };
  /** Characters that break JSON or that a lenient reader (JSON5, JSONC) would take: comments, bare words, hex. */
  const extras = [..."{}[],:\"\\\n\r\t\u000b\u00a0\ufeff 0e-.+'ux", "/**/", "//\n", "Infinity", "0x1"];
  /** JSON text with one character taken out or one extra put in: mostly broken, sometimes still JSON. */
  const nearJson = fc.tuple(fc.json(), fc.nat(), fc.option(fc.constantFrom(...extras), { nil: undefined })).map(([text, at, extra]) => {
    const i = at % (text.length + 1);
    return extra === undefined ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + extra + text.slice(i);
  });

  it("text is refused as not JSON exactly when JSON.parse refuses it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), nearJson, fc.string()), (text) => {
        const reason = check(undefined, text).reason ?? "";
        expect(reason.startsWith("content is not valid JSON: line ")).toBe(jsonParseRefuses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("nesting is read to 64 levels and refused beyond, saying where", () => {
    const nested = (levels: number) => `{"a":${"[".repeat(levels)}${"]".repeat(levels)}}`;
    expect(check(undefined, nested(64)).value).toBe(nested(64));
    expect(check(undefined, nested(65)).reason).toBe("content is not valid JSON: line 1, column 70: nesting deeper than 64 levels");
  });

  it("a text nested far deeper than the stack allows is refused without exhausting it", () => {
    const deep = "[".repeat(100_000);
    expect(check(undefined, deep).reason).toContain("nesting deeper than 64 levels");
    expect(parseReportedContent(SCP, deep)).toBe(deep);
  });
});

describe("the size limit is counted on the text sent (the canonical text)", () => {
  /** An SCP whose canonical text is exactly `length` characters. */
  const scpOfLength = (length: number) => {
    const base = canonicalContent(SCP, scpWith({ resource: "qcs::cvm:::" })).length;
    return scpWith({ resource: `qcs::cvm:::${"x".repeat(length - base)}` });
  };
  /** A tag policy whose canonical text is exactly `length` characters. */
  const tagPolicyOfLength = (length: number) => {
    // Values of 200 characters (a value may have 255), then one that makes up the rest.
    const values: string[] = [];
    const withLast = (last: string) => tagPolicyWith("env", { tag_value: assign([...values, last]) });
    while (canonicalContent(TAG, withLast("v".repeat(200))).length + 4 <= length) values.push("v".repeat(200));
    return withLast("v".repeat(length - canonicalContent(TAG, withLast("")).length));
  };

  it.each([
    [SCP, scpOfLength],
    [TAG, tagPolicyOfLength],
  ] as const)("%s: at the limit passes, one over is refused with the size and the limit", (type, ofLength) => {
    const limit = CONTENT_MAX_CHARACTERS[type];
    const atLimit = check(type, ofLength(limit));
    expect(atLimit.value).toHaveLength(limit);
    expect(emulatorRefuses(type, atLimit.value as string)).toBe(false);
    expect(check(type, ofLength(limit + 1)).reason).toBe(
      `content: the document is ${limit + 1} characters as sent (compact JSON); Tencent accepts at most ${limit} for a ${type}`,
    );
    expect(emulatorRefuses(type, canonicalContent(type, ofLength(limit + 1)))).toBe(true);
  });

  it("indentation does not count: a document over the limit only as written passes", () => {
    const text = JSON.stringify(scpOfLength(CONTENT_MAX_CHARACTERS[SCP]), null, 8);
    expect(text.length).toBeGreaterThan(CONTENT_MAX_CHARACTERS[SCP]);
    expect(check(SCP, text).value).toHaveLength(CONTENT_MAX_CHARACTERS[SCP]);
  });
});

describe("documents equal in meaning have the same canonical text", () => {
  const equivalent: [string, PolicyType, unknown, unknown][] = [
    ["key order", SCP, '{"statement":[{"resource":"*","action":"*","effect":"allow"}],"version":"2.0"}', ALLOW_ALL],
    [
      "white space",
      SCP,
      '{\n  "version": "2.0",\n\t"statement": [ { "effect" : "allow", "action" : "*", "resource" : "*" } ]\r\n}',
      ALLOW_ALL,
    ],
    [
      "unicode and slash escapes",
      SCP,
      scpWith({ action: "cvm:*", resource: "qcs::cos:::a/b" }),
      '{"version":"2.0","statement":[{"effect":"allow","action":"\\u0063vm:*","resource":"qcs::cos:::a\\/b"}]}',
    ],
    ["text and the object a program writes", SCP, JSON.stringify(DENY_OUTSIDE_OFFICE, null, 2), DENY_OUTSIDE_OFFICE],
    [
      "a one-element action list and the bare action",
      SCP,
      scpWith({ action: ["cvm:RunInstances"] }),
      scpWith({ action: "cvm:RunInstances" }),
    ],
    ["a one-element resource list and the bare resource", SCP, scpWith({ resource: ["*"] }), scpWith({ resource: "*" })],
    [
      "a one-element condition value list and the bare value",
      SCP,
      scpWith({ condition: { ip_equal: { "qcs:ip": ["10.0.0.0/8"] } } }),
      scpWith({ condition: { ip_equal: { "qcs:ip": "10.0.0.0/8" } } }),
    ],
    [
      "bare detection and detection under @@assign",
      TAG,
      tagPolicyWith("env", { detection: "on" }),
      tagPolicyWith("env", { detection: assign("on") }),
    ],
    [
      "tag-policy key order at every depth",
      TAG,
      REFERENCE_TAG_POLICY,
      '{"tags":{"principal":{"correction":{"@@assign":"on"},"resource_type_scope":{"@@assign":["ecs:instance","ecs:disk"]},"tag_value":{"@@assign":["name 1"]},"tag_key":{"@@assign":"principal"}}}}',
    ],
  ];

  it.each(equivalent)("%s", (_, type, a, b) => {
    expect(canonicalContent(type, a)).toBe(canonicalContent(type, b));
    expect(check(type, a).value).toBe(check(type, b).value);
    expect(sameContent(type, asText(a), asText(b))).toBe(true);
    expect(describeContentChanges(type, asText(a), asText(b))).toEqual([]);
  });

  it("a single action, resource or condition value is written bare: the shorter form, and FullQcloudAccess's", () => {
    expect(canonicalContent(SCP, scpWith({ action: ["*"], resource: ["*"], condition: { bool_equal: { a: [true] } } }))).toBe(
      '{"statement":[{"action":"*","condition":{"bool_equal":{"a":true}},"effect":"allow","resource":"*"}],"version":"2.0"}',
    );
  });

  it("bare detection is written under @@assign, as every other field", () => {
    expect(canonicalContent(TAG, tagPolicyWith("env", { detection: "on" }))).toContain('"detection":{"@@assign":"on"}');
  });

  const different: [string, PolicyType, unknown, unknown][] = [
    ["list order, which the document keeps", SCP, scpWith({ action: ["cvm:A", "cvm:B"] }), scpWith({ action: ["cvm:B", "cvm:A"] })],
    ["a two-element list and one of its elements", SCP, scpWith({ action: ["cvm:A", "cvm:A"] }), scpWith({ action: "cvm:A" })],
    ["the effect", SCP, scpWith({ effect: "allow" }), scpWith({ effect: "deny" })],
    ["allowed values", TAG, tagPolicyWith("env", { tag_value: assign(["a"]) }), tagPolicyWith("env", { tag_value: assign(["b"]) })],
  ];

  it.each(different)("differs in %s", (_, type, a, b) => {
    expect(canonicalContent(type, a)).not.toBe(canonicalContent(type, b));
    expect(sameContent(type, asText(a), asText(b))).toBe(false);
  });

  it("canonicalContent refuses what is not JSON, saying why", () => {
    expect(() => canonicalContent(SCP, "{")).toThrow(/not a policy document: the document is not valid JSON: line 1, column 2/);
    expect(() => canonicalContent(SCP, { a: Number.POSITIVE_INFINITY })).toThrow(/the number Infinity at a/);
  });
});

describe("what Tencent reports is read back as canonical text", () => {
  it("DescribePolicy's strategyInfo wrapper is removed from an SCP", () => {
    const inner = '{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"qcs::cam::*:*"}]}';
    expect(parseReportedContent(SCP, DESCRIBE_POLICY_EXAMPLE)).toBe(canonicalContent(SCP, inner));
    expect(sameContent(SCP, DESCRIBE_POLICY_EXAMPLE, inner)).toBe(true);
    expect(describeContentChanges(SCP, inner, DESCRIBE_POLICY_EXAMPLE)).toEqual([]);
  });

  it("the wrapper's document is canonicalised like any other", () => {
    const wrapped = '{"version":"2.0","strategyInfo":{"statement":[{"resource":["*"],"effect":"allow","action":["*"]}],"version":"2.0"}}';
    expect(parseReportedContent(SCP, wrapped)).toBe(check(SCP, ALLOW_ALL).value);
  });

  it("a document with statements of its own is not a wrapper", () => {
    const both = '{"strategyInfo":{"version":"2.0"},"statement":[],"version":"2.0"}';
    expect(parseReportedContent(SCP, both)).toBe('{"statement":[],"strategyInfo":{"version":"2.0"},"version":"2.0"}');
  });

  it("with no type (DescribeEffectivePolicy's merged tag policy), JSON is only made canonical: nothing unwrapped or folded", () => {
    expect(parseReportedContent(undefined, DESCRIBE_POLICY_EXAMPLE)).toBe(canonicalContent(TAG, DESCRIBE_POLICY_EXAMPLE));
    expect(parseReportedContent(undefined, '{"tags":{"env":{"detection":"on","tag_value":["a"]}}}')).toBe(
      '{"tags":{"env":{"detection":"on","tag_value":["a"]}}}',
    );
    expect(parseReportedContent(undefined, "not json")).toBe("not json");
  });

  it("a tag policy is never unwrapped", () => {
    const text = '{"strategyInfo":{"tags":{}}}';
    expect(parseReportedContent(TAG, text)).toBe(text);
  });

  it.each(["", "not json", "{", '{"version":"2.0"', "null x"])("text that is not JSON comes back unchanged: %j", (text) => {
    expect(parseReportedContent(SCP, text)).toBe(text);
    expect(parseReportedContent(TAG, text)).toBe(text);
  });

  it("a reported key given twice is read as JSON.parse reads it, the last one kept", () => {
    expect(parseReportedContent(SCP, '{"version":"1.0","version":"2.0"}')).toBe('{"version":"2.0"}');
  });

  it("never throws, whatever the console stored", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json(), fc.constant(`${"[".repeat(5000)}${"]".repeat(5000)}`)),
        fc.constantFrom(...POLICY_TYPES),
        (text, type) => {
          const read = parseReportedContent(type, text);
          expect(typeof read).toBe("string");
          expect(parseReportedContent(type, read)).toBe(read);
        },
      ),
    );
  });
});

describe("describeContentChanges says what changed, for the preview log", () => {
  const rows: [string, PolicyType, unknown, unknown, string[]][] = [
    ["an effect", SCP, scpWith({}), scpWith({ effect: "deny" }), ['statement 0: effect "allow" → "deny"']],
    [
      "actions added and removed",
      SCP,
      scpWith({ action: ["cvm:StopInstances", "cvm:ResetInstance"] }),
      scpWith({ action: ["cvm:StopInstances", "cvm:RunInstances"] }),
      ['statement 0: action + "cvm:RunInstances"', 'statement 0: action - "cvm:ResetInstance"'],
    ],
    [
      "a bare action to a list",
      SCP,
      scpWith({ action: "cvm:A" }),
      scpWith({ action: ["cvm:A", "cvm:B"] }),
      ['statement 0: action + "cvm:B"'],
    ],
    [
      "actions reordered",
      SCP,
      scpWith({ action: ["cvm:A", "cvm:B"] }),
      scpWith({ action: ["cvm:B", "cvm:A"] }),
      ['statement 0: action ["cvm:A","cvm:B"] → ["cvm:B","cvm:A"]'],
    ],
    [
      "a resource",
      SCP,
      scpWith({}),
      scpWith({ resource: "qcs::cvm:::instance/*" }),
      ['statement 0: resource + "qcs::cvm:::instance/*"', 'statement 0: resource - "*"'],
    ],
    [
      "a condition added",
      SCP,
      scpWith({}),
      scpWith({ condition: { ip_equal: { "qcs:ip": "10.0.0.0/8" } } }),
      ['statement 0: condition added {"ip_equal":{"qcs:ip":"10.0.0.0/8"}}'],
    ],
    [
      "a condition operator's values",
      SCP,
      scpWith({ condition: { ip_equal: { "qcs:ip": "10.0.0.0/8" }, bool_equal: { a: true } } }),
      scpWith({ condition: { ip_equal: { "qcs:ip": "10.0.0.0/16" }, bool_equal: { a: true } } }),
      ['statement 0: condition "ip_equal" {"qcs:ip":"10.0.0.0/8"} → {"qcs:ip":"10.0.0.0/16"}'],
    ],
    [
      "a statement added",
      SCP,
      scpWith({}),
      { version: "2.0", statement: [...scpWith({}).statement, { effect: "deny", action: "cvm:RunInstances", resource: "*" }] },
      ['statement 1: added {"action":"cvm:RunInstances","effect":"deny","resource":"*"}'],
    ],
    [
      "a statement removed",
      SCP,
      { version: "2.0", statement: [...scpWith({}).statement, { effect: "deny", action: "cvm:RunInstances", resource: "*" }] },
      scpWith({}),
      ['statement 1: removed (was {"action":"cvm:RunInstances","effect":"deny","resource":"*"})'],
    ],
    [
      "a policy key added",
      TAG,
      tagPolicyWith("a"),
      { tags: { ...tagPolicyWith("a").tags, ...tagPolicyWith("b").tags } },
      ['policy key "b": added {"resource_type_scope":{"@@assign":["*"]},"tag_key":{"@@assign":"b"}}'],
    ],
    [
      "a policy key removed",
      TAG,
      { tags: { ...tagPolicyWith("a").tags, ...tagPolicyWith("b").tags } },
      tagPolicyWith("b"),
      ['policy key "a": removed (was {"resource_type_scope":{"@@assign":["*"]},"tag_key":{"@@assign":"a"}})'],
    ],
    [
      "allowed values and a field added",
      TAG,
      tagPolicyWith("env", { tag_value: assign(["prod", "dev"]) }),
      tagPolicyWith("env", { tag_value: assign(["prod", "test"]), enforced_for: assign(["cvm:instance"]) }),
      [
        'policy key "env": tag_value + "test"',
        'policy key "env": tag_value - "dev"',
        'policy key "env": enforced_for added ["cvm:instance"]',
      ],
    ],
    [
      "a field removed",
      TAG,
      tagPolicyWith("env", { detection: "on" }),
      tagPolicyWith("env"),
      ['policy key "env": detection removed (was "on")'],
    ],
  ];

  it.each(rows)("%s", (_, type, before, after, lines) => {
    expect(describeContentChanges(type, asText(before), asText(after))).toEqual(lines);
  });

  it.each(["constructor", "__proto__", "toString"])(
    "a policy key named like an object property (%s) is added and removed like any other",
    (key) => {
      const withKey = `{"tags":{${JSON.stringify(key)}:{"tag_key":{"@@assign":${JSON.stringify(key)}}}}}`;
      expect(describeContentChanges(TAG, '{"tags":{}}', withKey)).toEqual([
        `policy key ${JSON.stringify(key)}: added {"tag_key":{"@@assign":${JSON.stringify(key)}}}`,
      ]);
      expect(describeContentChanges(TAG, withKey, '{"tags":{}}')).toEqual([
        `policy key ${JSON.stringify(key)}: removed (was {"tag_key":{"@@assign":${JSON.stringify(key)}}})`,
      ]);
    },
  );

  it("never throws on any two JSON texts, and is empty exactly when they mean the same", () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_TYPES), fc.json(), fc.json(), (type, a, b) => {
        expect(describeContentChanges(type, a, b).length === 0).toBe(sameContent(type, a, b));
      }),
    );
  });

  it("a document that is not JSON is replaced, in one line", () => {
    expect(describeContentChanges(SCP, "console text", ALLOW_ALL)).toEqual([
      "the policy document was replaced (it is not JSON, so it cannot be compared element by element)",
    ]);
    expect(describeContentChanges(TAG, REFERENCE_TAG_POLICY, "{")).toHaveLength(1);
    expect(describeContentChanges(TAG, "same text", "same text")).toEqual([]);
  });

  it("a change at the top of a document that is not of the type's shape is still described", () => {
    expect(describeContentChanges(SCP, '{"version":"2.0"}', '{"version":"2.1"}')).toEqual(['version "2.0" → "2.1"']);
    expect(describeContentChanges(TAG, "[1]", "[2]")).toEqual(["the policy document changed: [1] → [2]"]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

const stringOrList = <T>(item: fc.Arbitrary<T>) => fc.oneof(item, fc.array(item, { minLength: 1, maxLength: 3 }));
const action = fc.oneof(
  fc.constantFrom("*", "cvm:RunInstances", "cvm:Describe*", "name/cos:GetObject", "cam:*"),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}:[A-Za-z0-9_*]{1,10}$/),
);
const resource = fc.oneof(
  fc.constant("*"),
  fc
    .tuple(
      fc.constantFrom("", "id/0"),
      fc.constantFrom("cvm", "cos", "cam"),
      fc.constantFrom("", "ap-guangzhou"),
      fc.constantFrom("", "*", "uin/100000000001", "uin/*"),
      fc.stringMatching(/^[a-z]{1,8}\/[a-z0-9*:-]{1,10}$/),
    )
    .map((segments) => `qcs:${segments.join(":")}`),
);
const operator = fc
  .tuple(
    fc.constantFrom("", "for_all_value:", "for_any_value:"),
    fc.constantFrom("string_equal", "string_like", "ip_equal", "numeric_less_than", "bool_equal"),
    fc.constantFrom("", "_if_exist"),
  )
  .map((parts) => parts.join(""));
const conditionValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const condition = fc.dictionary(
  operator,
  fc.dictionary(fc.constantFrom("qcs:ip", "qcs:resource_tag", "cvm:region"), stringOrList(conditionValue), { minKeys: 1, maxKeys: 2 }),
  {
    minKeys: 1,
    maxKeys: 2,
  },
);
const statement = fc.record(
  { effect: fc.constantFrom("allow", "deny"), action: stringOrList(action), resource: stringOrList(resource), condition },
  { requiredKeys: ["effect", "action", "resource"] },
);
/** Service control policies Tencent accepts. */
const validScp = fc.record({ version: fc.constant("2.0"), statement: fc.array(statement, { minLength: 1, maxLength: 4 }) });

const tagKey = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,10}$/).filter((key) => !/^(project|qcloud|tencent)/.test(key));
const allowedValue = fc.oneof(
  fc.constantFrom("*", "prod", "测试"),
  fc.stringMatching(/^[a-z0-9]{1,6}\*?$/),
  fc.stringMatching(/^\*[a-z0-9]{1,4}$/),
);
const tagKeyFields = fc
  .record(
    {
      scope: fc.array(fc.constantFrom("*", "cvm:instance", "cvm:*", "cos:bucket"), { minLength: 1, maxLength: 3 }),
      values: fc.oneof(fc.constant(undefined), fc.constant("dynamic" as const), fc.array(allowedValue, { minLength: 1, maxLength: 3 })),
      detection: fc.constantFrom(undefined, "bare", "assigned"),
      correction: fc.boolean(),
      enforced: fc.option(fc.array(fc.constantFrom("*", "cvm:instance"), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      deletionDisabled: fc.boolean(),
    },
    { requiredKeys: ["scope", "values", "detection", "correction", "deletionDisabled"] },
  )
  .map((f) => (key: string) => {
    const fields: Record<string, unknown> = { tag_key: assign(key), resource_type_scope: assign(f.scope) };
    if (f.values === "dynamic") fields.tag_value_dynamic = assign("on");
    else if (f.values) fields.tag_value = assign(f.values);
    if (f.detection) fields.detection = f.detection === "bare" ? "on" : assign("on");
    if (f.correction && Array.isArray(f.values) && f.values.length === 1 && !f.values[0].includes("*")) fields.correction = assign("on");
    if (f.enforced) fields.enforced_for = assign(f.enforced);
    if (f.deletionDisabled) fields.tag_deletion_disable = assign("on");
    return fields;
  });
/** Tag policies Tencent accepts. */
const validTagPolicy = fc
  .dictionary(tagKey, tagKeyFields, { minKeys: 1, maxKeys: 3 })
  .map((keys) => ({ tags: Object.fromEntries(Object.entries(keys).map(([key, fields]) => [key, fields(key)])) }));
const validDocument = fc.oneof(
  validScp.map((doc) => [SCP, doc] as const),
  validTagPolicy.map((doc) => [TAG, doc] as const),
);

/**
 * `value` as JSON text written another way: keys in an order drawn from `entropy`, indented with `indent`,
 * and every `escapeEvery`-th character of each string written as a \u escape (0: none).
 */
function reserialise(value: unknown, entropy: number[], indent: string, escapeEvery: number): string {
  let draw = 0;
  const next = () => entropy[draw++ % entropy.length];
  const text = (s: string) =>
    `"${[...s]
      .map((c, i) => {
        if (c === '"' || c === "\\" || c < " ") return JSON.stringify(c).slice(1, -1);
        if (escapeEvery > 0 && i % escapeEvery === 0)
          return [...c].map((_, u) => `\\u${c.charCodeAt(u).toString(16).padStart(4, "0")}`).join("");
        return c;
      })
      .join("")}"`;
  const write = (item: unknown, depth: number): string => {
    const gap = indent === "" ? "" : `\n${indent.repeat(depth + 1)}`;
    const end = indent === "" ? "" : `\n${indent.repeat(depth)}`;
    if (typeof item === "string") return text(item);
    if (Array.isArray(item)) return `[${item.map((element) => gap + write(element, depth + 1)).join(",")}${end}]`;
    if (typeof item === "object" && item !== null) {
      const keys = Object.keys(item);
      for (let i = keys.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [keys[i], keys[j]] = [keys[j], keys[i]];
      }
      return `{${keys.map((key) => `${gap}${text(key)}${indent === "" ? ":" : " : "}${write((item as Record<string, unknown>)[key], depth + 1)}`).join(",")}${end}}`;
    }
    return JSON.stringify(item);
  };
  return write(value, 0);
}

describe("properties of generated documents", () => {
  const rewriting = fc.record({
    entropy: fc.array(fc.nat(), { minLength: 1, maxLength: 32 }),
    indent: fc.constantFrom("", " ", "  ", "\t", "    "),
    escapeEvery: fc.nat({ max: 4 }),
  });

  it("every generated document passes check, and the emulator accepts its canonical text", () => {
    fc.assert(
      fc.property(validDocument, ([type, doc]) => {
        const result = check(type, doc);
        expect(result.reason).toBeUndefined();
        expect(emulatorRefuses(type, result.value as string)).toBe(false);
      }),
    );
  });

  it("rewriting a document with other key order, indentation and escapes never changes its canonical text", () => {
    fc.assert(
      fc.property(validDocument, rewriting, ([type, doc], { entropy, indent, escapeEvery }) => {
        const text = reserialise(doc, entropy, indent, escapeEvery);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
        expect(canonicalContent(type, text)).toBe(canonicalContent(type, doc));
        expect(check(type, text).value).toBe(canonicalContent(type, doc));
      }),
    );
  });

  it("canonicalContent is idempotent, on its text and on the parsed text", () => {
    fc.assert(
      fc.property(validDocument, ([type, doc]) => {
        const once = canonicalContent(type, doc);
        expect(canonicalContent(type, once)).toBe(once);
        expect(canonicalContent(type, JSON.parse(once))).toBe(once);
        expect(parseReportedContent(type, once)).toBe(once);
      }),
    );
  });

  it("describeContentChanges(x, x) is empty, for documents and for any text", () => {
    fc.assert(
      fc.property(validDocument, rewriting, ([type, doc], { entropy, indent, escapeEvery }) => {
        expect(describeContentChanges(type, JSON.stringify(doc), reserialise(doc, entropy, indent, escapeEvery))).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...POLICY_TYPES), (text, type) => {
        expect(describeContentChanges(type, text, text)).toEqual([]);
      }),
    );
  });

  it("a changed effect is always described, on the statement it changed", () => {
    fc.assert(
      fc.property(validScp, fc.nat(), (doc, pick) => {
        const index = pick % doc.statement.length;
        const flipped = {
          ...doc,
          statement: doc.statement.map((s, i) => (i === index ? { ...s, effect: s.effect === "allow" ? "deny" : "allow" } : s)),
        };
        const lines = describeContentChanges(SCP, JSON.stringify(doc), JSON.stringify(flipped));
        expect(lines).toContain(`statement ${index}: effect "${doc.statement[index].effect}" → "${flipped.statement[index].effect}"`);
      }),
    );
  });

  it("the description is empty exactly when the documents mean the same", () => {
    const small = fc.oneof(
      fc.record({
        version: fc.constant("2.0"),
        statement: fc.array(
          fc.record({
            effect: fc.constantFrom("allow", "deny"),
            action: fc.constantFrom("*", ["*"], ["cvm:A", "*"]),
            resource: fc.constantFrom("*", ["*"]),
          }),
          { minLength: 1, maxLength: 2 },
        ),
      }),
    );
    fc.assert(
      fc.property(small, small, (a, b) => {
        const same = sameContent(SCP, JSON.stringify(a), JSON.stringify(b));
        expect(describeContentChanges(SCP, JSON.stringify(a), JSON.stringify(b)).length === 0).toBe(same);
      }),
    );
  });
});

describe("check agrees with the emulator on near-valid documents", () => {
  // A valid document with up to three changes, each breaking a rule or (as often) keeping it valid.
  type Doc = Record<string, unknown>;
  type Mutation = (doc: Doc, pick: number) => void;
  const isObject = (value: unknown): value is Doc => typeof value === "object" && value !== null && !Array.isArray(value);
  /** A change to one statement (picked by index), when the document still has statements. */
  const inStatement =
    (change: (statement: Doc) => void): Mutation =>
    (doc, pick) => {
      const statements = doc.statement;
      if (!Array.isArray(statements) || statements.length === 0) return;
      const one = statements[pick % statements.length];
      if (isObject(one)) change(one);
    };
  /** Sets `key` to `value` (undefined removes it). */
  const put = (object: Doc, key: string, value: unknown): void => {
    if (value === undefined) delete object[key];
    else object[key] = value;
  };
  /** Sets `key` of the picked statement to one of `values`. */
  const statementField = (key: string, values: unknown[]) => fc.constantFrom(...values).map((v) => inStatement((s) => put(s, key, v)));
  /** Sets `key` at the top of the document to one of `values`. */
  const topField = (key: string, values: unknown[]) =>
    fc.constantFrom(...values).map(
      (v): Mutation =>
        (doc) =>
          put(doc, key, v),
    );

  const scpMutation: fc.Arbitrary<Mutation> = fc.oneof(
    statementField("effect", ["Allow", "DENY", "", 1, "deny", "allow", undefined]),
    statementField("action", [
      "cvm:Run Instances",
      "CVM:Run",
      "cvm",
      "",
      "*:*",
      "name/cvm:",
      "cvm:Run-Instances",
      "name/cvm:*",
      "cos:Get*",
      [],
      5,
      null,
      ["cvm:A", "x y"],
      ["*", "cam:*"],
      undefined,
    ]),
    statementField("resource", [
      "qcs::cvm",
      "cvm:instance",
      "qcs::cvm:ap:abc:instance/1",
      "qcs::CVM::uin/1:x",
      "qcs::cvm:::",
      "",
      [],
      [1],
      "qcs::cvm::uin/*:x",
      ["*", "qcs:id/1:cos:ap-beijing:uin/2:a:b"],
      undefined,
    ]),
    statementField("condition", [
      {},
      [],
      null,
      { equals: { a: "b" } },
      { "for_some_value:string_equal": { a: "b" } },
      { string_equal: {} },
      { string_equal: { "": "b" } },
      { string_equal: { a: null } },
      { string_equal: { a: [] } },
      { string_equal: "x" },
      { "for_all_value:bool_equal_if_exist": { a: [true, false] } },
      { numeric_equal: { a: 1.5 }, date_less_than: { b: "2030-01-01" } },
      undefined,
    ]),
    fc.constantFrom("Effect", "principal", "notaction").chain((key) => statementField(key, ["allow"])),
    fc.constantFrom("allow", null, []).map(
      (v): Mutation =>
        (doc, pick) => {
          if (Array.isArray(doc.statement)) doc.statement[pick % doc.statement.length] = v;
        },
    ),
    topField("version", ["1.0", 2, undefined]),
    topField("statement", ["x", [], {}]),
    fc.constantFrom("principal", "Statement").chain((key) => topField(key, [[]])),
  );

  /** A change to one policy key's fields (picked by index), when the document still has them. */
  const inPolicyKey =
    (change: (fields: Doc, key: string) => void): Mutation =>
    (doc, pick) => {
      if (!isObject(doc.tags)) return;
      const keys = Object.keys(doc.tags);
      const key = keys[pick % keys.length];
      const fields = doc.tags[key];
      if (key !== undefined && isObject(fields)) change(fields, key);
    };
  /** Sets `field` of the picked policy key to one of `values`. */
  const keyField = (field: string, values: unknown[]) => fc.constantFrom(...values).map((v) => inPolicyKey((f) => put(f, field, v)));
  const tagMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.constantFrom("qcloud:x", "Project", "a!b", " env", "", "k".repeat(128), "pulumi:owner", "成本中心", "a b").map(
      (renamed): Mutation =>
        (doc, pick) => {
          if (!isObject(doc.tags)) return;
          const keys = Object.keys(doc.tags);
          const key = keys[pick % keys.length];
          const fields = doc.tags[key];
          if (key === undefined || !isObject(fields)) return;
          delete doc.tags[key];
          doc.tags[renamed] = { ...fields, tag_key: assign(renamed) };
        },
    ),
    keyField("tag_key", [assign("other"), assign(["k"]), undefined]),
    fc.constant(inPolicyKey((f, key) => put(f, "tag_key", key))),
    keyField("tag_value", [["a*b*"], [""], [" x"], ["a!"], ["v".repeat(256)], ["**"], [], ["*"], ["a", "b*"]].map(assign)),
    keyField("tag_value", [["a"], assign("a")]),
    keyField("tag_value_dynamic", [assign("on"), assign("off")]),
    keyField("resource_type_scope", [...[["CVM:instance"], ["cvm"], [], ["cos:*"]].map(assign), "*", undefined]),
    keyField("detection", ["on", "off", assign("off"), { "@@assign": "on", "@@append": "on" }]),
    keyField("correction", [assign("on"), assign("yes")]),
    keyField("enforced_for", [assign(["*"]), assign([""]), assign("*")]),
    fc.constantFrom("colour", "Tag_Key").chain((field) => keyField(field, [assign("red")])),
    fc.constantFrom("x", null).map(
      (v): Mutation =>
        (doc, pick) => {
          if (!isObject(doc.tags)) return;
          const keys = Object.keys(doc.tags);
          doc.tags[keys[pick % keys.length]] = v;
        },
    ),
    topField("tags", [[], {}, "x"]),
    fc.constantFrom("version", "Tags").chain((key) => topField(key, ["2.0"])),
  );

  const mutated = (valid: fc.Arbitrary<Doc>, mutation: fc.Arbitrary<Mutation>) =>
    fc
      .tuple(valid, fc.oneof(fc.constant([]), fc.array(fc.tuple(mutation, fc.nat()), { minLength: 1, maxLength: 3 })))
      .map(([doc, changes]) => {
        const copy = structuredClone(doc);
        for (const [change, pick] of changes) change(copy, pick);
        return copy;
      });

  it.each([
    [SCP, mutated(validScp, scpMutation)],
    [TAG, mutated(validTagPolicy, tagMutation)],
  ] as const)("%s: check refuses exactly the documents the emulator refuses", (type, documents) => {
    const runs = 1000;
    let refusals = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        const refused = check(type, doc).reason !== undefined;
        refusals += refused ? 1 : 0;
        expect(refused).toBe(emulatorRefuses(type, canonicalContent(type, doc)));
        expect(refused).toBe(emulatorRefuses(type, JSON.stringify(doc)));
      }),
      { numRuns: runs },
    );
    // Both outcomes must be common, or the comparison proves little.
    expect(refusals).toBeGreaterThan(runs / 5);
    expect(refusals).toBeLessThan((runs * 4) / 5);
  });
});
