/**
 * `naming`: the names of members, departments and policies (their `name` in Tencent) match the
 * organization's pattern.
 */
import { PolicyPackConfigError } from "../../core/errors/PolicyPackConfigError";
import { subjectOf } from "../resources";
import type { OrganizationRule } from "./rule";

/** The kinds that have a pattern, by config key. */
const NAMED_KINDS = { members: "member", departments: "department", policies: "policy" } as const;

/** Config of `naming`: a JavaScript regular expression per kind, compiled. */
export interface NamingConfig {
  /** @default none (any name) */
  members?: RegExp;
  /** @default none (any name) */
  departments?: RegExp;
  /** @default none (any name) */
  policies?: RegExp;
}

/** The rule. */
export const naming: OrganizationRule<NamingConfig> = {
  name: "naming",
  description: "Member, department and policy names match the organization's naming pattern.",
  configSchema: {
    properties: Object.fromEntries(
      Object.entries(NAMED_KINDS).map(([key, kind]) => [
        key,
        {
          type: "string",
          minLength: 1,
          description: `A JavaScript regular expression every ${kind} name must match (anchor it with ^…$).`,
        },
      ]),
    ),
  },
  parseConfig(raw) {
    const config: NamingConfig = {};
    for (const key of Object.keys(NAMED_KINDS) as (keyof typeof NAMED_KINDS)[]) {
      const source = raw[key];
      if (typeof source !== "string") continue;
      try {
        config[key] = new RegExp(source, "u");
      } catch (error) {
        throw new PolicyPackConfigError(
          "naming",
          key,
          `${JSON.stringify(source)} is not a JavaScript regular expression (${(error as Error).message})`,
        );
      }
    }
    return config;
  },
  checkResource(resource, config) {
    const key = (Object.keys(NAMED_KINDS) as (keyof typeof NAMED_KINDS)[]).find((k) => NAMED_KINDS[k] === resource.kind);
    const pattern = key && config[key];
    const name = resource.props.name;
    // Unknown at preview, or not declared (a `.get` read): nothing to judge.
    if (!pattern || typeof name !== "string" || pattern.test(name)) return [];
    return [{ message: `${subjectOf(resource)}: the name does not match the ${resource.kind} naming pattern ${pattern.source}.` }];
  },
};
