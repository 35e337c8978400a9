/**
 * What `OrganizationMember.get` fills through the real engine with the installed SDK, so that
 * the README says it truthfully: the fields that are not inputs resolve; with @pulumi/pulumi
 * 3.248 the input fields stay undefined (the engine hands `read` no inputs for a get).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngineHarness, type EngineHarness } from "./harness";

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("get");
});
afterAll(async () => h?.close());

describe("OrganizationMember.get", () => {
  it("reads an existing member: its UIN and reported-only fields resolve; with SDK 3.248 its input fields do not", async () => {
    const uin = h.emulator.admin.inviteMember({ name: "seen-member", nodeId: 100002, permissionIds: [1, 2], tags: { team: "ops" } });
    const stack = await h.open("test/e2e/programs/get.ts", { config: { memberUin: String(uin) } });
    const up = await stack.up();
    const read = up.outputs.read.value;
    expect(read).toMatchObject({ memberUin: uin, nodeName: "Finance", memberType: "Invite" });
    // The README states this for the SDK the repository pins; a new pin must re-check it.
    expect(up.outputs.sdkVersion.value).toBe("3.248.0");
    expect({ name: read.name, nodeId: read.nodeId, permissionIds: read.permissionIds, tags: read.tags }).toEqual({
      name: null,
      nodeId: null,
      permissionIds: null,
      tags: null,
    });
    // The member is read, not managed: nothing in the organization changes.
    expect(h.emulator.admin.members().find((m) => m.memberUin === uin)?.name).toBe("seen-member");
  });
});
