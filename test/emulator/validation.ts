/**
 * Request-model checks shared by every action: unknown fields, required fields and JSON types.
 * Business rules (names, permissions, …) live in `rules.ts`; this module only knows shapes.
 */
import { Errors } from "./errors";
import type { TagPair } from "./model";

/** A tag key reference as ModifyResourceTags' DeleteTags carries it. */
export interface TagKeyRef {
  TagKey: string;
}

/** The JSON shapes a request field can have. */
export type FieldType = "string" | "integer" | "integerList" | "tagList" | "tagKeyList" | "tagFilterList";

/** A tag filter of a listing: a key alone matches any value (DescribeOrganizationMembers' documented example). */
export interface TagFilter {
  TagKey: string;
  TagValue?: string;
}

/** One field of a request model. */
export interface FieldSpec {
  readonly type: FieldType;
  readonly required: boolean;
}

/** A request model: field name → spec. */
export type RequestSchema = Readonly<Record<string, FieldSpec>>;

type ValueOf<T extends FieldType> = T extends "string"
  ? string
  : T extends "integer"
    ? number
    : T extends "integerList"
      ? number[]
      : T extends "tagList"
        ? TagPair[]
        : T extends "tagFilterList"
          ? TagFilter[]
          : TagKeyRef[];

/** The typed parameters a schema describes: required fields present, optional ones possibly absent. */
export type ParamsOf<S extends RequestSchema> = {
  -readonly [K in keyof S as S[K]["required"] extends true ? K : never]: ValueOf<S[K]["type"]>;
} & {
  -readonly [K in keyof S as S[K]["required"] extends true ? never : K]?: ValueOf<S[K]["type"]>;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkTagObject(value: unknown, path: string, allowed: readonly string[], required: readonly string[]): void {
  if (!isRecord(value)) throw Errors.invalidParameterValue(path, "expected an object");
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw Errors.unknownParameter(`${path}.${key}`);
  }
  for (const key of required) {
    if (value[key] === undefined) throw Errors.missingParameter(`${path}.${key}`);
  }
  for (const key of allowed) {
    if (value[key] !== undefined && typeof value[key] !== "string")
      throw Errors.invalidParameterValue(`${path}.${key}`, "expected a string");
  }
}

function checkType(name: string, type: FieldType, value: unknown): void {
  switch (type) {
    case "string":
      if (typeof value !== "string") throw Errors.invalidParameterValue(name, "expected a string");
      return;
    case "integer":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) throw Errors.invalidParameterValue(name, "expected an integer");
      return;
    case "integerList":
      if (!Array.isArray(value)) throw Errors.invalidParameterValue(name, "expected an array of integers");
      value.forEach((item, i) => {
        if (typeof item !== "number" || !Number.isSafeInteger(item))
          throw Errors.invalidParameterValue(`${name}.${i}`, "expected an integer");
      });
      return;
    case "tagList":
      if (!Array.isArray(value)) throw Errors.invalidParameterValue(name, "expected an array of tags");
      // Category is part of the Tag service's Tag model; the organization model lacks it but it is harmless.
      for (const [i, item] of value.entries()) {
        checkTagObject(item, `${name}.${i}`, ["TagKey", "TagValue", "Category"], ["TagKey", "TagValue"]);
      }
      return;
    case "tagFilterList":
      if (!Array.isArray(value)) throw Errors.invalidParameterValue(name, "expected an array of tags");
      for (const [i, item] of value.entries()) checkTagObject(item, `${name}.${i}`, ["TagKey", "TagValue", "Category"], ["TagKey"]);
      return;
    case "tagKeyList":
      if (!Array.isArray(value)) throw Errors.invalidParameterValue(name, "expected an array of tag keys");
      for (const [i, item] of value.entries()) checkTagObject(item, `${name}.${i}`, ["TagKey"], ["TagKey"]);
      return;
  }
}

/**
 * Checks a parsed body against a request model, in the order the real API reports problems:
 * unknown field, then missing required field, then wrong type.
 * @throws ApiError UnknownParameter, MissingParameter, InvalidParameterValue or InvalidParameter
 */
export function validateParams<S extends RequestSchema>(schema: S, body: unknown): ParamsOf<S> {
  if (!isRecord(body)) throw Errors.invalidParameter("The request body must be a JSON object.");
  for (const key of Object.keys(body)) {
    if (!Object.hasOwn(schema, key)) throw Errors.unknownParameter(key);
  }
  for (const [key, spec] of Object.entries(schema)) {
    // The SDK drops nulls before sending; a raw null is treated the same way.
    if (body[key] === null) delete body[key];
    if (spec.required && body[key] === undefined) throw Errors.missingParameter(key);
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (body[key] !== undefined) checkType(key, spec.type, body[key]);
  }
  // Safe: every field was checked against the schema that ParamsOf<S> is computed from.
  return body as ParamsOf<S>;
}

/**
 * Checks Offset (≥ 0) and Limit (1–`maxLimit`) of a paged list.
 * @throws ApiError InvalidParameterValue
 */
export function checkPage(offset: number, limit: number, maxLimit = 50): void {
  if (offset < 0) throw Errors.invalidParameterValue("Offset", "must be 0 or greater");
  if (limit < 1 || limit > maxLimit) throw Errors.invalidParameterValue("Limit", `must be between 1 and ${maxLimit}`);
}

/** True when `tags` carries every filter: the key, and the value when the filter gives one. */
export const matchesTagFilters = (tags: readonly TagPair[], filters: readonly TagFilter[]): boolean =>
  filters.every((f) => tags.some((own) => own.TagKey === f.TagKey && (f.TagValue === undefined || own.TagValue === f.TagValue)));
