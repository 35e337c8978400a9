import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { diffMember } from "../../../provider/member/diff";
import {
  AccountDeletionBlockedError,
  CreateAccountFailedError,
  CreateRecordNotFoundError,
  DeletionRefusedError,
  MemberNameTakenError,
  MemberNotFoundError,
  ResourceInitError,
  TencentApiError,
} from "../../../provider/core/errors";
import { carriesMarker, ownerTagKey } from "../../../provider/core/ownership";
import { OWNER_TAG_KEYS } from "../../../provider/core/tags";
import { memberOwnerMarker } from "../../../provider/member/ownership";
import type { MemberOutputs } from "../../../provider/member/types";
import { loadSettings } from "../../../provider/api/call/settings";
import { MemberLifecycle } from "../../../provider/member/lifecycle";
import { fromSettings } from "../../../provider/kit/lifecycle";
import { DEFAULT_SECRET_KEY, ENGINEERING_NODE_ID as ENGINEERING, FINANCE_NODE_ID as FINANCE, type TagPair } from "../../emulator";
import { tagClient } from "../../emulator/fixtures";
import { userTagsOf } from "../../support/emulatorState";
import { checked, startProviderHarness, type ProviderHarness } from "../support/harness";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(() => h.close());
beforeEach(() => h.fresh());

/** alice's declaration, checked; `olds` as the engine passes them for an update (the account name stays). */
const alice = (extra: Record<string, unknown> = {}, olds: object = {}) =>
  checked(
    {
      name: "alice",
      permissionIds: [1, 2, 4],
      nodeId: ENGINEERING,
      remark: "platform",
      tags: { team: "platform", env: "prod" },
      identityRoleIds: [1, 2],
      ownerMarker: "proj/dev/alice",
      ...extra,
    },
    olds,
  );

const membersNamed = (name: string) => h.emulator.admin.members().filter((m) => m.name === name);
const tagMap = (tags: readonly TagPair[]) => Object.fromEntries(tags.map((t) => [t.TagKey, t.TagValue]));
/** Whether the emulated member carries the ownership marker of the member these inputs create. */
const carriesOwnMarker = (tags: readonly TagPair[], inputs = alice()) => carriesMarker(tagMap(tags), memberOwnerMarker(inputs));
/** Changes a member's tags as another administrator would, with the Tag service. */
const retagOutOfBand = (memberUin: number | string, change: { ReplaceTags?: TagPair[]; DeleteTags?: { TagKey: string }[] }) =>
  tagClient(h.emulator).ModifyResourceTags({ Resource: `qcs::organization:ap-guangzhou:uin/:member/${memberUin}`, ...change });
/** An invited member adopted by a resource, as the engine would create it. */
const adoptInvited = async (extra: Record<string, unknown> = {}) => {
  const uin = h.emulator.admin.inviteMember({ name: "bob", nodeId: ENGINEERING });
  const inputs = checked({ name: "bob", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: uin, ...extra });
  return { uin, inputs, ...(await h.provider.create(inputs)) };
};

describe("create", () => {
  it("creates the member with tags, identities and the ownership marker in one call, then reads it back once", async () => {
    const { id, outs } = await h.provider.create(alice());
    const [member] = h.emulator.admin.members();
    expect(String(member.memberUin)).toBe(id);
    expect(member).toMatchObject({
      name: "alice",
      accountName: "alice",
      nodeId: ENGINEERING,
      permissionIds: [1, 2, 4],
      identityIds: [1, 2],
    });
    const keys = member.tags.map((t) => t.TagKey).sort();
    expect(keys.filter((key) => !OWNER_TAG_KEYS.includes(key))).toEqual(["env", "team"]);
    // The marker sits under one of the sharded keys, never the 0.1.0 key (one key caps at 1000 values).
    expect(keys.filter((key) => OWNER_TAG_KEYS.includes(key))).toEqual([expect.stringMatching(/^pulumi:owner:[0-7]$/)]);
    expect(outs).toMatchObject({
      memberUin: Number(id),
      nodeName: "Engineering",
      memberType: "Create",
      tags: { env: "prod", team: "platform" },
    });
    expect(outs.identities.map((i) => i.identityId)).toEqual([1, 2]);
    expect(h.counts()).toEqual({ CreateOrganizationMember: 1, DescribeOrganizationMembers: 1 });
  });

  it("a member with 35 tags: created with the marker and 9, the other 26 written in 3 batches, read back whole; one changed tag is one call", async () => {
    const tags = Object.fromEntries([...Array(35)].map((_, i) => [`k${String(i).padStart(2, "0")}`, `v${i}`]));
    const { id, outs } = await h.provider.create(alice({ tags }));
    const [member] = h.emulator.admin.members();
    expect(tagMap(member.tags)).toMatchObject(tags);
    expect(member.tags).toHaveLength(36);
    expect(carriesOwnMarker(member.tags, alice({ tags }))).toBe(true);
    expect(outs.tags).toEqual(tags);
    // Create (10 tags), read back, 3 ModifyResourceTags (10 + 10 + 6), read back.
    expect(h.counts()).toEqual({ CreateOrganizationMember: 1, ModifyResourceTags: 3, DescribeOrganizationMembers: 2 });
    h.resetCounts();
    const { outs: updated } = await h.provider.update(id, outs, alice({ tags: { ...tags, k20: "changed" } }));
    expect(updated.tags?.k20).toBe("changed");
    expect(h.counts()).toEqual({ ModifyResourceTags: 1, DescribeOrganizationMembers: 1 });
  });

  it("a tag batch interrupted after creation loses neither a tag nor the marker: the next up finishes it", async () => {
    const tags = Object.fromEntries([...Array(25)].map((_, i) => [`k${String(i).padStart(2, "0")}`, `v${i}`]));
    h.emulator.admin.injectFault({ action: "ModifyResourceTags", mode: "error", code: "FailedOperation", count: 1 });
    const error = await h.provider.create(alice({ tags })).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    const [member] = h.emulator.admin.members();
    expect(carriesOwnMarker(member.tags, alice({ tags }))).toBe(true);
    // The engine records the member from the error's id and properties; the next up updates it.
    const { outs } = await h.provider.update(error.id, error.properties, alice({ tags }));
    expect(outs.tags).toEqual(tags);
    expect(tagMap(h.emulator.admin.members()[0].tags)).toMatchObject(tags);
    expect(carriesOwnMarker(h.emulator.admin.members()[0].tags, alice({ tags }))).toBe(true);
  });

  // Creation cannot set isAllowQuit, and Tencent never lets a member the organization created leave it
  // (QuitOrganization: CreateMemberNotAllowQuit; UpdateOrganizationMember refuses "Allow" for it). So
  // isAllowQuit: true is refused at preview for a member this resource creates — instead of failing
  // after the account exists — and is applied right after adoption for an invited member.
  it("refuses isAllowQuit: true for a member it creates, and applies it right after adopting an invited one", async () => {
    expect(() => alice({ isAllowQuit: true })).toThrow(/isAllowQuit: true cannot be set on a member this resource creates/);
    const uin = h.emulator.admin.inviteMember({ name: "bob", nodeId: ENGINEERING });
    await h.outOfBand.UpdateOrganizationMember({ MemberUin: uin, IsAllowQuit: "Denied" });
    h.resetCounts();
    const { outs } = await h.provider.create(
      checked({ name: "bob", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: uin, isAllowQuit: true }),
    );
    expect(outs.isAllowQuit).toBe(true);
    expect(h.emulator.admin.members()[0].isAllowQuit).toBe("Allow");
    expect(h.counts()).toMatchObject({ UpdateOrganizationMember: 1 });
    expect(h.counts().CreateOrganizationMember).toBeUndefined();
  });

  it("an adopted member that the organization created cannot be allowed to quit: Tencent's refusal says what to do", async () => {
    const { id } = await h.provider.create(alice());
    const error = await h.provider
      .create(checked({ name: "alice", permissionIds: [1, 2, 4], nodeId: ENGINEERING, adoptMemberUin: Number(id), isAllowQuit: true }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.reasons[0]).toMatch(/UnsupportedOperation.MemberNotAllowQuit.*What to do: Tencent does not let this member leave/s);
  });

  it("FailedOperation.TagResourcesError: the member this call created without tags is taken, then tagged and marked", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "tagResourcesError" });
    const { id, outs } = await h.provider.create(alice());
    const [member] = membersNamed("alice");
    expect(String(member.memberUin)).toBe(id);
    expect(userTagsOf(member.tags)).toEqual({ env: "prod", team: "platform" });
    expect(carriesOwnMarker(member.tags)).toBe(true);
    expect(diffMember(outs, alice()).changes).toBe(false);
    expect(h.counts()).toMatchObject({ CreateOrganizationMember: 1, ModifyResourceTags: 1 });
    expect(h.logs.join("\n")).toMatch(
      /TagResourcesError on create \(RequestId [0-9a-f-]{36}\): member \d+ \("alice"\) was created without its tags; taking it/,
    );
  });

  it("FailedOperation.TagResourcesError with no member of that name is surfaced: nothing was created", async () => {
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "error", code: "FailedOperation.TagResourcesError" });
    const error = await h.provider.create(alice()).catch((e) => e);
    expect(error).toBeInstanceOf(TencentApiError);
    expect(error.message).toMatch(/TagResourcesError.*What to do: no member of that name exists, so nothing was created/s);
    expect(h.emulator.admin.members()).toHaveLength(0);
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
    // Tagging after a TagResourcesError is the follow-up step of a creation.
    h.emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "tagResourcesError" });
    h.emulator.admin.injectFault({ action: "ModifyResourceTags", mode: "error", code: "FailedOperation.PolicyEnforcedInvalid" });
    const error = await h.provider.create(alice()).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    const [member] = h.emulator.admin.members();
    expect(error.id).toBe(String(member.memberUin));
    expect(error.properties).toMatchObject({ memberUin: member.memberUin, name: "alice", accountName: "alice" });
    expect(error.reasons[0]).toMatch(/PolicyEnforcedInvalid/);
  });
});

describe("read", () => {
  it("returns the state and the inputs Tencent reports, so a refresh records drift", async () => {
    const { id, outs } = await h.provider.create(alice());
    await h.outOfBand.UpdateOrganizationMember({
      MemberUin: Number(id),
      Name: "alice-renamed",
      PolicyType: "Financial",
      PermissionIds: [1, 2],
    });
    await h.outOfBand.MoveOrganizationNodeMembers({ NodeId: FINANCE, MemberUin: [Number(id)] });
    h.restart(); // a refresh is the next operation: a new provider process, nothing read yet
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
    h.restart(); // a refresh is the next operation: a new provider process, nothing read yet
    expect(await h.provider.read(id, outs)).toEqual({});
  });

  it("keeps tags, identities and input-only fields apart from the ownership marker", async () => {
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    const read = await h.provider.read(id, outs);
    expect(read.props).toMatchObject({ tags: { env: "prod", team: "platform" }, deletionPolicy: "deleteAccount", identityRoleIds: [1, 2] });
    expect(JSON.stringify(read.inputs)).not.toContain("pulumi:owner");
  });
});

describe("an account renamed to the member's name stays the same account", () => {
  it("is one UpdateOrganizationMember with IsModifyNickName and one ModifyResourceTags moving the marker: same UIN, no new account", async () => {
    const { id, outs } = await h.provider.create(alice({ accountName: "alice-acct" }));
    expect(h.emulator.admin.members()[0]).toMatchObject({ nickName: "alice-acct" });
    h.resetCounts();
    const renamed = alice({}, outs);
    const { outs: after } = await h.provider.update(id, outs, { ...renamed, accountName: "alice" });
    expect(h.emulator.admin.members()).toHaveLength(1);
    const [member] = h.emulator.admin.members();
    expect(String(member.memberUin)).toBe(id);
    expect(member.nickName).toBe("alice");
    expect(after).toMatchObject({ accountName: "alice", nickName: "alice" });
    expect(h.counts()).toEqual({ UpdateOrganizationMember: 1, ModifyResourceTags: 1, DescribeOrganizationMembers: 1 });
    // The member carries the marker of its new account name, and only that one: a re-run after a
    // crash finds exactly this member, and a replacement to the old name would not take it.
    expect(carriesOwnMarker(member.tags, alice({ accountName: "alice" }))).toBe(true);
    expect(carriesOwnMarker(member.tags, alice({ accountName: "alice-acct" }))).toBe(false);
    expect(member.tags.filter((t) => OWNER_TAG_KEYS.includes(t.TagKey))).toHaveLength(1);
    h.restart();
    const again = await h.provider.create(alice({ accountName: "alice" }));
    expect(again.id).toBe(id);
  });

  it("a nickname changed outside Pulumi shows as a change and is healed in place by one UpdateOrganizationMember", async () => {
    const { id, outs } = await h.provider.create(alice());
    h.emulator.admin.setNickName(Number(id), "Ali");
    h.restart(); // a refresh is the next operation: a new provider process, nothing read yet
    const read = await h.provider.read(id, outs);
    expect(read.props).toMatchObject({ nickName: "Ali", accountName: "alice" });
    expect(h.logs.join("\n")).toMatch(
      /the account's nickname is "Ali", not its account name "alice" \(changed outside Pulumi\); the next update copies/,
    );
    const diff = await h.provider.diff(id, read.props!, alice({}, outs));
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    h.resetCounts();
    const { outs: healed } = await h.provider.update(id, read.props!, alice({}, outs));
    expect(healed.nickName).toBe("alice");
    expect(h.counts()).toEqual({ UpdateOrganizationMember: 1, DescribeOrganizationMembers: 1 });
  });

  it("reads the account's nickname, so the state shows what Tencent holds", async () => {
    const { id } = await h.provider.create(alice({ accountName: "alice-acct" }));
    const read = await h.provider.read(id, {});
    expect(read.props).toMatchObject({ nickName: "alice-acct" });
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
    const desired = alice(change, state.outs);
    const { outs } = await h.provider.update(state.id, state.outs, desired);
    expect(h.counts()).toEqual({ ...calls, DescribeOrganizationMembers: 1 });
    expect(diffMember(outs, desired).changes).toBe(false);
    const [member] = h.emulator.admin.members();
    expect(diffMember(outs, desired).changed).toEqual([]);
    expect(member.name).toBe(desired.name);
  });

  // A member carries at most 10 tags and check allows 9 plus the marker, so no tag change needs more
  // than ModifyResourceTags' 10 per list: the largest one possible is still a single call.
  it("the largest tag change Tencent's limits allow is one ModifyResourceTags call", async () => {
    const markerKey = OWNER_TAG_KEYS.find((key) => h.emulator.admin.members()[0].tags.some((t) => t.TagKey === key))!;
    const byHand = Array.from({ length: 10 }, (_, i) => ({ TagKey: `byhand${i}`, TagValue: "x" }));
    await retagOutOfBand(state.id, { ReplaceTags: byHand, DeleteTags: ["env", "team", markerKey].map((TagKey) => ({ TagKey })) });
    h.restart(); // a refresh is the next operation: a new provider process, nothing read yet
    const drifted = (await h.provider.read(state.id, state.outs)).props!;
    const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`declared${i}`, `v${i}`]));
    h.resetCounts();
    const { outs } = await h.provider.update(state.id, drifted, alice({ tags: nine }, state.outs));
    expect(h.counts().ModifyResourceTags).toBe(1);
    const [member] = h.emulator.admin.members();
    expect(userTagsOf(member.tags)).toEqual(nine);
    expect(carriesOwnMarker(member.tags)).toBe(true);
    expect(outs.tags).toEqual(nine);
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
    const { id, outs } = await h.provider.create(
      checked({ name: "bob", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: uin, deletionPolicy: "removeFromOrganization" }),
    );
    await h.provider.delete(id, outs);
    expect(h.emulator.admin.members()).toHaveLength(0);
  });

  it("an invited member that already left counts as removed, decided by looking it up", async () => {
    const uin = h.emulator.admin.inviteMember({ name: "bob", nodeId: ENGINEERING });
    const { id, outs } = await h.provider.create(
      checked({ name: "bob", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: uin, deletionPolicy: "removeFromOrganization" }),
    );
    await h.outOfBand.DeleteOrganizationMembers({ MemberUin: [uin] });
    h.resetCounts();
    await expect(h.provider.delete(id, outs)).resolves.toBeUndefined();
    expect(h.counts()).toMatchObject({ DeleteOrganizationMembers: 1, DescribeOrganizationMembers: 1 });
    expect(h.logs.join("\n")).toMatch(new RegExp(`member ${uin} is already gone`));
  });

  it("deleteAccount while the organization's member deletion permission is off names the setting to enable, asking CheckAccountDelete first", async () => {
    h.emulator.admin.setMemberDeletion(false);
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    h.resetCounts();
    const error = await h.provider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(AccountDeletionBlockedError);
    expect(error.message).toMatch(
      /\(1\) the organization's member deletion permission is off: enable it .*"Member deletion permission".*doc 55955/s,
    );
    expect(error.message).toMatch(/Nothing was deleted.*What to do: fix each reason and destroy again; or set deletionPolicy: "retain"/s);
    expect(h.counts()).toEqual({ CheckAccountDelete: 1 });
    expect(membersNamed("alice")).toHaveLength(1);
    h.emulator.admin.setMemberDeletion(true);
    await h.provider.delete(id, outs);
    expect(membersNamed("alice")).toHaveLength(0);
  });

  it("deleteAccount on an invited member says to use removeFromOrganization or retain", async () => {
    const { id, outs } = await adoptInvited({ deletionPolicy: "deleteAccount" });
    const error = await h.provider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(AccountDeletionBlockedError);
    expect(error.message).toMatch(/joined by invitation.*set deletionPolicy: "removeFromOrganization".*deletionPolicy: "retain"/s);
    expect(h.emulator.admin.members()).toHaveLength(1);
  });

  it.each([
    ["resources", /resources are still in the account .*release them first in the member's own console/s],
    ["services", /delegated administrator of a trusted service: remove the delegation first/],
    ["sharedResources", /administers shared resources: stop sharing them first/],
  ] as const)(
    "a member holding %s: deleteAccount is refused before DeleteAccount is sent, saying what to release",
    async (holding, text) => {
      const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
      h.emulator.admin.setHoldings(Number(id), { [holding]: true });
      h.resetCounts();
      const error = await h.provider.delete(id, outs).catch((e) => e);
      expect(error).toBeInstanceOf(AccountDeletionBlockedError);
      expect(error.message).toMatch(text);
      expect(h.counts().DeleteAccount).toBeUndefined();
      expect(h.emulator.admin.members()).toHaveLength(1);
    },
  );

  it("deleteAccount lists every reason Tencent would refuse, all at once, and deletes nothing", async () => {
    h.emulator.admin.setMemberDeletion(false);
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    h.emulator.admin.setHoldings(Number(id), { resources: true, sharedResources: true, cicUserConfig: true });
    const error = await h.provider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(AccountDeletionBlockedError);
    expect(error.reasons).toHaveLength(4);
    expect(error.message).toMatch(
      /\(1\) .*deletion permission is off.*\(2\) .*administers shared resources.*\(3\) .*resources are still in the account.*\(4\) .*Identity Center users/s,
    );
    expect(membersNamed("alice")).toHaveLength(1);
    h.emulator.admin.setMemberDeletion(true);
  });

  it("a refusal DeleteAccount answers after the check allowed it is still explained with its code", async () => {
    const { id, outs } = await h.provider.create(alice({ deletionPolicy: "deleteAccount" }));
    h.emulator.admin.injectFault({ action: "DeleteAccount", mode: "error", code: "UnsupportedOperation.MemberAccountExistResource" });
    const error = await h.provider.delete(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(DeletionRefusedError);
    expect(error.code).toBe("UnsupportedOperation.MemberAccountExistResource");
    expect(error.message).toMatch(/still holds resources.*What to do: release the account's remaining resources first/s);
    expect(h.emulator.admin.members()).toHaveLength(1);
  });

  it.each([
    ["services", "UnsupportedOperation.MemberExistServiceNotAllowDelete", /still uses services.*removing it from the organization/s],
    ["sharedResources", "FailedOperation.MemberShareResource", /shares resources.*removing it from the organization/s],
  ] as const)(
    "a member holding %s: removeFromOrganization is refused with %s, saying to release them first",
    async (holding, code, text) => {
      const { id, outs } = await adoptInvited({ deletionPolicy: "removeFromOrganization" });
      h.emulator.admin.setHoldings(Number(id), { [holding]: true });
      const error = await h.provider.delete(id, outs).catch((e) => e);
      expect(error).toBeInstanceOf(DeletionRefusedError);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(text);
      expect(error.message).toMatch(/then destroy again; or set deletionPolicy: "retain"/);
      expect(h.emulator.admin.members()).toHaveLength(1);
    },
  );

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
    // An invited member confirms a permission change itself: until then Tencent reports the old permissions.
    expect(outs).toMatchObject({
      nodeId: FINANCE,
      permissionIds: [1, 2],
      pendingPermissionIds: [1, 2, 8],
      permissionStatus: "UnConfirmed",
    });
    expect(outs).toMatchObject({ tags: { team: "new" }, memberType: "Invite" });
    expect(h.logs.join("\n")).toMatch(new RegExp(`member ${uin}: the permission change to \\[1, 2, 8\\] awaits the member's confirmation`));
    h.emulator.admin.confirmPermissionChange(uin);
    expect((await h.provider.read(id, outs)).props).toMatchObject({ permissionIds: [1, 2, 8], permissionStatus: "Confirmed" });
  });

  it("refuses to adopt a UIN that is not a member, naming the field", async () => {
    const error = await h.provider
      .create(checked({ name: "dave", permissionIds: [1, 2], nodeId: ENGINEERING, adoptMemberUin: 123456 }))
      .catch((e) => e);
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

describe("a permission change waiting for an invited member's confirmation", () => {
  const declared = { permissionIds: [1, 2, 8] };

  it("shows no diff and sends nothing on the next up, says what waits, and is normal again once confirmed", async () => {
    const { uin, id, outs, inputs } = await adoptInvited(declared);
    expect(outs.pendingPermissionIds).toEqual([1, 2, 8]);
    expect(diffMember(outs, inputs).changes).toBe(false);
    h.resetCounts();
    h.logs.length = 0;
    expect((await h.provider.diff(id, outs, inputs)).changes).toBe(false);
    expect(h.logs.join("\n")).toMatch(/awaits the member's confirmation.*nothing is sent for the permissions meanwhile/);

    const refreshed = await h.provider.read(id, outs);
    expect(refreshed.props).toMatchObject({ permissionIds: [1, 2], pendingPermissionIds: [1, 2, 8] });
    expect(refreshed.inputs?.permissionIds).toEqual([1, 2, 8]);
    const withRemark = checked({ ...inputs, remark: "ops" }, refreshed.inputs);
    await h.provider.update(id, refreshed.props!, withRemark);
    expect(h.counts()).toMatchObject({ UpdateOrganizationMember: 1 }); // the remark only: no ChangePermissionRecordExist
    expect(h.emulator.admin.members()[0]).toMatchObject({ remark: "ops", pendingPermissions: { permissionIds: [1, 2, 8] } });

    h.emulator.admin.confirmPermissionChange(uin);
    const confirmed = (await h.provider.read(id, refreshed.props)).props!;
    expect(confirmed.permissionIds).toEqual([1, 2, 8]);
    expect(confirmed.pendingPermissionIds).toBeUndefined();
    expect(diffMember(confirmed, withRemark).changes).toBe(false);
  });

  it("another permission change meanwhile is refused by Tencent with what to do, and diff says so at preview", async () => {
    const { id, outs, inputs } = await adoptInvited(declared);
    const other = checked({ ...inputs, permissionIds: [1, 2, 9] }, outs);
    h.logs.length = 0;
    expect((await h.provider.diff(id, outs, other)).changes).toBe(true);
    expect(h.logs.join("\n")).toMatch(/awaits the member's confirmation.*refuses another permission change until the member answers/);
    const error = await h.provider.update(id, outs, other).catch((e) => e);
    expect(error.code).toBe("FailedOperation.ChangePermissionRecordExist");
    expect(error.message).toMatch(/What to do: the member must first confirm \(or decline\) the permission change/);
  });
});

describe("the ownership marker", () => {
  it("removed outside Pulumi: read notices, diff reports it, update writes it again with the Tag service", async () => {
    const { id, outs } = await h.provider.create(alice());
    const markerKey = ownerTagKey(memberOwnerMarker(alice())!);
    await retagOutOfBand(id, { DeleteTags: [{ TagKey: markerKey }] });
    expect(carriesOwnMarker(h.emulator.admin.members()[0].tags)).toBe(false);

    h.restart(); // a refresh is the next operation: a new provider process, nothing read yet
    const refreshed = await h.provider.read(id, outs);
    expect(refreshed.props!.ownerTags).toEqual({});
    expect(refreshed.inputs).not.toHaveProperty("ownerMarker"); // the preview shows it written again
    const desired = alice({}, refreshed.inputs);
    expect(diffMember(refreshed.props!, desired).changed).toEqual([{ field: "ownerMarker", effect: "modifyTags" }]);
    h.logs.length = 0;
    expect((await h.provider.diff(id, refreshed.props!, desired)).changes).toBe(true);
    expect(h.logs.join("\n")).toMatch(new RegExp(`member ${id} lost its ownership marker tag`));

    h.resetCounts();
    const { outs: healed } = await h.provider.update(id, refreshed.props!, desired);
    expect(h.counts()).toEqual({ ModifyResourceTags: 1, DescribeOrganizationMembers: 1 });
    expect(carriesOwnMarker(h.emulator.admin.members()[0].tags)).toBe(true);
    expect(h.logs.join("\n")).toMatch(new RegExp(`member ${id}: writing its ownership marker tag ${markerKey} again`));
    expect(diffMember(healed, desired).changes).toBe(false);
    // And it still does its job: a re-run after a crash recognises the member.
    expect((await h.provider.create(alice())).id).toBe(id);
  });

  it("an adopted member is never given a marker, and a state from before markers were recorded shows no change", async () => {
    const { outs, inputs } = await adoptInvited();
    expect(diffMember(outs, inputs).changes).toBe(false);
    const { outs: created } = await h.provider.create(alice());
    const { ownerTags: _dropped, ...older } = created;
    expect(diffMember({ ...older }, alice()).changes).toBe(false);
  });
});

describe("ownership markers past the per-key value quota", () => {
  // The markers of these members, spread over the 8 keys; the emulator lets each key hold only as
  // many distinct values as the fullest key needs, far fewer than the members: one key could not.
  const names = Array.from({ length: 24 }, (_, i) => `m${String(i).padStart(2, "0")}`);
  const inputsOf = (name: string) => checked({ name, permissionIds: [1, 2], nodeId: ENGINEERING, ownerMarker: `proj/dev/${name}` });
  const perKey = new Map<string, number>();
  for (const name of names) {
    const key = ownerTagKey(memberOwnerMarker(inputsOf(name))!);
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  const quota = Math.max(...perKey.values());
  let small: ProviderHarness;
  beforeAll(async () => {
    small = await startProviderHarness({ tagValueQuota: quota });
  });
  afterAll(() => small.close());

  it(`creates more members than one key could mark, every one carrying its marker`, async () => {
    expect(quota).toBeLessThan(names.length / 3);
    small.fresh();
    for (const name of names) await small.provider.create(inputsOf(name));
    const members = small.emulator.admin.members();
    expect(members).toHaveLength(names.length);
    for (const member of members)
      expect(carriesMarker(tagMap(member.tags), memberOwnerMarker(inputsOf(member.name))), member.name).toBe(true);
  });
});

describe("temporary credentials", () => {
  let withToken: ProviderHarness;
  beforeAll(async () => {
    withToken = await startProviderHarness({
      credentials: [
        { secretId: "AKIDtemporary0000000000000000000001", secretKey: "temporary-key-000000000000000001", token: "session-token-0001" },
      ],
    });
  });
  afterAll(() => withToken.close());

  const temporary = {
    "tencentcloud:secretId": "AKIDtemporary0000000000000000000001",
    "tencentcloud:secretKey": "temporary-key-000000000000000001",
  };

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

/**
 * Read-only checks against real Tencent Cloud. They run only when TENCENTCLOUD_SECRET_ID (and
 * TENCENTCLOUD_SECRET_KEY) are set and TENCENTCLOUD_ENDPOINT_URL is not; they create nothing.
 */
const real = Boolean(process.env.TENCENTCLOUD_SECRET_ID) && !process.env.TENCENTCLOUD_ENDPOINT_URL;
if (!real) {
  console.log("real Tencent Cloud tests skipped: TENCENTCLOUD_SECRET_ID is not set (or TENCENTCLOUD_ENDPOINT_URL points elsewhere)");
}

describe.skipIf(!real)("against real Tencent Cloud (read-only)", () => {
  it("lists the organization's members with the configured credential", async () => {
    // Environment and profile file, as the provider process reads them when the stack config has no credential.
    const provider = new MemberLifecycle(fromSettings(loadSettings(() => undefined)));
    const result = await provider.lookup({ name: "a-member-name-that-does-not-exist-0" });
    expect(result).toBeUndefined();
  });
});
