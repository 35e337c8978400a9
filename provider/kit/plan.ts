/**
 * The part of an update plan every tagged resource shares: the tags to set and delete, and the
 * ownership marker written again when it is missing. Pure.
 */
import { ownerTag } from "../core/ownership";
import { tagChanges, type Tags, userTags } from "../core/tags";

/** The tag calls of a plan; absent when no tag changes. */
export interface TagPlan {
  /** Tags to set and tag keys to delete (ModifyResourceTags), the restored ownership marker included. */
  tags?: { replace: Tags; remove: string[] };
  /** The ownership marker tag written again because it was missing (also in `tags.replace`). */
  restoredMarker?: Tags;
}

/**
 * The tag part of a plan, from the diff's changed fields (`tags`, `ownerMarker`). `stateMarker` is
 * the marker the object was created with (derived from the state, not from new inputs).
 */
export function planTags(
  changed: ReadonlySet<string>,
  currentTags: Tags | undefined,
  desiredTags: Tags | undefined,
  stateMarker: string | undefined,
): TagPlan {
  if (!changed.has("tags") && !changed.has("ownerMarker")) return {};
  const { replace, remove } = changed.has("tags") ? tagChanges(userTags(currentTags), desiredTags ?? {}) : { replace: {}, remove: [] };
  const restoredMarker = changed.has("ownerMarker") ? ownerTag(stateMarker) : {};
  return {
    tags: { replace: { ...replace, ...restoredMarker }, remove },
    ...(Object.keys(restoredMarker).length > 0 ? { restoredMarker } : {}),
  };
}
