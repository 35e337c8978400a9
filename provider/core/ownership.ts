/**
 * The ownership marker: a tag written at creation that lets a re-run after a crash recognise the
 * resource this very Pulumi resource created — and only that one. Pure.
 */
import { createHash } from "node:crypto";
import { OWNER_TAG_KEYS, OWNER_TAG_PREFIX, OWNER_TAG_SHARDS, type Tags } from "./tags";

/** What identifies a resource's creation: the Pulumi resource, plus the fields only a new account can change. */
export interface OwnerIdentity {
  /** `project/stack/resource name`, set by the resource class. */
  ownerMarker?: string;
  /** Fields fixed at creation, in a stable order. */
  fixedAtCreation: readonly (string | number | undefined)[];
}

/**
 * The `ownerMarker` input a resource class declares: `project/stack/resource name`, unique to one
 * Pulumi resource (both resource classes set it at construction; `get` sets none).
 */
export function declaredOwnerMarker(project: string, stack: string, resourceName: string): string {
  return `${project}/${stack}/${resourceName}`;
}

/**
 * The marker's tag value. It covers the resource's identity (project/stack/name) and the fields
 * that only a new account can change, so a replacement never mistakes the account it replaces
 * (say, one kept by `deletionPolicy: retain`) for its own.
 */
export function ownerTagValue(identity: OwnerIdentity): string | undefined {
  if (identity.ownerMarker === undefined) return undefined;
  const text = [identity.ownerMarker, ...identity.fixedAtCreation.map((v) => v ?? "")].join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 40);
}

/**
 * The key a marker is written under: one of the shards, chosen by the marker's first hex digit,
 * so markers spread evenly and each key stays far below Tencent's per-key value quota.
 */
export function ownerTagKey(marker: string): string {
  return `${OWNER_TAG_PREFIX}:${parseInt(marker[0] ?? "0", 16) % OWNER_TAG_SHARDS}`;
}

/** The marker as a tag to write at creation (none without a marker). */
export function ownerTag(marker: string | undefined): Tags {
  return marker === undefined ? {} : { [ownerTagKey(marker)]: marker };
}

/** Whether a resource with these tags carries this marker, under any marker key (legacy included). */
export function carriesMarker(tags: Tags, marker: string | undefined): boolean {
  return marker !== undefined && OWNER_TAG_KEYS.some((key) => tags[key] === marker);
}

/**
 * Whether an object lacks the marker it must carry: one this resource created (not adopted) whose
 * last read (`ownerTagsSeen`) found none of its marker keys holding `marker`. Without the marker a
 * re-run after a crash could no longer recognise the object, so it is written again. A state that
 * never recorded the marker tags (older versions) is given the benefit of the doubt.
 */
export function markerMissing(ownerTagsSeen: Tags | undefined, adopted: boolean, marker: string | undefined): boolean {
  if (adopted || ownerTagsSeen === undefined) return false;
  return marker !== undefined && !carriesMarker(ownerTagsSeen, marker);
}
