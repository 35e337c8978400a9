/**
 * `pulumi import` of what adopt wrote (docs/guides/adoption.md, "With pulumi import"), verbatim,
 * for departments and members: the import makes no call to Tencent (the import file carries each
 * resource's inputs and outputs, so the engine never calls the provider's `read`), the program then
 * previews with no changes, a refresh changes nothing, and — protection lifted — `destroy` follows
 * each resource's deletion policy: `retain` leaves the object, `removeFromOrganization` and `delete`
 * (chosen in the data file after the import) remove exactly those.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/engine";
import { type RunningEmulator, startEmulator } from "../emulator";
import { orgClient } from "../emulator/fixtures";
import { parseSeed } from "../emulator/seed-file";
import { callsSince } from "../support/emulatorState";
import type { OrganizationFile } from "../../provider/adopt/file";
import { administer, FIRST_MEMBER, seedDocument } from "../adopt/support/organization";
import { type Finished, guideBlock, linkPackage, startWalkthrough, type Walkthrough } from "../adopt/support/walkthrough";
import { MUTATING_ACTIONS } from "./harness";

const DEPARTMENTS = 5;
const MEMBERS = 15;
const CHANGING_ACTIONS = [...MUTATING_ACTIONS, "AddOrganizationNode", "UpdateOrganizationNode", "DeleteOrganizationNodes"];
/** What adopt declares: the departments, the one added below, and every member but the one another stack created (MARKED). */
const DECLARED = DEPARTMENTS + 1 + MEMBERS - 1;
/** An invited member without a payer, which may leave the organization. */
const LEAVING = FIRST_MEMBER + 7;

let emulator: RunningEmulator;
let scratch: string;
let walk: Walkthrough;
let emptyDepartment: number;

const ok = (results: Finished[]) => {
  for (const r of results) expect(r.status, `${r.command}\n${r.stdout}${r.stderr}`).toBe(0);
  return results;
};

beforeAll(async () => {
  emulator = await startEmulator({ seed: parseSeed(JSON.stringify(seedDocument(DEPARTMENTS, MEMBERS)), "seed.json") });
  await administer(emulator, DEPARTMENTS);
  // A department with nothing inside, which the data file will later ask to delete.
  ({ NodeId: emptyDepartment } = (await orgClient(emulator, { reqTimeout: 10 }).AddOrganizationNode({
    ParentNodeId: 100000,
    Name: "Attic",
  })) as {
    NodeId: number;
  });
  scratch = join(REPO_ROOT, ".pulumi-state", "e2e", `adopt-import-${process.pid}-${Date.now()}`);
  const folder = join(scratch, "acme-org");
  mkdirSync(folder, { recursive: true });
  linkPackage(folder);
  walk = await startWalkthrough(folder, join(scratch, "pulumi"), emulator.url);
}, 120_000);

afterAll(async () => {
  walk?.close();
  await emulator?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.sequential("pulumi import of an adopted organization, the guide's commands verbatim", () => {
  const [adopt, init, importLine, preview, refresh] = guideBlock("import");

  it("imports every department and member without a single call to Tencent", async () => {
    ok(await walk.run([adopt, init]));
    const before = emulator.admin.counters();
    const [imported] = ok(await walk.run([importLine]));
    expect(callsSince(emulator, before)).toEqual({});
    expect(imported.stdout).toContain(`${DECLARED} imported`);
  }, 120_000);

  it("previews the program with no changes, and a refresh changes nothing", async () => {
    const before = emulator.admin.counters();
    const [previewed, refreshed] = ok(await walk.run([preview, refresh]));
    expect(previewed.stdout).toContain(`${DECLARED + 1} unchanged`); // and the stack
    expect(refreshed.stdout).toContain(`${DECLARED + 1} unchanged`);
    expect(refreshed.stdout).not.toMatch(/\d+ updated/);
    const calls = callsSince(emulator, before);
    for (const action of CHANGING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
  }, 180_000);

  it("destroys by each resource's deletion policy once protection is lifted", async () => {
    // The policies a person chooses in the data file once the organization is adopted.
    const path = join(walk.folder, "organization.json");
    const file = JSON.parse(readFileSync(path, "utf8")) as OrganizationFile;
    file.members.find((m) => m.adoptMemberUin === LEAVING)!.deletionPolicy = "removeFromOrganization";
    file.departments.find((d) => d.adoptNodeId === emptyDepartment)!.deletionPolicy = "delete";
    writeFileSync(path, JSON.stringify(file, null, 2));
    const before = emulator.admin.counters();
    const [up] = ok(await walk.run(["pulumi up --yes"]));
    expect(up.stdout).toContain("2 updated");
    for (const action of CHANGING_ACTIONS) expect(callsSince(emulator, before)[action] ?? 0, action).toBe(0);

    const [, destroyed] = ok(await walk.run(guideBlock("import-release")));
    expect(destroyed.stdout).toContain(`${DECLARED + 1} deleted`);
    expect(callsSince(emulator, before)).toMatchObject({ DeleteOrganizationMembers: 1, DeleteOrganizationNodes: 1 });
    const members = emulator.admin.members().map((m) => m.memberUin);
    expect(members).not.toContain(LEAVING);
    expect(members.filter((uin) => uin >= FIRST_MEMBER && uin < FIRST_MEMBER + MEMBERS)).toHaveLength(MEMBERS - 1); // all but the one that left
    expect(emulator.admin.nodes().map((n) => n.NodeId)).not.toContain(emptyDepartment);
    expect(emulator.admin.nodes()).toHaveLength(DEPARTMENTS + 1); // and the root
  }, 180_000);
});
