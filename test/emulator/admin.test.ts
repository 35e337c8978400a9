import { describe, expect, it } from "vitest";
import { adminCall, aMember, codeOf, sdkFailureOf, useEmulator, type OrgClient } from "./fixtures";
import { DEFAULT_SECRET_ID, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

describe("the admin HTTP interface under /_emulator/", () => {
  it("GET members returns the full internal records", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember({ Name: "seen" }));
    const { status, body } = await adminCall(emulator, "GET", "/_emulator/members");
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({ memberUin: Uin, name: "seen", memberType: "Create", permissionIds: [1, 2], identityIds: [1] }),
    ]);
  });

  it("GET nodes returns the departments", async () => {
    const { body } = await adminCall(emulator, "GET", "/_emulator/nodes");
    expect((body as { Name: string }[]).map((n) => n.Name)).toEqual(["Root", "Engineering", "Finance", "Sandbox"]);
  });

  it("POST invite adds an invited member that the API lists", async () => {
    const { body } = await adminCall(emulator, "POST", "/_emulator/invite", {
      name: "guest",
      nodeId: 100003,
      permissionIds: [1, 2, 5],
      tags: { team: "x" },
    });
    const { memberUin } = body as { memberUin: number };
    const { Items } = await client.DescribeOrganizationMembers({ Offset: 0, Limit: 10 });
    expect(Items).toEqual([
      expect.objectContaining({
        MemberUin: memberUin,
        MemberType: "Invite",
        NodeName: "Sandbox",
        Tags: [{ TagKey: "team", TagValue: "x" }],
      }),
    ]);
  });

  it("POST members/<uin>/nickname renames the account as its own console would: the API reports the new NickName", async () => {
    const memberUin = emulator.admin.inviteMember({ name: "nick" });
    const { status } = await adminCall(emulator, "POST", `/_emulator/members/${memberUin}/nickname`, { nickName: "Nicky" });
    expect(status).toBe(200);
    const { Items } = await client.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "nick" });
    expect(Items?.find((m) => m.MemberUin === memberUin)?.NickName).toBe("Nicky");
    expect((await adminCall(emulator, "POST", `/_emulator/members/${memberUin}/nickname`, {})).status).toBe(400);
  });

  it("POST invite answers 400 with the reason for a duplicate name", async () => {
    emulator.admin.inviteMember({ name: "guest" });
    const { status, body } = await adminCall(emulator, "POST", "/_emulator/invite", { name: "guest" });
    expect(status).toBe(400);
    expect((body as { error: string }).error).toContain("OrganizationMemberNameUsed");
  });

  it("POST faults injects a fault and GET faults lists it", async () => {
    expect(
      (
        await adminCall(emulator, "POST", "/_emulator/faults", {
          action: "DescribeOrganizationNodes",
          mode: "error",
          code: "ResourceUnavailable",
        })
      ).status,
    ).toBe(200);
    expect((await adminCall(emulator, "GET", "/_emulator/faults")).body).toEqual([
      expect.objectContaining({ action: "DescribeOrganizationNodes", remaining: 1 }),
    ]);
    expect(await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("ResourceUnavailable");
  });

  it("POST faults answers 400 for an unknown mode", async () => {
    const { status, body } = await adminCall(emulator, "POST", "/_emulator/faults", { action: "DeleteAccount", mode: "explode" });
    expect(status).toBe(400);
    expect((body as { error: string }).error).toContain("mode");
  });

  it("POST latency sets a per-action delay", async () => {
    await adminCall(emulator, "POST", "/_emulator/latency", { ms: 150, action: "ListOrganizationIdentity" });
    const started = Date.now();
    await client.ListOrganizationIdentity({ Offset: 0, Limit: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("GET counters counts every dispatched request per action, errors included", async () => {
    await client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 });
    await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 99 }));
    await codeOf(client.DeleteAccount({ MemberUin: 1 }));
    expect((await adminCall(emulator, "GET", "/_emulator/counters")).body).toEqual({ DescribeOrganizationNodes: 2, DeleteAccount: 1 });
  });

  it("GET log lists requests with params, error code, latency and RequestId", async () => {
    const failure = await sdkFailureOf(client.DeleteAccount({ MemberUin: 12345 }));
    const { body } = await adminCall(emulator, "GET", "/_emulator/log");
    expect(body).toEqual([
      {
        time: expect.any(String),
        action: "DeleteAccount",
        version: "2021-03-31",
        secretId: expect.stringMatching(/^AKID/),
        params: { MemberUin: 12345 },
        errorCode: "ResourceNotFound.MemberNotExist",
        latencyMs: expect.any(Number),
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
    expect(failure.code).toBe("ResourceNotFound.MemberNotExist");
  });

  it("removes secret-looking keys from logged params but keeps tag keys", async () => {
    await codeOf(
      client.request("CreateOrganizationMember", { ...aMember(), SecretKey: "hunter2", Tags: [{ TagKey: "k", TagValue: "v" }] }),
    );
    const logged = JSON.stringify(emulator.admin.requestLog());
    expect(logged).not.toContain("hunter2");
    expect(logged).toContain('"TagKey":"k"');
  });

  it("GET records and POST records/<id>/complete finish a failed creation", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    await sdkFailureOf(client.CreateOrganizationMember(aMember({ Name: "console" })));
    expect((await adminCall(emulator, "GET", "/_emulator/records")).body).toEqual([
      expect.objectContaining({ recordId: 1, status: "Failed" }),
    ]);
    const { body } = await adminCall(emulator, "POST", "/_emulator/records/1/complete");
    expect(emulator.admin.members().map((m) => m.memberUin)).toEqual([(body as { memberUin: number }).memberUin]);
    expect((await adminCall(emulator, "POST", "/_emulator/records/1/complete")).status).toBe(400);
  });

  it("POST reset returns to the seed state and clears counters", async () => {
    await client.CreateOrganizationMember(aMember());
    await adminCall(emulator, "POST", "/_emulator/reset");
    expect(emulator.admin.members()).toEqual([]);
    expect(emulator.admin.counters()).toEqual({});
  });

  it("answers 404 for an unknown admin path and 400 for a body that is not JSON", async () => {
    expect((await adminCall(emulator, "GET", "/_emulator/secrets")).status).toBe(404);
    const response = await fetch(`${emulator.url}/_emulator/faults`, { method: "POST", body: "{oops" });
    expect(response.status).toBe(400);
  });
});

describe("allow-lists over HTTP", () => {
  it("sets, reads and clears a key's allow-list (POST/GET /_emulator/allowed-actions)", async () => {
    const secretId = DEFAULT_SECRET_ID;
    expect(
      await adminCall(emulator, "POST", "/_emulator/allowed-actions", { secretId, actions: ["organization:DescribeOrganizationNodes"] }),
    ).toEqual({
      status: 200,
      body: { [secretId]: ["organization:DescribeOrganizationNodes"] },
    });
    expect(await codeOf(client.DescribeOrganizationMembers({ Offset: 0, Limit: 1 }))).toBe("UnauthorizedOperation");
    expect((await adminCall(emulator, "GET", "/_emulator/allowed-actions")).body).toEqual({
      [secretId]: ["organization:DescribeOrganizationNodes"],
    });
    expect((await adminCall(emulator, "POST", "/_emulator/allowed-actions", { secretId, actions: null })).body).toEqual({});
    expect((await adminCall(emulator, "POST", "/_emulator/allowed-actions", { secretId, actions: ["nope"] })).status).toBe(400);
  });

  it("answers 400 when confirming a permission change that is not pending", async () => {
    const invited = emulator.admin.inviteMember({ name: "guest" });
    expect((await adminCall(emulator, "POST", `/_emulator/members/${invited}/confirm-permissions`)).status).toBe(400);
  });
});
