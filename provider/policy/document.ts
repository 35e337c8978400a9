/**
 * An organization policy's document (`content`): the syntax Tencent accepts for each policy type, the
 * canonical text the provider sends and compares, and the words a preview uses for a change. Pure.
 *
 * Sources: the project's reference `tencent-policies.md` §4 (syntax, sizes) and §1 (DescribePolicy's
 * `strategyInfo` wrapper). The rules are the emulator's (test/emulator/policy-rules.ts), which models
 * Tencent: a document is refused here exactly when Tencent would refuse the text the provider sends, so a
 * broken document fails at preview instead of half-way through an update. Tag key and value rules are
 * core/tags.ts's, shared with members' and departments' tags.
 */
// jsonc-parser (VS Code's JSON parser) gives errors' positions and each key as read, for duplicates: Node 20's JSON.parse gives neither.
import { ParseErrorCode, visit } from "jsonc-parser";
import { describeTagRuleBreak, type TagRuleBreak, tagRuleBreaks, type Validated } from "../core/tags";
import type { Validator } from "../kit/check";

/** The two policy types of the Organization API (reference §0). */
export const POLICY_TYPES = ["SERVICE_CONTROL_POLICY", "TAG_POLICY"] as const;

/** A policy type: a service control policy (CAM syntax) or a tag policy. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/** Whether `value` names one of the two policy types. */
export function isPolicyType(value: unknown): value is PolicyType {
  return POLICY_TYPES.some((type) => type === value);
}

/**
 * Most characters a document may have, counted as Tencent's limit check counts them (UTF-16 code units,
 * JavaScript's `length`) on the text sent, which is the canonical text. Neither number is documented for
 * organization policies: 6,144 is CAM's policy limit, 4,096 the Tag product's tag-policy limit (§4).
 */
export const CONTENT_MAX_CHARACTERS: Readonly<Record<PolicyType, number>> = {
  SERVICE_CONTROL_POLICY: 6144,
  TAG_POLICY: 4096,
};

// ---------------------------------------------------------------------------------------------------------
// JSON values, read from text or from a program's object, and written canonically
// ---------------------------------------------------------------------------------------------------------

/** A JSON value as the provider holds a document. */
type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

/** Where a value sits in a document: object keys and list indexes from the top. */
type JsonPath = readonly (string | number)[];

/** A document read from text or from an object, or why it could not be (words that follow "content "). */
type Reading = { document: Json; duplicate?: JsonPath } | { reason: string };

/**
 * Deepest nesting read. A valid document nests at most six levels (an SCP's condition value lists); the
 * bound only keeps a pathological text, such as a stored document read back, from exhausting the stack.
 */
const MAX_DEPTH = 64;

/** Thrown inside the readers only, to unwind to their single exit. */
class ReadStop extends Error {}

const isJsonObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** `object[key]` when the document holds it; never what a plain object inherits ("constructor", "__proto__" are valid tag keys). */
const own = (object: JsonObject, key: string): Json | undefined => (Object.hasOwn(object, key) ? object[key] : undefined);

/** `statement[0].condition["qcs:ip"]`, as a path reads in a message. */
function pathText(path: JsonPath): string {
  if (path.length === 0) return "the top";
  return path
    .map((part, i) =>
      typeof part === "number"
        ? `[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `${i === 0 ? "" : "."}${part}`
          : `[${JSON.stringify(part)}]`,
    )
    .join("");
}

/** Strict JSON (RFC 8259), as `JSON.parse` reads it: no comments, no trailing commas, not empty. */
const STRICT_JSON = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** A list or object being read: a list's items; an object's entries, its keys so far and the key whose value comes next. */
type OpenValue = { items: Json[] } | { entries: [string, Json][]; keys: Set<string>; key: string };

/** What jsonc-parser's syntax error `code` at `offset` means, in words that follow its line and column. */
function syntaxProblem(code: ParseErrorCode, text: string, offset: number, length: number): string {
  const token = text.slice(offset, offset + length);
  const found = offset < text.length ? JSON.stringify(String.fromCodePoint(text.codePointAt(offset) ?? 0)) : "the end of the text";
  // A string's errors are reported where the string starts, not at the character that breaks it.
  const inString = "in the string that starts here";
  switch (code) {
    case ParseErrorCode.InvalidSymbol:
      return `expected JSON, found ${quoted(token)}: strings and keys are written in double quotes, and the only bare words are true, false and null`;
    case ParseErrorCode.InvalidNumberFormat:
      return `${quoted(token)} is not a JSON number`;
    case ParseErrorCode.UnexpectedEndOfNumber:
      return `the number ${token} must end with a digit`;
    case ParseErrorCode.PropertyNameExpected:
      return `expected a key in double quotes, found ${found}`;
    case ParseErrorCode.ValueExpected:
      return `expected a value (an object, a list, a string, a number, true, false or null), found ${found}`;
    case ParseErrorCode.ColonExpected:
      return `expected ':' after the key, found ${found}`;
    case ParseErrorCode.CommaExpected:
      return `expected ',' or the closing '}' or ']', found ${found}`;
    case ParseErrorCode.CloseBraceExpected:
      return `expected '}' to close the object, found ${found}`;
    case ParseErrorCode.CloseBracketExpected:
      return `expected ']' to close the list, found ${found}`;
    case ParseErrorCode.EndOfFileExpected:
      return `expected the end of the document, found ${found}`;
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return "expected JSON, found a comment, which JSON does not have";
    case ParseErrorCode.UnexpectedEndOfString:
      return `expected a closing quote before the line or the text ends (a line break inside a string is written \\n), ${inString}`;
    case ParseErrorCode.InvalidUnicode:
    case ParseErrorCode.InvalidEscapeCharacter:
      return `expected an escape: \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits, ${inString}`;
    case ParseErrorCode.InvalidCharacter:
      return `a control character inside a string must be written as an escape such as \\n, ${inString}`;
  }
}

/**
 * Reads JSON text (RFC 8259, what `JSON.parse` accepts) with jsonc-parser rather than `JSON.parse`, for two
 * reasons: a refusal must say where the text breaks (Node 20's messages give no position), and a key given
 * twice must be found (`JSON.parse` silently keeps the last; Tencent refuses the document). The first
 * repeated key, in text order, is reported beside the document (the last value kept, as `JSON.parse` keeps
 * it), so a reader of what Tencent stored can ignore it. Reading stops at the first problem.
 */
function readJsonText(text: string): Reading {
  const top: Json[] = []; // holds the document once read
  const open: OpenValue[] = [{ items: top }];
  let duplicate: JsonPath | undefined;
  const stop = (line: number, character: number, problem: string): never => {
    throw new ReadStop(`line ${line + 1}, column ${character + 1}: ${problem}`);
  };
  // Checked as each value starts, so jsonc-parser, which recurses, never goes deeper than MAX_DEPTH.
  const enter = (line: number, character: number): void => {
    if (open.length - 1 > MAX_DEPTH) stop(line, character, `nesting deeper than ${MAX_DEPTH} levels`);
  };
  const add = (value: Json): void => {
    const parent = open[open.length - 1];
    if ("items" in parent) parent.items.push(value);
    else parent.entries.push([parent.key, value]);
  };
  const close = (): void => {
    const done = open.pop();
    // Object.fromEntries makes own properties even for "__proto__", as JSON.parse does.
    if (done) add("items" in done ? done.items : Object.fromEntries(done.entries));
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (_offset, _length, line, character) => {
          enter(line, character);
          open.push({ entries: [], keys: new Set(), key: "" });
        },
        onObjectProperty: (key, _offset, _length, _line, _character, pathSupplier) => {
          const object = open[open.length - 1];
          if ("items" in object) return; // never: a key is read inside an object
          if (object.keys.has(key)) duplicate ??= [...pathSupplier(), key];
          object.keys.add(key);
          object.key = key;
        },
        onObjectEnd: close,
        onArrayBegin: (_offset, _length, line, character) => {
          enter(line, character);
          open.push({ items: [] });
        },
        onArrayEnd: close,
        onLiteralValue: (value: Json, offset, length, line, character) => {
          enter(line, character);
          // Infinity would be written back as null: a different document. Tencent's Go service cannot read it either.
          if (typeof value === "number" && !Number.isFinite(value))
            stop(
              line,
              character,
              `the number ${text.slice(offset, offset + length)} is beyond the range of a JSON number (a 64-bit float)`,
            );
          add(value);
        },
        onError: (code, offset, length, line, character) => stop(line, character, syntaxProblem(code, text, offset, length)),
      },
      STRICT_JSON,
    );
    return duplicate ? { document: top[0], duplicate } : { document: top[0] };
  } catch (error) {
    if (error instanceof ReadStop) return { reason: `is not valid JSON: ${error.message}` };
    throw error;
  }
}

/**
 * Reads what a Pulumi program declared (`content: {version: "2.0", statement: [...]}`) as JSON. A property
 * set to undefined is absent, as in JSON.stringify; anything else JSON cannot carry is refused rather than
 * turned into null or dropped, which would send a document other than the one written.
 */
function readProgramValue(value: unknown): Reading {
  const ancestors = new Set<object>();
  const convert = (item: unknown, path: JsonPath): Json => {
    const refuse = (what: string): never => {
      throw new ReadStop(`holds ${what} at ${pathText(path)}, which JSON cannot carry`);
    };
    if (path.length > MAX_DEPTH) refuse(`nesting deeper than ${MAX_DEPTH} levels`);
    if (item === null || typeof item === "string" || typeof item === "boolean") return item;
    if (typeof item === "number") return Number.isFinite(item) ? item : refuse(`the number ${item}`);
    if (typeof item !== "object") return refuse(item === undefined ? "undefined" : `a ${typeof item}`);
    if (ancestors.has(item)) refuse("an object that contains itself");
    ancestors.add(item);
    try {
      if (Array.isArray(item)) return item.map((element, index) => convert(element, [...path, index]));
      const prototype = Object.getPrototypeOf(item);
      if (prototype !== Object.prototype && prototype !== null) refuse(`a ${prototype?.constructor?.name ?? "class"} object`);
      return Object.fromEntries(
        Object.entries(item)
          .filter(([, field]) => field !== undefined)
          .map(([key, field]) => [key, convert(field, [...path, key])]),
      );
    } finally {
      ancestors.delete(item);
    }
  };
  try {
    return { document: convert(value, []) };
  } catch (error) {
    if (error instanceof ReadStop) return { reason: error.message };
    throw error;
  }
}

/** Compact JSON with every object's keys sorted (lists keep their order: in both grammars order may matter). */
function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isJsonObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** A value that is neither text nor an object, as a message names it (JSON.stringify throws on a bigint). */
const scalarText = (value: unknown): string =>
  typeof value === "number" || typeof value === "boolean" || value === null ? String(value) : typeof value;

/** A value as a message quotes it: its canonical JSON, shortened when long. */
function quoted(value: Json | undefined): string {
  if (value === undefined) return "nothing";
  const text = canonicalJson(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

// ---------------------------------------------------------------------------------------------------------
// Service control policies: the CAM policy grammar (§4, CAM pages 598/10604 and 598/10603)
// ---------------------------------------------------------------------------------------------------------

/** The elements of a statement, in the order a reader expects them. */
const STATEMENT_ELEMENTS = ["effect", "action", "resource", "condition"] as const;

/** `*`, `<service>:<Api>` or `name/<service>:<Api>`, with `*` wildcards in the API part (§4). */
const ACTION_PATTERN = /^(\*|(name\/)?[a-z][a-z0-9_-]*:[A-Za-z0-9_*]+)$/;
/** Six segments `qcs:project:service:region:account:resource` (§4); the resource part may itself hold `:`. */
const QCS_RESOURCE_PATTERN = /^qcs:([^:]*):([a-z0-9_*-]*):([^:]*):([^:]*):(.+)$/;
/** The account segment: empty, `*`, `uin/<digits>` or `uin/*` (a reading of CAM's examples, not a stated rule). */
const RESOURCE_ACCOUNT_PATTERN = /^(|\*|uin\/(\d+|\*))$/;

/**
 * CAM's condition operators (CAM page 598/10608; the organization reference does not list them), each also
 * accepted with the suffix `_if_exist` and the prefix `for_all_value:` or `for_any_value:`.
 */
const CONDITION_OPERATORS: readonly string[] = [
  "string_equal",
  "string_not_equal",
  "string_equal_ignore_case",
  "string_not_equal_ignore_case",
  "string_like",
  "string_not_like",
  "date_equal",
  "date_not_equal",
  "date_greater_than",
  "date_greater_than_equal",
  "date_less_than",
  "date_less_than_equal",
  "numeric_equal",
  "numeric_not_equal",
  "numeric_greater_than",
  "numeric_greater_than_equal",
  "numeric_less_than",
  "numeric_less_than_equal",
  "ip_equal",
  "ip_not_equal",
  "bool_equal",
  "null_equal",
];

const isConditionOperator = (operator: string): boolean =>
  CONDITION_OPERATORS.includes(operator.replace(/^for_(all|any)_value:/, "").replace(/_if_exist$/, ""));
const isString = (value: Json): value is string => typeof value === "string";
const isConditionValue = (value: Json): boolean => typeof value === "string" || typeof value === "number" || typeof value === "boolean";
const isStringOrStrings = (value: Json | undefined): value is string | string[] =>
  typeof value === "string" || (Array.isArray(value) && value.length > 0 && value.every(isString));

const PRINCIPAL_REFUSED = 'a service control policy cannot carry "principal" (only role trust and COS bucket policies do); remove it';

/** The first rule of the CAM grammar `doc` breaks, in words after "content: ", or undefined. */
function scpRuleBreak(doc: JsonObject): string | undefined {
  for (const key of Object.keys(doc)) {
    if (key === "principal") return PRINCIPAL_REFUSED;
    if (key !== "version" && key !== "statement")
      return `unknown element ${JSON.stringify(key)}; a service control policy has only "version" and "statement" (in lowercase)`;
  }
  if (doc.version !== "2.0") return `version must be the string "2.0" (got ${quoted(doc.version)})`;
  if (!Array.isArray(doc.statement) || doc.statement.length === 0)
    return `statement must be a non-empty list of statements (got ${quoted(doc.statement)})`;
  for (const [index, statement] of doc.statement.entries()) {
    const broken = statementRuleBreak(statement, index);
    if (broken) return broken;
  }
  return undefined;
}

/** A statement named in a message: its index, and its effect and actions once those are known to be valid. */
function statementName(index: number, effect?: string, actions?: string[]): string {
  if (effect === undefined) return `statement ${index}`;
  if (actions === undefined) return `statement ${index} (${effect})`;
  const shown = actions.slice(0, 2).join(", ") + (actions.length > 2 ? ` and ${actions.length - 2} more` : "");
  return `statement ${index} (${effect} ${shown})`;
}

function statementRuleBreak(statement: Json, index: number): string | undefined {
  if (!isJsonObject(statement)) return `statement ${index} must be an object with effect, action and resource (got ${quoted(statement)})`;
  for (const key of Object.keys(statement)) {
    if (key === "principal") return `statement ${index}: ${PRINCIPAL_REFUSED}`;
    if (!(STATEMENT_ELEMENTS as readonly string[]).includes(key))
      return `statement ${index}: unknown element ${JSON.stringify(key)}; a statement has ${STATEMENT_ELEMENTS.join(", ")} (in lowercase)`;
  }
  const { effect, action, resource, condition } = statement;
  if (effect !== "allow" && effect !== "deny") return `statement ${index}: effect must be "allow" or "deny" (got ${quoted(effect)})`;
  if (!isStringOrStrings(action))
    return `${statementName(index, effect)}: action must be a string or a non-empty list of strings (got ${quoted(action)})`;
  const actions = [action].flat();
  for (const one of actions) {
    if (!ACTION_PATTERN.test(one))
      return `${statementName(index, effect)}: action ${JSON.stringify(one)} is not "*", "service:Api" or "name/service:Api"`;
  }
  const name = statementName(index, effect, actions);
  if (!isStringOrStrings(resource)) return `${name}: resource must be a string or a non-empty list of strings (got ${quoted(resource)})`;
  for (const one of [resource].flat()) {
    if (one === "*") continue;
    const segments = QCS_RESOURCE_PATTERN.exec(one);
    if (!segments)
      return `${name}: resource ${JSON.stringify(one)} is not "*" or a six-segment name "qcs:project:service:region:account:resource"`;
    if (!RESOURCE_ACCOUNT_PATTERN.test(segments[4]))
      return `${name}: resource ${JSON.stringify(one)} has the account segment ${JSON.stringify(segments[4])}; it must be empty, "*", "uin/<digits>" or "uin/*"`;
  }
  if (condition === undefined) return undefined;
  if (!isJsonObject(condition) || Object.keys(condition).length === 0)
    return `${name}: condition must be a non-empty object of operators, e.g. {"ip_equal": {"qcs:ip": "10.0.0.0/8"}} (got ${quoted(condition)})`;
  for (const [operator, body] of Object.entries(condition)) {
    const at = `${name}: condition ${JSON.stringify(operator)}`;
    if (!isConditionOperator(operator))
      return `${at} is not a CAM operator; the operators are ${CONDITION_OPERATORS.join(", ")}, each also with the suffix _if_exist and the prefix for_all_value: or for_any_value:`;
    if (!isJsonObject(body) || Object.keys(body).length === 0)
      return `${at} must map condition keys to values, e.g. {"qcs:ip": "10.0.0.0/8"} (got ${quoted(body)})`;
    for (const [key, value] of Object.entries(body)) {
      if (key === "") return `${at} has an empty condition key`;
      const valid = Array.isArray(value) ? value.length > 0 && value.every(isConditionValue) : isConditionValue(value);
      if (!valid)
        return `${at} key ${JSON.stringify(key)}: the value must be a string, number or boolean, or a non-empty list of them (got ${quoted(value)})`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Tag policies (§4, Tag pages 651/55653 and 651/90310)
// ---------------------------------------------------------------------------------------------------------

/** The fields of a policy key and what their `@@assign` holds (§4 table), in documentation order. */
const TAG_POLICY_FIELDS: ReadonlyMap<string, "string" | "strings" | "on"> = new Map([
  ["tag_key", "string"],
  ["tag_value", "strings"],
  ["tag_value_dynamic", "on"],
  ["resource_type_scope", "strings"],
  ["detection", "on"],
  ["correction", "on"],
  ["auto_assign", "on"],
  ["auto_assign_value", "on"],
  ["enforced_for", "strings"],
  ["tag_deletion_disable", "on"],
]);
const FIELD_SHAPE_TEXT = { string: "a string", strings: "a non-empty list of non-empty strings", on: '"on"' } as const;

/** `*` or `<service>:<type>` (the pages' `cvm:instance`, `*`), with `*` allowed as the type. */
const RESOURCE_TYPE_PATTERN = /^(\*|[a-z][a-z0-9_-]*:([a-z][A-Za-z0-9_-]*|\*))$/;

/** `{"@@assign": value}`: the only operator Tencent documents for tag policies. */
const isAssign = (value: Json | undefined): value is { "@@assign": Json } =>
  isJsonObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, "@@assign");

/** Older pages write detection bare, `"detection": "on"`; it means `{"@@assign": "on"}`. */
const isBareDetection = (field: string, value: Json): boolean => field === "detection" && value === "on";

/** The first rule of the tag-policy syntax `doc` breaks, in words after "content: ", or undefined. */
function tagPolicyRuleBreak(doc: JsonObject): string | undefined {
  if (Object.keys(doc).length !== 1 || !isJsonObject(doc.tags)) {
    const elements =
      Object.keys(doc)
        .map((key) => JSON.stringify(key))
        .join(", ") || "none";
    const tags = doc.tags === undefined || isJsonObject(doc.tags) ? "" : `, and tags is ${quoted(doc.tags)}`;
    return `a tag policy has exactly one top-level element, the object "tags" (this one has ${elements}${tags})`;
  }
  if (Object.keys(doc.tags).length === 0) return '"tags" needs at least one policy key';
  for (const [key, body] of Object.entries(doc.tags)) {
    const broken = policyKeyRuleBreak(key, body);
    if (broken) return broken;
  }
  return undefined;
}

/** The first of a tag's rules (core/tags.ts) the broken-rule filter keeps, in words. */
const tagRuleText = (breaks: TagRuleBreak[], keep: (rule: string) => boolean): string | undefined => {
  const broken = breaks.find((b) => keep(b.rule));
  return broken && describeTagRuleBreak(broken);
};

function policyKeyRuleBreak(key: string, body: Json): string | undefined {
  const at = `policy key ${JSON.stringify(key)}`;
  if (!isJsonObject(body)) return `${at} must be an object of fields such as tag_key and resource_type_scope (got ${quoted(body)})`;
  const values: Record<string, Json> = {};
  for (const [field, wrapped] of Object.entries(body)) {
    const shape = TAG_POLICY_FIELDS.get(field);
    if (!shape) return `${at}: unknown field ${JSON.stringify(field)}; the fields are ${[...TAG_POLICY_FIELDS.keys()].join(", ")}`;
    if (!isBareDetection(field, wrapped) && !isAssign(wrapped))
      return `${at}: ${field} must be written {"@@assign": …}, the only operator Tencent documents (got ${quoted(wrapped)})`;
    const value = isAssign(wrapped) ? wrapped["@@assign"] : wrapped;
    const valid =
      shape === "string"
        ? typeof value === "string"
        : shape === "on"
          ? value === "on"
          : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v !== "");
    if (!valid) return `${at}: ${field} must be ${FIELD_SHAPE_TEXT[shape]} (got ${quoted(value)})`;
    values[field] = value;
  }
  if (values.tag_key === undefined) return `${at} needs tag_key, e.g. "tag_key": {"@@assign": ${JSON.stringify(key)}}`;
  if (values.tag_key !== key) return `${at}: tag_key must equal the policy key (got ${quoted(values.tag_key)})`;
  // The ownership marker's prefix is the provider's own rule for tags it writes; Tencent accepts a policy on that key.
  const keyBreak = tagRuleText(tagRuleBreaks(key, "v"), (rule) => rule.startsWith("key") && rule !== "keyOwnerMarker");
  if (keyBreak) return `${at} breaks a tag rule: ${keyBreak}`;
  if (values.resource_type_scope === undefined) return `${at} needs resource_type_scope, e.g. "resource_type_scope": {"@@assign": ["*"]}`;
  for (const type of values.resource_type_scope as string[]) {
    if (!RESOURCE_TYPE_PATTERN.test(type))
      return `${at}: resource type ${JSON.stringify(type)} in resource_type_scope is not "*" or "service:type" such as "cvm:instance"`;
  }
  if (values.tag_value !== undefined && values.tag_value_dynamic !== undefined)
    return `${at}: tag_value and tag_value_dynamic exclude each other; keep one`;
  const allowed = (values.tag_value as string[] | undefined) ?? [];
  for (const value of allowed) {
    if ((value.match(/\*/g) ?? []).length > 1) return `${at}: the allowed value ${JSON.stringify(value)} has more than one *`;
    // One `*` stands for any run of characters: the rest of the value must be a valid tag value.
    const valueBreak =
      value === "*" ? undefined : tagRuleText(tagRuleBreaks(key, value.replace("*", "x")), (rule) => rule.startsWith("value"));
    if (valueBreak) return `${at}: the allowed value ${JSON.stringify(value)} breaks a tag rule: ${valueBreak}`;
  }
  if (values.correction !== undefined && (allowed.length !== 1 || allowed[0].includes("*")))
    return `${at}: correction needs exactly one allowed value in tag_value, without * (it is the value correction sets)`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Canonical form
// ---------------------------------------------------------------------------------------------------------

/** `[x]` as `x` when `x` passes `single`; anything else unchanged. */
const unlisted = (value: Json, single: (item: Json) => boolean): Json =>
  Array.isArray(value) && value.length === 1 && single(value[0]) ? value[0] : value;

const mapValues = (object: JsonObject, change: (value: Json, key: string) => Json): JsonObject =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, change(value, key)]));

/**
 * The documented equivalences, each folded to one form. SCP: a one-element list of actions, resources or
 * condition values (the grammar's `<value | [value, …]>`) is written as the bare value — the shorter form,
 * so a document that fits the size limit as written still fits as sent, and the form Tencent's own
 * FullQcloudAccess uses, so the preset reads back as written. Tag policy: a bare `"detection": "on"` is
 * written `{"@@assign": "on"}` — the newer pages' form and every other field's, so one reading fits all.
 * Anything not of the expected shape is left as it is.
 */
function foldEquivalences(type: PolicyType, doc: Json): Json {
  if (!isJsonObject(doc)) return doc;
  if (type === "SERVICE_CONTROL_POLICY" && Array.isArray(doc.statement))
    return {
      ...doc,
      statement: doc.statement.map((statement) => (isJsonObject(statement) ? mapValues(statement, foldElement) : statement)),
    };
  if (type === "TAG_POLICY" && isJsonObject(doc.tags))
    return {
      ...doc,
      tags: mapValues(doc.tags, (body) =>
        isJsonObject(body) ? mapValues(body, (value, field) => (isBareDetection(field, value) ? { "@@assign": value } : value)) : body,
      ),
    };
  return doc;
}

function foldElement(value: Json, element: string): Json {
  if (element === "action" || element === "resource") return unlisted(value, isString);
  if (element === "condition" && isJsonObject(value))
    return mapValues(value, (body) => (isJsonObject(body) ? mapValues(body, (v) => unlisted(v, isConditionValue)) : body));
  return value;
}

/** A read document with the type's equivalences folded, written canonically. */
const canonicalText = (type: PolicyType | undefined, doc: Json): string => canonicalJson(type ? foldEquivalences(type, doc) : doc);

// ---------------------------------------------------------------------------------------------------------
// The public functions
// ---------------------------------------------------------------------------------------------------------

/**
 * The validator of an OrganizationPolicy's `content`: JSON text, or the object a program writes, that
 * follows `type`'s syntax and fits its size once canonical. The value is the canonical text
 * ({@link canonicalContent}), which is what is sent and compared. With `type` not known (not yet, or not
 * valid: its own validator says so) only JSON with an object at the top, no key given twice, is required.
 * Values not yet known at preview never reach it: the check loop passes them through (kit/check.ts).
 */
export function contentInput(type: PolicyType | undefined): Validator<string> {
  const known = isPolicyType(type) ? type : undefined;
  return (value): Validated<string> => {
    const reading =
      typeof value === "string"
        ? readJsonText(value)
        : typeof value === "object" && value !== null
          ? readProgramValue(value)
          : { reason: `must be a policy document, as JSON text or an object (got ${scalarText(value)})` };
    if ("reason" in reading) return { reason: `content ${reading.reason}` };
    const { document, duplicate } = reading;
    if (!isJsonObject(document)) return { reason: `content must be a JSON object at the top (got ${quoted(document)})` };
    if (duplicate) {
      const policyKey = known === "TAG_POLICY" && duplicate.length === 2 && duplicate[0] === "tags";
      return {
        reason: policyKey
          ? `content: the policy key ${JSON.stringify(duplicate[1])} appears twice under "tags"; merge its fields into one`
          : `content: the key ${pathText(duplicate)} appears twice; JSON keeps only the last, so write it once`,
      };
    }
    if (!known) return { value: canonicalText(undefined, document) };
    const broken = known === "SERVICE_CONTROL_POLICY" ? scpRuleBreak(document) : tagPolicyRuleBreak(document);
    if (broken) return { reason: `content: ${broken}` };
    const text = canonicalText(known, document);
    const limit = CONTENT_MAX_CHARACTERS[known];
    if (text.length > limit)
      return {
        reason: `content: the document is ${text.length} characters as sent (compact JSON); Tencent accepts at most ${limit} for a ${known}`,
      };
    return { value: text };
  };
}

/**
 * The canonical text of a document: compact JSON, object keys sorted at every depth, lists in their order,
 * and the type's documented equivalences folded (see below), so documents equal in meaning give equal text.
 * Idempotent. `doc` is JSON text or the parsed document.
 *
 * Folded: an SCP's one-element list of actions, resources or condition values is written as the bare value
 * (the shorter form: a document that fits the size limit as written still fits as sent; and FullQcloudAccess's
 * form); a tag policy's bare `"detection": "on"` is written `{"@@assign": "on"}` (the newer pages' form, and
 * every other field's).
 * @throws TypeError when `doc` is not JSON (text that does not parse, or a value JSON cannot carry)
 */
export function canonicalContent(type: PolicyType, doc: unknown): string {
  const reading = typeof doc === "string" ? readJsonText(doc) : readProgramValue(doc);
  if ("reason" in reading) throw new TypeError(`not a policy document: the document ${reading.reason}`);
  return canonicalText(type, reading.document);
}

/**
 * The document Tencent reports (DescribePolicy's `PolicyDocument`), unwrapped and read as JSON, or
 * undefined when it is not JSON. DescribePolicy's example wraps an SCP as
 * `{"strategyInfo": {<document>}, "version": "2.0"}` (§1; whether the live API does is unverified): an
 * SCP whose top level holds a `strategyInfo` object and no statements of its own is that object.
 */
function reportedDocument(type: PolicyType | undefined, text: string): Json | undefined {
  const reading = readJsonText(text);
  if ("reason" in reading) return undefined;
  const { document } = reading;
  const wrapped =
    type === "SERVICE_CONTROL_POLICY" &&
    isJsonObject(document) &&
    isJsonObject(document.strategyInfo) &&
    !Object.hasOwn(document, "statement");
  const unwrapped = wrapped ? (document.strategyInfo as JsonObject) : document;
  return type ? foldEquivalences(type, unwrapped) : unwrapped;
}

/**
 * What Tencent reports as a policy's document, as canonical text (the `strategyInfo` wrapper of
 * DescribePolicy's example removed). Text that is not JSON is returned unchanged: a read must not fail on
 * whatever the console stored, and the difference then shows in the diff. With no type (a document of no
 * policy type's syntax, such as DescribeEffectivePolicy's merged tag policy) the JSON is only made canonical:
 * compact, keys sorted, nothing unwrapped or folded.
 */
export function parseReportedContent(type: PolicyType | undefined, text: string): string {
  const document = reportedDocument(type, text);
  return document === undefined ? text : canonicalJson(document);
}

/** Whether two documents (declared or reported) mean the same: equal canonical text. */
export function sameContent(type: PolicyType, a: string, b: string): boolean {
  return parseReportedContent(type, a) === parseReportedContent(type, b);
}

/**
 * What changed between two documents, one line per change, for a preview's log: SCP statements matched by
 * index (added, removed, or which element changed), tag-policy keys by name (added, removed, or which field
 * changed). Empty exactly when {@link sameContent}; one line when either is not JSON.
 */
export function describeContentChanges(type: PolicyType, before: string, after: string): string[] {
  if (sameContent(type, before, after)) return [];
  const a = reportedDocument(type, before);
  const b = reportedDocument(type, after);
  if (a === undefined || b === undefined)
    return ["the policy document was replaced (it is not JSON, so it cannot be compared element by element)"];
  const lines = isJsonObject(a) && isJsonObject(b) ? (type === "SERVICE_CONTROL_POLICY" ? scpChanges(a, b) : tagPolicyChanges(a, b)) : [];
  return lines.length > 0 ? lines : [`the policy document changed: ${quoted(a)} → ${quoted(b)}`];
}

// ---------------------------------------------------------------------------------------------------------
// Change descriptions
// ---------------------------------------------------------------------------------------------------------

const same = (a: Json | undefined, b: Json | undefined): boolean =>
  a === undefined ? b === undefined : b !== undefined && canonicalJson(a) === canonicalJson(b);

/** Keys of both objects: `first` in its order where present, then the others sorted. */
const keysOf = (a: JsonObject, b: JsonObject, first: readonly string[] = []): string[] => {
  const all = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...first.filter((key) => all.has(key)), ...[...all].filter((key) => !first.includes(key)).sort()];
};

/** One value's change: added, removed or replaced. */
function valueChange(label: string, before: Json | undefined, after: Json | undefined): string[] {
  if (same(before, after)) return [];
  if (before === undefined) return [`${label} added ${quoted(after)}`];
  if (after === undefined) return [`${label} removed (was ${quoted(before)})`];
  return [`${label} ${quoted(before)} → ${quoted(after)}`];
}

/** A string or list of strings' change as items added (+) and removed (-); a reordering as a replacement. */
function listChange(label: string, before: Json | undefined, after: Json | undefined): string[] {
  if (same(before, after)) return [];
  const strings = (value: Json | undefined): value is string | string[] =>
    typeof value === "string" || (Array.isArray(value) && value.every(isString));
  if (!strings(before) || !strings(after)) return valueChange(label, before, after);
  const was = [before].flat();
  const is = [after].flat();
  const lines = [
    ...[...new Set(is)].filter((item) => !was.includes(item)).map((item) => `${label} + ${JSON.stringify(item)}`),
    ...[...new Set(was)].filter((item) => !is.includes(item)).map((item) => `${label} - ${JSON.stringify(item)}`),
  ];
  return lines.length > 0 ? lines : valueChange(label, before, after);
}

function scpChanges(a: JsonObject, b: JsonObject): string[] {
  const lines = keysOf(a, b, ["version"])
    .filter((key) => key !== "statement" || !Array.isArray(a.statement) || !Array.isArray(b.statement))
    .flatMap((key) => valueChange(key, own(a, key), own(b, key)));
  if (!Array.isArray(a.statement) || !Array.isArray(b.statement)) return lines;
  const count = Math.max(a.statement.length, b.statement.length);
  for (let index = 0; index < count; index++) {
    const was: Json | undefined = a.statement[index];
    const is: Json | undefined = b.statement[index];
    const name = `statement ${index}`;
    if (was === undefined) lines.push(`${name}: added ${quoted(is)}`);
    else if (is === undefined) lines.push(`${name}: removed (was ${quoted(was)})`);
    else if (!isJsonObject(was) || !isJsonObject(is)) lines.push(...valueChange(name, was, is));
    else
      lines.push(
        ...keysOf(was, is, STATEMENT_ELEMENTS).flatMap((element) =>
          elementChange(`${name}: ${element}`, element, own(was, element), own(is, element)),
        ),
      );
  }
  return lines;
}

function elementChange(label: string, element: string, before: Json | undefined, after: Json | undefined): string[] {
  if (element === "action" || element === "resource") return listChange(label, before, after);
  if (element === "condition" && isJsonObject(before) && isJsonObject(after))
    return keysOf(before, after).flatMap((operator) =>
      valueChange(`${label} ${JSON.stringify(operator)}`, own(before, operator), own(after, operator)),
    );
  return valueChange(label, before, after);
}

function tagPolicyChanges(a: JsonObject, b: JsonObject): string[] {
  const lines = keysOf(a, b)
    .filter((key) => key !== "tags" || !isJsonObject(a.tags) || !isJsonObject(b.tags))
    .flatMap((key) => valueChange(key, own(a, key), own(b, key)));
  if (!isJsonObject(a.tags) || !isJsonObject(b.tags)) return lines;
  for (const key of keysOf(a.tags, b.tags)) {
    const was = own(a.tags, key);
    const is = own(b.tags, key);
    const name = `policy key ${JSON.stringify(key)}`;
    if (was === undefined) lines.push(`${name}: added ${quoted(is)}`);
    else if (is === undefined) lines.push(`${name}: removed (was ${quoted(was)})`);
    else if (!isJsonObject(was) || !isJsonObject(is)) lines.push(...valueChange(name, was, is));
    else
      for (const field of keysOf(was, is, [...TAG_POLICY_FIELDS.keys()])) {
        // Shown without the operator when every side present uses it: `tag_value + "dev"`, not the `{"@@assign": …}` around it.
        const sides = [own(was, field), own(is, field)];
        const [before, after] = sides.every((side) => side === undefined || isAssign(side))
          ? sides.map((side) => (isAssign(side) ? side["@@assign"] : side))
          : sides;
        lines.push(...listChange(`${name}: ${field}`, before, after));
      }
  }
  return lines;
}
