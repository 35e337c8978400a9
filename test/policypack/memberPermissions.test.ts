/**
 * `member-permissions`: forbidden permissions, and permissions that need a tag; values not known
 * at preview are not judged.
 */
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/policypack/resources";
import { memberPermissions } from "../../provider/policypack/rules/memberPermissions";
import { aDepartment, aMember } from "./fixtures/resources";

const config = memberPermissions.parseConfig({
  forbidden: [3, 10],
  needTag: [
    { permissionId: 7, tagKey: "payer", tagValues: ["approved"] },
    { permissionId: 8, tagKey: "finops" },
  ],
});
const messagesOf = (props: Record<string, unknown>) => memberPermissions.checkResource!(aMember(props), config).map((v) => v.message);
const SUBJECT = 'member "ci-bot" (OrganizationMember "ci")';

describe("member-permissions", () => {
  it.each([
    ["only allowed permissions", { permissionIds: [1, 2, 4] }, []],
    ["a forbidden permission", { permissionIds: [1, 2, 10] }, [`${SUBJECT} holds permission 10, which this organization forbids.`]],
    [
      "a permission without the tag it needs",
      { permissionIds: [1, 2, 7] },
      [`${SUBJECT} holds permission 7, which needs the tag payer=approved; it has none.`],
    ],
    [
      "a permission with the wrong tag value",
      { permissionIds: [1, 2, 7], tags: { payer: "pending" } },
      [`${SUBJECT} holds permission 7, which needs the tag payer=approved; it has payer=pending.`],
    ],
    ["a permission with its tag", { permissionIds: [1, 2, 7], tags: { payer: "approved" } }, []],
    ["a permission whose tag may have any value", { permissionIds: [1, 2, 8], tags: { finops: "yes" } }, []],
    [
      "a permission whose tag with any value is missing",
      { permissionIds: [1, 2, 8] },
      [`${SUBJECT} holds permission 8, which needs the tag "finops"; it has none.`],
    ],
    ["permissions not known yet", { permissionIds: UNKNOWN }, []],
    ["one permission not known yet", { permissionIds: [1, 2, UNKNOWN] }, []],
    [
      "tags not known yet (forbidden ones still judged)",
      { permissionIds: [3, 7], tags: UNKNOWN },
      [`${SUBJECT} holds permission 3, which this organization forbids.`],
    ],
    ["the needed tag's value not known yet", { permissionIds: [7], tags: { payer: UNKNOWN } }, []],
  ])("a member with %s", (_, props, expected) => {
    expect(messagesOf(props)).toEqual(expected);
  });

  it("governs members only, and nothing when unconfigured", () => {
    expect(memberPermissions.checkResource!(aDepartment(), config)).toEqual([]);
    expect(memberPermissions.checkResource!(aMember({ permissionIds: [1, 2, 10] }), memberPermissions.parseConfig({}))).toEqual([]);
  });
});
