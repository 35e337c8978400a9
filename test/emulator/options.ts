/**
 * Emulator options and their defaults.
 */
import type { DepartmentNameScope } from "./handlers/handler";
import type { EmulatorCredential } from "./authentication";
import type { OrganizationState, PolicyType } from "./model";
import type { EmulatorRole } from "./sts";
import { DEFAULT_POLICY_ATTACHMENT_LIMIT, DEFAULT_POLICY_LIMIT, DEFAULT_TAG_POLICY_LIMIT, POLICY_TYPES } from "./policy-rules";
import { DEFAULT_MEMBER_LIMIT, DEFAULT_NODE_DEPTH_LIMIT } from "./rules";

/** SecretId the emulator accepts when no credentials are configured. */
export const DEFAULT_SECRET_ID = "AKIDemulator000000000000000000000000";
/** SecretKey paired with {@link DEFAULT_SECRET_ID}. */
export const DEFAULT_SECRET_KEY = "emulator-secret-key-000000000000";

/** How to start an emulator. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. Keep it on loopback: the admin interface has no authentication. @default "127.0.0.1" */
  host?: string;
  /**
   * Accepted key pairs; a pair with `token` also requires X-TC-Token; a pair with `allowedActions`
   * may call only those actions (CAM style, e.g. "organization:CreateOrganizationMember", "tag:*").
   * @default one pair, DEFAULT_SECRET_ID / DEFAULT_SECRET_KEY, every action allowed
   */
  credentials?: EmulatorCredential[];
  /**
   * Calls allowed per action per SecretId in any one-second window, for every action whose page says 20 per second; an
   * action with its own documented figure keeps it (DescribeOrganization: 40, `DOCUMENTED_ACTION_LIMITS` in
   * `action-throttle.ts`). 0 disables limiting for every action. @default 20
   */
  rateLimitPerSecond?: number;
  /** Delay added to every API call. @default 0 */
  latencyMs?: number;
  /** Persist state to this JSON file after every mutation (temp file + rename) and load it at start. @default none (memory only) */
  dataFile?: string;
  /** The organization to start from (and reset to) instead of the built-in one, e.g. from a seed file (`seed-file.ts`). @default root, three departments, `seedMembers` invited members */
  seed?: OrganizationState;
  /** Invited members pre-created over the seed departments (benchmarks). @default 0 */
  seedMembers?: number;
  /**
   * Members CreateOrganizationMember may bring the organization to (LimitExceeded.OrganizationMemberOverLimit).
   * Tencent's FAQ says 100, raised by ticket: pass more to play a raised limit. Seeded and invited members are not
   * refused, but count. @default 100
   */
  memberLimit?: number;
  /** Departments the organization can hold (LimitExceeded.NodeExceedLimit); the number is the emulator's choice. @default 1000 */
  nodeLimit?: number;
  /** Levels of departments, the root being level 1 (LimitExceeded.NodeDepthExceedLimit); Tencent's console page says 5 levels, counting the root is the emulator's choice. @default 5 */
  nodeDepthLimit?: number;
  /**
   * Where a department's name must be unique (FailedOperation.OrganizationNodeNameUsed). Tencent's
   * FAQ (product 1031 doc 32016) says "unique within your organization"; the API documents nothing,
   * so `siblings` remains for playing the other reading. @default "organization"
   */
  departmentNameScope?: DepartmentNameScope;
  /** Distinct values one tag key can have across the account (LimitExceeded.TagValue; tag errors.go says 1000). @default 1000 */
  tagValueQuota?: number;
  /** Distinct tag keys across the account (LimitExceeded.TagKey; tag errors.go says 1000). @default 1000 */
  tagKeyQuota?: number;
  /**
   * Accept a credential scope whose service is the first label of an IP-address (or `localhost`)
   * Host header, as the SDK signs when its endpoint is `127.0.0.1:PORT` (service "127": the
   * "endpoint route"). Any other service must be the product's (`organization`, `tag`), as Tencent
   * requires. `false` (CLI `--strict-service-scope`) refuses the endpoint route too. @default true
   */
  endpointRouteScope?: boolean;
  /**
   * Policy types enabled at start (and after reset): Tencent starts with none ("SCP is off by default", page 1031/51870).
   * With SERVICE_CONTROL_POLICY, every department and member starts bound to FullQcloudAccess. @default []
   */
  enabledPolicyTypes?: PolicyType[];
  /** Custom service control policies the organization can hold (FailedOperation.PolicyFull); the number is a guess. @default 1000 */
  policyLimit?: number;
  /** Tag policies the organization can hold (LimitExceeded.TagPolicy); the Tag product's single-account 100, unverified here. @default 100 */
  tagPolicyLimit?: number;
  /** Policies of one type one department or member can carry, FullQcloudAccess included (InvalidParameter.AttachmentFull); a guess. @default 10 */
  policyAttachmentLimit?: number;
  /** DeleteAccount answers FailedOperation.MemberAccountDeregisterPending this many times per member before completing. @default 0 */
  deregisterPendingCalls?: number;
  /**
   * CAM roles STS lets callers assume (`sts.ts`): each with its allow-list, the keys and identity
   * providers its trust policy names, an external id and a maximum session. Restored by reset.
   * @default none
   */
  roles?: EmulatorRole[];
  /** OIDC identity providers (ProviderId) of the account, for AssumeRoleWithWebIdentity. @default none */
  oidcProviders?: string[];
  /** Wall clock in ms since epoch: signature window, CreateTime/UpdateTime, STS expiry. @default Date.now */
  clock?: () => number;
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<EmulatorOptions, "dataFile" | "seed">> & { dataFile?: string; seed?: OrganizationState };

/**
 * Fills in defaults and rejects impossible values early (a typo in a benchmark should fail loudly).
 * @throws Error on a negative or non-integer number
 */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    credentials: options.credentials ?? [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }],
    rateLimitPerSecond: options.rateLimitPerSecond ?? 20,
    latencyMs: options.latencyMs ?? 0,
    dataFile: options.dataFile,
    seed: options.seed,
    seedMembers: options.seedMembers ?? 0,
    memberLimit: options.memberLimit ?? DEFAULT_MEMBER_LIMIT,
    nodeLimit: options.nodeLimit ?? 1000,
    nodeDepthLimit: options.nodeDepthLimit ?? DEFAULT_NODE_DEPTH_LIMIT,
    departmentNameScope: options.departmentNameScope ?? "organization",
    tagValueQuota: options.tagValueQuota ?? 1000,
    tagKeyQuota: options.tagKeyQuota ?? 1000,
    endpointRouteScope: options.endpointRouteScope ?? true,
    deregisterPendingCalls: options.deregisterPendingCalls ?? 0,
    enabledPolicyTypes: [...(options.enabledPolicyTypes ?? [])],
    policyLimit: options.policyLimit ?? DEFAULT_POLICY_LIMIT,
    tagPolicyLimit: options.tagPolicyLimit ?? DEFAULT_TAG_POLICY_LIMIT,
    policyAttachmentLimit: options.policyAttachmentLimit ?? DEFAULT_POLICY_ATTACHMENT_LIMIT,
    // Checked when the emulator builds its STS (sts.ts), which throws on a malformed role or provider.
    roles: structuredClone(options.roles ?? []),
    oidcProviders: [...(options.oidcProviders ?? [])],
    clock: options.clock ?? Date.now,
  };
  for (const key of [
    "port",
    "rateLimitPerSecond",
    "latencyMs",
    "seedMembers",
    "memberLimit",
    "deregisterPendingCalls",
    "nodeLimit",
    "nodeDepthLimit",
    "tagValueQuota",
    "tagKeyQuota",
    "policyLimit",
    "tagPolicyLimit",
    "policyAttachmentLimit",
  ] as const) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value < 0) throw new Error(`option ${key} must be a non-negative integer, got ${value}`);
  }
  for (const type of resolved.enabledPolicyTypes) {
    if (!POLICY_TYPES.includes(type))
      throw new Error(`option enabledPolicyTypes takes ${POLICY_TYPES.join(", ")}, got ${JSON.stringify(type)}`);
  }
  if (resolved.credentials.length === 0) throw new Error("option credentials must hold at least one key pair");
  return resolved;
}
