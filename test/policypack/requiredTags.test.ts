/**
 * `required-tags`: every required key, every allowed value; tags not known at preview are not judged.
 */
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/policypack/resources";
import { requiredTags } from "../../provider/policypack/rules/requiredTags";
import { aDepartment, aMember, aPolicy, resourceOf } from "./fixtures/resources";

const config = requiredTags.parseConfig({ members: { team: ["platform", "data"], owner: [] }, departments: { team: [] } });
const messagesOf = (resource: Parameters<NonNullable<typeof requiredTags.checkResource>>[0]) =>
  requiredTags.checkResource!(resource, config).map((v) => v.message);

describe("required-tags", () => {
  it.each([
    ["every key with an allowed value", { team: "data", owner: "alice" }, []],
    ["a missing key", { team: "data" }, ['member "ci-bot" (OrganizationMember "ci") has no tag "owner"; it is required.']],
    [
      "a value outside the allowed list",
      { team: "marketing", owner: "alice" },
      ['member "ci-bot" (OrganizationMember "ci") has the tag team=marketing, which is not allowed (allowed values: platform, data).'],
    ],
    [
      "no tags at all",
      undefined,
      [
        'member "ci-bot" (OrganizationMember "ci") has no tag "team"; it is required (allowed values: platform, data).',
        'member "ci-bot" (OrganizationMember "ci") has no tag "owner"; it is required.',
      ],
    ],
    ["tags not known yet", UNKNOWN, []],
    [
      "a value not known yet (the other key still judged)",
      { team: UNKNOWN },
      ['member "ci-bot" (OrganizationMember "ci") has no tag "owner"; it is required.'],
    ],
  ])("a member with %s", (_, tags, expected) => {
    expect(messagesOf(aMember(tags === undefined ? {} : { tags }))).toEqual(expected);
  });

  it("asks departments for their own keys", () => {
    expect(messagesOf(aDepartment({ tags: { owner: "x" } }))).toEqual([
      'department "Lab" (OrganizationNode "lab") has no tag "team"; it is required.',
    ]);
    expect(messagesOf(aDepartment({ tags: { team: "anything" } }))).toEqual([]);
  });

  it("names a member whose name is not known yet by its resource", () => {
    expect(messagesOf(aMember({ name: UNKNOWN, tags: { team: "data" } }))).toEqual([
      'member (name not known yet) (OrganizationMember "ci") has no tag "owner"; it is required.',
    ]);
  });

  it("leaves alone what it does not govern: policies, members read with .get, an unconfigured rule", () => {
    expect(messagesOf(aPolicy())).toEqual([]);
    expect(messagesOf(resourceOf("OrganizationMember", {}))).toEqual([]); // `.get`: no inputs
    expect(requiredTags.checkResource!(aMember(), requiredTags.parseConfig({}))).toEqual([]);
  });
});
