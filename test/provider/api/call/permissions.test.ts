/**
 * The least-privilege CAM policy: docs/installation-configuration.md ("CAM policy") prints exactly
 * what provider/api/call/permissions.ts derives, the provider calls exactly the actions listed
 * there, each policy is enough for a whole lifecycle against an emulator enforcing it, and a
 * missing action fails at once with an error naming the action and the policy line to add. (The
 * same through the real engine: test/e2e/cam.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { codesWith, hintFor, reactionTo } from "../../../../provider/api/call/codes";
import { classifyFailure } from "../../../../provider/api/call/failure";
import { treatmentOf } from "../../../../provider/api/call/retry";
import { type Action, SERVICE_OF } from "../../../../provider/api/call/actions";
import {
  actionsFor,
  camPolicy,
  camPolicyText,
  deniedAction,
  permissionsTable,
  policyLine,
  RESOURCE_PERMISSIONS,
  type CamAction,
} from "../../../../provider/api/call/permissions";
import { TencentApiError } from "../../../../provider/core/errors";
import { DELETION_POLICIES, type DeletionPolicy } from "../../../../provider/member/types";
import { DEFAULT_SECRET_ID, ENGINEERING_NODE_ID as ENGINEERING, FINANCE_NODE_ID as FINANCE } from "../../../emulator";
import { checked, startProviderHarness, type ProviderHarness } from "../../support/harness";

const REPO_ROOT = join(__dirname, "..", "..", "..", "..");
/** The page that prints the CAM policies (the README links to it). */
const README = readFileSync(join(REPO_ROOT, "docs", "installation-configuration.md"), "utf8");

/** The JSON block the page prints after `<!-- cam-policy:<policy> -->`. */
function readmePolicy(policy: DeletionPolicy): string | undefined {
  const marker = `<!-- cam-policy:${policy} -->`;
  const at = README.indexOf(marker);
  if (at < 0) return undefined;
  return /^\s*```json\n([\s\S]*?)\n```/.exec(README.slice(at + marker.length))?.[1];
}

/** Every `api.call("Action"` in the provider's sources, as `service:Action` (the service from the typed action map). */
function actionsCalledInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (entry === "dist" || entry === "node_modules") continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith(".ts")) {
        const text = readFileSync(path, "utf8");
        for (const m of text.matchAll(/\.call\(\s*"(\w+)"/g)) found.add(`${SERVICE_OF[m[1] as Action] ?? "unknown"}:${m[1]}`);
      }
    }
  };
  walk(join(REPO_ROOT, "provider"));
  return found;
}

const ALL_ACTIONS = new Set(Object.values(RESOURCE_PERMISSIONS).flatMap((uses) => uses.map((u) => u.action as string)));

describe("the least-privilege CAM policy is one table", () => {
  it.each(DELETION_POLICIES)("docs/installation-configuration.md prints the %s policy exactly as permissions.ts derives it", (policy) => {
    expect(
      readmePolicy(policy),
      `docs/installation-configuration.md block after <!-- cam-policy:${policy} --> should be:\n${camPolicyText(policy)}`,
    ).toBe(camPolicyText(policy));
  });

  it("the table of actions in docs/installation-configuration.md is the module's", () => {
    expect(README).toContain(permissionsTable());
  });

  it("the provider calls exactly the actions the table lists (a new call needs a new row, an unused row goes)", () => {
    expect([...actionsCalledInSource()].sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it("selects the actions of given resources", () => {
    expect(actionsFor("deleteAccount", ["OrganizationMember"])).toEqual(
      RESOURCE_PERMISSIONS.OrganizationMember.filter(
        (u) => !("deletionPolicies" in u) || (u.deletionPolicies as readonly string[]).includes("deleteAccount"),
      ).map((u) => u.action),
    );
    expect(actionsFor("retain", [])).toEqual([]);
  });

  it("each deletion policy adds only its own delete actions to what every stack needs", () => {
    const base = actionsFor("retain");
    const sorted = (actions: readonly string[]) => [...actions].sort();
    expect(sorted(actionsFor("removeFromOrganization"))).toEqual(sorted([...base, "organization:DeleteOrganizationMembers"]));
    // deleteAccount asks CheckAccountDelete before DeleteAccount (every reason at once).
    expect(sorted(actionsFor("deleteAccount"))).toEqual(sorted([...base, "organization:CheckAccountDelete", "organization:DeleteAccount"]));
    for (const policy of DELETION_POLICIES) {
      for (const action of actionsFor(policy)) expect(action).toMatch(/^(organization|tag):[A-Z][A-Za-z]+$/);
      expect(camPolicy(policy)).toEqual({ version: "2.0", statement: [{ effect: "allow", action: actionsFor(policy), resource: ["*"] }] });
    }
  });

  it("the policy line an error asks for is a line of the printed policy", () => {
    for (const policy of DELETION_POLICIES) {
      // The last action of the list carries no comma; every other line is the policy line verbatim.
      const lines = camPolicyText(policy)
        .split("\n")
        .map((l) => l.trim().replace(/,$/, ""));
      for (const action of actionsFor(policy)) expect(lines).toContain(policyLine(action).replace(/,$/, ""));
    }
    expect(policyLine("organization:DeleteAccount")).toBe('"organization:DeleteAccount",');
  });
});

describe("UnauthorizedOperation", () => {
  it("is a common code, final: never retried, whatever the action", () => {
    for (const code of ["UnauthorizedOperation", "AuthFailure.UnauthorizedOperation"]) {
      expect(codesWith("unauthorized").has(code)).toBe(true);
      expect(reactionTo(code, "DeleteAccount")).toBe("unauthorized");
      expect(treatmentOf(classifyFailure({ code, message: "no" }))).toBe("final");
    }
  });

  it("names the action Tencent's message names, else the action called", () => {
    expect(
      deniedAction(
        "organization",
        "CreateOrganizationMember",
        "you are not authorized to perform operation (tag:TagResources)\nresource (qcs::…) has no permission",
      ),
    ).toBe("tag:TagResources");
    expect(deniedAction("tag", "ModifyResourceTags", "not authorized")).toBe("tag:ModifyResourceTags");
    expect(hintFor("UnauthorizedOperation", { service: "organization", action: "DeleteAccount" })).toMatch(/"organization:DeleteAccount",/);
    expect(hintFor("AuthFailure.UnauthorizedOperation", { service: "tag", action: "ModifyResourceTags" })).toMatch(
      /"tag:ModifyResourceTags",/,
    );
  });
});

describe("through the lifecycle, against an emulator enforcing the policy", () => {
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await startProviderHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.fresh());

  const allow = (actions: readonly string[]) => h.emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, [...actions]);
  const refusals = () => h.emulator.admin.requestLog().filter((e) => e.errorCode === "UnauthorizedOperation");
  const member = (extra: Record<string, unknown> = {}) =>
    checked({
      name: "cam-alice",
      permissionIds: [1, 2, 4],
      nodeId: ENGINEERING,
      remark: "platform",
      tags: { team: "platform" },
      identityRoleIds: [1, 2],
      ownerMarker: "proj/dev/cam-alice",
      ...extra,
    });
  const CHANGED = {
    name: "cam-alice-2",
    remark: "data",
    permissionIds: [1, 2, 7],
    payUin: "100000000001",
    nodeId: FINANCE,
    tags: { team: "data" },
    identityRoleIds: [2, 3],
  };

  it.each(["retain", "deleteAccount"] as const)(
    "%s: create, update of every field group, read, delete need nothing else",
    async (policy) => {
      allow(actionsFor(policy));
      const { id, outs } = await h.provider.create(member({ deletionPolicy: policy }));
      const updated = (await h.provider.update(id, outs, member({ ...CHANGED, deletionPolicy: policy }))).outs;
      expect(updated).toMatchObject({
        name: "cam-alice-2",
        nodeId: FINANCE,
        tags: { team: "data" },
        identityRoleIds: [2, 3],
        payUin: "100000000001",
      });
      expect((await h.provider.read(id, updated)).id).toBe(id);
      await h.provider.delete(id, updated);
      expect(h.emulator.admin.members()).toHaveLength(policy === "retain" ? 1 : 0);
      expect(refusals()).toEqual([]);
    },
  );

  it("removeFromOrganization: adopting, updating and removing an invited member need nothing else", async () => {
    allow(actionsFor("removeFromOrganization"));
    const uin = h.emulator.admin.inviteMember({ name: "cam-bob", nodeId: ENGINEERING, permissionIds: [1, 2] });
    const declared = {
      name: "cam-bob",
      permissionIds: [1, 2],
      nodeId: FINANCE,
      adoptMemberUin: uin,
      deletionPolicy: "removeFromOrganization",
      tags: { team: "ops" },
    };
    const { id, outs } = await h.provider.create(checked(declared));
    const updated = (
      await h.provider.update(id, outs, checked({ ...declared, isAllowQuit: true, remark: "leaving", identityRoleIds: [1] }))
    ).outs;
    await h.provider.read(id, updated);
    await h.provider.delete(id, updated);
    expect(h.emulator.admin.members()).toHaveLength(0);
    expect(refusals()).toEqual([]);
  });

  it("a missing delete action fails at once, naming the action and the policy line to add; the member stays", async () => {
    allow(actionsFor("deleteAccount").filter((a) => a !== "organization:DeleteAccount"));
    const { id, outs } = await h.provider.create(member({ deletionPolicy: "deleteAccount" }));
    h.resetCounts();
    const error = await h.provider.delete(id, outs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TencentApiError);
    expect(error).toMatchObject({ code: "UnauthorizedOperation", action: "DeleteAccount", attempts: 1 });
    expect((error as Error).message).toContain("organization:DeleteAccount");
    expect((error as Error).message).toContain(`add the line "organization:DeleteAccount", to the "action" list`);
    expect(h.counts().DeleteAccount).toBe(1);
    expect(h.emulator.admin.members()).toHaveLength(1);
  });

  it.each([
    ["tag:ModifyResourceTags", { tags: { team: "data" } }],
    ["organization:MoveOrganizationNodeMembers", { nodeId: FINANCE }],
    ["organization:UpdateOrganizationMember", { remark: "data" }],
    ["organization:CreateOrganizationMemberAuthIdentity", { identityRoleIds: [1, 2, 3] }],
    ["organization:DeleteOrganizationMemberAuthIdentity", { identityRoleIds: [1] }],
  ] as [CamAction, Record<string, unknown>][])(
    "an update without %s fails once, naming it and its policy line",
    async (missing, change) => {
      allow(actionsFor("retain").filter((a) => a !== missing));
      const { id, outs } = await h.provider.create(member());
      const error = await h.provider.update(id, outs, member(change)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "UnauthorizedOperation", attempts: 1 });
      expect((error as Error).message).toContain(`add the line ${policyLine(missing)} to the "action" list`);
      expect(refusals()).toHaveLength(1);
    },
  );

  it("a create without CreateOrganizationMember creates nothing and says what to add", async () => {
    allow(actionsFor("retain").filter((a) => a !== "organization:CreateOrganizationMember"));
    await expect(h.provider.create(member())).rejects.toThrow(/add the line "organization:CreateOrganizationMember", to the "action" list/);
    expect(h.emulator.admin.members()).toHaveLength(0);
    expect(refusals()).toHaveLength(1);
  });
});
