/**
 * `getOrganizationMember`: look a member up from a program (by UIN or name) without managing it.
 * Runs in the program's process with the same settings as the provider (stack config, then
 * environment, then profile file).
 */
import { fromConfig } from "../kit/lifecycle";
import { programConfig, requireOneWay } from "../kit/lookup";
import { MemberLifecycle } from "./lifecycle";
import type { MemberOutputs } from "./types";

/** How to name the member: exactly one of `memberUin` and `name`. */
export interface GetOrganizationMemberArgs {
  memberUin?: number;
  name?: string;
}

/** The member, or undefined when none matches. */
export async function getOrganizationMember(args: GetOrganizationMemberArgs): Promise<MemberOutputs | undefined> {
  requireOneWay("getOrganizationMember", args, [["memberUin"], ["name"]]);
  return new MemberLifecycle(fromConfig(programConfig())).lookup(args);
}
