/**
 * Business rules shared by several actions (name syntax, permissions, payer, tags). Each
 * throws the factory from `errors.ts` that the real API answers for the broken rule.
 */
import { Errors } from "./errors";
import type { EmulatedMember, TagPair } from "./model";
import { AUTH_RELATIONS } from "./seed";
import type { OrganizationStore } from "./storage";

/** Letters, digits, Chinese characters and +@&._[]-:, — the syntax of Name and AccountName. */
export const MEMBER_NAME = /^[A-Za-z0-9\p{Script=Han}+@&._[\]\-:,]{1,25}$/u;
/** Department names allow fewer symbols and 40 characters (AddOrganizationNode). */
export const NODE_NAME = /^[A-Za-z0-9\p{Script=Han}+@&._[\]-]{1,40}$/u;
/**
 * Tag key prefixes reserved for Tencent Cloud, compared case-insensitively: `qcs:`, `project` and
 * `项目` (Tag "Use Limits" page) and `qcloud`, `tencent`, `project` (tag errors.go, InvalidParameter.ReservedTagKey).
 */
export const RESERVED_TAG_KEY_PREFIXES: readonly string[] = ["qcs:", "project", "项目", "qcloud", "tencent"];
/** Most tags one resource carries (Tag "Use Limits" page; LimitExceeded.ResourceAttachedTags). */
export const MAX_TAGS_PER_RESOURCE = 10;
// Letters, digits, Chinese characters, spaces and + - = . _ : / @ ( ) [ ] , ; > < (Tag "Use Limits" page).
const TAG_CHARACTERS = /^[A-Za-z0-9\p{Script=Han} +\-=._:/@()[\],;><]*$/u;

/**
 * Name / AccountName: 1–25 letters, digits, Chinese characters or `+@&._[]-:,`.
 * @throws ApiError InvalidParameterValue naming the field
 */
export function checkMemberName(field: "Name" | "AccountName", value: string): void {
  if (!MEMBER_NAME.test(value)) {
    throw Errors.invalidParameterValue(field, "1 to 25 letters, digits, Chinese characters or +@&._[]-:, are allowed");
  }
}

/**
 * Department name: 1–40 letters, digits, Chinese characters or `+@&._[]-`.
 * @throws ApiError InvalidParameterValue
 */
export function checkNodeName(value: string): void {
  if (!NODE_NAME.test(value))
    throw Errors.invalidParameterValue("Name", "1 to 40 letters, digits, Chinese characters or +@&._[]- are allowed");
}

/**
 * Member names are unique in the organization.
 * @param exceptUin - the member being renamed, which may keep its own name
 * @throws ApiError FailedOperation.OrganizationMemberNameUsed
 */
export function checkNameFree(store: OrganizationStore, name: string, exceptUin?: number): void {
  const owner = store.memberUinByName(name);
  if (owner !== undefined && owner !== exceptUin) throw Errors.memberNameUsed(name);
}

/** @throws ApiError FailedOperation.OrganizationPolicyIllegal unless the policy is `Financial` */
export function checkPolicyType(policyType: string): void {
  if (policyType !== "Financial") throw Errors.policyIllegal(policyType);
}

/**
 * Permission ids are integers 1–10 and always include 1 (view bills) and 2 (view balance).
 * (The SDK model says 1 and 2; the English page's "1, 2 and 7" is not enforced.)
 * @returns the ids, sorted and without duplicates
 * @throws ApiError FailedOperation.OrganizationPermissionIllegal
 */
export function normalisePermissionIds(permissionIds: number[]): number[] {
  const bad = permissionIds.filter((id) => id < 1 || id > 10);
  if (bad.length > 0) throw Errors.permissionIllegal(`unknown permission ids ${bad.join(", ")} (valid: 1-10)`);
  if (!permissionIds.includes(1) || !permissionIds.includes(2)) throw Errors.permissionIllegal("permissions 1 and 2 are required");
  return [...new Set(permissionIds)].sort((a, b) => a - b);
}

/** UIN of the administrator of a verified entity: the organization admin's, or a relation's manager. */
export function entityAdminUin(store: OrganizationStore, authRelationId: number): number | undefined {
  if (authRelationId === 0) return store.adminUin;
  return AUTH_RELATIONS.find((r) => r.RelationId === authRelationId)?.Manager.MemberUin;
}

/**
 * PayUin is "the UIN of the administrator of the member's verified entity" (UpdateOrganizationMember
 * model text): the organization admin for members of the admin's entity, the relation's manager for
 * members created under another entity (AuthRelationId).
 * @throws ApiError FailedOperation.PayUinIllegal
 */
export function checkPayUin(store: OrganizationStore, payUin: string, authRelationId: number): void {
  if (!/^\d+$/.test(payUin) || Number(payUin) !== entityAdminUin(store, authRelationId)) throw Errors.payUinIllegal(payUin);
}

/**
 * Permission 7 (pay on behalf) needs a payer. Unverified which code Tencent answers; the emulator
 * answers FailedOperation.OrganizationPermissionIllegal (listed for both Create and Update).
 * @throws ApiError FailedOperation.OrganizationPermissionIllegal
 */
export function checkPayerForPermissions(permissionIds: readonly number[], payUin: string): void {
  if (permissionIds.includes(7) && payUin === "") throw Errors.permissionIllegal("permission 7 (pay on behalf) needs a PayUin");
}

/** Which tag rule a key/value pair breaks, or undefined. Shared by both services, which answer different codes. */
export type TagRuleBreak = "keyEmpty" | "keyTooLong" | "keyCharacters" | "reservedKey" | "valueEmpty" | "valueTooLong" | "valueCharacters";

const badCharacters = (text: string): boolean => !TAG_CHARACTERS.test(text) || text !== text.trim();

/**
 * The first tag rule the pair breaks (Tag "Use Limits" page): key 1–127 and value 1–255 characters
 * of the allowed set, no space at either end, no reserved key prefix. `value` undefined checks the key only.
 */
export function tagRuleBreak(key: string, value: string | undefined): TagRuleBreak | undefined {
  if (key.length === 0) return "keyEmpty";
  if ([...key].length > 127) return "keyTooLong";
  if (badCharacters(key)) return "keyCharacters";
  const lower = key.toLowerCase();
  if (RESERVED_TAG_KEY_PREFIXES.some((prefix) => lower.startsWith(prefix))) return "reservedKey";
  if (value === undefined) return undefined;
  if (value.length === 0) return "valueEmpty";
  if ([...value].length > 255) return "valueTooLong";
  if (badCharacters(value)) return "valueCharacters";
  return undefined;
}

/**
 * Tags given at creation (CreateOrganizationMember, AddOrganizationNode): at most 10, unique keys,
 * every pair valid.
 * @throws ApiError InvalidParameter.TagError
 */
export function checkCreateTags(tags: TagPair[]): void {
  if (tags.length > MAX_TAGS_PER_RESOURCE) throw Errors.tagError(`at most ${MAX_TAGS_PER_RESOURCE} tags are allowed`);
  const seen = new Set<string>();
  for (const tag of tags) {
    const broken = tagRuleBreak(tag.TagKey, tag.TagValue);
    if (broken) throw Errors.tagError(`tag ${JSON.stringify(tag.TagKey)} breaks the rule ${broken}`);
    if (seen.has(tag.TagKey)) throw Errors.tagError(`tag key ${JSON.stringify(tag.TagKey)} is duplicated`);
    seen.add(tag.TagKey);
  }
}

/** Which account-wide tag quota attaching `tags` would pass, or undefined. */
export type TagQuotaBreak = { quota: "values"; key: string } | { quota: "keys" };

/**
 * Account-wide tag quotas: distinct values per key (`tagValueQuota`, errors.go "1000") and distinct
 * keys (`tagKeyQuota`, errors.go "1000"). Only new values and keys count.
 */
export function tagQuotaBreak(
  store: OrganizationStore,
  tags: readonly TagPair[],
  quotas: { tagValueQuota: number; tagKeyQuota: number },
): TagQuotaBreak | undefined {
  const newKeys = new Set<string>();
  for (const { TagKey, TagValue } of tags) {
    if (store.hasTagValue(TagKey, TagValue)) continue;
    if (store.tagValueCount(TagKey) >= quotas.tagValueQuota) return { quota: "values", key: TagKey };
    if (store.tagValueCount(TagKey) === 0) newKeys.add(TagKey);
  }
  if (newKeys.size > 0 && store.tagKeyCount() + newKeys.size > quotas.tagKeyQuota) return { quota: "keys" };
  return undefined;
}

/** Only the fields the API stores (drops the Tag service's Category). */
export const toTagPairs = (tags: TagPair[]): TagPair[] => tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));

/** Level of a department: the root is 1, its children 2, and so on. */
export function nodeDepth(store: OrganizationStore, nodeId: number): number {
  let depth = 0;
  for (let node = store.getNode(nodeId); node; node = node.ParentNodeId === 0 ? undefined : store.getNode(node.ParentNodeId)) depth += 1;
  return depth;
}

/**
 * What a member still holds that blocks deleting or removing it, in the order the emulator checks
 * (resources only block DeleteAccount).
 * @throws ApiError UnsupportedOperation.MemberAccountExistResource / MemberExistServiceNotAllowDelete, FailedOperation.MemberShareResource
 */
export function checkNothingHeld(member: Readonly<EmulatedMember>, checkResources: boolean): void {
  const held = member.holdings ?? {};
  if (checkResources && held.resources) throw Errors.memberAccountExistResource(member.memberUin);
  if (held.services) throw Errors.memberExistServiceNotAllowDelete(member.memberUin);
  if (held.sharedResources) throw Errors.memberShareResource(member.memberUin);
}

/**
 * Looks a member up.
 * @throws ApiError ResourceNotFound.MemberNotExist
 */
export function requireMember(store: OrganizationStore, memberUin: number): EmulatedMember {
  const member = store.getMember(memberUin);
  if (!member) throw Errors.memberNotExist(memberUin);
  return member;
}

/**
 * "YYYY-MM-DD HH:mm:ss" in Beijing time (UTC+8, no daylight saving), the format and zone of
 * the real service's CreateTime/UpdateTime.
 */
export function formatApiTime(epochMs: number): string {
  const beijing = new Date(epochMs + 8 * 3600_000);
  return beijing.toISOString().slice(0, 19).replace("T", " ");
}
