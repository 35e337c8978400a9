import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { diffMember } from "../../provider/member/diff";
import {
  CreateAccountFailedError,
  CreateRecordNotFoundError,
  DeletionRefusedError,
  MemberNameTakenError,
  MemberNotFoundError,
  ResourceInitError,
  TencentApiError,
} from "../../provider/core/errors";
import { OWNER_TAG_KEYS } from "../../provider/core/tags";
import type { MemberOutputs } from "../../provider/member/types";
import { DEFAULT_SECRET_KEY } from "../emulator";
import { checked, startProviderHarness, type ProviderHarness } from "./harness";

const ENGINEERING = 100001;
const FINANCE = 100002;

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(() => h.close());
beforeEach(() => h.fresh());

const alice = (extra: Record<string, unknown> = {}) =>
  checked({
    name: "alice",
    permissionIds: [1, 2, 4],
    nodeId: ENGINEERING,
    remark: "platform",
    tags: { team: "platform", env: "prod" },
    identityRoleIds: [1, 2],
    ownerMarker: "proj/dev/alice",
    ...extra,
  });

const membersNamed = (name: string) => h.emulator.admin.members().filter((m) => m.name === name);

describe("create", () => {
  it("creates the member with tags, identities and the ownership marker in one call, then reads it back once", async () => {
    const { id, outs } = await h.provider.create(alice());
    const [member] = h.emulator.admin.members();
    expect(String(member.memberUin)).toBe(id);
    expect(member).toMatchObject({ name: "alice", accountName: "alice", nodeId: ENGINEERING, permissionIds: [1, 2, 4], identityIds: [1, 2] });
    const keys = member.tags.map((t) => t.TagKey).sort();
    expect(keys.filter((key) => !OWNER_TAG_KEYS.includes(key))).toEqual(["env", "team"]);
    // The marker sits under one of the sharded keys, never the 0.1.0 key (one key caps at 1000 values).
    expect(keys.filter((key) => OWNER_TAG_KEYS.includes(key))).toEqual([expect.stringMatching(/^pulumi:owner:[0-7]$/)]);
    expect(outs).toMatchObject({ memberUin: Number(id), nodeName: "Engineering", memberType: "Create", tags: { env: "prod", team: "platform" } });
    expect(outs.identities.map((i) => i.identityId)).toEqual([1, 2]);
    expect(h.counts()).toEqual({ CreateOrganizationMember: 1, DescribeOrganizationMembers: 1 });
  });

  it("applies isAllowQuit, which creation cannot set, right after creating", async () => {
    const { outs } = await h.provider.create(alice({ isAllowQuit: true }));
    expect(outs.isAllowQuit).toBe(true);
    expect(h.counts()).toMatchObject({ CreateOrganizationMember: 1, UpdateOrganizationMember: 1 });
  });

  it("surfaces a rule the API enforces, with Tencent's code, RequestId and what to do", async () => {
    const error = await h.provider.create(alice({ nodeId: 999 })).catch((e) => e);
    expect(error).toBeInstanceOf(TencentApiError);
    expect(error.code).toBe("FailedOperation.OrganizationNodeNotExist");
    expect(error.message).toMatch(/RequestId [0-9a-f-]{36}/);
    expect(error.message).toMatch(/What to do: nodeId is not a department/);
    expect(h.emulator.admin.members()).toHaveLength(0);
  });
});

describe("create is retry-safe", () => {
  it.each(["timeout", "reset", "http502", "nonJson"] as const)(
    "a response lost after the member was created (%s) leaves exactly one member",
    async (mode) => {
      h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode, commit: true });
      const { id } = await h.provider.create(alice());
      expect(membersNamed("alice")).toHaveLength(1);
      expect(String(membersNamed("alice")[0].memberUin)).toBe(id);
      expect(h.counts().CreateOrganizationMember).toBe(1);
      expect(h.logs.join("\n")).toMatch(/was created by this resource: using it/);
      expect(h.logs.join("\n")).toMatch(/carrying this resource's ownership marker \(RequestId [0-9a-f-]{36}\)/);
    },
  );

  it("a response lost before anything was created is retried and creates one member", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "http502", commit: false });
    await h.provider.create(alice());
    expect(membersNamed("alice")).toHaveLength(1);
    expect(h.counts().CreateOrganizationMember).toBe(2);
  });

  it("rides out a RequestLimitExceeded storm without surfacing it", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "error", code: "RequestLimitExceeded", count: 5 });
    h.emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "error", code: "RequestLimitExceeded", count: 3 });
    const { outs } = await h.provider.create(alice());
    expect(outs.name).toBe("alice");
    expect(membersNamed("alice")).toHaveLength(1);
    expect(h.counts().CreateOrganizationMember).toBe(6);
  });

  it("gives up on throttling after the attempt budget and says how many attempts were made", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "error", code: "RequestLimitExceeded", count: 50 });
    const error = await h.provider.create(alice()).catch((e) => e);
    expect(error.message).toMatch(/RequestLimitExceeded.*after 8 attempts/s);
    expect(h.emulator.admin.members()).toHaveLength(0);
  });

  it("FailedOperation.CreateAccount → an error telling how to resume with recordId; resuming creates the member once", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    const error = await h.provider.create(alice()).catch((e) => e);
    expect(error).toBeInstanceOf(CreateAccountFailedError);
    expect(error.message).toMatch(/set `recordId: <that ID>`/);
    expect(h.emulator.admin.members()).toHaveLength(0);

    const [record] = h.emulator.admin.records();
    expect(record.status).toBe("Failed");
    const { id } = await h.provider.create(alice({ recordId: record.recordId }));
    expect(membersNamed("alice").map((m) => String(m.memberUin))).toEqual([id]);
  });

  it("a recordId that already succeeded adopts the member it made", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    await h.provider.create(alice()).catch(() => undefined);
    const [record] = h.emulator.admin.records();
    const uin = h.emulator.admin.completeRecord(record.recordId); // someone retried it in the console
    const { id } = await h.provider.create(alice({ recordId: record.recordId }));
    expect(id).toBe(String(uin));
    expect(membersNamed("alice")).toHaveLength(1);
  });

  it("a recordId left in the program never adopts a same-named member someone else created", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    await h.provider.create(alice()).catch(() => undefined);
    const [record] = h.emulator.admin.records();
    const { id } = await h.provider.create(alice({ recordId: record.recordId }));
    await h.outOfBand.DeleteAccount({ MemberUin: Number(id) }); // gone; the next up re-creates it
    const theirs = h.emulator.admin.inviteMember({ name: "alice" });
    const error = await h.provider.create(alice({ recordId: record.recordId })).catch((e) => e);
    expect(error).toBeInstanceOf(MemberNameTakenError);
    expect(error.message).toContain(`adoptMemberUin: ${theirs}`);
  });

  it("a spent recordId left in the program does not stop a re-creation", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "createAccountFailure" });
    await h.provider.create(alice()).catch(() => undefined);
    const [record] = h.emulator.admin.records();
    const first = await h.provider.create(alice({ recordId: record.recordId }));
    await h.outOfBand.DeleteAccount({ MemberUin: Number(first.id) });
    const again = await h.provider.create(alice({ recordId: record.recordId }));
    expect(again.id).not.toBe(first.id);
    expect(membersNamed("alice").map((m) => String(m.memberUin))).toEqual([again.id]);
    expect(h.logs.join("\n")).toMatch(/already succeeded .* creating it without the record/);
  });

  it("an unknown recordId is a clear error", async () => {
    const error = await h.provider.create(alice({ recordId: 424242 })).catch((e) => e);
    expect(error).toBeInstanceOf(CreateRecordNotFoundError);
    expect(error.message).toMatch(/recordId 424242 is not a member creation record/);
  });

  it("a re-run after a crash finds the member this resource created instead of failing or creating another", async () => {
    const first = await h.provider.create(alice());
    // The engine lost track of the first create (the process died before it recorded it) and creates again.
    const second = await h.provider.create(alice());
    expect(second.id).toBe(first.id);
    expect(membersNamed("alice")).toHaveLength(1);
  });

  it("never takes over a same-named member that someone else created", async () => {
    const theirs = h.emulator.admin.inviteMember({ name: "alice", nodeId: FINANCE });
    const error = await h.provider.create(alice()).catch((e) => e);
    expect(error).toBeInstanceOf(MemberNameTakenError);
    expect(error.message).toContain(`adoptMemberUin: ${theirs}`);
    expect(h.emulator.admin.members()).toHaveLength(1);
  });

  it("never mistakes the account it replaces (kept by deletionPolicy retain) for its own", async () => {
    await h.provider.create(alice());
    const error = await h.provider.create(alice({ accountName: "alice-new" })).catch((e) => e);
    expect(error).toBeInstanceOf(MemberNameTakenError);
    expect(membersNamed("alice")).toHaveLength(1);
  });

  it("a failing follow-up step after the account exists throws an error that carries the id", async () => {
    h.emulator.admin.injectFault({ action: "UpdateOrganizationMember", mode: "error", code: "FailedOperation.ChangePermissionRecordExist" });
    const error = await h.provider.create(alice({ isAllowQuit: true })).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    const [member] = h.emulator.admin.members();
    expect(error.id).toBe(String(member.memberUin));
    expect(error.properties).toMatchObject({ memberUin: member.memberUin, name: "alice", accountName: "alice" });
    expect(error.reasons[0]).toMatch(/ChangePermissionRecordExist/);
  });
});

describe("read", () => {
  it("returns the state and the inputs Tencent reports, so a refresh records drift", async () => {
    const { id, outs } = await h.provider.create(alice());
    await h.outOfBand.UpdateOrganizationMember({ MemberUin: Number(id), Name: "alice-renamed", PolicyType: "Financial", PermissionIds: [1, 2] });
    await h.outOfBand.MoveOrganizationNodeMembers({ NodeId: FINANCE, MemberUin: [Number(id)] });
    const read = await h.provider.read(id, outs);
    expect(read.id).toBe(id);
    expect(read.inputs).toMatchObject({ name: "alice-renamed", permissionIds: [1, 2], nodeId: FINANCE, accountName: "alice" });
    const drift = diffMember(read.props!, alice());
    expect(drift.changed.map((c) => c.field).sort()).toEqual(["name", "nodeId", "permissionIds"]);
    expect(drift.replaces).toEqual([]);
  });

  it("reports a member deleted out of band as gone, so the next up re-creates it", async () => {
    const { id, outs } = await h.provider.create(alice());
    await h.outOfBand.DeleteAccount({ MemberUin: Number(id) });
    expect(await h.provider.read(id, outs)).toEqual({});
  });

  it("keeps tags, identities and input-only fields apart from the ownership marker", async () => {
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    const read = await h.provider.read(id, outs);
    expect(read.props).toMatchObject({ tags: { env: "prod", team: "platform" }, deletionPolicy: "deleteAccount", identityRoleIds: [1, 2] });
    expect(JSON.stringify(read.inputs)).not.toContain("pulumi:owner");
  });
});

describe("update makes only the calls the changed fields need, then reads back once", () => {
  let state: { id: string; outs: MemberOutputs };
  beforeEach(async () => {
    state = await h.provider.create(alice());
    h.resetCounts();
  });

  it.each([
    ["name", { name: "alice2" }, { UpdateOrganizationMember: 1 }],
    ["permissions", { permissionIds: [1, 2, 8] }, { UpdateOrganizationMember: 1 }],
    ["remark", { remark: "finance" }, { UpdateOrganizationMember: 1 }],
    ["department", { nodeId: FINANCE }, { MoveOrganizationNodeMembers: 1 }],
    ["tags", { tags: { team: "data" } }, { ModifyResourceTags: 1 }],
    ["identities", { identityRoleIds: [2, 3] }, { CreateOrganizationMemberAuthIdentity: 1, DeleteOrganizationMemberAuthIdentity: 1 }],
    ["name and department", { name: "alice2", nodeId: FINANCE }, { UpdateOrganizationMember: 1, MoveOrganizationNodeMembers: 1 }],
  ])("%s", async (_title, change, calls) => {
    const desired = alice(change);
    const { outs } = await h.provider.update(state.id, state.outs, desired);
    expect(h.counts()).toEqual({ ...calls, DescribeOrganizationMembers: 1 });
    expect(diffMember(outs, desired).changes).toBe(false);
    const [member] = h.emulator.admin.members();
    expect(diffMember(outs, desired).changed).toEqual([]);
    expect(member.name).toBe(desired.name);
  });

  it("removes more tags than one ModifyResourceTags call takes, in batches of 10", async () => {
    const tag = (await import("tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client")).Client;
    const tagClient = new tag({
      credential: { secretId: h.settings.secretId, secretKey: h.settings.secretKey },
      region: "",
      profile: { httpProfile: { endpoint: h.emulator.url.replace("http://", ""), protocol: "http://" } },
    });
    const resource = `qcs::organization:ap-guangzhou:uin/:member/${state.id}`;
    const extra = Array.from({ length: 12 }, (_, i) => ({ TagKey: `extra${i}`, TagValue: "x" }));
    await tagClient.ModifyResourceTags({ Resource: resource, ReplaceTags: extra.slice(0, 10) });
    await tagClient.ModifyResourceTags({ Resource: resource, ReplaceTags: extra.slice(10) });
    const drifted = (await h.provider.read(state.id, state.outs)).props!;
    h.resetCounts();
    const { outs } = await h.provider.update(state.id, drifted, alice());
    expect(outs.tags).toEqual({ env: "prod", team: "platform" });
    expect(h.counts().ModifyResourceTags).toBe(2);
  });

  it("revoking an identity whose answer was lost after it took effect still converges", async () => {
    h.emulator.admin.injectFault({ action: "DeleteOrganizationMemberAuthIdentity", mode: "http502", commit: true });
    const { outs } = await h.provider.update(state.id, state.outs, alice({ identityRoleIds: [1] }));
    expect(outs.identities.map((i) => i.identityId)).toEqual([1]);
  });

  it("a change of deletion policy only updates the state", async () => {
    const { outs } = await h.provider.update(state.id, state.outs, alice({ deletionPolicy: "deleteAccount" }));
    expect(outs.deletionPolicy).toBe("deleteAccount");
    expect(h.counts()).toEqual({});
  });
});

describe("delete follows the deletion policy", () => {
  it("retain (the default) keeps the account and its membership and calls nothing", async () => {
    const { id, outs } = await h.provider.create(alice());
    h.resetCounts();
    await h.provider.delete(id, outs);
    expect(membersNamed("alice")).toHaveLength(1);
    expect(h.counts()).toEqual({});
  });

  it("deleteAccount deletes the created member's account", async () => {
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    await h.provider.delete(id, outs);
    expect(h.emulator.admin.members()).toHaveLength(0);
  });

  it("removeFromOrganization on a created member explains what to change", async () => {
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "removeFromOrganization" }));
    const error = await h.provider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(DeletionRefusedError);
    expect(error.message).toMatch(/CreateMemberNotAllowDelete.*deletionPolicy: "retain".*deletionPolicy: "deleteAccount"/s);
    expect(membersNamed("alice")).toHaveLength(1);
  });

  it("removeFromOrganization removes an adopted invited member", async () => {
    const uin = h.emulator.admin.inviteMember({ name: "bob", nodeId: ENGINEERING });
    const { id, outs } = await h.provider.create(checked({ name: "bob", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: uin, deletionPolicy: "removeFromOrganization" }));
    await h.provider.delete(id, outs);
    expect(h.emulator.admin.members()).toHaveLength(0);
  });

  it("an invited member that already left counts as removed, decided by looking it up", async () => {
    const uin = h.emulator.admin.inviteMember({ name: "bob", nodeId: ENGINEERING });
    const { id, outs } = await h.provider.create(checked({ name: "bob", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: uin, deletionPolicy: "removeFromOrganization" }));
    await h.outOfBand.DeleteOrganizationMembers({ MemberUin: [uin] });
    h.resetCounts();
    await expect(h.provider.delete(id, outs)).resolves.toBeUndefined();
    expect(h.counts()).toMatchObject({ DeleteOrganizationMembers: 1, DescribeOrganizationMembers: 1 });
    expect(h.logs.join("\n")).toMatch(new RegExp(`member ${uin} is already gone`));
  });

  it("a member already gone counts as deleted", async () => {
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    await h.outOfBand.DeleteAccount({ MemberUin: Number(id) });
    await expect(h.provider.delete(id, outs)).resolves.toBeUndefined();
  });
});

describe("delete waits while Tencent reviews an account deletion", () => {
  let pending: ProviderHarness;
  beforeAll(async () => {
    pending = await startProviderHarness({ deregisterPendingCalls: 1 });
  });
  afterAll(() => pending.close());

  it("retries DeleteAccount after MemberAccountDeregisterPending until the account is gone", async () => {
    pending.fresh();
    const { id, outs } = await pending.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    await pending.provider.delete(id, outs);
    expect(pending.emulator.admin.members()).toHaveLength(0);
    expect(pending.counts().DeleteAccount).toBe(2);
    expect(pending.logs.join("\n")).toMatch(/under review \(RequestId [0-9a-f-]+\)/);
  });

  it("reports a review that outlasts the wait, with what to do", async () => {
    pending.fresh({ config: { "tencentcloud:deleteAccountWaitSeconds": "0" } });
    const { id, outs } = await pending.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    const error = await pending.provider.delete(id, outs).catch((e) => e);
    expect(error.message).toMatch(/still under review.*run `pulumi destroy`/s);
    expect(pending.emulator.admin.members()).toHaveLength(1);
  });
});

describe("adoption", () => {
  it("adopts an existing member by UIN without creating an account, then applies the declared properties", async () => {
    const uin = h.emulator.admin.inviteMember({ name: "carol", nodeId: ENGINEERING, tags: { team: "old" } });
    h.resetCounts();
    const { id, outs } = await h.provider.create(
      checked({ name: "carol", permissionIds: [1, 2, 8], nodeId: FINANCE, tags: { team: "new" }, adoptMemberUin: uin }),
    );
    expect(id).toBe(String(uin));
    expect(h.counts().CreateOrganizationMember).toBeUndefined();
    expect(h.logs.join("\n")).toMatch(new RegExp(`adopting existing member ${uin} \\("carol", RequestId [0-9a-f-]{36}\\)`));
    expect(outs).toMatchObject({ nodeId: FINANCE, permissionIds: [1, 2, 8], tags: { team: "new" }, memberType: "Invite" });
  });

  it("refuses to adopt a UIN that is not a member, naming the field", async () => {
    const error = await h.provider.create(checked({ name: "dave", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: 123456 })).catch((e) => e);
    expect(error).toBeInstanceOf(MemberNotFoundError);
    expect(error.message).toMatch(/adoptMemberUin: member 123456 is not a member/);
    expect(h.emulator.admin.members()).toHaveLength(0);
  });

  it("looks a member up by name or UIN for a program", async () => {
    const uin = h.emulator.admin.inviteMember({ name: "erin" });
    expect((await h.provider.lookup({ name: "erin" }))?.memberUin).toBe(uin);
    expect((await h.provider.lookup({ memberUin: uin }))?.name).toBe("erin");
    expect(await h.provider.lookup({ name: "nobody" })).toBeUndefined();
  });
});

describe("temporary credentials", () => {
  let withToken: ProviderHarness;
  beforeAll(async () => {
    withToken = await startProviderHarness({ credentials: [{ secretId: "AKIDtemporary0000000000000000000001", secretKey: "temporary-key-000000000000000001", token: "session-token-0001" }] });
  });
  afterAll(() => withToken.close());

  const temporary = { "tencentcloud:secretId": "AKIDtemporary0000000000000000000001", "tencentcloud:secretKey": "temporary-key-000000000000000001" };

  it("sends the session token with every call, and logs neither token nor key", async () => {
    withToken.fresh({ config: { ...temporary, "tencentcloud:securityToken": "session-token-0001" } });
    await withToken.provider.create(alice());
    expect(withToken.emulator.admin.members()).toHaveLength(1);
    expect(withToken.logs.length).toBeGreaterThan(0);
    expect(withToken.logs.join("\n")).not.toContain("session-token-0001");
    expect(withToken.logs.join("\n")).not.toContain(temporary["tencentcloud:secretKey"]);
  });

  it("with a wrong token the API refuses, and the token appears in no message or log line", async () => {
    withToken.fresh({ config: { ...temporary, "tencentcloud:securityToken": "session-token-9999" } });
    const error = await withToken.provider.create(alice()).catch((e) => e);
    expect(error.code).toBe("AuthFailure.TokenFailure");
    expect(error.message).toMatch(/What to do: the session token/);
    const text = `${error.message}\n${error.stack}\n${withToken.logs.join("\n")}`;
    expect(text).not.toContain("session-token-9999");
    expect(text).not.toContain(temporary["tencentcloud:secretKey"]);
  });

  it("without the token the API refuses, saying what to do", async () => {
    withToken.fresh({ config: temporary });
    const error = await withToken.provider.create(alice()).catch((e) => e);
    expect(error.code).toBe("AuthFailure.TokenFailure");
    expect(error.message).toMatch(/What to do: the session token/);
  });
});

describe("credentials", () => {
  it("a wrong key fails with Tencent's code and a hint, and the key appears in no message or log line", async () => {
    h.fresh({ config: { "tencentcloud:secretKey": "wrong-key-0123456789" } });
    const error = await h.provider.create(alice()).catch((e) => e);
    expect(error.code).toBe("AuthFailure.SignatureFailure");
    expect(error.message).toMatch(/What to do: the SecretKey does not match/);
    const text = `${error.message}\n${error.stack}\n${h.logs.join("\n")}`;
    expect(text).not.toContain("wrong-key-0123456789");
    expect(text).not.toContain(DEFAULT_SECRET_KEY);
  });
});
