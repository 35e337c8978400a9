/**
 * Declares the members of config `members` (a JSON object: resource name → OrganizationMember
 * arguments) and nothing else, for test/e2e/cam.test.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { OrganizationMember, type OrganizationMemberArgs } from "pulumi-tencentcloud-organization";

export = async () => {
  const members = new pulumi.Config().requireObject<Record<string, OrganizationMemberArgs>>("members");
  const uins: Record<string, pulumi.Output<number>> = {};
  for (const [name, args] of Object.entries(members)) uins[name] = new OrganizationMember(name, args).memberUin;
  return { uins };
};
