import { describe, expect, it } from "vitest";
import { checkTags, MAX_TAGS, MAX_TAGS_PER_REQUEST, tagBatches, tagRuleBreaks } from "../../../provider/core/tags";

const tagsOf = (count: number) => Object.fromEntries([...Array(count)].map((_, i) => [`k${String(i).padStart(2, "0")}`, "v"]));

describe("Tencent's tag limits: 50 per resource, 10 per request", () => {
  it.each([
    [0, []],
    [9, [9]],
    [10, [10]],
    [35, [10, 10, 10, 5]],
    [50, [10, 10, 10, 10, 10]],
  ])("%i tags are sent in batches of %j", (count, sizes) => {
    expect(tagBatches(tagsOf(count)).map((batch) => Object.keys(batch).length)).toEqual(sizes);
  });

  it("the first batch carries the given tags first (the ownership marker at creation), then the rest in key order", () => {
    const [first, second] = tagBatches(tagsOf(12), { "pulumi:owner:3": "m" });
    expect(Object.keys(first)).toEqual(["pulumi:owner:3", ...Object.keys(tagsOf(9))]);
    expect(Object.keys(second)).toEqual(["k09", "k10", "k11"]);
  });

  it("no tag is lost or repeated across batches", () => {
    const tags = tagsOf(47);
    expect(Object.assign({}, ...tagBatches(tags))).toEqual(tags);
    expect(tagBatches(tags).every((batch) => Object.keys(batch).length <= MAX_TAGS_PER_REQUEST)).toBe(true);
  });

  it.each([
    [MAX_TAGS - 1, true, undefined],
    [
      MAX_TAGS,
      true,
      /at most 49 tags are allowed \(Tencent allows 50 per resource, one of which is the provider's ownership marker\); got 50/,
    ],
    [MAX_TAGS, false, undefined],
    [MAX_TAGS + 1, false, /at most 50 tags are allowed \(Tencent allows 50 per resource\); got 51/],
  ])("%i tags (marker %s) at preview", (count, marker, reason) => {
    const result = checkTags(tagsOf(count), marker);
    if (reason) expect(result.reason).toMatch(reason);
    else expect(result.reason).toBeUndefined();
  });
});

describe("tag characters as the Use Limits page lists them", () => {
  it.each(["【项目】", "成本＋中心", "a－b", "x＝y", "a／b", "u＠c", "（注）", "k：v"])("admits the Chinese-input symbols: %s", (text) => {
    expect(tagRuleBreaks(text, text)).toEqual([]);
  });

  it("still refuses other full-width punctuation, naming it", () => {
    const [broken] = tagRuleBreaks("a，b", "v");
    expect(broken).toMatchObject({ rule: "keyCharacters", detail: '"，"' });
  });

  it("refuses a reserved prefix in any case, and says the case handling is undocumented", () => {
    expect(checkTags({ "QCloud:x": "v" }, false).reason).toMatch(
      /"qcloud", which Tencent Cloud reserves \(refused in any case: whether Tencent ignores case is undocumented\)/,
    );
  });
});
