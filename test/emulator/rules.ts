/**
 * Business rules shared by several actions (name syntax, permissions, payer, tags, limits, what
 * blocks deleting or removing a member). Each throws the factory from `errors.ts` that the real API
 * answers for the broken rule.
 */
import type { DepartmentNameScope } from "./handlers/handler";
import type * as OrgModels from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_models";
import { type ApiError, Errors } from "./errors";
import type { EmulatedMember, OrganizationSettings, TagPair } from "./model";
import { AUTH_RELATIONS } from "./seed";
import type { OrganizationStore } from "./storage";

/**
 * Members an organization manages unless Tencent raised the limit: "目前一个集团账号组织支持100个账号的管理", more on
 * request by ticket (Organization FAQ, https://tencentcloud.com/zh/document/product/1031/32016, 2024-03-06).
 * Beyond it CreateOrganizationMember answers LimitExceeded.OrganizationMemberOverLimit. The `memberLimit` option
 * plays the ticket.
 */
export const DEFAULT_MEMBER_LIMIT = 100;
/**
 * Levels of departments: "部门关系最多支持5层" (console page https://cloud.tencent.com/document/product/850/16861);
 * deeper, AddOrganizationNode answers LimitExceeded.NodeDepthExceedLimit. Whether the root counts is not stated:
 * the emulator counts it as level 1 (see {@link nodeDepth}), the stricter reading.
 */
export const DEFAULT_NODE_DEPTH_LIMIT = 5;

/** Letters, digits, Chinese characters and +@&._[]-:, — the syntax of Name and AccountName. */
export const MEMBER_NAME = /^[A-Za-z0-9\p{Script=Han}+@&._[\]\-:,]{1,25}$/u;
/** Department names allow fewer symbols and 40 characters (AddOrganizationNode). */
export const NODE_NAME = /^[A-Za-z0-9\p{Script=Han}+@&._[\]-]{1,40}$/u;
/**
 * Tag key prefixes reserved for Tencent Cloud, compared case-insensitively: `qcs:`, `project` and
 * `项目` (Tag "Use Limits" page) and `qcloud`, `tencent`, `project` (tag errors.go, InvalidParameter.ReservedTagKey).
 */
export const RESERVED_TAG_KEY_PREFIXES: readonly string[] = ["qcs:", "project", "项目", "qcloud", "tencent"];
/**
 * Most tags one resource (member or department) carries: "1个资源最多可以绑定50个标签" (Tag "Use Limits"
 * page 651/13354); beyond it ModifyResourceTags answers LimitExceeded.ResourceAttachedTags.
 */
export const MAX_TAGS_PER_RESOURCE = 50;
/**
 * Most tags one request carries: CreateOrganizationMember's and AddOrganizationNode's `Tags` ("最大10个",
 * organization models.go) and each of ModifyResourceTags' ReplaceTags and DeleteTags ("标签数量不超过10个", API page 651/35322).
 */
export const MAX_TAGS_PER_REQUEST = 10;
/**
 * The symbols the Tag "Use Limits" page lists for Chinese input, in their full-width forms: `【 】` as printed, and
 * `＋ － ＝ ／ ＠ （ ） ：` by reading the page's half-width `+ - = / @ ( ) :` under "Chinese input" as the symbols a
 * Chinese input method types (a reading, not a Tencent statement).
 */
export const FULL_WIDTH_TAG_SYMBOLS = "＋－＝／＠（）【】：";
// Letters, digits, Chinese characters, spaces, + - = . _ : / @ ( ) [ ] , ; > < and the full-width symbols above (Tag "Use Limits" page).
const TAG_CHARACTERS = new RegExp(`^[A-Za-z0-9\\p{Script=Han} +\\-=._:/@()[\\],;><${FULL_WIDTH_TAG_SYMBOLS}]*$`, "u");

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
 * A department name is free for `nodeId` (a new department when undefined) under `parentNodeId`:
 * unique in the organization or among siblings, as `scope` says.
 * @throws ApiError FailedOperation.OrganizationNodeNameUsed
 */
export function checkNodeNameFree(
  store: OrganizationStore,
  name: string,
  parentNodeId: number,
  scope: DepartmentNameScope,
  nodeId?: number,
): void {
  const taken = store
    .nodeView()
    .some((n) => n.Name === name && n.NodeId !== nodeId && (scope === "organization" || n.ParentNodeId === parentNodeId));
  if (taken) throw Errors.nodeNameUsed(name);
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
 * Tags given at creation (CreateOrganizationMember, AddOrganizationNode): at most 10 per request,
 * unique keys, every pair valid.
 * @throws ApiError InvalidParameter.TagError
 */
export function checkCreateTags(tags: TagPair[]): void {
  if (tags.length > MAX_TAGS_PER_REQUEST) throw Errors.tagError(`at most ${MAX_TAGS_PER_REQUEST} tags are allowed in one request`);
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

/**
 * Level of a department: the root is 1, its children 2, and so on. Counting the root is the emulator's
 * choice (Tencent's "5 levels" does not say): with the default limit a tree holds the root and four levels below it.
 */
export function nodeDepth(store: OrganizationStore, nodeId: number): number {
  let depth = 0;
  for (let node = store.getNode(nodeId); node; node = node.ParentNodeId === 0 ? undefined : store.getNode(node.ParentNodeId)) depth += 1;
  return depth;
}

/**
 * A new department under `parentNodeId` must stay within `limit` levels ({@link DEFAULT_NODE_DEPTH_LIMIT}).
 * @throws ApiError LimitExceeded.NodeDepthExceedLimit
 */
export function checkNodeDepth(store: OrganizationStore, parentNodeId: number, limit: number): void {
  if (nodeDepth(store, parentNodeId) + 1 > limit) throw Errors.nodeDepthExceedLimit(limit);
}

/** CheckAccountDelete's NotAllowReason with every field present, as the emulator answers it. */
export type AccountDeletionReport = Required<OrgModels.NotAllowReason>;

// A mark set to `true` rather than to names reports this one name (Tencent's naming of resources is undocumented).
const UNNAMED_RESOURCE = "unnamed-resource";
const resourceNames = (mark: boolean | string[] | undefined): string[] =>
  Array.isArray(mark) ? [...mark] : mark === true ? [UNNAMED_RESOURCE] : [];

/**
 * Every NotAllowReason field of CheckAccountDelete for a member (model text in the Node SDK's
 * `organization_models.d.ts`): its type, the organization's member deletion permission and the marks set with
 * `setHoldings`. Three fields allow deletion when true (IsCreateMember, DeletionPermission, BillingPermission);
 * the other flags and non-empty lists block it.
 */
export function accountDeletionReport(member: Readonly<EmulatedMember>, settings: OrganizationSettings): AccountDeletionReport {
  const held = member.holdings ?? {};
  return {
    IsCreateMember: member.memberType === "Create",
    DeletionPermission: settings.memberDeletionEnabled,
    IsAssignManager: held.services === true,
    IsAuthManager: held.authManager === true,
    IsShareManager: held.sharedResources === true,
    OperateProcess: held.operateProcess === true,
    BillingPermission: held.billingPermissionLocked !== true,
    ExistResources: resourceNames(held.resources),
    DetectFailedResources: resourceNames(held.detectFailedResources),
    CICRoleConfig: held.cicRoleConfig === true,
    CICUserConfig: held.cicUserConfig === true,
  };
}

/** One reason DeleteAccount refuses: when the report says so, and the error it answers. */
interface AccountDeletionRefusal {
  readonly field: keyof AccountDeletionReport;
  blocks(report: AccountDeletionReport): boolean;
  refusal(memberUin: number, report: AccountDeletionReport): ApiError;
}

/**
 * DeleteAccount's refusals, in the order it checks them, one per NotAllowReason field. CheckAccountDelete
 * reports the same fields, so DeleteAccount refuses a member exactly when CheckAccountDelete answers
 * `AllowDelete: false`. Codes: the first eight are listed for DeleteAccount and named by errors.go for the
 * condition; OperateProcess, BillingPermission and DetectFailedResources have no code in DeleteAccount's list, so
 * the emulator answers a common code (a guess).
 */
const ACCOUNT_DELETION_REFUSALS: readonly AccountDeletionRefusal[] = [
  { field: "DeletionPermission", blocks: (r) => !r.DeletionPermission, refusal: () => Errors.deleteAccountDisabled() },
  { field: "IsCreateMember", blocks: (r) => !r.IsCreateMember, refusal: (uin) => Errors.inviteAccountNotAllowDelete(uin) },
  { field: "ExistResources", blocks: (r) => r.ExistResources.length > 0, refusal: (uin) => Errors.memberAccountExistResource(uin) },
  { field: "IsAssignManager", blocks: (r) => r.IsAssignManager, refusal: (uin) => Errors.memberExistServiceNotAllowDelete(uin) },
  { field: "IsShareManager", blocks: (r) => r.IsShareManager, refusal: (uin) => Errors.memberShareResource(uin) },
  { field: "IsAuthManager", blocks: (r) => r.IsAuthManager, refusal: (uin) => Errors.organizationAuthManageNotAllowDelete(uin) },
  { field: "CICRoleConfig", blocks: (r) => r.CICRoleConfig, refusal: (uin) => Errors.memberAccountExistCICRoleConfig(uin) },
  { field: "CICUserConfig", blocks: (r) => r.CICUserConfig, refusal: (uin) => Errors.memberAccountExistCICUserConfig(uin) },
  { field: "OperateProcess", blocks: (r) => r.OperateProcess, refusal: (uin) => Errors.deleteAccountOperateProcess(uin) },
  { field: "BillingPermission", blocks: (r) => !r.BillingPermission, refusal: (uin) => Errors.deleteAccountBillingPermission(uin) },
  {
    field: "DetectFailedResources",
    blocks: (r) => r.DetectFailedResources.length > 0,
    refusal: (uin, r) => Errors.deleteAccountDetectFailed(uin, r.DetectFailedResources),
  },
];

/** The NotAllowReason fields the refusals cover: every field of the model (codes.test.ts checks it). */
export const ACCOUNT_DELETION_FIELDS: readonly (keyof AccountDeletionReport)[] = ACCOUNT_DELETION_REFUSALS.map((r) => r.field);

/** Every refusal the report calls for, in DeleteAccount's order; empty when the account may be deleted. */
export function accountDeletionRefusals(memberUin: number, report: AccountDeletionReport): ApiError[] {
  return ACCOUNT_DELETION_REFUSALS.filter((r) => r.blocks(report)).map((r) => r.refusal(memberUin, report));
}

/**
 * What refuses removing a member from the organization (DeleteOrganizationMembers), in the order the
 * emulator checks: a created member, a payer, then the marks that block removal as well as deletion
 * (resources and failed resource checks stay with the account, so they do not block removal).
 * @throws ApiError UnsupportedOperation.CreateMemberNotAllowDelete, FailedOperation.MemberExistDelegatePayerNotAllowDelete,
 *   UnsupportedOperation.MemberExistServiceNotAllowDelete, FailedOperation.MemberShareResource,
 *   FailedOperation.OrganizationAuthManageNotAllowDelete, UnsupportedOperation.MemberAccountExistCICRoleConfig / CICUserConfig,
 *   UnsupportedOperation.MemberExistOperateProcessNotAllowDelete, FailedOperation.OperateBillingPermissionErr
 */
export function checkRemovable(member: Readonly<EmulatedMember>): void {
  const uin = member.memberUin;
  if (member.memberType === "Create") throw Errors.createMemberNotAllowDelete(uin);
  // errors.go: 成员存在代付者,不允许删除 — a member whose bills another account pays (PayUin) cannot be removed.
  if (member.payUin !== "") throw Errors.memberExistDelegatePayerNotAllowDelete(uin);
  const held = member.holdings ?? {};
  if (held.services) throw Errors.memberExistServiceNotAllowDelete(uin);
  if (held.sharedResources) throw Errors.memberShareResource(uin);
  if (held.authManager) throw Errors.organizationAuthManageNotAllowDelete(uin);
  if (held.cicRoleConfig) throw Errors.memberAccountExistCICRoleConfig(uin);
  if (held.cicUserConfig) throw Errors.memberAccountExistCICUserConfig(uin);
  if (held.operateProcess) throw Errors.memberExistOperateProcessNotAllowDelete(uin);
  if (held.billingPermissionLocked) throw Errors.operateBillingPermissionErr(uin);
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
