/**
 * The Tag service's ModifyResourceTags, for any organization resource (member or department). The
 * organization service has no tag action of its own.
 */
import type { Tags } from "../core/tags";
import type { TencentApi } from "./tencentApi";
import { toTagList } from "./wire";

/** ModifyResourceTags takes at most this many ReplaceTags and DeleteTags per call. */
export const TAGS_PER_CALL = 10;

/**
 * Sets and deletes tags on `resource` (a `qcs::…` six-segment name). Tags set out of band can be
 * more than one call takes, so the work is split into calls of at most TAGS_PER_CALL of each.
 * Setting values is safe to repeat.
 */
export async function modifyResourceTags(api: TencentApi, resource: string, replace: Tags, remove: readonly string[]): Promise<void> {
  const replaceList = toTagList(replace);
  for (let i = 0; i < Math.max(replaceList.length, remove.length); i += TAGS_PER_CALL) {
    const replaceTags = replaceList.slice(i, i + TAGS_PER_CALL);
    const deleteTags = remove.slice(i, i + TAGS_PER_CALL).map((TagKey) => ({ TagKey }));
    await api.call("tag", "ModifyResourceTags", {
      Resource: resource,
      ...(replaceTags.length > 0 ? { ReplaceTags: replaceTags } : {}),
      ...(deleteTags.length > 0 ? { DeleteTags: deleteTags } : {}),
    });
  }
}
