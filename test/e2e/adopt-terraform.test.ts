/**
 * "Moving from Terraform" (docs/guides/adoption.md), verbatim, from the fixture state written from
 * the TencentCloud provider's schema (test/adopt/fixtures/terraform.tfstate: nested departments,
 * members under for_each and in a module): the emulator holds what the state says (a refreshed
 * state), the command writes the project without a call to Tencent, and the first `up` changes
 * nothing; the refreshed preview has no changes.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/engine";
import { inventoryFromTerraform } from "../../provider/adopt/terraform";
import { nodeResourceName } from "../../provider/api/nodes";
import { type RunningEmulator, startEmulator } from "../emulator";
import { orgClient, tagClient } from "../emulator/fixtures";
import { parseSeed } from "../emulator/seed-file";
import { callsSince } from "../support/emulatorState";
import { type Finished, guideBlock, linkPackage, startWalkthrough, type Walkthrough } from "../adopt/support/walkthrough";
import { MUTATING_ACTIONS } from "./harness";

const FIXTURE = join(REPO_ROOT, "test", "adopt", "fixtures", "terraform.tfstate");
const CHANGING_ACTIONS = [...MUTATING_ACTIONS, "AddOrganizationNode", "UpdateOrganizationNode", "DeleteOrganizationNodes"];
const state = inventoryFromTerraform(readFileSync(FIXTURE, "utf8"), "terraform.tfstate");

let emulator: RunningEmulator;
let scratch: string;
let walk: Walkthrough;

const ok = (results: Finished[]) => {
  for (const r of results) expect(r.status, `${r.command}\n${r.stdout}${r.stderr}`).toBe(0);
  return results;
};

/** The organization the state describes, as the emulator's seed file and then its API take it. */
async function organizationOfTheState(): Promise<RunningEmulator> {
  const seed = {
    departments: state.departments.map((d) => ({
      id: d.nodeId,
      name: d.name,
      ...(d.parentNodeId !== 100000 ? { parentId: d.parentNodeId } : {}),
      ...(d.remark ? { remark: d.remark } : {}),
    })),
    members: state.members.map((m) => ({
      name: m.name,
      uin: m.memberUin,
      departmentId: m.nodeId,
      permissionIds: m.permissions.map((p) => p.id),
      tags: m.tags,
      memberType: m.memberType,
      ...(m.remark ? { remark: m.remark } : {}),
    })),
  };
  const started = await startEmulator({ seed: parseSeed(JSON.stringify(seed), "seed.json") });
  const org = orgClient(started, { reqTimeout: 10 });
  for (const d of state.departments.filter((d) => Object.keys(d.tags).length > 0)) {
    await tagClient(started, { reqTimeout: 10 }).ModifyResourceTags({
      Resource: nodeResourceName("ap-guangzhou", d.nodeId),
      ReplaceTags: Object.entries(d.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
    });
  }
  for (const m of state.members) {
    if (m.payUin) await org.UpdateOrganizationMember({ MemberUin: m.memberUin, PayUin: m.payUin });
    // The seed invites with quitting allowed; the state says which may not.
    if (!m.isAllowQuit) await org.UpdateOrganizationMember({ MemberUin: m.memberUin, IsAllowQuit: "Denied" });
  }
  return started;
}

beforeAll(async () => {
  emulator = await organizationOfTheState();
  scratch = join(REPO_ROOT, ".pulumi-state", "e2e", `adopt-terraform-${process.pid}-${Date.now()}`);
  const folder = join(scratch, "acme-org");
  mkdirSync(folder, { recursive: true });
  linkPackage(folder);
  // "terraform state pull > terraform.tfstate"
  copyFileSync(FIXTURE, join(folder, "terraform.tfstate"));
  walk = await startWalkthrough(folder, join(scratch, "pulumi"), emulator.url);
}, 120_000);

afterAll(async () => {
  walk?.close();
  await emulator?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("moving from Terraform, the guide's commands verbatim", () => {
  it("writes the project without a call to Tencent; the first up changes nothing; the refreshed preview has no changes", async () => {
    const [adoptLine, ...pulumiLines] = guideBlock("terraform");
    const before = emulator.admin.counters();
    const [adopt] = ok(await walk.run([adoptLine]));
    expect(callsSince(emulator, before)).toEqual({});
    expect(adopt.stdout).toContain("Adopted 5 departments and 6 members into .");
    const [, up] = ok(await walk.run(pulumiLines));
    expect(up.stdout).toContain("12 created"); // and the stack
    const calls = callsSince(emulator, before);
    for (const action of CHANGING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
  }, 240_000);
});
