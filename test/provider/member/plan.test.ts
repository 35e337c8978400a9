import { describe, expect, it } from "vitest";
import { ownerTagKey } from "../../../provider/core/ownership";
import { memberOwnerMarker } from "../../../provider/member/ownership";
import { isEmptyPlan, planUpdate, type UpdatePlan } from "../../../provider/member/plan";
import type { MemberInputs } from "../../../provider/member/types";
import { fullInputs, fullOutputs } from "../support/fixtures";

describe("an update makes only the calls the changed fields need", () => {
  const cases: [string, Partial<MemberInputs>, UpdatePlan][] = [
    ["nothing changed: no call", {}, {}],
    ["a rename: one UpdateOrganizationMember with the name only", { name: "bob" }, { updateMember: { name: "bob" } }],
    [
      "new permissions: policy type and permissions together, as the API requires",
      { permissionIds: [1, 2, 9] },
      { updateMember: { policyType: "Financial", permissionIds: [1, 2, 9] } },
    ],
    ["a cleared remark: the remark sent empty", { remark: undefined }, { updateMember: { remark: "" } }],
    ["quit allowed: isAllowQuit sent", { isAllowQuit: true }, { updateMember: { isAllowQuit: true } }],
    ["a new payer: payUin sent", { payUin: "100000100001" }, { updateMember: { payUin: "100000100001" } }],
    ["a new department: one move", { nodeId: 100003 }, { moveToNodeId: 100003 }],
    [
      "one tag changed, one added, one removed: one ModifyResourceTags",
      { tags: { env: "dev", owner: "bob" } },
      {
        tags: {
          replace: { env: "dev", owner: "bob" },
          remove: ["team"],
        },
      },
    ],
    ["identities 1,2 → 2,3: grant 3, revoke 1", { identityRoleIds: [2, 3] }, { identities: { add: [3], remove: [1] } }],
    ["only the deletion policy: no call", { deletionPolicy: "deleteAccount" }, {}],
    ["rename and move together: two calls", { name: "bob", nodeId: 100002 }, { updateMember: { name: "bob" }, moveToNodeId: 100002 }],
  ];

  it.each(cases)("%s", (_title, change, expected) => {
    const plan = planUpdate(fullOutputs, { ...fullInputs, ...change });
    expect(plan).toEqual(expected);
    expect(isEmptyPlan(plan)).toBe(Object.keys(expected).length === 0);
  });
});

describe("an update around what Tencent holds back", () => {
  it("sends nothing for permissions that already await the member's confirmation", () => {
    const waiting = { ...fullOutputs, permissionIds: [1, 2], pendingPermissionIds: [1, 2, 8] };
    expect(planUpdate(waiting, { ...fullInputs, permissionIds: [1, 2, 8] })).toEqual({});
  });

  it("writes the state's ownership marker again when the member lost it, alongside the user's tag changes", () => {
    const marker = memberOwnerMarker(fullOutputs)!;
    const lost = { ...fullOutputs, ownerTags: {} };
    const restoredMarker = { [ownerTagKey(marker)]: marker };
    expect(planUpdate(lost, fullInputs)).toEqual({ tags: { replace: restoredMarker, remove: [] }, restoredMarker });
    expect(planUpdate(lost, { ...fullInputs, tags: { env: "dev" } })).toEqual({
      tags: { replace: { env: "dev", ...restoredMarker }, remove: ["team"] },
      restoredMarker,
    });
  });

  it("an account renamed to the member's name: the name copied to the nickname, the marker of the new name replacing the old", () => {
    const current = { ...fullOutputs, accountName: "alice-acct" };
    const oldMarker = memberOwnerMarker(current)!;
    const newMarker = memberOwnerMarker(fullInputs)!;
    const plan = planUpdate(current, fullInputs);
    expect(plan.updateMember).toEqual({ name: "alice", copyNameToNickname: true });
    expect(plan.tags?.replace).toEqual({ [ownerTagKey(newMarker)]: newMarker });
    expect(plan.tags?.remove).toEqual(ownerTagKey(oldMarker) === ownerTagKey(newMarker) ? [] : [ownerTagKey(oldMarker)]);
  });
});
