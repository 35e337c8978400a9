import { describe, expect, it } from "vitest";
import type { TencentApi } from "../../../provider/api/call/client";
import { modifyResourceTags } from "../../../provider/api/tags";

/** A client that records the ModifyResourceTags bodies it is given. */
function recordingApi(): { api: TencentApi; bodies: { ReplaceTags?: unknown[]; DeleteTags?: unknown[] }[] } {
  const bodies: { ReplaceTags?: unknown[]; DeleteTags?: unknown[] }[] = [];
  const api = { call: async (_action: string, body: (typeof bodies)[number]) => void bodies.push(body) } as unknown as TencentApi;
  return { api, bodies };
}

const tagsOf = (count: number, prefix = "k") =>
  Object.fromEntries([...Array(count)].map((_, i) => [`${prefix}${String(i).padStart(2, "0")}`, "v"]));

describe("ModifyResourceTags in batches of 10 to set and 10 to delete", () => {
  it.each([
    ["1 to set", 1, 0, [[1, 0]]],
    [
      "26 to set",
      26,
      0,
      [
        [10, 0],
        [10, 0],
        [6, 0],
      ],
    ],
    [
      "12 to delete",
      0,
      12,
      [
        [0, 10],
        [0, 2],
      ],
    ],
    [
      "20 to set and 15 to delete: each call pairs a ten of each",
      20,
      15,
      [
        [10, 10],
        [10, 5],
      ],
    ],
  ] as const)("%s", async (_name, set, remove, calls) => {
    const { api, bodies } = recordingApi();
    await modifyResourceTags(api, "qcs::organization::uin/:member/1", tagsOf(set), Object.keys(tagsOf(remove, "old")));
    expect(bodies.map((b) => [b.ReplaceTags?.length ?? 0, b.DeleteTags?.length ?? 0])).toEqual(calls);
    // Tencent refuses an empty list: a call without tags to set (or delete) leaves that list out.
    for (const body of bodies) {
      expect(body.ReplaceTags?.length ?? 1).toBeGreaterThan(0);
      expect(body.DeleteTags?.length ?? 1).toBeGreaterThan(0);
    }
  });
});
