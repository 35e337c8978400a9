/**
 * Reading the live organization through the real SDK against the emulator: every department and
 * member with their tags, identities and payer, in ⌈departments/50⌉ + ⌈members/50⌉ listing calls and
 * nothing else; a credential allowed only READ_ACTIONS suffices, and one that lacks an action is
 * told which line to add to its policy.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TencentApi } from "../../provider/api/call/client";
import { readLiveOrganization, READ_ACTIONS } from "../../provider/adopt/live";
import { TencentApiError } from "../../provider/core/errors";
import { DEFAULT_SECRET_ID, type RunningEmulator, startEmulator } from "../emulator";
import { parseSeed } from "../emulator/seed-file";
import { emulatorSettings } from "../provider/support/harness";
import { callsSince } from "../support/emulatorState";

const DEPARTMENTS = 7;
const MEMBERS = 120;
const seed = {
  departments: Array.from({ length: DEPARTMENTS }, (_, i) => ({
    id: 200001 + i,
    name: `dept-${i}`,
    ...(i > 0 ? { parentId: 200001 + Math.floor((i - 1) / 2) } : {}),
  })),
  members: Array.from({ length: MEMBERS }, (_, i) => ({
    name: `member-${i}`,
    uin: 100000000300 + i,
    departmentId: 200001 + (i % DEPARTMENTS),
    tags: { team: `t${i % 3}` },
    ...(i % 10 === 0 ? { memberType: "Create" } : {}),
  })),
};

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: parseSeed(JSON.stringify(seed), "seed.json"), rateLimitPerSecond: 0 });
});
beforeEach(() => emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, undefined));
afterAll(() => emulator?.close());

const read = () => {
  const settings = emulatorSettings(emulator);
  return readLiveOrganization(new TencentApi(settings, { logger: { info: () => {} } }), settings.region);
};

describe("readLiveOrganization", () => {
  it(`reads ${DEPARTMENTS} departments and ${MEMBERS} members in 1 + 3 listing calls`, async () => {
    const before = emulator.admin.counters();
    const organization = await read();
    expect(callsSince(emulator, before)).toEqual({ DescribeOrganizationNodes: 1, DescribeOrganizationMembers: 3 });
    expect(organization.rootNodeId).toBe(100000);
    expect(organization.departments.map((d) => d.nodeId).sort()).toEqual(seed.departments.map((d) => d.id));
    expect(organization.members).toHaveLength(MEMBERS);
    expect(organization.members.find((m) => m.name === "member-4")).toMatchObject({
      memberUin: 100000000304,
      nodeId: 200005,
      tags: { team: "t1" },
    });
    expect(organization.identitiesKnown).toBe(true);
  });

  it("needs nothing but the read actions", async () => {
    emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, [...READ_ACTIONS]);
    expect((await read()).members).toHaveLength(MEMBERS);
  });

  it("names the missing action when the credential's policy lacks it", async () => {
    emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, ["organization:DescribeOrganizationNodes"]);
    const failure = await read().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TencentApiError);
    expect((failure as Error).message).toContain('add the line "organization:DescribeOrganizationMembers"');
  });
});
