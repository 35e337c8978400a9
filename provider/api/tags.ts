/**
 * The Tag service's ModifyResourceTags, for any organization resource (member or department). The
 * organization service has no tag action of its own.
 */
import type { Tags } from "../core/tags";
import type { TencentApi } from "./call/client";
import { toTagList } from "./wire";

/**
 * Sets and deletes tags on `resource` (a `qcs::…` six-segment name) in one call. One call always
 * suffices: ModifyResourceTags takes 10 of each, and a resource carries at most 10 tags (so at most
 * 10 to delete), while `check` allows 9 user tags plus the ownership marker. Neither list is sent
 * empty: Tencent refuses an empty ReplaceTags or DeleteTags. Setting values is safe to repeat.
 */
export async function modifyResourceTags(api: TencentApi, resource: string, replace: Tags, remove: readonly string[]): Promise<void> {
  const replaceTags = toTagList(replace);
  await api.call("ModifyResourceTags", {
    Resource: resource,
    ...(replaceTags.length > 0 ? { ReplaceTags: replaceTags } : {}),
    ...(remove.length > 0 ? { DeleteTags: remove.map((TagKey) => ({ TagKey })) } : {}),
  });
}
