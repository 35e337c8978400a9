/**
 * `required-tags`: members and departments carry the tag keys the organization requires, with a
 * value from the allowed list when one is given.
 */
import { type OrganizationResource, subjectOf, tagsOf, UNKNOWN } from "../resources";
import type { OrganizationRule, Violation } from "./rule";

/** Tag key → allowed values; an empty list allows any value. */
export type RequiredTags = Readonly<Record<string, readonly string[]>>;

/** Config of `required-tags`. */
export interface RequiredTagsConfig {
  /** @default {} (no tag required) */
  members: RequiredTags;
  /** @default {} (no tag required) */
  departments: RequiredTags;
}

const TAG_MAP_SCHEMA = {
  type: "object",
  additionalProperties: { type: "array", items: { type: "string" } },
  default: {},
} as const;

/** The rule. */
export const requiredTags: OrganizationRule<RequiredTagsConfig> = {
  name: "required-tags",
  description: "Members and departments carry the required tag keys, with an allowed value.",
  configSchema: {
    properties: {
      members: { ...TAG_MAP_SCHEMA, description: "Tag key → allowed values (empty: any value) every member must carry." },
      departments: { ...TAG_MAP_SCHEMA, description: "Tag key → allowed values (empty: any value) every department must carry." },
    },
  },
  parseConfig: (raw) => ({
    members: (raw.members as RequiredTags | undefined) ?? {},
    departments: (raw.departments as RequiredTags | undefined) ?? {},
  }),
  checkResource(resource, config) {
    const required = resource.kind === "member" ? config.members : resource.kind === "department" ? config.departments : undefined;
    if (!required || !resource.declared) return [];
    return missingOrDisallowedTags(resource, required);
  },
};

/**
 * One violation per required key the resource lacks, and per value outside the allowed list.
 * Tags not known yet (a preview) are not judged.
 */
export function missingOrDisallowedTags(resource: OrganizationResource, required: RequiredTags): Violation[] {
  const tags = tagsOf(resource);
  if (tags === UNKNOWN) return [];
  const violations: Violation[] = [];
  for (const [key, allowed] of Object.entries(required)) {
    const value = tags[key];
    if (value === UNKNOWN) continue;
    if (value === undefined) {
      violations.push({ message: `${subjectOf(resource)} has no tag "${key}"; it is required${allowedText(allowed)}.` });
    } else if (allowed.length > 0 && !allowed.includes(String(value))) {
      violations.push({
        message: `${subjectOf(resource)} has the tag ${key}=${String(value)}, which is not allowed${allowedText(allowed)}.`,
      });
    }
  }
  return violations;
}

function allowedText(allowed: readonly string[]): string {
  return allowed.length > 0 ? ` (allowed values: ${allowed.join(", ")})` : "";
}
