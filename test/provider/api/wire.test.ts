import { describe, expect, it } from "vitest";
import { toAddNodeRequest, toCreateRequest, toReportedMember, toUpdateRequest } from "../../../provider/api/wire";
import { LEGACY_OWNER_TAG_KEY as OWNER_TAG_KEY } from "../../../provider/core/tags";
import { fullInputs } from "../support/fixtures";

describe("an update plan is written in Tencent's fields, and only the planned ones", () => {
  it.each([
    ["a rename: Name only", { name: "bob" }, { MemberUin: 7, Name: "bob" }],
    [
      "new permissions: PolicyType and PermissionIds",
      { policyType: "Financial" as const, permissionIds: [1, 2, 9] },
      { MemberUin: 7, PolicyType: "Financial", PermissionIds: [1, 2, 9] },
    ],
    ["a cleared remark: Remark sent empty", { remark: "" }, { MemberUin: 7, Remark: "" }],
    ["quit allowed: IsAllowQuit Allow", { isAllowQuit: true }, { MemberUin: 7, IsAllowQuit: "Allow" }],
    ["quit refused: IsAllowQuit Denied", { isAllowQuit: false }, { MemberUin: 7, IsAllowQuit: "Denied" }],
    ["a new payer: PayUin", { payUin: "100000100001" }, { MemberUin: 7, PayUin: "100000100001" }],
  ])("%s", (_title, update, expected) => {
    expect(toUpdateRequest(7, update)).toEqual(expected);
  });
});

describe("a create request carries the user tags and the ownership marker as Tencent's tag pairs", () => {
  it("lists the marker first (it must arrive with the member), then the user tags", () => {
    const request = toCreateRequest({ ...fullInputs, tags: { env: "prod" } }, { [OWNER_TAG_KEY]: "abc" });
    expect(request.Tags).toEqual([
      { TagKey: OWNER_TAG_KEY, TagValue: "abc" },
      { TagKey: "env", TagValue: "prod" },
    ]);
  });

  it("carries the marker and the first 9 user tags in key order: a request takes 10, the rest are written after creation", () => {
    const tags = Object.fromEntries([...Array(35)].map((_, i) => [`k${String(i).padStart(2, "0")}`, "v"]));
    const request = toCreateRequest({ ...fullInputs, tags }, { [OWNER_TAG_KEY]: "abc" });
    expect(request.Tags?.map((t) => t.TagKey)).toEqual([OWNER_TAG_KEY, "k00", "k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08"]);
    expect(toAddNodeRequest({ parentNodeId: 1, name: "n", tags }, {}).Tags).toHaveLength(10);
  });

  it("sends no Tags at all when there are none", () => {
    expect(toCreateRequest({ ...fullInputs, tags: undefined }, {})).not.toHaveProperty("Tags");
  });
});

describe("a reported member is read into the provider's terms", () => {
  it("maps IsAllowQuit, permissions, identities and tags, sorted, and keeps the RequestId", () => {
    const member = toReportedMember(
      {
        MemberUin: 7,
        Name: "alice",
        IsAllowQuit: "Allow",
        OrgPermission: [
          { Id: 2, Name: "view balance" },
          { Id: 1, Name: "view bills" },
        ],
        OrgIdentity: [{ IdentityId: 3, IdentityAliasName: "ops" }],
        Tags: [{ TagKey: OWNER_TAG_KEY, TagValue: "abc" }],
      },
      "req-1",
    );
    expect(member).toMatchObject({
      memberUin: 7,
      name: "alice",
      isAllowQuit: true,
      permissions: [
        { id: 1, name: "view bills" },
        { id: 2, name: "view balance" },
      ],
      identities: [{ identityId: 3, identityAliasName: "ops" }],
      tags: { [OWNER_TAG_KEY]: "abc" },
      requestId: "req-1",
    });
  });
});
