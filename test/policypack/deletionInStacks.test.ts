/**
 * `deletion-in-stacks`: forbidden deletion behaviours per stack (by default deleteAccount in prod
 * and production); a behaviour not known at preview is not judged.
 */
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/policypack/resources";
import { deletionInStacks, stackMatches } from "../../provider/policypack/rules/deletionInStacks";
import { aDepartment, aMember, resourceOf } from "./fixtures/resources";

const byDefault = deletionInStacks.parseConfig({});
const messagesOf = (resource: ReturnType<typeof aMember>, config = byDefault) =>
  deletionInStacks.checkResource!(resource, config).map((v) => v.message);

describe("deletion-in-stacks", () => {
  it.each([
    [
      "prod",
      "deleteAccount",
      [
        'member "ci-bot" (OrganizationMember "ci") declares deletionPolicy "deleteAccount", which stack "prod" forbids; declare "retain" or "removeFromOrganization".',
      ],
    ],
    [
      "production",
      "deleteAccount",
      [
        'member "ci-bot" (OrganizationMember "ci") declares deletionPolicy "deleteAccount", which stack "production" forbids; declare "retain" or "removeFromOrganization".',
      ],
    ],
    ["dev", "deleteAccount", []],
    ["prod", "retain", []],
    ["prod", UNKNOWN, []],
  ])("by default, in stack %s a member declaring %s", (stack, deletionPolicy, expected) => {
    expect(messagesOf(aMember({ deletionPolicy }, { stack }))).toEqual(expected);
  });

  it("forbids what the config names, per kind, in stacks matching a pattern", () => {
    const config = deletionInStacks.parseConfig({
      forbidden: [{ stacks: ["prod-*"], departments: ["delete"], members: ["deleteAccount", "removeFromOrganization"] }],
    });
    expect(messagesOf(aDepartment({ deletionPolicy: "delete" }, { stack: "prod-eu" }), config)).toEqual([
      'department "Lab" (OrganizationNode "lab") declares deletionPolicy "delete", which stack "prod-eu" forbids; declare "retain".',
    ]);
    expect(messagesOf(aMember({ deletionPolicy: "removeFromOrganization" }, { stack: "prod-eu" }), config)).toHaveLength(1);
    expect(messagesOf(aMember({ deletionPolicy: "deleteAccount" }, { stack: "prod" }), config)).toEqual([]);
  });

  it("covers policies, attachments and policy types too", () => {
    const config = deletionInStacks.parseConfig({
      forbidden: [{ stacks: ["prod"], policies: ["delete"], attachments: ["detach"], policyTypes: ["disable"] }],
    });
    for (const [className, deletionPolicy] of [
      ["OrganizationPolicy", "delete"],
      ["OrganizationPolicyAttachment", "detach"],
      ["OrganizationPolicyType", "disable"],
    ]) {
      expect(messagesOf(resourceOf(className, { name: "x", deletionPolicy }, { stack: "prod" }), config)).toHaveLength(1);
    }
  });

  it.each([
    ["prod", "prod", true],
    ["prod", "prod2", false],
    ["prod-*", "prod-eu", true],
    ["*-prod", "eu-prod", true],
    ["prod.eu", "prodxeu", false],
    ["*", "anything", true],
  ])("the stack pattern %s matches %s: %s", (pattern, stack, matches) => {
    expect(stackMatches(pattern, stack)).toBe(matches);
  });
});
