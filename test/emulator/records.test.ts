import { describe, expect, it } from "vitest";
import { aMember, codeOf, sdkFailureOf, useEmulator, type OrgClient } from "./fixtures";
import type { RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
useEmulator((started) => {
  ({ emulator, client } = started);
});

describe("member-creation records and RecordId", () => {
  it("answers FailedOperation.CreateAccount for createAccountFailure and keeps a Failed record without a member", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    const request = aMember({ Name: "flaky", Remark: "first try" });
    const failure = await sdkFailureOf(client.CreateOrganizationMember(request));
    expect(failure.code).toBe("FailedOperation.CreateAccount");
    expect(failure.message).toContain("RecordId=1");
    expect(emulator.admin.members()).toEqual([]);
    expect(emulator.admin.records()).toEqual([{ recordId: 1, name: "flaky", status: "Failed", request: { ...request } }]);
  });

  it("completes the creation on a retry with RecordId, merging the retry's fields over the original request", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    await sdkFailureOf(client.CreateOrganizationMember(aMember({ Name: "resumed", Remark: "first try", NodeId: 100002 })));
    const { Uin } = await client.CreateOrganizationMember({
      ...aMember({ Name: "resumed" }),
      RecordId: 1,
      Remark: "second try",
      NodeId: 100002,
    });
    const member = emulator.admin.members().find((m) => m.memberUin === Uin);
    expect(member).toMatchObject({ name: "resumed", remark: "second try", nodeId: 100002, memberType: "Create" });
    expect(emulator.admin.records()[0]).toMatchObject({ recordId: 1, status: "Succeeded", memberUin: Uin });
  });

  it("lets a retry with only RecordId take every field from the record", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    await sdkFailureOf(client.CreateOrganizationMember(aMember({ Name: "from-record" })));
    const { Uin } = await client.request("CreateOrganizationMember", { RecordId: 1 });
    expect(emulator.admin.members().map((m) => [m.memberUin, m.name])).toEqual([[Uin, "from-record"]]);
  });

  it("refuses a second retry of a succeeded record with FailedOperation.CreateRecordAlreadySuccess", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    const request = aMember();
    await sdkFailureOf(client.CreateOrganizationMember(request));
    await client.CreateOrganizationMember({ ...request, RecordId: 1 });
    expect(await codeOf(client.CreateOrganizationMember({ ...request, RecordId: 1 }))).toBe("FailedOperation.CreateRecordAlreadySuccess");
    expect(emulator.admin.members()).toHaveLength(1);
  });

  it("refuses an unknown RecordId with FailedOperation.CreateRecordNotExist", async () => {
    expect(await codeOf(client.CreateOrganizationMember({ ...aMember(), RecordId: 77 }))).toBe("FailedOperation.CreateRecordNotExist");
  });

  it("leaves a Succeeded record for every successful create", async () => {
    const { Uin } = await client.CreateOrganizationMember(aMember({ Name: "plain" }));
    expect(emulator.admin.records()).toEqual([
      expect.objectContaining({ recordId: 1, name: "plain", status: "Succeeded", memberUin: Uin }),
    ]);
  });

  it("checks the request before failing, so an invalid request leaves no record and keeps the fault", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    expect(await codeOf(client.CreateOrganizationMember(aMember({ PolicyType: "x" })))).toBe("FailedOperation.OrganizationPolicyIllegal");
    expect(emulator.admin.records()).toEqual([]);
    expect(await codeOf(client.CreateOrganizationMember(aMember()))).toBe("FailedOperation.CreateAccount");
  });

  it("keeps the same record when a retry fails again", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure", count: 2 });
    const request = aMember();
    await sdkFailureOf(client.CreateOrganizationMember(request));
    expect(await codeOf(client.CreateOrganizationMember({ ...request, RecordId: 1 }))).toBe("FailedOperation.CreateAccount");
    expect(emulator.admin.records()).toEqual([expect.objectContaining({ recordId: 1, status: "Failed" })]);
  });

  it("completes a failed record out of band, as the console would, making the API retry CreateRecordAlreadySuccess", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    const request = aMember();
    await sdkFailureOf(client.CreateOrganizationMember(request));
    const memberUin = emulator.admin.completeRecord(1);
    expect(emulator.admin.members().map((m) => m.memberUin)).toEqual([memberUin]);
    expect(await codeOf(client.CreateOrganizationMember({ ...request, RecordId: 1 }))).toBe("FailedOperation.CreateRecordAlreadySuccess");
  });
});
