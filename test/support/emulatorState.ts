/**
 * Reading an emulator's state the way every harness asserts on it: calls counted since a
 * snapshot, and a member's tags as the user declared them.
 */
import { isOwnerTagKey } from "../../provider/core/tags";
import type { RunningEmulator, TagPair } from "../emulator";

/** Calls per action since `before` (an `admin.counters()` snapshot); actions not called are left out. */
export function callsSince(emulator: RunningEmulator, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(emulator.admin.counters())
      .map(([action, count]) => [action, count - (before[action] ?? 0)] as const)
      .filter(([, delta]) => delta > 0),
  );
}

/** An emulated member's tags without the provider's ownership marker, as a map. */
export function userTagsOf(tags: readonly TagPair[]): Record<string, string> {
  return Object.fromEntries(tags.filter((t) => !isOwnerTagKey(t.TagKey)).map((t) => [t.TagKey, t.TagValue]));
}
