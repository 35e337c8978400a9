/**
 * Business rules shared by several actions (name syntax, permissions, payer, tags). Each
 * throws the factory from `errors.ts` that the real API answers for the broken rule.
 */
import { Errors } from "./errors";
import type { EmulatedMember, TagPair } from "./model";
import type { OrganizationStore } from "./storage";

// Letters, digits, Chinese characters and +@&._[]-:, — the syntax of Name and AccountName.
const MEMBER_NAME = /^[A-Za-z0-9\p{Script=Han}+@&._[\]\-:,]{1,25}$/u;
// Department names allow fewer symbols and 40 characters (AddOrganizationNode).
const NODE_NAME = /^[A-Za-z0-9\p{Script=Han}+@&._[\]-]{1,40}$/u;
/** Tag key prefixes reserved for Tencent Cloud itself. */
export const RESERVED_TAG_PREFIXES: readonly string[] = ["qcloud:", "tencent:", "project"];

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
  if (!NODE_NAME.test(value)) throw Errors.invalidParameterValue("Name", "1 to 40 letters, digits, Chinese characters or +@&._[]- are allowed");
}

/**
 * Member names are unique in the organization.
 * @param exceptUin - the member being renamed, which may keep its own name
 * @throws ApiError FailedOperation.OrganizationMemberNameUsed
 */
export function checkNameFree(store: OrganizationStore, name: string, exceptUin?: number): void {
  if (store.listMembers().some((m) => m.name === name && m.memberUin !== exceptUin)) throw Errors.memberNameUsed(name);
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

/**
 * PayUin is digits and names the admin or a member of the organization.
 * @throws ApiError FailedOperation.PayUinIllegal
 */
export function checkPayUin(store: OrganizationStore, payUin: string): void {
  if (!/^\d+$/.test(payUin)) throw Errors.payUinIllegal(payUin);
  const uin = Number(payUin);
  if (uin !== store.adminUin && store.getMember(uin) === undefined) throw Errors.payUinIllegal(payUin);
}

/** Which tag rule a key/value pair breaks, or undefined. Shared by both services, which answer different codes. */
export type TagRuleBreak = "keyEmpty" | "keyTooLong" | "valueTooLong" | "reservedKey";

/** The first tag rule the pair breaks: non-empty key ≤ 127, value ≤ 255, no reserved prefix. */
export function tagRuleBreak(key: string, value: string | undefined): TagRuleBreak | undefined {
  if (key.length === 0) return "keyEmpty";
  if (key.length > 127) return "keyTooLong";
  if (value !== undefined && value.length > 255) return "valueTooLong";
  if (RESERVED_TAG_PREFIXES.some((prefix) => key.toLowerCase().startsWith(prefix))) return "reservedKey";
  return undefined;
}

/**
 * Tags given at creation or on departments: at most 10, unique keys, every pair valid.
 * @throws ApiError InvalidParameter.TagError
 */
export function checkCreateTags(tags: TagPair[]): void {
  if (tags.length > 10) throw Errors.tagError("at most 10 tags are allowed");
  const seen = new Set<string>();
  for (const tag of tags) {
    const broken = tagRuleBreak(tag.TagKey, tag.TagValue);
    if (broken) throw Errors.tagError(`tag ${JSON.stringify(tag.TagKey)} breaks the rule ${broken}`);
    if (seen.has(tag.TagKey)) throw Errors.tagError(`tag key ${JSON.stringify(tag.TagKey)} is duplicated`);
    seen.add(tag.TagKey);
  }
}

/** Only the fields the API stores (drops the Tag service's Category). */
export const toTagPairs = (tags: TagPair[]): TagPair[] => tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue }));

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
