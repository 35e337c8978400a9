/**
 * The ownership marker: a tag written at creation that lets a re-run after a crash recognise the
 * resource this very Pulumi resource created — and only that one. Pure.
 */
import { createHash } from "node:crypto";
import { OWNER_TAG_KEY, type Tags } from "./tags";

/** What identifies a resource's creation: the Pulumi resource, plus the fields only a new account can change. */
export interface OwnerIdentity {
  /** `project/stack/resource name`, set by the resource class. */
  ownerMarker?: string;
  /** Fields fixed at creation, in a stable order. */
  fixedAtCreation: readonly (string | number | undefined)[];
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

/** The marker as a tag to write at creation (none without a marker). */
export function ownerTag(marker: string | undefined): Tags {
  return marker === undefined ? {} : { [OWNER_TAG_KEY]: marker };
}

/** Whether a resource with these tags carries this marker. */
export function carriesMarker(tags: Tags, marker: string | undefined): boolean {
  return marker !== undefined && tags[OWNER_TAG_KEY] === marker;
}

export { OWNER_TAG_KEY };
