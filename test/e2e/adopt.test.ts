/**
 * "Adopting an existing organization" (docs/guides/adoption.md), run as a user runs it: an empty
 * folder, the package installed from its packed tarball (`npm pack`), and the guide's command blocks
 * verbatim against an emulator holding an organization made by hand — 50 members in 10 nested
 * departments, tags, identities, a payer, a permission change waiting, one member another stack
 * created. The first `up` sends no call that changes anything, the refreshed preview has no
 * changes, and nothing is unmanaged; then a member created by hand is named by both reports.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/engine";
import { type RunningEmulator, startEmulator } from "../emulator";
import { orgClient } from "../emulator/fixtures";
import { parseSeed } from "../emulator/seed-file";
import { callsSince } from "../support/emulatorState";
import { administer, FIRST_MEMBER, MARKED, PAID, PENDING, seedDocument } from "../adopt/support/organization";
import { type Finished, guideBlock, startWalkthrough, type Walkthrough } from "../adopt/support/walkthrough";
import { MUTATING_ACTIONS } from "./harness";
import { succeed } from "../support/exec";

const DEPARTMENTS = 10;
const MEMBERS = 50;
/** Every action that changes a member or a department. */
const CHANGING_ACTIONS = [...MUTATING_ACTIONS, "AddOrganizationNode", "UpdateOrganizationNode", "DeleteOrganizationNodes"];

let emulator: RunningEmulator;
let scratch: string;
let walk: Walkthrough;

const ok = (results: Finished[]) => {
  for (const r of results) expect(r.status, `${r.command}\n${r.stdout}${r.stderr}`).toBe(0);
  return results;
};

beforeAll(async () => {
  emulator = await startEmulator({ seed: parseSeed(JSON.stringify(seedDocument(DEPARTMENTS, MEMBERS)), "seed.json") });
  await administer(emulator, DEPARTMENTS);
  scratch = mkdtempSync(join(tmpdir(), "adopt-walkthrough-"));
  const folder = join(scratch, "acme-org");
  mkdirSync(folder);
  // "npm install pulumi-tencentcloud-organization @pulumi/pulumi", from the packed package.
  const tarball = (await succeed("npm", ["pack", "--silent", "--pack-destination", scratch, "--workspace", "provider"], REPO_ROOT))
    .trim()
    .split("\n")
    .pop()!;
  const sdk = (JSON.parse(readFileSync(join(REPO_ROOT, "node_modules/@pulumi/pulumi/package.json"), "utf8")) as { version: string })
    .version;
  writeFileSync(join(folder, "package.json"), "{}\n");
  await succeed("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(scratch, tarball), `@pulumi/pulumi@${sdk}`], folder);
  walk = await startWalkthrough(folder, join(scratch, "pulumi"), emulator.url);
}, 300_000);

afterAll(async () => {
  walk?.close();
  await emulator?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.sequential("adopting an existing organization, the guide's commands verbatim", () => {
  it("writes the project, and the first up changes nothing at Tencent; the refreshed preview has no changes", async () => {
    const before = emulator.admin.counters();
    const [adopt, , up] = ok(await walk.run(guideBlock("adopt")));
    expect(adopt.stdout).toContain(`Adopted ${DEPARTMENTS} departments and ${MEMBERS - 1} members into .`);
    expect(adopt.stdout).toContain(`member ${FIRST_MEMBER + MARKED} "user-000${MARKED}": created by a Pulumi stack`);
    expect(adopt.stdout).toContain(`member ${FIRST_MEMBER + PENDING} ("user-000${PENDING}"): a permission change waits`);
    expect(adopt.stdout).toContain(
      `member ${FIRST_MEMBER + PAID} ("user-000${PAID}"): may leave the organization although another account pays`,
    );
    expect(up.stdout).toContain(`${DEPARTMENTS + MEMBERS - 1 + 1} created`); // and the stack
    const calls = callsSince(emulator, before);
    for (const action of CHANGING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
    // The command reads the members in one listing (⌈M/50⌉ pages); the up and the refreshed preview,
    // one operation each, share their reads (api/reader.ts: at most 2·⌈M/50⌉ + 2 listing calls per
    // operation), never one look-up per member.
    const pages = Math.ceil(emulator.admin.members().length / 50);
    expect(calls.DescribeOrganizationMembers).toBeLessThanOrEqual(pages + 2 * (2 * pages + 2));

    const data = JSON.parse(readFileSync(join(walk.folder, "organization.json"), "utf8")) as {
      members: { key: string; identityRoleIds?: number[]; payUin?: string }[];
    };
    expect(data.members.find((m) => m.key === "user-0001")?.identityRoleIds).toEqual([2]);
    expect(data.members.find((m) => m.key === `user-000${PAID}`)?.payUin).toBe("100000000001");
  }, 300_000);

  it("writes in import.json the serialized providers a program stores", async () => {
    const state = JSON.parse((await walk.run(["pulumi stack export"]))[0].stdout) as {
      deployment: { resources: { type: string; inputs?: { __provider?: string } }[] };
    };
    const imports = JSON.parse(readFileSync(join(walk.folder, "import.json"), "utf8")) as {
      resources: { type: string; inputs: { __provider: string } }[];
    };
    for (const kind of ["OrganizationMember", "OrganizationNode"]) {
      const stored = state.deployment.resources.find((r) => r.type.endsWith(kind))?.inputs?.__provider;
      expect(imports.resources.find((r) => r.type.endsWith(kind))?.inputs.__provider, kind).toBe(stored);
    }
  }, 120_000);

  it("finds nothing unmanaged, and the drift report no drift either", async () => {
    const [, unmanaged] = ok(await walk.run(guideBlock("unmanaged")));
    expect(unmanaged.stdout).toMatch(
      /^Nothing unmanaged: every member and department is managed by stack tencentcloud-organization\/dev or carries a stack's ownership marker\.\n/,
    );
    // The member another stack created is in no state given, but its marker says a stack manages it.
    expect(unmanaged.stdout).toContain("1 member carries a stack's ownership marker but is in none of the states given");
    expect(unmanaged.stdout).toMatch(new RegExp(`member +${FIRST_MEMBER + MARKED} +user-000${MARKED} `));
    const [drift] = ok(await walk.run(guideBlock("drift")));
    expect(drift.stdout).toContain("No drift: every department, member, policy and attachment matches the program.");
    expect(drift.stdout).toContain("Nothing unmanaged");
  }, 300_000);

  it("names a member created by hand, in the log and the step summary, with exit code 1", async () => {
    const { Uin } = await orgClient(emulator, { reqTimeout: 10 }).CreateOrganizationMember({
      Name: "made-by-hand",
      AccountName: "made-by-hand",
      PolicyType: "Financial",
      PermissionIds: [1, 2],
      NodeId: 200002,
    });
    const [exported, unmanaged] = await walk.run(guideBlock("unmanaged"));
    expect(exported.status).toBe(0);
    expect(unmanaged.status, unmanaged.stderr).toBe(1);
    expect(unmanaged.stdout).toMatch(/^1 member is in the organization but managed by no stack/);
    expect(unmanaged.stdout).toMatch(new RegExp(`member +${Uin} +made-by-hand +Finance `));
    const [drift] = await walk.run(guideBlock("drift"));
    expect(drift.status, drift.stderr).toBe(1);
    expect(drift.stdout).toContain("No drift");
    expect(readFileSync(walk.env.GITHUB_STEP_SUMMARY!, "utf8")).toContain(`| member | ${Uin} | made-by-hand | Finance |`);
  }, 300_000);
});
