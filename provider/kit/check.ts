/**
 * The loop every resource's `check` runs: reject unknown input names, fill defaults, pass values
 * not yet known (preview) through untouched, and validate the rest with one validator per input.
 * Pure. Members and departments both run it (member/check.ts, node/check.ts).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { Validated } from "./tags";
import { containsUnknown } from "./unknown";

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
