/**
 * During `pulumi preview`, values that depend on resources not yet created reach `check` and
 * `diff` as the engine's unknown-value sentinel. They must be passed through, never validated or
 * compared.
 */
import { unknownValue } from "@pulumi/pulumi/runtime";

/** The sentinel the engine sends for a value not known until apply (exported by the Pulumi SDK). */
export const UNKNOWN: typeof unknownValue = unknownValue;

/** Inputs as `check` and `diff` may see them at preview: any field may still be unknown. */
export type MaybeUnknown<T> = { [K in keyof T]: T[K] | typeof UNKNOWN };

/** True when the value, or anything inside it, is not known yet. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
