/**
 * Organization policies (service control policies and tag policies): the start state, content syntax,
 * inheritance (effective tag policy) and tag compliance. Facts and their sources: the project's reference
 * `tencent-policies.md` (§ numbers below); every choice the reference leaves open is marked "guess" here and
 * in the README.
 */
import type { ApiError } from "./errors";
import { Errors } from "./errors";
import type {
  EmulatedMember,
  EmulatedNode,
  EmulatedPolicy,
  OrganizationState,
  PolicyAttachment,
  PolicyState,
  PolicyType,
  TagPair,
} from "./model";
import { formatApiTime, tagRuleBreak } from "./rules";
import { SEED_TIME } from "./seed";
import type { OrganizationStore } from "./storage";

/** The two policy types (§0). */
export const POLICY_TYPES: readonly PolicyType[] = ["SERVICE_CONTROL_POLICY", "TAG_POLICY"];

/** The organization's id (DescribeOrganization `OrgId`; the OrganizationId of the policy-type actions): the number is a guess. */
export const ORGANIZATION_ID = 10001;

/** PolicyId of the preset SCP FullQcloudAccess (§3: bound to everything when SCP is enabled); the id is a guess. */
export const FULL_ACCESS_POLICY_ID = 1;
/** Name of the preset SCP (§3, page 1031/51870). */
export const FULL_ACCESS_POLICY_NAME = "FullQcloudAccess";
/** Its document: the minimal allow-all SCP of the API page and Terraform's example (§4). */
export const FULL_ACCESS_CONTENT = '{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}';
/** First id handed to a custom policy; a guess. */
export const FIRST_CUSTOM_POLICY_ID = 100001;

/** Policy name: 1–128 Chinese characters, letters, digits, `_` (§1 CreatePolicy). */
export const POLICY_NAME = /^[A-Za-z0-9_\p{Script=Han}]{1,128}$/u;
/** Description bytes (UpdatePolicy's InvalidParameter.DescriptionLengthOverlimit: 300 bytes). */
export const MAX_POLICY_DESCRIPTION_BYTES = 300;
/** SCP size: CAM's 6,144 characters (§4; the SCP limit itself is undocumented — a guess). */
export const MAX_SCP_CHARACTERS = 6144;
/** Tag policy size: the Tag product's 4,096 characters (§4; unverified for organization tag policies — a guess). */
export const MAX_TAG_POLICY_CHARACTERS = 4096;
/** Tag keys merged into an effective tag policy (§4: "50 tag keys … excess tag keys will not be merged"). */
export const MAX_EFFECTIVE_TAG_KEYS = 50;
/** Defaults of the limit options; each number is a guess except the tag policies' 100 (Tag page, single-account mode). */
export const DEFAULT_POLICY_LIMIT = 1000;
export const DEFAULT_TAG_POLICY_LIMIT = 100;
export const DEFAULT_POLICY_ATTACHMENT_LIMIT = 10;

/** The preset FullQcloudAccess, as stored. */
const fullAccessPolicy = (): EmulatedPolicy => ({
  policyId: FULL_ACCESS_POLICY_ID,
  type: "SERVICE_CONTROL_POLICY",
  name: FULL_ACCESS_POLICY_NAME,
  description: "System policy: full access to Tencent Cloud services and resources.",
  content: FULL_ACCESS_CONTENT,
  kind: 2,
  addTime: SEED_TIME,
  updateTime: SEED_TIME,
  updatedAt: Date.parse("2024-01-01T00:00:00Z"),
});

/** FullQcloudAccess attachments for every department and member lacking one (enabling SCP, §3). */
export function bindFullAccess(
  state: PolicyState,
  nodes: readonly Readonly<EmulatedNode>[],
  members: readonly Readonly<EmulatedMember>[],
  nowMs: number,
): void {
  const has = new Set(state.attachments.filter((a) => a.policyId === FULL_ACCESS_POLICY_ID).map((a) => `${a.targetType}/${a.targetId}`));
  const addTime = formatApiTime(nowMs);
  const targets = [
    ...nodes.map((n) => ({ targetType: "NODE" as const, targetId: n.NodeId })),
    ...members.map((m) => ({ targetType: "MEMBER" as const, targetId: m.memberUin })),
  ];
  for (const t of targets) {
    if (has.has(`${t.targetType}/${t.targetId}`)) continue;
    state.attachments.push({ policyId: FULL_ACCESS_POLICY_ID, type: "SERVICE_CONTROL_POLICY", ...t, addTime, attachedAt: nowMs });
  }
}

/**
 * The policy state an organization starts with: FullQcloudAccess, the given types enabled (none by default: §3 "SCP is
 * off by default"), and with SCP enabled FullQcloudAccess bound to every department and member.
 */
export function initialPolicyState(organization: OrganizationState, enabled: readonly PolicyType[], nowMs: number): PolicyState {
  const state: PolicyState = {
    enabled: [...enabled],
    nextPolicyId: FIRST_CUSTOM_POLICY_ID,
    policies: [fullAccessPolicy()],
    attachments: [],
  };
  if (enabled.includes("SERVICE_CONTROL_POLICY")) bindFullAccess(state, organization.nodes, organization.members, nowMs);
  return state;
}

/**
 * A policy type field: absent → SERVICE_CONTROL_POLICY (the doc comments' default, §0); else one of the two.
 * @param invalid - the action's code for another value (InvalidParameter.ParamError on writes, InvalidParameter on reads)
 */
export function policyTypeOf(value: string | undefined, invalid: (detail: string) => ApiError): PolicyType {
  if (value === undefined) return "SERVICE_CONTROL_POLICY";
  if ((POLICY_TYPES as readonly string[]).includes(value)) return value as PolicyType;
  throw invalid(`policy type must be SERVICE_CONTROL_POLICY or TAG_POLICY, got ${JSON.stringify(value)}`);
}

/** @throws ApiError FailedOperation.OrganizationPolicyIsNotEnabled unless `type` is enabled */
export function requireEnabled(state: Readonly<PolicyState>, type: PolicyType): void {
  if (!state.enabled.includes(type)) throw Errors.policyTypeNotEnabled(type);
}

/**
 * The policy `policyId` of `type`. A policy of the other type is not found: whether ids are unique across types
 * and what a wrong type answers are undocumented (§7.8) — a guess.
 * @throws ApiError ResourceNotFound.PolicyNotExist
 */
export function requirePolicy(state: Readonly<PolicyState>, policyId: number, type: PolicyType): Readonly<EmulatedPolicy> {
  const policy = state.policies.find((p) => p.policyId === policyId && p.type === type);
  if (!policy) throw Errors.policyNotExist(policyId, type);
  return policy;
}

/** The TargetType values of AttachPolicy and DetachPolicy. */
export const TARGET_TYPES: readonly string[] = ["NODE", "MEMBER"];

/**
 * What AttachPolicy and DetachPolicy both check first, in this order: the type, the target type, the
 * type enabled, the policy of that type.
 * @throws ApiError InvalidParameter.ParamError, FailedOperation.OrganizationPolicyIsNotEnabled, ResourceNotFound.PolicyNotExist
 */
export function attachmentRequest(
  state: Readonly<PolicyState>,
  p: { Type?: string; TargetType: string; PolicyId: number },
): { type: PolicyType; targetType: "NODE" | "MEMBER"; policy: Readonly<EmulatedPolicy> } {
  const type = policyTypeOf(p.Type, Errors.policyParamError);
  if (!TARGET_TYPES.includes(p.TargetType))
    throw Errors.policyParamError(`TargetType must be NODE or MEMBER, got ${JSON.stringify(p.TargetType)}`);
  requireEnabled(state, type);
  return { type, targetType: p.TargetType as "NODE" | "MEMBER", policy: requirePolicy(state, p.PolicyId, type) };
}

/** @throws ApiError InvalidParameter.PolicyNameError */
export function checkPolicyName(name: string): void {
  if (!POLICY_NAME.test(name)) throw Errors.policyNameError(name);
}

/**
 * Names are unique among the policies of one type (the scope is undocumented, §7.7 — a guess); a policy keeps its own name.
 * @throws ApiError FailedOperation.PolicyNameInUse
 */
export function checkPolicyNameFree(state: Readonly<PolicyState>, type: PolicyType, name: string, exceptId?: number): void {
  if (state.policies.some((p) => p.type === type && p.name === name && p.policyId !== exceptId)) throw Errors.policyNameInUse(name);
}

/** True when the description fits 300 bytes (UTF-8). */
export const descriptionFits = (description: string): boolean => Buffer.byteLength(description, "utf8") <= MAX_POLICY_DESCRIPTION_BYTES;

/**
 * Checks a policy document against its type's syntax (§4).
 * @throws ApiError the first broken rule's code
 */
export function checkPolicyContent(type: PolicyType, content: string): void {
  if (type === "SERVICE_CONTROL_POLICY") checkScp(content);
  else checkTagPolicy(content);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringOrStrings = (value: unknown): value is string | string[] =>
  typeof value === "string" || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string"));

/**
 * The path to the first object key that appears twice in one object of a valid JSON text (RFC 7159 leaves
 * duplicates to the parser; JSON.parse keeps the last one silently).
 */
export function firstDuplicateKey(text: string): string[] | undefined {
  const stack: ({ keys: Set<string>; key?: string } | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k])) k++;
      const top = stack.at(-1);
      if (text[k] === ":" && top) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const path = [...stack.slice(0, -1).flatMap((f) => (f?.key === undefined ? [] : [f.key])), key];
        if (top.keys.has(key)) return path;
        top.keys.add(key);
        top.key = key;
      }
      i = j + 1;
      continue;
    }
    if (c === "{") stack.push({ keys: new Set() });
    else if (c === "[") stack.push(null);
    else if (c === "}" || c === "]") stack.pop();
    i++;
  }
  return undefined;
}

/** Parses a document; undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * CAM condition operators (CAM page 598/10608 as the emulator reads it; the reference does not list them — a guess),
 * each also with `_if_exist` and the `for_all_value:` / `for_any_value:` prefixes.
 */
export const CONDITION_OPERATORS: readonly string[] = [
  "string_equal",
  "string_not_equal",
  "string_equal_ignore_case",
  "string_not_equal_ignore_case",
  "string_like",
  "string_not_like",
  "date_equal",
  "date_not_equal",
  "date_greater_than",
  "date_greater_than_equal",
  "date_less_than",
  "date_less_than_equal",
  "numeric_equal",
  "numeric_not_equal",
  "numeric_greater_than",
  "numeric_greater_than_equal",
  "numeric_less_than",
  "numeric_less_than_equal",
  "ip_equal",
  "ip_not_equal",
  "bool_equal",
  "null_equal",
];

const isConditionOperator = (operator: string): boolean => {
  const bare = operator.replace(/^for_(all|any)_value:/, "").replace(/_if_exist$/, "");
  return CONDITION_OPERATORS.includes(bare);
};

/** `*`, `<service>:<Api>` or `name/<service>:<Api>`, with `*` wildcards in the API part (§4). */
const ACTION = /^(\*|(name\/)?[a-z][a-z0-9_-]*:[A-Za-z0-9_*]+)$/;
/** Six segments `qcs:project:service:region:account:resource` (§4); the resource part may contain `:`. */
const QCS_RESOURCE = /^qcs:([^:]*):([a-z0-9_*-]*):([^:]*):([^:]*):(.+)$/;
/** The account segment: empty, `*`, `uin/<digits>` or `uin/*` (a reading of CAM's examples — a guess). */
const RESOURCE_ACCOUNT = /^(|\*|uin\/(\d+|\*))$/;
const CONDITION_VALUE = (v: unknown): boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** SERVICE_CONTROL_POLICY: the CAM policy grammar (§4, pages 598/10604 and 598/10603). */
function checkScp(content: string): void {
  if (content.length > MAX_SCP_CHARACTERS) throw Errors.policyDocumentLengthOverLimit(MAX_SCP_CHARACTERS);
  const doc = parseJson(content);
  if (!isRecord(doc)) throw Errors.policyDocumentError("it must be a JSON object");
  const duplicate = firstDuplicateKey(content);
  if (duplicate) throw Errors.policyDocumentError(`the element ${duplicate.join(".")} appears twice`);
  for (const key of Object.keys(doc)) {
    if (key === "principal") throw Errors.policyPrincipalError();
    if (key !== "version" && key !== "statement") throw Errors.policyDocumentError(`unknown element ${JSON.stringify(key)}`);
  }
  if (doc.version !== "2.0") throw Errors.policyVersionError();
  if (!Array.isArray(doc.statement) || doc.statement.length === 0)
    throw Errors.policyStatementError("a non-empty list of statements is required");
  doc.statement.forEach((statement: unknown, index: number) => {
    if (!isRecord(statement)) throw Errors.policyStatementError(`statement ${index} must be an object`);
    for (const key of Object.keys(statement)) {
      if (key === "principal") throw Errors.policyPrincipalError();
      if (!["effect", "action", "resource", "condition"].includes(key))
        throw Errors.policyStatementError(`statement ${index} has the unknown element ${JSON.stringify(key)}`);
    }
    if (statement.effect !== "allow" && statement.effect !== "deny") throw Errors.policyEffectError(index);
    if (!isStringOrStrings(statement.action)) throw Errors.policyActionError(index, "a string or a non-empty list of strings is required");
    for (const action of [statement.action].flat()) {
      if (!ACTION.test(action))
        throw Errors.policyActionError(index, `${JSON.stringify(action)} is not "*", "service:Api" or "name/service:Api"`);
    }
    if (!isStringOrStrings(statement.resource))
      throw Errors.policyResourceError(index, "a string or a non-empty list of strings is required");
    for (const resource of [statement.resource].flat()) {
      if (resource === "*") continue;
      const qcs = QCS_RESOURCE.exec(resource);
      if (!qcs) throw Errors.policyResourceQcsError(resource);
      if (!RESOURCE_ACCOUNT.test(qcs[4])) throw Errors.policyResourceUinError(resource);
    }
    if (statement.condition !== undefined) {
      if (!isRecord(statement.condition) || Object.keys(statement.condition).length === 0) throw Errors.policyConditionError(index);
      for (const [operator, body] of Object.entries(statement.condition)) {
        if (!isConditionOperator(operator)) throw Errors.policyConditionTypeError(operator);
        if (!isRecord(body) || Object.keys(body).length === 0) throw Errors.policyConditionContentError(operator);
        for (const [key, value] of Object.entries(body)) {
          const ok = Array.isArray(value) ? value.length > 0 && value.every(CONDITION_VALUE) : CONDITION_VALUE(value);
          if (key === "" || !ok) throw Errors.policyConditionContentError(operator);
        }
      }
    }
  });
}

/** The tag-policy fields and the shape of their `@@assign` value (§4 table). */
const TAG_POLICY_FIELDS: Readonly<Record<string, "string" | "strings" | "on">> = {
  tag_key: "string",
  tag_value: "strings",
  tag_value_dynamic: "on",
  resource_type_scope: "strings",
  detection: "on",
  correction: "on",
  auto_assign: "on",
  auto_assign_value: "on",
  enforced_for: "strings",
  tag_deletion_disable: "on",
};

/** `*` or `<service>:<type>` (examples `cvm:instance`, `*`), with `*` allowed as the type. */
const RESOURCE_TYPE = /^(\*|[a-z][a-z0-9_-]*:([a-z][A-Za-z0-9_-]*|\*))$/;

/** The value under `@@assign` (or, for `detection` only, bare as older pages write it). */
function assigned(field: string, wrapped: unknown, key: string): unknown {
  if (field === "detection" && wrapped === "on") return wrapped;
  if (!isRecord(wrapped) || Object.keys(wrapped).length !== 1 || !Object.hasOwn(wrapped, "@@assign"))
    throw Errors.policyContentInvalid(`${key}.${field} must be {"@@assign": …} (the only documented operator)`);
  return wrapped["@@assign"];
}

/** TAG_POLICY: the tag-policy syntax (§4, pages 651/55653 and 651/90310). */
function checkTagPolicy(content: string): void {
  if (content.length > MAX_TAG_POLICY_CHARACTERS) throw Errors.policyDocumentLengthOverLimit(MAX_TAG_POLICY_CHARACTERS);
  const doc = parseJson(content);
  if (!isRecord(doc)) throw Errors.policyContentInvalid("it must be a JSON object");
  const duplicate = firstDuplicateKey(content);
  if (duplicate?.length === 2 && duplicate[0] === "tags") throw Errors.policyKeyDuplicated(duplicate[1]);
  if (duplicate) throw Errors.policyContentInvalid(`the element ${duplicate.join(".")} appears twice`);
  if (Object.keys(doc).length !== 1 || !isRecord(doc.tags))
    throw Errors.policyContentInvalid('the only top-level element is the object "tags"');
  if (Object.keys(doc.tags).length === 0) throw Errors.policyContentInvalid('"tags" needs at least one policy key');
  for (const [key, body] of Object.entries(doc.tags)) {
    if (!isRecord(body)) throw Errors.policyContentInvalid(`the policy key ${JSON.stringify(key)} must be an object`);
    const values: Record<string, unknown> = {};
    for (const [field, wrapped] of Object.entries(body)) {
      const shape = TAG_POLICY_FIELDS[field];
      if (!shape) throw Errors.policyContentInvalid(`${key} has the unknown field ${JSON.stringify(field)}`);
      const value = assigned(field, wrapped, key);
      const ok =
        shape === "string"
          ? typeof value === "string"
          : shape === "on"
            ? value === "on"
            : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v !== "");
      if (!ok)
        throw Errors.policyContentInvalid(
          `${key}.${field} must be ${shape === "on" ? '"on"' : shape === "string" ? "a string" : "a non-empty list of strings"}`,
        );
      values[field] = value;
    }
    if (values.tag_key === undefined) throw Errors.policyContentInvalid(`${key} needs tag_key`);
    if (values.tag_key !== key) throw Errors.policyContentInvalid(`the policy key ${JSON.stringify(key)} must equal its tag_key`);
    const broken = tagRuleBreak(key, undefined);
    if (broken === "reservedKey") throw Errors.reservedTagKey(key);
    if (broken) throw Errors.policyContentInvalid(`the tag key ${JSON.stringify(key)} breaks the tag rule ${broken}`);
    if (values.resource_type_scope === undefined) throw Errors.policyContentInvalid(`${key} needs resource_type_scope`);
    for (const type of values.resource_type_scope as string[]) {
      if (!RESOURCE_TYPE.test(type)) throw Errors.policyContentInvalid(`${JSON.stringify(type)} is not "*" or "service:type"`);
    }
    if (values.tag_value !== undefined && values.tag_value_dynamic !== undefined)
      throw Errors.policyContentInvalid(`${key}: tag_value and tag_value_dynamic exclude each other`);
    for (const value of (values.tag_value as string[] | undefined) ?? []) {
      if ((value.match(/\*/g) ?? []).length > 1)
        throw Errors.policyContentInvalid(`the value ${JSON.stringify(value)} has more than one *`);
      const valueBreak = value === "*" ? undefined : tagRuleBreak("k", value.replace("*", "x"));
      if (valueBreak) throw Errors.policyContentInvalid(`the value ${JSON.stringify(value)} breaks the tag rule ${valueBreak}`);
    }
    const allowed = values.tag_value as string[] | undefined;
    if (values.correction !== undefined && (allowed?.length !== 1 || allowed[0].includes("*")))
      throw Errors.policyContentInvalid(`${key}: correction needs exactly one allowed value without *`);
  }
}

/** The flattened fields of one tag-policy key, operators stripped (the shape of DescribeEffectivePolicy's example). */
export type EffectiveTagKey = Record<string, unknown>;

/** A department chain from the root down to `nodeId` (inclusive). */
function chainOf(store: OrganizationStore, nodeId: number): { targetType: "NODE"; targetId: number }[] {
  const chain: { targetType: "NODE"; targetId: number }[] = [];
  const seen = new Set<number>();
  for (let node = store.getNode(nodeId); node && !seen.has(node.NodeId); node = store.getNode(node.ParentNodeId)) {
    seen.add(node.NodeId);
    chain.unshift({ targetType: "NODE", targetId: node.NodeId });
  }
  return chain;
}

/** What a TargetId (member UIN or department id, no type field) names: a member first, then a department (§7.9 — a guess). */
export function resolveTarget(store: OrganizationStore, targetId: number): { targetType: "NODE" | "MEMBER"; name: string } | undefined {
  const member = store.getMember(targetId);
  if (member) return { targetType: "MEMBER", name: member.name };
  const node = store.getNode(targetId);
  return node ? { targetType: "NODE", name: node.Name } : undefined;
}

/**
 * The effective tag policy of a member or department (§5, all of it a guess: Tencent documents only the merged, operator-free
 * example): the tag policies attached to the root, each department down to the target's, then the target itself, in that
 * order and in attachment order within a level; a later policy's fields replace an earlier one's for the same key
 * (`@@assign` semantics); keys beyond the first 50 are not merged (§4).
 * @returns the merged `tags` and the latest change (policy update or attachment), or undefined when no tag policy applies
 */
export function effectiveTagPolicy(
  store: OrganizationStore,
  targetType: "NODE" | "MEMBER",
  targetId: number,
): { tags: Record<string, EffectiveTagKey>; updatedAt: number } | undefined {
  const state = store.policyView();
  const member = targetType === "MEMBER" ? store.getMember(targetId) : undefined;
  const chain: { targetType: "NODE" | "MEMBER"; targetId: number }[] = member
    ? [...chainOf(store, member.nodeId), { targetType: "MEMBER", targetId }]
    : chainOf(store, targetId);
  const tags: Record<string, EffectiveTagKey> = {};
  let updatedAt: number | undefined;
  for (const level of chain) {
    const attached = state.attachments.filter(
      (a) => a.type === "TAG_POLICY" && a.targetType === level.targetType && a.targetId === level.targetId,
    );
    for (const attachment of attached) {
      const policy = state.policies.find((p) => p.policyId === attachment.policyId);
      if (!policy) continue;
      updatedAt = Math.max(updatedAt ?? 0, policy.updatedAt, attachment.attachedAt);
      const doc = JSON.parse(policy.content) as { tags: Record<string, Record<string, unknown>> };
      for (const [key, body] of Object.entries(doc.tags)) {
        if (!Object.hasOwn(tags, key) && Object.keys(tags).length >= MAX_EFFECTIVE_TAG_KEYS) continue;
        const flat = Object.fromEntries(Object.entries(body).map(([field, wrapped]) => [field, assigned(field, wrapped, key)]));
        tags[key] = { ...tags[key], ...flat };
      }
    }
  }
  return updatedAt === undefined ? undefined : { tags, updatedAt };
}

/** The compliance of one resource (ResourceTagMapping.ComplianceDetails). */
export interface TagCompliance {
  ComplianceStatus: boolean;
  KeysWithNonCompliantValues: string[];
  NonCompliantKeys: string[];
}

/** True when `pattern` (at most one `*`, any run of characters) matches `value`. */
const matchesValue = (pattern: string, value: string): boolean => {
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === value;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return value.length >= head.length + tail.length && value.startsWith(head) && value.endsWith(tail);
};

/**
 * A resource's compliance with an effective tag policy (all of it a guess; Tencent documents only the fields): a key whose
 * `resource_type_scope` covers the resource type (`*`, `service:*` or the exact type) is checked; a resource without the key
 * lists it in NonCompliantKeys, one whose value matches none of `tag_value` in KeysWithNonCompliantValues; `tag_value_dynamic`
 * (the CAM sub-user's tag) and a key without `tag_value` accept any value.
 */
export function tagCompliance(tags: readonly TagPair[], resourceType: string, policy: Record<string, EffectiveTagKey>): TagCompliance {
  const service = resourceType.slice(0, resourceType.indexOf(":"));
  const result: TagCompliance = { ComplianceStatus: true, KeysWithNonCompliantValues: [], NonCompliantKeys: [] };
  for (const [key, fields] of Object.entries(policy)) {
    const scope = (fields.resource_type_scope as string[] | undefined) ?? ["*"];
    if (!scope.some((s) => s === "*" || s === resourceType || s === `${service}:*`)) continue;
    const own = tags.find((t) => t.TagKey === key);
    if (!own) result.NonCompliantKeys.push(key);
    else {
      const allowed = fields.tag_value as string[] | undefined;
      if (allowed && fields.tag_value_dynamic === undefined && !allowed.some((p) => matchesValue(p, own.TagValue)))
        result.KeysWithNonCompliantValues.push(key);
    }
  }
  result.ComplianceStatus = result.NonCompliantKeys.length === 0 && result.KeysWithNonCompliantValues.length === 0;
  return result;
}

/** The resource type of a member in the emulator's tag resources (`qcs::organization:…:member/<uin>`, see ModifyResourceTags). */
export const MEMBER_RESOURCE_TYPE = "organization:member";

/** The six-segment name of a member as a tag resource (the emulator's convention, as ModifyResourceTags accepts it). */
export const memberResourceName = (adminUin: number, memberUin: number): string => `qcs::organization::uin/${adminUin}:member/${memberUin}`;

/** The attachments of one target, of one type. */
export const attachmentsOf = (
  state: Readonly<PolicyState>,
  type: PolicyType,
  targetType: "NODE" | "MEMBER",
  targetId: number,
): readonly Readonly<PolicyAttachment>[] =>
  state.attachments.filter((a) => a.type === type && a.targetType === targetType && a.targetId === targetId);

/**
 * Checks Rp (1–200, default 20) and Page (1–200, default 1) of a policy listing (§1 ListPolicies).
 * @returns the slice bounds @throws ApiError InvalidParameter
 */
export function policyPage(rp: number | undefined, page: number | undefined): { start: number; end: number } {
  const size = rp ?? 20;
  const number = page ?? 1;
  if (size < 1 || size > 200) throw Errors.invalidParameter("Rp must be between 1 and 200.");
  if (number < 1 || number > 200) throw Errors.invalidParameter("Page must be between 1 and 200.");
  return { start: (number - 1) * size, end: number * size };
}

/** A changeable copy of the stored policy state (handlers change it, then `store.setPolicyState`). */
export const editablePolicyState = (state: Readonly<PolicyState>): PolicyState => structuredClone(state) as PolicyState;
