/**
 * The least-privilege CAM policies of docs/installation-configuration.md, through the real
 * engine: for each deletion policy the emulator lets the stack's key call exactly the actions of
 * that policy (provider/api/call/permissions.ts, which that page is checked against), and a whole lifecycle —
 * create with tags and identities, an update of every field group, refresh, destroy — succeeds
 * with the calls made being exactly those actions. A missing action fails `up` with an error
 * naming it and the policy line to add, and the next `up` with the action granted finishes the job.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsFor, policyLine } from "../../provider/api/call/permissions";
import type { DeletionPolicy } from "../../provider/member/types";
import { DEFAULT_SECRET_ID } from "../emulator";
import { engineFailureOf, membersByName, startEngineHarness, type EngineHarness } from "./harness";

const PROGRAM = "test/e2e/programs/members.ts";
const ENGINEERING = 100001;
const FINANCE = 100002;
const ADMIN_PAYER = "100000000001";

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("cam");
});
afterAll(async () => h?.close());

/** Lets the stack's key call only `actions` (the emulator answers UnauthorizedOperation to anything else). */
const allow = (actions: readonly string[]) => h.emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, [...actions]);

/** The CAM actions called since the log was last cleared, and the calls CAM refused. */
function calls(): { actions: string[]; refused: string[] } {
  const log = h.emulator.admin.requestLog().filter((e) => e.secretId === DEFAULT_SECRET_ID);
  const cam = (e: { action: string; version: string }) => `${e.version === "2018-08-13" ? "tag" : "organization"}:${e.action}`;
  return {
    actions: [...new Set(log.map(cam))].sort(),
    refused: log.filter((e) => e.errorCode === "UnauthorizedOperation").map(cam),
  };
}

/** A created member, as first declared and after a change of every field group. */
const made = (deletionPolicy: DeletionPolicy) => ({
  first: {
    name: "cam-made",
    permissionIds: [1, 2, 4],
    nodeId: ENGINEERING,
    remark: "platform",
    tags: { team: "platform" },
    identityRoleIds: [1, 2],
    deletionPolicy,
  },
  changed: {
    name: "cam-made-2", // UpdateOrganizationMember: name, remark, permissions and payer
    remark: "data",
    permissionIds: [1, 2, 7],
    payUin: ADMIN_PAYER,
    nodeId: FINANCE, // MoveOrganizationNodeMembers
    tags: { team: "data", env: "prod" }, // ModifyResourceTags
    identityRoleIds: [2, 3], // CreateOrganizationMemberAuthIdentity + DeleteOrganizationMemberAuthIdentity
    deletionPolicy,
  },
});

/** An invited member adopted by the stack (only invited members can be removed from the organization). */
const adopted = (memberUin: number) => ({
  first: {
    name: "cam-guest",
    permissionIds: [1, 2],
    nodeId: ENGINEERING,
    adoptMemberUin: memberUin,
    tags: { team: "guests" },
    deletionPolicy: "removeFromOrganization",
  },
  changed: {
    name: "cam-guest",
    permissionIds: [1, 2],
    nodeId: FINANCE,
    adoptMemberUin: memberUin,
    remark: "visiting",
    isAllowQuit: true,
    tags: { team: "guests", env: "dev" },
    identityRoleIds: [1],
    deletionPolicy: "removeFromOrganization",
  },
});

describe.sequential("the documented CAM policies carry a whole lifecycle through the engine", () => {
  it.each(["retain", "removeFromOrganization", "deleteAccount"] as const)(
    "deletionPolicy %s: create, update of every field group, refresh and destroy call exactly the policy's actions",
    async (policy) => {
      h.emulator.admin.reset(); // also clears the request log
      // The stack of removeFromOrganization also creates a (retained) member: its policy must carry creation too.
      const guestUin =
        policy === "removeFromOrganization"
          ? h.emulator.admin.inviteMember({ name: "cam-guest", nodeId: ENGINEERING, permissionIds: [1, 2] })
          : undefined;
      allow(actionsFor(policy));
      const member = made(policy === "removeFromOrganization" ? "retain" : policy);
      const guest = guestUin === undefined ? undefined : adopted(guestUin);
      const declare = (which: "first" | "changed") => JSON.stringify({ made: member[which], ...(guest ? { guest: guest[which] } : {}) });
      const count = guest ? 2 : 1;

      const stack = await h.open(PROGRAM, { stackName: policy, config: { members: declare("first") } });
      expect((await stack.up()).summary.resourceChanges).toEqual({ create: count + 1 });
      expect(membersByName(h.emulator).get("cam-made")).toMatchObject({ nodeId: ENGINEERING, identityIds: [1, 2] });

      await stack.setConfig("members", declare("changed"));
      expect((await stack.up()).summary.resourceChanges).toEqual({ update: count, same: 1 });
      expect(membersByName(h.emulator).get("cam-made-2")).toMatchObject({
        nodeId: FINANCE,
        permissionIds: [1, 2, 7],
        payUin: ADMIN_PAYER,
        identityIds: [2, 3],
        remark: "data",
      });

      const refresh = await stack.refresh();
      expect(refresh.summary.result).toBe("succeeded");
      await stack.destroy();

      const left = [...membersByName(h.emulator).keys()].sort();
      expect(left).toEqual(policy === "deleteAccount" ? [] : ["cam-made-2"]);
      // Exactly the member's actions of the policy: each is needed, none is missing.
      expect(calls()).toEqual({ actions: [...actionsFor(policy, ["OrganizationMember"])].sort(), refused: [] });
    },
  );
});

describe.sequential("governance under the documented CAM policy", () => {
  // (A missing action fails the same way for every resource: "a missing action" below.)
  it("policy types, policies and attachments: create, update, refresh and destroy call only the policy's actions", async () => {
    h.emulator.admin.reset();
    allow(actionsFor("retain"));
    const stack = await h.open("test/e2e/programs/governance.ts", { stackName: "governance" });
    // Two types, two policies, two attachments, a department, the stack.
    expect((await stack.up()).summary.resourceChanges).toEqual({ create: 8 });
    await stack.setConfig("denyActions", "cvm:RunInstances,cvm:ResetInstance");
    expect((await stack.up()).summary.resourceChanges).toEqual({ update: 1, same: 7 });
    expect((await stack.refresh()).summary.result).toBe("succeeded");
    await stack.destroy();
    const { actions, refused } = calls();
    expect(refused).toEqual([]);
    // Every governance action of the table a stack like this needs was called, and nothing outside the table.
    const governance = actionsFor("retain", [
      "OrganizationPolicy",
      "OrganizationPolicyAttachment",
      "OrganizationPolicyType",
      "OrganizationNode",
    ]);
    expect(actions.filter((a) => !governance.includes(a as (typeof governance)[number]))).toEqual([]);
    for (const needed of [
      "organization:DescribeOrganization",
      "organization:DescribePolicyConfig",
      "organization:EnablePolicyType",
      "organization:CreatePolicy",
      "organization:DescribePolicy",
      "organization:UpdatePolicy",
      "organization:DeletePolicy",
      "organization:AttachPolicy",
      "organization:DetachPolicy",
      "organization:ListTargetsForPolicy",
    ]) {
      expect(actions, needed).toContain(needed);
    }
  });
});

describe.sequential("a missing action", () => {
  it("fails the step with UnauthorizedOperation naming the action and the policy line to add; granted, the next up finishes", async () => {
    h.emulator.admin.reset();
    allow(actionsFor("retain").filter((a) => a !== "tag:ModifyResourceTags"));
    const member = made("retain");
    const stack = await h.open(PROGRAM, { stackName: "missing", config: { members: JSON.stringify({ made: member.first }) } });
    await stack.up(); // creation tags the member in the same call: no tag action needed yet

    await stack.setConfig("members", JSON.stringify({ made: { ...member.first, tags: { team: "data" } } }));
    const output = await engineFailureOf(stack.up());
    expect(output).toContain("ModifyResourceTags failed with UnauthorizedOperation");
    expect(output).toContain(`add the line ${policyLine("tag:ModifyResourceTags")} to the "action" list`);
    // Final, not retried: one refused call.
    expect(calls().refused).toEqual(["tag:ModifyResourceTags"]);

    allow(actionsFor("retain"));
    expect((await stack.up()).summary.resourceChanges).toEqual({ update: 1, same: 1 });
    expect(membersByName(h.emulator).get("cam-made")?.tags).toEqual(expect.arrayContaining([{ TagKey: "team", TagValue: "data" }]));
    await stack.destroy();
  });
});
