import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aMember, codeOf, orgClient, tagClient } from "./fixtures";
import { startEmulator, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
let tags: ReturnType<typeof tagClient>;
let memberUin: number;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimitPerSecond: 0 });
  tags = tagClient(emulator);
});
beforeEach(async () => {
  emulator.admin.reset();
  memberUin = (await orgClient(emulator).CreateOrganizationMember(aMember({ Tags: [{ TagKey: "env", TagValue: "dev" }, { TagKey: "old", TagValue: "1" }] }))).Uin!;
});
afterAll(() => emulator.close());

const resource = (uin: number, region = "ap-guangzhou") => `qcs::organization:${region}:uin/:member/${uin}`;
const memberTags = () => emulator.admin.members().find((m) => m.memberUin === memberUin)?.tags;

describe("ModifyResourceTags on an organization member", () => {
  it("replaces and deletes tags, visible in OrgMember.Tags", async () => {
    await tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: "env", TagValue: "prod" }, { TagKey: "team", TagValue: "a" }], DeleteTags: [{ TagKey: "old" }] });
    const { Items } = await orgClient(emulator).DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: String(memberUin) });
    expect(Items?.[0].Tags).toEqual([{ TagKey: "env", TagValue: "prod" }, { TagKey: "team", TagValue: "a" }]);
  });

  it.each(["", "ap-shanghai", "na-ashburn"])("accepts the region segment %j", async (region) => {
    await tags.ModifyResourceTags({ Resource: resource(memberUin, region), DeleteTags: [{ TagKey: "old" }] });
    expect(memberTags()).toEqual([{ TagKey: "env", TagValue: "dev" }]);
  });

  it.each(["qcs::cvm:ap-guangzhou:uin/:instance/ins-1", `qcs::organization::uin/:member/abc`, `organization/member/1`])(
    "refuses the resource %j with InvalidParameterValue.ResourceDescriptionError",
    async (bad) => {
      expect(await codeOf(tags.ModifyResourceTags({ Resource: bad, DeleteTags: [{ TagKey: "old" }] }))).toBe("InvalidParameterValue.ResourceDescriptionError");
    },
  );

  it("refuses an unknown member with ResourceNotFound.MemberNotExist", async () => {
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(1), DeleteTags: [{ TagKey: "old" }] }))).toBe("ResourceNotFound.MemberNotExist");
  });

  it.each([
    ["neither list", {}],
    ["an empty ReplaceTags", { ReplaceTags: [] }],
    ["an empty DeleteTags", { DeleteTags: [] }],
    ["eleven ReplaceTags", { ReplaceTags: Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" })) }],
    ["eleven DeleteTags", { DeleteTags: Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}` })) }],
    ["a key in both lists", { ReplaceTags: [{ TagKey: "env", TagValue: "x" }], DeleteTags: [{ TagKey: "env" }] }],
  ])("refuses %s with InvalidParameter", async (_case, lists) => {
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ...lists }))).toBe("InvalidParameter");
    expect(memberTags()).toHaveLength(2);
  });

  it.each([
    ["an empty key", "", "v", "InvalidParameterValue.TagKeyEmpty"],
    ["a 128-character key", "k".repeat(128), "v", "InvalidParameterValue.TagKeyLengthExceeded"],
    ["a 256-character value", "k", "v".repeat(256), "InvalidParameterValue.TagValueLengthExceeded"],
    ["a reserved key", "qcloud:x", "v", "InvalidParameterValue.ReservedTagKey"],
  ])("refuses %s with %s", async (_case, key, value, code) => {
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: [{ TagKey: key, TagValue: value }] }))).toBe(code);
  });

  it("refuses a key twice in one list with InvalidParameterValue.TagKeyDuplicate", async () => {
    const twice = [{ TagKey: "a", TagValue: "1" }, { TagKey: "a", TagValue: "2" }];
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: twice }))).toBe("InvalidParameterValue.TagKeyDuplicate");
  });

  it("refuses more than 50 tags on one member with LimitExceeded.ResourceAttachedTags", async () => {
    for (let batch = 0; batch < 4; batch++) {
      const replace = Array.from({ length: 10 }, (_, i) => ({ TagKey: `b${batch}-${i}`, TagValue: "v" }));
      await tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: replace });
    }
    const eleventh = Array.from({ length: 10 }, (_, i) => ({ TagKey: `last-${i}`, TagValue: "v" }));
    expect(await codeOf(tags.ModifyResourceTags({ Resource: resource(memberUin), ReplaceTags: eleventh }))).toBe("LimitExceeded.ResourceAttachedTags");
    expect(memberTags()).toHaveLength(42);
  });
});
