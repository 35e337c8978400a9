/**
 * `naming`: a pattern per kind; a name not known at preview is not judged; a pattern that does not
 * compile is refused with the config key named.
 */
import { describe, expect, it } from "vitest";
import { PolicyPackConfigError } from "../../provider/core/errors";
import { UNKNOWN } from "../../provider/policypack/resources";
import { naming } from "../../provider/policypack/rules/naming";
import { aDepartment, aMember, aPolicy } from "./fixtures/resources";

const config = naming.parseConfig({ members: "^[a-z][a-z0-9-]*$", departments: "^[A-Z][A-Za-z]*$" });
const messagesOf = (resource: ReturnType<typeof aMember>) => naming.checkResource!(resource, config).map((v) => v.message);

describe("naming", () => {
  it.each([
    ["a member", aMember({ name: "ci-bot" }), []],
    [
      "a member",
      aMember({ name: "CI_Bot" }),
      ['member "CI_Bot" (OrganizationMember "ci"): the name does not match the member naming pattern ^[a-z][a-z0-9-]*$.'],
    ],
    ["a department", aDepartment({ name: "Lab" }), []],
    [
      "a department",
      aDepartment({ name: "lab-team" }),
      ['department "lab-team" (OrganizationNode "lab"): the name does not match the department naming pattern ^[A-Z][A-Za-z]*$.'],
    ],
    ["a member whose name is not known yet", aMember({ name: UNKNOWN }), []],
    ["a policy, with no policy pattern configured", aPolicy({ name: "Anything Goes" }), []],
  ])("%s: %o", (_, resource, expected) => {
    expect(messagesOf(resource)).toEqual(expected);
  });

  it("refuses a pattern that is not a JavaScript regular expression, naming where it is", () => {
    expect(() => naming.parseConfig({ policies: "([a-z]" })).toThrow(PolicyPackConfigError);
    expect(() => naming.parseConfig({ policies: "([a-z]" })).toThrow(
      /policy config "naming\.policies": "\(\[a-z\]" is not a JavaScript regular expression/,
    );
  });
});
