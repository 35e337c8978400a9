import { describe, expect, it } from "vitest";
import { isEmptyPlan, planUpdate, type UpdatePlan } from "../../provider/plan";
import type { MemberInputs } from "../../provider/types";
import { fullInputs, fullOutputs } from "./fixtures";

describe("an update makes only the calls the changed fields need", () => {
  const cases: [string, Partial<MemberInputs>, UpdatePlan][] = [
    ["nothing changed: no call", {}, {}],
    ["a rename: one UpdateOrganizationMember with Name only", { name: "bob" }, { updateMember: { Name: "bob" } }],
    [
      "new permissions: PolicyType and PermissionIds together, as the API requires",
      { permissionIds: [1, 2, 9] },
      { updateMember: { PolicyType: "Financial", PermissionIds: [1, 2, 9] } },
    ],
    ["a cleared remark: Remark sent empty", { remark: undefined }, { updateMember: { Remark: "" } }],
    ["quit allowed: IsAllowQuit Allow", { isAllowQuit: true }, { updateMember: { IsAllowQuit: "Allow" } }],
    ["a new payer: PayUin", { payUin: "100000100001" }, { updateMember: { PayUin: "100000100001" } }],
    ["a new department: one move", { nodeId: 100003 }, { moveToNodeId: 100003 }],
    [
      "one tag changed, one added, one removed: one ModifyResourceTags",
      { tags: { env: "dev", owner: "bob" } },
      {
        tags: {
          replace: [
            { TagKey: "env", TagValue: "dev" },
            { TagKey: "owner", TagValue: "bob" },
          ],
          remove: ["team"],
        },
      },
    ],
    ["identities 1,2 → 2,3: grant 3, revoke 1", { identityRoleIds: [2, 3] }, { identities: { add: [3], remove: [1] } }],
    ["only the deletion policy: no call", { deletionPolicy: "deleteAccount" }, {}],
    [
      "rename and move together: two calls",
      { name: "bob", nodeId: 100002 },
      { updateMember: { Name: "bob" }, moveToNodeId: 100002 },
    ],
  ];

  it.each(cases)("%s", (_title, change, expected) => {
    const plan = planUpdate(fullOutputs, { ...fullInputs, ...change });
    expect(plan).toEqual(expected);
    expect(isEmptyPlan(plan)).toBe(Object.keys(expected).length === 0);
  });
});
