/**
 * `member-permissions`: financial permissions (`permissionIds`) the organization forbids, and
 * permissions a member may hold only with a given tag (e.g. 7, paying for the member, only with
 * `payer=approved`).
 */
import { type OrganizationResource, subjectOf, tagsOf, UNKNOWN } from "../resources";
import type { OrganizationRule, Violation } from "./rule";

/** A permission a member may hold only when it carries a tag (with one of the values, when given). */
export interface PermissionNeedingTag {
  permissionId: number;
  tagKey: string;
  /** Allowed values; absent or empty: any value. */
  tagValues?: readonly string[];
}

/** Config of `member-permissions`. */
export interface MemberPermissionsConfig {
  /** @default [] */
  forbidden: readonly number[];
  /** @default [] */
  needTag: readonly PermissionNeedingTag[];
}

const PERMISSION_ID = { type: "integer", minimum: 1 } as const;

/** The rule. */
export const memberPermissions: OrganizationRule<MemberPermissionsConfig> = {
  name: "member-permissions",
  description: "Members hold no forbidden financial permission, and a permission that needs a tag only with that tag.",
  configSchema: {
    properties: {
      forbidden: { type: "array", items: PERMISSION_ID, default: [], description: "Permission ids no member may hold." },
      needTag: {
        type: "array",
        default: [],
        description: "Permission ids a member may hold only with a tag.",
        items: {
          type: "object",
          required: ["permissionId", "tagKey"],
          additionalProperties: false,
          properties: {
            permissionId: PERMISSION_ID,
            tagKey: { type: "string", minLength: 1 },
            tagValues: { type: "array", items: { type: "string" } },
          },
        },
      },
    },
  },
  parseConfig: (raw) => ({
    forbidden: (raw.forbidden as number[] | undefined) ?? [],
    needTag: (raw.needTag as PermissionNeedingTag[] | undefined) ?? [],
  }),
  checkResource(resource, config) {
    if (resource.kind !== "member" || !resource.declared) return [];
    return permissionViolations(resource, config);
  },
};

/** The member's forbidden permissions and those it lacks the tag for; values not known yet are not judged. */
export function permissionViolations(member: OrganizationResource, config: MemberPermissionsConfig): Violation[] {
  const declared = member.props.permissionIds;
  if (!Array.isArray(declared)) return []; // unknown at preview, or not declared (a `.get` read)
  const held = new Set(declared.filter((id): id is number => typeof id === "number"));
  const violations: Violation[] = [];
  for (const id of config.forbidden) {
    if (held.has(id)) violations.push({ message: `${subjectOf(member)} holds permission ${id}, which this organization forbids.` });
  }
  const tags = tagsOf(member);
  for (const { permissionId, tagKey, tagValues = [] } of config.needTag) {
    if (!held.has(permissionId) || tags === UNKNOWN) continue;
    const value = tags[tagKey];
    if (value === UNKNOWN) continue;
    if (value !== undefined && (tagValues.length === 0 || tagValues.includes(String(value)))) continue;
    const wanted = tagValues.length === 0 ? `the tag "${tagKey}"` : `the tag ${tagKey}=${tagValues.join(" or ")}`;
    const has = value === undefined ? "it has none" : `it has ${tagKey}=${String(value)}`;
    violations.push({ message: `${subjectOf(member)} holds permission ${permissionId}, which needs ${wanted}; ${has}.` });
  }
  return violations;
}
