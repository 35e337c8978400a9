import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aMember, orgClient, withEmulator } from "./fixtures";
import { FIRST_MEMBER_UIN } from "./index";

const scratchDir = () => mkdtempSync(join(tmpdir(), "tc-emulator-"));

describe("persistence to a data file", () => {
  it("keeps members, tags and UIN allocation across a restart", async () => {
    const dataFile = join(scratchDir(), "state.json");
    const { Uin } = await withEmulator({ dataFile }, (first) =>
      orgClient(first).CreateOrganizationMember(aMember({ Name: "survivor", Tags: [{ TagKey: "k", TagValue: "v" }] })),
    );

    await withEmulator({ dataFile }, async (second) => {
      const { Items } = await orgClient(second).DescribeOrganizationMembers({ Offset: 0, Limit: 10 });
      expect(Items?.map((m) => [m.MemberUin, m.Name, m.Tags])).toEqual([[Uin, "survivor", [{ TagKey: "k", TagValue: "v" }]]]);
      const next = await orgClient(second).CreateOrganizationMember(aMember());
      expect(next.Uin).toBe(Uin! + 1);
    });
  });

  it("writes the file after every mutation, not only on close, and leaves no temporary files", async () => {
    const dir = scratchDir();
    const dataFile = join(dir, "state.json");
    await withEmulator({ dataFile }, async (emulator) => {
      await orgClient(emulator).CreateOrganizationMember(aMember({ Name: "written" }));
      const saved = JSON.parse(readFileSync(dataFile, "utf8")) as { members: { name: string }[] };
      expect(saved.members.map((m) => m.name)).toEqual(["written"]);
      expect(readdirSync(dir)).toEqual(["state.json"]);
    });
  });

  it("keeps failed creation records, so RecordId survives a restart", async () => {
    const dataFile = join(scratchDir(), "state.json");
    await withEmulator({ dataFile }, async (first) => {
      first.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
      await orgClient(first)
        .CreateOrganizationMember(aMember())
        .catch(() => undefined);
    });
    await withEmulator({ dataFile }, async (second) => {
      await expect(orgClient(second).request("CreateOrganizationMember", { RecordId: 1 })).resolves.toHaveProperty("Uin");
    });
  });

  it("refuses to start on a file that is not an emulator data file instead of overwriting it", async () => {
    const dataFile = join(scratchDir(), "other.json");
    writeFileSync(dataFile, '{"hello": "world"}');
    await expect(withEmulator({ dataFile }, async () => undefined)).rejects.toThrow(/not a Tencent Cloud organization emulator data file/);
    expect(readFileSync(dataFile, "utf8")).toBe('{"hello": "world"}');
  });

  it("returns to the seed state on reset and persists that", async () => {
    const dataFile = join(scratchDir(), "state.json");
    await withEmulator({ dataFile, seedMembers: 3 }, async (emulator) => {
      await orgClient(emulator).CreateOrganizationMember(aMember());
      emulator.admin.reset();
      expect(emulator.admin.members().map((m) => m.memberUin)).toEqual([FIRST_MEMBER_UIN, FIRST_MEMBER_UIN + 1, FIRST_MEMBER_UIN + 2]);
      expect((JSON.parse(readFileSync(dataFile, "utf8")) as { members: unknown[] }).members).toHaveLength(3);
    });
  });
});

describe("seed members", () => {
  it("spreads M invited members over the seed departments", async () => {
    await withEmulator({ seedMembers: 120, memberLimit: 120 }, async (emulator) => {
      const members = emulator.admin.members();
      expect(members).toHaveLength(120);
      expect(new Set(members.map((m) => m.memberType))).toEqual(new Set(["Invite"]));
      expect(members.filter((m) => m.nodeId === 100002)).toHaveLength(40);
      const page = await orgClient(emulator).DescribeOrganizationMembers({ Offset: 100, Limit: 50 });
      expect(page.Total).toBe(120);
      expect(page.Items).toHaveLength(20);
    });
  });
});
