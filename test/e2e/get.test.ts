/**
 * What `OrganizationMember.get` fills through the real engine, so that docs/organization-member.md
 * and docs/e2e.md say it truthfully: with the CLI 3.274.1 and @pulumi/pulumi 3.248 (leg "locked") or 3.276 (leg
 * "newest"), every field resolves, the input fields (name, nodeId, permissionIds, tags) included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUTATING_ACTIONS, startEngineHarness, type EngineHarness } from "./harness";

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("get");
});
afterAll(async () => h?.close());

describe("OrganizationMember.get", () => {
  it("reads an existing member without managing it: with the SDKs CI runs and CLI 3.274.1 every field resolves, inputs included", async () => {
    const uin = h.emulator.admin.inviteMember({ name: "seen-member", nodeId: 100002, permissionIds: [1, 2], tags: { team: "ops" } });
    const before = h.emulator.admin.counters();
    const stack = await h.open("test/e2e/programs/get.ts", { config: { memberUin: String(uin) } });
    const up = await stack.up();
    const read = up.outputs.read.value;
    expect(read).toMatchObject({ memberUin: uin, nodeName: "Finance", memberType: "Invite" });
    // docs/organization-member.md states this for the two SDKs the CI legs run; another version
    // must re-check it.
    expect(["3.248.0", "3.276.0"]).toContain(up.outputs.sdkVersion.value);
    expect({ name: read.name, nodeId: read.nodeId, permissionIds: read.permissionIds, tags: read.tags }).toEqual({
      name: "seen-member",
      nodeId: 100002,
      permissionIds: [1, 2],
      tags: { team: "ops" },
    });
    // The member is read, not managed: only the stack is created, and no call changes a member.
    expect(up.summary.resourceChanges).toEqual({ create: 1 });
    const calls = h.callsSince(before);
    for (const action of MUTATING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
  });
});
