/**
 * The ownership marker: a tag written at creation that lets a re-run after a crash recognise the
 * member this very resource created — and only that one. Pure.
 */
import { createHash } from "node:crypto";
import type { OrgMember } from "./api/memberApi";
import { OWNER_TAG_KEY } from "./rules";
import type { MemberInputs } from "./types";

/**
 * The marker's tag value. It covers the resource's identity (project/stack/name) and the fields
 * that only a new account can change, so a replacement never mistakes the account it replaces
 * (say, one kept by `deletionPolicy: retain`) for its own.
 */
export function ownerTagValue(inputs: Pick<MemberInputs, "ownerMarker" | "accountName" | "authRelationId">): string | undefined {
  if (inputs.ownerMarker === undefined) return undefined;
  const identity = [inputs.ownerMarker, inputs.accountName, inputs.authRelationId ?? ""].join("\n");
  return createHash("sha256").update(identity).digest("hex").slice(0, 40);
}

/** Whether `member` carries this marker. */
export function carriesMarker(member: OrgMember, marker: string | undefined): boolean {
  return marker !== undefined && (member.Tags ?? []).some((t) => t.TagKey === OWNER_TAG_KEY && t.TagValue === marker);
}

export { OWNER_TAG_KEY };
