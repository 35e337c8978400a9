/**
 * `deletion-in-stacks`: deletion behaviours (`deletionPolicy`) a named stack may not declare —
 * by default `deleteAccount` in stacks named `prod` or `production`, since a deleted account
 * cannot be restored.
 *
 * It judges what the program declares. `delete` runs with the behaviour stored in the state, so a
 * resource declared with a forbidden behaviour before the pack was in use keeps it until an `up`
 * with the pack sets another one: removing it from the program before that applies the old one.
 */
import { ATTACHMENT_DELETION_POLICIES } from "../../attachment/types";
import { DELETION_POLICIES } from "../../member/types";
import { NODE_DELETION_POLICIES } from "../../node/types";
import { POLICY_DELETION_POLICIES } from "../../policy/types";
import { POLICY_TYPE_DELETION_POLICIES } from "../../policyType/types";
import { type OrganizationKind, subjectOf } from "../resources";
import type { OrganizationRule, Violation } from "./rule";

/** The config key of each kind, and the deletion behaviours it has. */
const BEHAVIOURS = {
  members: { kind: "member", values: DELETION_POLICIES },
  departments: { kind: "department", values: NODE_DELETION_POLICIES },
  policies: { kind: "policy", values: POLICY_DELETION_POLICIES },
  attachments: { kind: "policy attachment", values: ATTACHMENT_DELETION_POLICIES },
  policyTypes: { kind: "policy type", values: POLICY_TYPE_DELETION_POLICIES },
} as const satisfies Record<string, { kind: OrganizationKind; values: readonly string[] }>;

type KindKey = keyof typeof BEHAVIOURS;

/** Stacks (names; `*` matches any characters) and the behaviours each kind may not declare in them. */
export type ForbiddenDeletions = { stacks: readonly string[] } & { readonly [K in KindKey]?: readonly string[] };

/** Config of `deletion-in-stacks`. */
export interface DeletionInStacksConfig {
  /** @default [{ stacks: ["prod", "production"], members: ["deleteAccount"] }] */
  forbidden: readonly ForbiddenDeletions[];
}

/** The default: no account is deleted from a production stack. */
export const DEFAULT_FORBIDDEN_DELETIONS: readonly ForbiddenDeletions[] = [{ stacks: ["prod", "production"], members: ["deleteAccount"] }];

/** The rule. */
export const deletionInStacks: OrganizationRule<DeletionInStacksConfig> = {
  name: "deletion-in-stacks",
  description: "Resources in the named stacks declare no forbidden deletion behaviour (deletionPolicy).",
  configSchema: {
    properties: {
      forbidden: {
        type: "array",
        default: DEFAULT_FORBIDDEN_DELETIONS.map((entry) => ({ ...entry })),
        description: "Each entry: stack names (`*` matches any characters) and, per kind, the deletionPolicy values forbidden there.",
        items: {
          type: "object",
          required: ["stacks"],
          additionalProperties: false,
          properties: {
            stacks: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
            ...Object.fromEntries(
              Object.entries(BEHAVIOURS).map(([key, { values }]) => [key, { type: "array", items: { type: "string", enum: [...values] } }]),
            ),
          },
        },
      },
    },
  },
  parseConfig: (raw) => ({ forbidden: (raw.forbidden as ForbiddenDeletions[] | undefined) ?? DEFAULT_FORBIDDEN_DELETIONS }),
  checkResource(resource, config) {
    const key = (Object.keys(BEHAVIOURS) as KindKey[]).find((k) => BEHAVIOURS[k].kind === resource.kind);
    const behaviour = resource.props.deletionPolicy;
    // Unknown at preview, or not declared (a `.get` read): nothing to judge.
    if (!key || typeof behaviour !== "string") return [];
    const violations: Violation[] = [];
    for (const entry of config.forbidden) {
      const forbidden = entry[key] ?? [];
      if (!forbidden.includes(behaviour) || !entry.stacks.some((pattern) => stackMatches(pattern, resource.stack))) continue;
      const allowed = BEHAVIOURS[key].values.filter((value) => !forbidden.includes(value));
      violations.push({
        message:
          `${subjectOf(resource)} declares deletionPolicy "${behaviour}", which stack "${resource.stack}" forbids` +
          `${allowed.length > 0 ? `; declare ${allowed.map((value) => `"${value}"`).join(" or ")}` : ""}.`,
      });
      break;
    }
    return violations;
  },
};

/**
 * Whether a stack name matches a pattern, where `*` matches any characters (`prod-*`).
 * @param pattern - from the config
 * @param stack - the stack's name
 */
export function stackMatches(pattern: string, stack: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(stack);
}
