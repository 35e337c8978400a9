import { beforeEach, describe, expect, it } from "vitest";
import { aMember, codeOf, orgClient, tagClient, useEmulator, type OrgClient } from "./fixtures";
import type { RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: OrgClient;
let tags: ReturnType<typeof tagClient>;
let memberUin: number;
useEmulator((started) => {
  ({ emulator, client } = started);
  tags = tagClient(emulator);
});
beforeEach(async () => {
  memberUin = (
    await client.CreateOrganizationMember(
      aMember({
        Tags: [
          { TagKey: "env", TagValue: "dev" },
          { TagKey: "old", TagValue: "1" },
        ],
      }),
    )
  ).Uin!;
});

const resource = (uin: number, region = "ap-guangzhou") => `qcs::organization:${region}:uin/:member/${uin}`;
const nodeResource = (nodeId: number) => `qcs::organization:ap-guangzhou:uin/:node/${nodeId}`;
const memberTags = () => emulator.admin.members().find((m) => m.memberUin === memberUin)?.tags;
const tagsOf = (count: number, prefix = "k") => Array.from({ length: count }, (_, i) => ({ TagKey: `${prefix}${i}`, TagValue: "v" }));

describe("ModifyResourceTags on an organization member", () => {
  it("replaces and deletes tags, visible in OrgMember.Tags", async () => {
    await tags.ModifyResourceTags({
      Resource: resource(memberUin),
      ReplaceTags: [
        { TagKey: "env", TagValue: "prod" },
        { TagKey: "team", TagValue: "a" },
      ],
      DeleteTags: [{ TagKey: "old" }],
    });
    const { Items } = await orgClient(emulator).DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: String(memberUin) });
    expect(Items?.[0].Tags).toEqual([
      { TagKey: "env", TagValue: "prod" },
      { TagKey: "team", TagValue: "a" },
    ]);
  });

  it.each(["", "ap-shanghai", "na-ashburn"])("accepts the region segment %j", async (region) => {
    await tags.ModifyResourceTags({ Resource: resource(memberUin, region), DeleteTags: [{ TagKey: "old" }] });
    expect(memberTags()).toEqual([{ TagKey: "env", TagValue: "dev" }]);
  });

  it.each(["qcs::cvm:ap-guangzhou:uin/:instance/ins-1", `qcs::organization::uin/:member/abc`, `organization/member/1`])(
    "refuses the resource %j with InvalidParameterValue.ResourceDescriptionError",
    async (bad) => {
      expect(await codeOf(tags.ModifyResourceTags({ Resource: bad, DeleteTags: [{ TagKey: "old" }] }))).toBe(
        "InvalidParameterValue.ResourceDescriptionError",
      );
    },
  );

  it("refuses a well-formed resource naming no member with the generic FailedOperation (undocumented case)", async () => {
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(1), DeleteTags: [{ TagKey: "old" }] }))).toBe("FailedOperation");
  });

  it.each([
    ["neither list", {}, "InvalidParameter"],
    ["an empty ReplaceTags", { ReplaceTags: [] }, "InvalidParameter"],
    ["an empty DeleteTags", { DeleteTags: [] }, "InvalidParameter"],
    ["eleven ReplaceTags", { ReplaceTags: tagsOf(11) }, "InvalidParameter.Tag"],
    ["eleven DeleteTags", { DeleteTags: tagsOf(11).map(({ TagKey }) => ({ TagKey })) }, "InvalidParameter.Tag"],
    [
      "a key twice in one list",
      {
        ReplaceTags: [
          { TagKey: "a", TagValue: "1" },
          { TagKey: "a", TagValue: "2" },
        ],
      },
      "InvalidParameter.Tag",
    ],
    [
      "a key in both lists",
      { ReplaceTags: [{ TagKey: "env", TagValue: "x" }], DeleteTags: [{ TagKey: "env" }] },
      "InvalidParameterValue.DeleteTagsParamError",
    ],
  ])("refuses %s with %s, changing nothing", async (_case, lists, code) => {
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ...lists }))).toBe(code);
    expect(memberTags()).toHaveLength(2);
  });

  it.each([
    ["an empty key", "", "v", "InvalidParameterValue.TagKeyEmpty"],
    ["a 128-character key", "k".repeat(128), "v", "InvalidParameterValue.TagKeyLengthExceeded"],
    ["a key with an illegal character", "team!", "v", "InvalidParameterValue.TagKeyCharacterIllegal"],
    ["a key with a leading space", " team", "v", "InvalidParameterValue.TagKeyCharacterIllegal"],
    ["an empty value", "k", "", "InvalidParameter.Tag"],
    ["a 256-character value", "k", "v".repeat(256), "InvalidParameterValue.TagValueLengthExceeded"],
    ["a value with an illegal character", "k", "a#b", "InvalidParameterValue.TagValueCharacterIllegal"],
    ["a value with a trailing space", "k", "ab ", "InvalidParameterValue.TagValueCharacterIllegal"],
    ["the reserved prefix qcs:", "qcs:x", "v", "InvalidParameter.ReservedTagKey"],
    ["the reserved prefix project", "ProjectId", "v", "InvalidParameter.ReservedTagKey"],
    ["the reserved prefix 项目", "项目名", "v", "InvalidParameter.ReservedTagKey"],
    ["the reserved prefix qcloud", "QCLOUD-x", "v", "InvalidParameter.ReservedTagKey"],
    ["the reserved prefix tencent", "tencentTeam", "v", "InvalidParameter.ReservedTagKey"],
  ])("refuses %s with %s", async (_case, key, value, code) => {
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: key, TagValue: value }] }))).toBe(
      code,
    );
  });

  it("accepts every allowed character: letters, digits, Chinese, inner spaces and + - = . _ : / @ ( ) [ ] , ; > <", async () => {
    const value = "aZ09 中文+-=._:/@()[],;><";
    await tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: "cost center", TagValue: value }] });
    expect(memberTags()).toContainEqual({ TagKey: "cost center", TagValue: value });
  });

  it("accepts the Chinese-input symbols in their full-width forms: ＋ － ＝ ／ ＠ （ ） 【 】 ：", async () => {
    const value = "预算【2025】（一）＋－＝／＠：";
    await tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: "【成本】（中心）", TagValue: value }] });
    expect(memberTags()).toContainEqual({ TagKey: "【成本】（中心）", TagValue: value });
    // Other full-width punctuation stays outside the set.
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: "k", TagValue: "a，b" }] }))).toBe(
      "InvalidParameterValue.TagValueCharacterIllegal",
    );
  });

  it("attaches up to 50 tags to one member, ten per request, and refuses the fifty-first with LimitExceeded.ResourceAttachedTags", async () => {
    // The member starts with two tags; four requests of ten and one of eight bring it to 50.
    for (let batch = 0; batch < 4; batch++) {
      await tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: tagsOf(10, `b${batch}-`) });
    }
    await tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: tagsOf(8, "last-") });
    expect(memberTags()).toHaveLength(50);
    expect(
      await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: "fifty-first", TagValue: "v" }] })),
    ).toBe("LimitExceeded.ResourceAttachedTags");
    expect(memberTags()).toHaveLength(50);
    // Replacing the value of a tag it already carries adds nothing, so it is still allowed.
    await tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: "env", TagValue: "prod" }] });
  });

  it("attaches up to 50 tags to one department too", async () => {
    for (let batch = 0; batch < 5; batch++) {
      await tags.ModifyResourceTags({ Resource: nodeResource(100001), ReplaceTags: tagsOf(10, `b${batch}-`) });
    }
    expect(
      await codeOf(tags.ModifyResourceTags({ Resource: nodeResource(100001), ReplaceTags: [{ TagKey: "fifty-first", TagValue: "v" }] })),
    ).toBe("LimitExceeded.ResourceAttachedTags");
    const { Items } = await client.DescribeOrganizationNodes({ Offset: 0, Limit: 50 });
    expect(Items?.find((n) => n.NodeId === 100001)?.Tags).toHaveLength(50);
  });

  it("sets and deletes department tags through the node resource name, visible in DescribeOrganizationNodes", async () => {
    await tags.ModifyResourceTags({ Resource: nodeResource(100001), ReplaceTags: [{ TagKey: "owner", TagValue: "platform" }] });
    const { Items } = await client.DescribeOrganizationNodes({
      Offset: 0,
      Limit: 50,
      Tags: [{ TagKey: "owner" } as { TagKey: string; TagValue: string }],
    });
    expect(Items?.map((n) => [n.NodeId, n.Tags])).toEqual([[100001, [{ TagKey: "owner", TagValue: "platform" }]]]);
    await tags.ModifyResourceTags({
      Resource: nodeResource(100001),
      DeleteTags: [{ TagKey: "owner" } as { TagKey: string; TagValue: string }],
    });
    expect(
      (
        await client.DescribeOrganizationNodes({
          Offset: 0,
          Limit: 50,
          Tags: [{ TagKey: "owner" } as { TagKey: string; TagValue: string }],
        })
      ).Total,
    ).toBe(0);
    expect(
      await codeOf(
        tags.ModifyResourceTags({ Resource: nodeResource(999), DeleteTags: [{ TagKey: "owner" } as { TagKey: string; TagValue: string }] }),
      ),
    ).toBe("FailedOperation");
  });
});

describe("account-wide tag quotas", () => {
  const quotas = { rateLimitPerSecond: 0, tagValueQuota: 3, tagKeyQuota: 4 };
  let small: RunningEmulator;
  let smallClient: OrgClient;
  let smallTags: ReturnType<typeof tagClient>;
  useEmulator((started) => {
    small = started.emulator;
    smallClient = started.client;
    smallTags = tagClient(small);
  }, quotas);

  it("refuses a fourth value of one key with LimitExceeded.TagValue (tagValueQuota 3), while known values stay free", async () => {
    const uins: number[] = [];
    for (let i = 0; i < 4; i++) uins.push((await smallClient.CreateOrganizationMember(aMember())).Uin!);
    for (const [i, value] of ["a", "b", "c"].entries()) {
      await smallTags.ModifyResourceTags({ Resource: resource(uins[i]), ReplaceTags: [{ TagKey: "owner", TagValue: value }] });
    }
    expect(
      await codeOf(smallTags.ModifyResourceTags({ Resource: resource(uins[3]), ReplaceTags: [{ TagKey: "owner", TagValue: "d" }] })),
    ).toBe("LimitExceeded.TagValue");
    await smallTags.ModifyResourceTags({ Resource: resource(uins[3]), ReplaceTags: [{ TagKey: "owner", TagValue: "a" }] });
  });

  it("refuses a fifth key with LimitExceeded.TagKey (tagKeyQuota 4)", async () => {
    const uin = (await smallClient.CreateOrganizationMember(aMember())).Uin!;
    await smallTags.ModifyResourceTags({ Resource: resource(uin), ReplaceTags: tagsOf(4) });
    expect(await codeOf(smallTags.ModifyResourceTags({ Resource: resource(uin), ReplaceTags: [{ TagKey: "fifth", TagValue: "v" }] }))).toBe(
      "LimitExceeded.TagKey",
    );
  });

  it("creates the member without its tags and answers FailedOperation.TagResourcesError when creation tags pass the value quota", async () => {
    for (const value of ["a", "b", "c"])
      await smallClient.CreateOrganizationMember(aMember({ Tags: [{ TagKey: "owner", TagValue: value }] }));
    expect(
      await codeOf(
        smallClient.CreateOrganizationMember(aMember({ Name: "late", AccountName: "late", Tags: [{ TagKey: "owner", TagValue: "d" }] })),
      ),
    ).toBe("FailedOperation.TagResourcesError");
    expect(small.admin.members().find((m) => m.name === "late")?.tags).toEqual([]);
  });
});
