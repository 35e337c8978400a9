/**
 * The loop every resource's `check` runs: reject unknown input names, fill defaults, pass values
 * not yet known (preview) through untouched, and validate the rest with one validator per input;
 * and the validators more than one resource uses. Pure. Every resource runs it (member/check.ts,
 * node/check.ts).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { TAG_VALUE_MAX_LENGTH, type Validated } from "../core/tags";
import { containsUnknown } from "../core/unknown";

/** A declaration's properties, as the engine hands them over: anything may be in them. */
export type Props = Record<string, unknown>;

/** Validates one input given every (defaulted) input; returns the normalised value or a reason. */
export type Validator<T> = (value: unknown, news: Props) => Validated<T>;

/** What the loop produced: checked inputs (unknown values passed through) and failures naming the field. */
export interface CheckedProps {
  inputs: Props;
  failures: dynamic.CheckFailure[];
}

/**
 * Runs `validators` (their keys are the input names, in documentation order) over `news` with
 * `defaults` applied. `__provider`, the engine's own key, passes through. A failure names only
 * what the program wrote: a defaulted value that fails (members' accountName, taken from name) is
 * wrong only because its source is, and that source's failure says so already.
 */
export function checkInputs(
  news: Props,
  validators: Record<string, Validator<unknown>>,
  required: ReadonlySet<string>,
  defaults: Props,
): CheckedProps {
  const names = Object.keys(validators);
  const failures: dynamic.CheckFailure[] = [];
  const inputs: Props = {};
  for (const [key, value] of Object.entries(news)) {
    if (key === "__provider") inputs[key] = value;
    else if (!names.includes(key) && value !== undefined) {
      failures.push({ property: key, reason: `unknown input "${key}"; the inputs are ${names.join(", ")}` });
    }
  }
  const given: Props = Object.fromEntries(Object.entries(news).filter(([, v]) => v !== undefined));
  const withDefaults: Props = { ...defaults, ...given };
  for (const property of names) {
    const value = withDefaults[property];
    if (value === undefined) {
      if (required.has(property)) failures.push({ property, reason: `${property} is required` });
      continue;
    }
    if (containsUnknown(value)) {
      inputs[property] = value; // known only after apply: nothing to validate yet
      continue;
    }
    const result = validators[property](value, withDefaults);
    if (result.reason) {
      if (property in given) failures.push({ property, reason: result.reason });
    } else inputs[property] = result.value;
  }
  return { inputs, failures };
}

/** What `check` returns: the normalised inputs (unknown values passed through) and any failures naming the field. */
export interface CheckOutcome<I> extends dynamic.CheckResult<I> {
  inputs: I;
  failures: dynamic.CheckFailure[];
}

/** Inputs as the engine hands them to `check`: a program's declaration (anything), or inputs checked before. */
export type Declaration<I> = Readonly<Props> | Partial<I>;

/** Digits of a positive id as text (a UIN, a department id), as stack config and JSON files carry them. */
export const ID_TEXT_PATTERN = /^[1-9][0-9]{0,15}$/;

/** A positive integer id, also given as its digits; `what` names the kind of id in the message. */
export function positiveInteger(field: string, what = ""): Validator<number> {
  return (value) => {
    const n = typeof value === "string" && ID_TEXT_PATTERN.test(value) ? Number(value) : value;
    return typeof n === "number" && Number.isSafeInteger(n) && n > 0
      ? { value: n }
      : { reason: `${field} must be a positive integer${what ? ` ${what}` : ""} (got ${JSON.stringify(value)})` };
  };
}

/** One of `values`. */
export function oneOf<T extends string>(field: string, values: readonly T[]): Validator<T> {
  return (value) =>
    values.some((allowed) => allowed === value)
      ? { value: value as T }
      : { reason: `${field} must be one of ${values.join(", ")} (got ${JSON.stringify(value)})` };
}

/** Text of at most `max` characters (counted as Tencent counts them: code points). */
export function textUpTo(field: string, max: number): Validator<string> {
  return (value) =>
    typeof value === "string" && [...value].length <= max
      ? { value }
      : {
          reason: `${field} must be a string of at most ${max} characters (got ${typeof value === "string" ? `${[...value].length} characters` : JSON.stringify(value)})`,
        };
}

/** Any text. */
export function text(field: string): Validator<string> {
  return (value) => (typeof value === "string" ? { value } : { reason: `${field} must be a string (got ${JSON.stringify(value)})` });
}

/**
 * Switching an adopted object's id (`field`) to another id releases the object adopted before
 * through the state's deletion policy: with anything but `retain` that would remove (or delete) an
 * object adopted by mistake without asking, so the preview refuses it. `verb` says what the
 * resource's deletion does to it ("delete", "release").
 */
export function adoptionSwitchRefused(
  field: string,
  noun: string,
  olds: Props,
  inputs: Props,
  options: { defaultPolicy: string; verb: string },
): dynamic.CheckFailure | undefined {
  const before = olds[field];
  const after = inputs[field];
  const policy = String(olds.deletionPolicy ?? options.defaultPolicy);
  if (before === undefined || after === undefined || containsUnknown(after) || after === before || policy === "retain") return undefined;
  return {
    property: field,
    reason:
      `adopting ${noun} ${String(after)} instead of ${String(before)} would ${options.verb} the latter (deletionPolicy "${policy}"). ` +
      `Set deletionPolicy: "retain" and run pulumi up first if it should stay.`,
  };
}

/**
 * A field no API changes (`field`: a policy's type, a department's parent) on an adopted object
 * (adopted by `idField`). While it stays adopted the field cannot change: the replacement would
 * adopt the same id and find it unchanged (`stillAdopted` says why, in the resource's words).
 * Dropping the adoption to change it replaces the adopted object, which then goes by its deletion
 * policy: only `retain` keeps it (`replaced` says what would go). Only a known new value is
 * compared (an invalid one has its own failure already).
 */
export function adoptedFixedFieldRefused(
  field: string,
  idField: string,
  olds: Props,
  inputs: Props,
  options: { defaultPolicy: string; stillAdopted: (policy: string) => string; replaced: (policy: string) => string },
): dynamic.CheckFailure | undefined {
  if (olds[idField] === undefined) return undefined;
  const after = inputs[field];
  if (after === undefined || containsUnknown(after) || olds[field] === undefined || after === olds[field]) return undefined;
  const policy = String(olds.deletionPolicy ?? options.defaultPolicy);
  if (inputs[idField] === olds[idField]) return { property: field, reason: options.stillAdopted(policy) };
  if (inputs[idField] === undefined && policy !== "retain") return { property: field, reason: options.replaced(policy) };
  return undefined;
}

/** `ownerMarker`, which the resource class sets: never by hand. */
export function ownerMarkerInput(resourceClass: string): Validator<string> {
  return (value) =>
    typeof value === "string" && value.length > 0 && value.length <= TAG_VALUE_MAX_LENGTH
      ? { value }
      : { reason: `ownerMarker is set by the ${resourceClass} class; do not set it by hand` };
}
