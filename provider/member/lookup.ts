/**
 * `getOrganizationMember`: look a member up from a program (by UIN or name) without managing it.
 * Runs in the program's process with the same settings as the provider (stack config, then
 * environment, then profile file).
 */
import * as pulumi from "@pulumi/pulumi";
import { MemberLifecycle } from "./lifecycle";
import type { MemberOutputs } from "./types";

/** Which member to find. */
export interface GetOrganizationMemberArgs {
  memberUin?: number;
  name?: string;
}

/** Resolves to the member's outputs, or undefined when no such member exists. */
export async function getOrganizationMember(args: GetOrganizationMemberArgs): Promise<MemberOutputs | undefined> {
  if ((args.memberUin === undefined) === (args.name === undefined)) {
    throw new Error("getOrganizationMember: give exactly one of memberUin and name");
  }
  const config = new pulumi.Config("tencentcloud");
  // Its own lifecycle: this runs in the program's process, not in the provider's.
  return MemberLifecycle.fromConfig((key) => config.get(key.replace(/^tencentcloud:/, ""))).lookup(args);
}
