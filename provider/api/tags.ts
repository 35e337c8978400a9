/**
 * The Tag service's ModifyResourceTags, for any organization resource (member or department). The
 * organization service has no tag action of its own.
 */
import { MAX_TAGS_PER_REQUEST, tagBatches, type Tags } from "../core/tags";
import type { TencentApi } from "./call/client";
import { toTagList } from "./wire";

/**
 * Sets and deletes tags on `resource` (a `qcs::…` six-segment name), in as few calls as
 * ModifyResourceTags allows: each takes at most 10 to set and 10 to delete. Call k sets the k-th
 * ten and deletes the k-th ten, so no step holds more tags than the start or the end (a resource
 * carries at most 50). Neither list is sent empty: Tencent refuses an empty ReplaceTags or
 * DeleteTags. Setting values is safe to repeat, so a run interrupted between calls is finished by
 * the next one, which plans from the state the engine kept.
 */
export async function modifyResourceTags(api: TencentApi, resource: string, replace: Tags, remove: readonly string[]): Promise<void> {
  const replaceBatches = tagBatches(replace);
  const removeBatches: string[][] = [];
  for (let i = 0; i < remove.length; i += MAX_TAGS_PER_REQUEST) removeBatches.push(remove.slice(i, i + MAX_TAGS_PER_REQUEST));
  for (let k = 0; k < Math.max(replaceBatches.length, removeBatches.length); k++) {
    const replaceTags = toTagList(replaceBatches[k] ?? {});
    const deleteKeys = removeBatches[k] ?? [];
    await api.call("ModifyResourceTags", {
      Resource: resource,
      ...(replaceTags.length > 0 ? { ReplaceTags: replaceTags } : {}),
      ...(deleteKeys.length > 0 ? { DeleteTags: deleteKeys.map((TagKey) => ({ TagKey })) } : {}),
    });
  }
}
