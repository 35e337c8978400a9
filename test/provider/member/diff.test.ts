import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMember } from "../../../provider/member/check";
import { diffMember } from "../../../provider/member/diff";
import { ownerTagKey } from "../../../provider/core/ownership";
import { LEGACY_OWNER_TAG_KEY as OWNER_TAG_KEY } from "../../../provider/core/tags";
import { memberOwnerMarker } from "../../../provider/member/ownership";
import type { MemberInputs } from "../../../provider/member/types";
import { UNKNOWN, type MaybeUnknown } from "../../../provider/core/unknown";
import { fullInputs, fullOutputs } from "../support/fixtures";

describe("diff: one table of in-place updates, replacements and no-ops", () => {
  const cases: [string, Partial<MaybeUnknown<MemberInputs>>, { changes: boolean; replaces: string[]; effects: string[] }][] = [
    ["a rename is an in-place update", { name: "alice2" }, { changes: true, replaces: [], effects: ["updateMember"] }],
    ["a new remark is an in-place update", { remark: "new" }, { changes: true, replaces: [], effects: ["updateMember"] }],
    ["removing the remark is an in-place update", { remark: undefined }, { changes: true, replaces: [], effects: ["updateMember"] }],
    [
      "another permission is an in-place update",
      { permissionIds: [1, 2, 4, 8] },
      { changes: true, replaces: [], effects: ["updateMember"] },
    ],
    ["another payer is an in-place update", { payUin: "100000100009" }, { changes: true, replaces: [], effects: ["updateMember"] }],
    ["allowing quit is an in-place update", { isAllowQuit: true }, { changes: true, replaces: [], effects: ["updateMember"] }],
    ["another department is a move", { nodeId: 100002 }, { changes: true, replaces: [], effects: ["moveNode"] }],
    [
      "another tag value is a tag update",
      { tags: { env: "dev", team: "platform" } },
      { changes: true, replaces: [], effects: ["modifyTags"] },
    ],
    ["dropping all tags is a tag update", { tags: undefined }, { changes: true, replaces: [], effects: ["modifyTags"] }],
    ["another identity is an identity update", { identityRoleIds: [1] }, { changes: true, replaces: [], effects: ["identities"] }],
    [
      "another deletion policy only updates the state",
      { deletionPolicy: "deleteAccount" },
      { changes: true, replaces: [], effects: ["stateOnly"] },
    ],
    [
      "another account name replaces the member",
      { accountName: "alice-acct" },
      { changes: true, replaces: ["accountName"], effects: ["replace"] },
    ],
    [
      "an account name changed to the member's name is reached in place (IsModifyNickName)",
      { name: "alice-2", accountName: "alice-2" },
      { changes: true, replaces: [], effects: ["updateMember"] },
    ],
    [
      "another verified entity replaces the member",
      { authRelationId: 5001 },
      { changes: true, replaces: ["authRelationId"], effects: ["replace"] },
    ],
    [
      "adopting another member replaces the resource",
      { adoptMemberUin: 100000100042 },
      { changes: true, replaces: ["adoptMemberUin"], effects: ["replace"] },
    ],
    [
      "adopting the member it already manages is no change",
      { adoptMemberUin: 100000100000 },
      { changes: false, replaces: [], effects: [] },
    ],
    ["a recordId after creation is no change", { recordId: 77 }, { changes: false, replaces: [], effects: [] }],
    ["another ownership marker is no change", { ownerMarker: "other/stack/alice" }, { changes: false, replaces: [], effects: [] }],
    ["omitting payUin leaves the payer unmanaged", { payUin: undefined }, { changes: false, replaces: [], effects: [] }],
    ["omitting isAllowQuit leaves it unmanaged", { isAllowQuit: undefined }, { changes: false, replaces: [], effects: [] }],
    ["omitting identities leaves them unmanaged", { identityRoleIds: undefined }, { changes: false, replaces: [], effects: [] }],
    ["reordered permissions are no change", { permissionIds: [4, 2, 1] }, { changes: false, replaces: [], effects: [] }],
    ["reordered tags are no change", { tags: { team: "platform", env: "prod" } }, { changes: false, replaces: [], effects: [] }],
    ["an unknown department at preview is a possible change", { nodeId: UNKNOWN }, { changes: true, replaces: [], effects: ["moveNode"] }],
    [
      "an unknown account name at preview is a possible replacement",
      { accountName: UNKNOWN },
      { changes: true, replaces: ["accountName"], effects: ["replace"] },
    ],
  ];

  it.each(cases)("%s", (_title, change, expected) => {
    const result = diffMember(fullOutputs, { ...fullInputs, ...change });
    expect(result.changes).toBe(expected.changes);
    expect(result.replaces).toEqual(expected.replaces);
    expect([...new Set(result.changed.map((c) => c.effect))]).toEqual(expected.effects);
    expect(result.deleteBeforeReplace).toBe(expected.replaces.length > 0);
  });

  describe("a permission change waiting for the member's confirmation", () => {
    const waiting = { ...fullOutputs, permissionIds: [1, 2], pendingPermissionIds: [1, 2, 4], permissionStatus: "UnConfirmed" };

    it("compares the declared permissions with the requested ones, not the old ones Tencent still reports", () => {
      expect(diffMember(waiting, fullInputs).changes).toBe(false);
    });

    it("reports a further change as a permission update (which Tencent will refuse until the member answers)", () => {
      expect(diffMember(waiting, { ...fullInputs, permissionIds: [1, 2, 9] }).changed).toEqual([
        { field: "permissionIds", effect: "updateMember" },
      ]);
    });
  });

  describe("the ownership marker", () => {
    const marker = memberOwnerMarker(fullOutputs)!;
    const withMarker = { ...fullOutputs, ownerTags: { [ownerTagKey(marker)]: marker } };

    it.each([
      ["the marker under its key", withMarker, false],
      ["the marker under the 0.1.0 key", { ...fullOutputs, ownerTags: { [OWNER_TAG_KEY]: marker } }, false],
      ["no marker tag at all: a tag update restores it", { ...fullOutputs, ownerTags: {} }, true],
      ["someone else's marker value", { ...fullOutputs, ownerTags: { [ownerTagKey(marker)]: "f".repeat(40) } }, true],
      ["no marker on an adopted member, which never had one", { ...fullOutputs, ownerTags: {}, adoptMemberUin: 100000100000 }, false],
      ["no marker recorded by an older state", fullOutputs, false],
      [
        "no marker on a member created without one (no ownerMarker input)",
        { ...fullOutputs, ownerMarker: undefined, ownerTags: {} },
        false,
      ],
    ] as const)("%s", (_title, state, restores) => {
      const changed = diffMember(state, fullInputs).changed;
      expect(changed).toEqual(restores ? [{ field: "ownerMarker", effect: "modifyTags" }] : []);
    });
  });

  it("does not count the ownership marker tag as a user tag", () => {
    const state = { ...fullOutputs, tags: { ...fullOutputs.tags, [OWNER_TAG_KEY]: "abc" } };
    expect(diffMember(state, fullInputs).changes).toBe(false);
  });

  it("reports drift found by a refresh: the state says Finance, the program says Engineering", () => {
    const refreshed = { ...fullOutputs, nodeId: 100002, nodeName: "Finance" };
    expect(diffMember(refreshed, fullInputs).changed).toEqual([{ field: "nodeId", effect: "moveNode" }]);
  });

  it("treats a state written by an older version with fewer fields as unchanged", () => {
    // A 0.1 state: no identities recorded, identity input never declared, no deletionPolicy field.
    const { identities: _i, identityRoleIds: _r, deletionPolicy: _d, ...older } = fullOutputs;
    const declared = { ...fullInputs, identityRoleIds: undefined, deletionPolicy: "retain" as const };
    expect(diffMember(older, declared).changes).toBe(false);
  });
});

describe("diff properties", () => {
  const declaration = fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9._-]{0,24}$/),
    permissionIds: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 10 }).map((ids) => [1, 2, ...ids]),
    nodeId: fc.integer({ min: 1, max: 10 ** 6 }),
    remark: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    tags: fc.option(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 8 }), { maxKeys: 9 }), { nil: undefined }),
    identityRoleIds: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 4 })), { nil: undefined }),
    isAllowQuit: fc.option(fc.boolean(), { nil: undefined }),
    payUin: fc.option(fc.stringMatching(/^[1-9][0-9]{5,11}$/), { nil: undefined }),
    deletionPolicy: fc.constantFrom("retain", "removeFromOrganization", "deleteAccount"),
  });
  const checked = (d: Record<string, unknown>) => checkMember({}, d).inputs;
  // The state a faithful create leaves for these inputs.
  const { remark: _r, payUin: _p, identityRoleIds: _i, ...reportedOnly } = fullOutputs;
  const stateFor = (inputs: MemberInputs) => ({
    ...reportedOnly,
    ...inputs,
    tags: inputs.tags ?? {},
    isAllowQuit: inputs.isAllowQuit ?? false,
    identities: (inputs.identityRoleIds ?? []).map((identityId) => ({ identityId, identityAliasName: "x" })),
  });

  it("diff(x, x) reports no change", () => {
    fc.assert(
      fc.property(declaration, (d) => {
        const inputs = checked(d);
        expect(diffMember(stateFor(inputs), inputs).changes).toBe(false);
      }),
    );
  });

  it("permission and tag order never matters", () => {
    fc.assert(
      fc.property(declaration, (d) => {
        const inputs = checked(d);
        const reordered = {
          ...inputs,
          permissionIds: [...inputs.permissionIds].reverse(),
          tags: inputs.tags ? Object.fromEntries(Object.entries(inputs.tags).reverse()) : undefined,
        };
        expect(diffMember(stateFor(inputs), reordered).changes).toBe(false);
      }),
    );
  });

  it("an account name changed to the member's name replaces an adopted member: its account is not this resource's to rename", () => {
    const adopted = { ...fullOutputs, adoptMemberUin: fullOutputs.memberUin, accountName: "alice-acct" };
    const result = diffMember(adopted, { ...fullInputs, adoptMemberUin: fullOutputs.memberUin });
    expect(result.replaces).toEqual(["accountName"]);
  });

  it("an account name changed from a state's other name to the member's name is one in-place row, not a replacement", () => {
    const result = diffMember({ ...fullOutputs, accountName: "alice-acct" }, fullInputs);
    expect(result.changed).toEqual([{ field: "accountName", effect: "updateMember" }]);
    expect(result.replaces).toEqual([]);
  });

  it.each([
    ["a nickname equal to the account name is no change", "alice", "alice", []],
    ["a nickname changed outside Pulumi, account name = name: copied again in place", "Ali", "alice", ["updateMember"]],
    ["a nickname changed outside Pulumi, account name ≠ name: reported at read, no change", "Ali", "alice-acct", []],
    ["a state from before the nickname was read is no change", undefined, "alice", []],
  ] as const)("%s", (_title, nickName, accountName, effects) => {
    const olds = { ...fullOutputs, accountName, nickName };
    const { changed } = diffMember(olds, { ...fullInputs, accountName });
    expect(changed.map((c) => c.effect)).toEqual(effects);
  });

  it("only accountName, authRelationId and adoptMemberUin ever force a replacement", () => {
    fc.assert(
      fc.property(declaration, declaration, (a, b) => {
        const before = checked(a);
        const after = { ...checked(b), accountName: before.accountName };
        expect(diffMember(stateFor(before), after).replaces).toEqual([]);
      }),
    );
  });
});
