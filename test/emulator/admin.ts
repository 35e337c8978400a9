/**
 * The console's side of the emulator: inspect state, inject faults, add invited members.
 * Reachable in process (`RunningEmulator.admin`) and over HTTP under `/_emulator/` without a
 * signature — which is why the emulator must only listen on loopback.
 */
import { isApiError, type Emulator } from "./emulator";
import { normaliseFault, type FaultSpec, type PendingFault } from "./faults";
import { HANDLERS } from "./handlers";
import { createOrganizationMember } from "./handlers/create-organization-member";
import type {
  CreationRecord,
  EmulatedMember,
  EmulatedNode,
  MemberHoldings,
  OrganizationSettings,
  PolicyState,
  TaggedResource,
} from "./model";
import { ORGANIZATION_ID } from "./policy-rules";
import type { RequestLogEntry } from "./observability";
import { checkCreateTags, checkMemberName, checkNameFree, formatApiTime, normalisePermissionIds, tagRuleBreak } from "./rules";
import { invitedMember, ROOT_NODE_ID } from "./seed";
import type { EmulatorRole, StsSession, WebIdentityTokenRequest } from "./sts";

/** A member added out of band, as the console's "invite" does. */
export interface InviteRequest {
  name: string;
  /** Department. @default 100000 (Root) */
  nodeId?: number;
  /** Financial permissions. @default [1, 2] */
  permissionIds?: number[];
  tags?: Record<string, string>;
}

/** A department as stored (OrgNode without Tags). */
export type NodeSummary = Omit<EmulatedNode, "Tags">;

/** In-process helpers; each has an HTTP twin under `/_emulator/` (see README). */
export interface EmulatorAdmin {
  /** Every member, full internal record, ascending by UIN. */
  members(): EmulatedMember[];
  /** Every department. */
  nodes(): NodeSummary[];
  /** Member-creation records. */
  records(): CreationRecord[];
  /** Breaks the next `count` calls of an action. @throws Error on an invalid spec */
  injectFault(fault: FaultSpec): void;
  /** Faults still pending. */
  faults(): PendingFault[];
  /** Added delay for every API call, or for one action (overriding the global delay for it). */
  setLatency(ms: number, action?: string): void;
  /** Requests that reached dispatch, per action (errors included). */
  counters(): Record<string, number>;
  /** API requests, oldest first, without credentials. */
  requestLog(): RequestLogEntry[];
  /** Adds an invited member out of band. @returns its UIN @throws Error on an invalid name, node or permission */
  inviteMember(member: InviteRequest): number;
  /**
   * Completes a failed creation record out of band, as a person retrying it in the console would.
   * @returns the new member's UIN @throws Error with the API error code when the record cannot complete
   */
  completeRecord(recordId: number): number;
  /** Organization-wide console settings (member deletion permission). */
  settings(): OrganizationSettings;
  /** Turns the console's "member deletion permission" on or off (on at start and after reset). */
  setMemberDeletion(enabled: boolean): void;
  /**
   * Marks what a member's account still holds or is (resources, delegated services, shared resources, entity
   * administrator, approval process, locked financial permissions, Identity Center configurations, failed resource
   * checks): each is a NotAllowReason of CheckAccountDelete and a refusal of DeleteAccount (and most of
   * DeleteOrganizationMembers). Fields given replace the current marks. @throws Error for an unknown member or mark
   */
  setHoldings(memberUin: number, holdings: MemberHoldings): void;
  /**
   * Changes the account's nickname (DescribeOrganizationMembers `NickName`), as the member would in its own
   * account console. @throws Error for an unknown member or an empty nickname
   */
  setNickName(memberUin: number, nickName: string): void;
  /**
   * Confirms an invited member's pending permission change, as the member would in its console.
   * @throws Error when the member has none pending
   */
  confirmPermissionChange(memberUin: number): void;
  /** Organization policies: the organization id, enabled types, policies (FullQcloudAccess first) and attachments. */
  policies(): PolicyView;
  /**
   * Replaces the tagged resources of a member's account (ListNonCompliantResource checks them against its effective tag policy).
   * @throws Error for an unknown member, a resource not `qcs::<service>:<region>:uin/<uin>:<type>/<id>` or a tag breaking a tag rule
   */
  setMemberResources(memberUin: number, resources: MemberResource[]): void;
  /** Sets (or with undefined removes) a SecretId's CAM allow-list ("organization:DeleteAccount", "tag:*", "*"). */
  setAllowedActions(secretId: string, actions: string[] | undefined): void;
  /** Allow-lists in force by SecretId (a SecretId without one may call everything). */
  allowedActions(): Record<string, string[]>;
  /** Adds a CAM role, or replaces the one with its ARN (STS, `sts.ts`). @throws Error on a malformed role */
  defineRole(role: EmulatorRole): void;
  /** The CAM roles STS knows. */
  roles(): EmulatorRole[];
  /** Sets (or with undefined removes) a role's allow-list. @throws Error for an unknown role or a malformed entry */
  setRoleAllowedActions(roleArn: string, actions: string[] | undefined): void;
  /** Registers an OIDC identity provider of the account. @throws Error on a malformed id */
  defineOidcProvider(providerId: string): void;
  /** The OIDC identity providers. */
  oidcProviders(): string[];
  /**
   * Issues a web-identity token of a provider, as a CI system's OIDC issuer would; it expires
   * `expiresInSeconds` later on the emulator's clock. @throws Error for an unknown provider
   */
  issueWebIdentityToken(request: WebIdentityTokenRequest): string;
  /** Every session STS issued since the last reset, oldest first, with its temporary key and token. */
  stsSessions(): StsSession[];
  /**
   * Back to the seed state; clears faults, latency overrides, counters, log and rate-limit windows, settings and
   * allow-lists back to the start options; roles and providers back to the start options, tokens and sessions forgotten.
   */
  reset(): void;
}

/** The admin view of the organization policies. */
export type PolicyView = PolicyState & { organizationId: number };

/** A resource of a member's account with its tags, as `setMemberResources` takes it. */
export interface MemberResource {
  /** `qcs::<service>:<region>:uin/<uin>:<type>/<id>`, e.g. `qcs::cvm:ap-guangzhou:uin/100000100000:instance/ins-1`. */
  resource: string;
  tags?: Record<string, string>;
}

/** A member resource's six-segment name; the service and the part before `/` make its type (`cvm:instance`). */
const MEMBER_RESOURCE = /^qcs::([a-z][a-z0-9_-]*):[^:]*:uin\/\d*:([a-z][A-Za-z0-9_-]*)\/.+$/;

/** @throws Error unless every resource is well formed and its tags follow the tag rules */
function taggedResourcesOf(resources: unknown): TaggedResource[] {
  if (!Array.isArray(resources)) throw new Error("resources must be an array of {resource, tags}");
  return resources.map((r: unknown) => {
    const { resource, tags = {} } = (r ?? {}) as MemberResource;
    const parts = typeof resource === "string" ? MEMBER_RESOURCE.exec(resource) : null;
    if (!parts) throw new Error(`resource ${JSON.stringify(resource)} is not qcs::<service>:<region>:uin/<uin>:<type>/<id>`);
    if (typeof tags !== "object" || tags === null) throw new Error("tags must be an object of key → value");
    const pairs = Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue: String(TagValue) }));
    for (const t of pairs) {
      const broken = tagRuleBreak(t.TagKey, t.TagValue);
      if (broken) throw new Error(`tag ${JSON.stringify(t.TagKey)} breaks the tag rule ${broken}`);
    }
    return { resource, resourceType: `${parts[1]}:${parts[2]}`, tags: pairs };
  });
}

/** Builds the admin interface over an emulator. */
export function createAdmin(emulator: Emulator): EmulatorAdmin {
  const { store } = emulator;
  // Admin helpers raise plain Errors; API errors are re-labelled with their code.
  const asAdminError = (error: unknown): Error => (isApiError(error) ? new Error(`${error.code}: ${error.message}`) : (error as Error));
  return {
    members: () => store.listMembers(),
    nodes: () => store.listNodes().map(({ Tags: _tags, ...node }) => node),
    records: () => store.listRecords(),
    injectFault: (fault) => emulator.faults.add(normaliseFault(fault)),
    faults: () => emulator.faults.list(),
    setLatency: (ms, action) => emulator.setLatency(ms, action),
    counters: () => emulator.observability.counters(),
    requestLog: () => emulator.observability.entries(),
    inviteMember(request) {
      try {
        checkMemberName("Name", request.name);
        checkNameFree(store, request.name);
        const nodeId = request.nodeId ?? ROOT_NODE_ID;
        if (!store.getNode(nodeId)) throw new Error(`node ${nodeId} does not exist`);
        const tags = Object.entries(request.tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
        checkCreateTags(tags);
        const memberUin = store.allocateMemberUin();
        const permissionIds = normalisePermissionIds(request.permissionIds ?? [1, 2]);
        store.putMember(
          invitedMember(memberUin, { name: request.name, nodeId, permissionIds, tags }, formatApiTime(emulator.options.clock())),
        );
        return memberUin;
      } catch (error) {
        throw asAdminError(error);
      } finally {
        emulator.persist();
      }
    },
    completeRecord(recordId) {
      try {
        const result = createOrganizationMember.run({ RecordId: recordId }, emulator.handlerContext("CreateOrganizationMember", false));
        return result.Uin as number;
      } catch (error) {
        throw asAdminError(error);
      } finally {
        emulator.persist();
      }
    },
    settings: () => store.settings,
    setMemberDeletion(enabled) {
      if (typeof enabled !== "boolean") throw new Error("memberDeletionEnabled must be a boolean");
      store.setSettings({ ...store.settings, memberDeletionEnabled: enabled });
      emulator.persist();
    },
    setHoldings(memberUin, holdings) {
      const member = store.getMember(memberUin);
      if (!member) throw new Error(`member ${memberUin} does not exist`);
      for (const [key, value] of Object.entries(holdings)) checkHolding(key, value);
      store.putMember({ ...member, holdings: { ...member.holdings, ...holdings } });
      emulator.persist();
    },
    setNickName(memberUin, nickName) {
      const member = store.getMember(memberUin);
      if (!member) throw new Error(`member ${memberUin} does not exist`);
      if (typeof nickName !== "string" || nickName.length === 0) throw new Error("nickName must be a non-empty string");
      store.putMember({ ...member, nickName });
      emulator.persist();
    },
    confirmPermissionChange(memberUin) {
      const member = store.getMember(memberUin);
      if (!member?.pendingPermissions) throw new Error(`member ${memberUin} has no permission change waiting for confirmation`);
      const { policyType, permissionIds } = member.pendingPermissions;
      delete member.pendingPermissions;
      store.putMember({ ...member, policyType, permissionIds, updateTime: formatApiTime(emulator.options.clock()) });
      emulator.persist();
    },
    policies: () => ({ organizationId: ORGANIZATION_ID, ...structuredClone(store.policyView()) }),
    setMemberResources(memberUin, resources) {
      const member = store.getMember(memberUin);
      if (!member) throw new Error(`member ${memberUin} does not exist`);
      store.putMember({ ...member, taggedResources: taggedResourcesOf(resources) });
      emulator.persist();
    },
    setAllowedActions: (secretId, actions) => emulator.setAllowedActions(secretId, actions),
    allowedActions: () => emulator.allowedActions(),
    defineRole: (role) => emulator.sts.defineRole(role),
    roles: () => emulator.sts.roleList(),
    setRoleAllowedActions: (roleArn, actions) => emulator.sts.setRoleAllowedActions(roleArn, actions),
    defineOidcProvider: (providerId) => emulator.sts.defineOidcProvider(providerId),
    oidcProviders: () => emulator.sts.providerList(),
    issueWebIdentityToken: (request) => emulator.sts.issueWebIdentityToken(request),
    stsSessions: () => emulator.sts.sessionList(),
    reset: () => emulator.reset(),
  };
}

// Marks that are flags, and marks that are a flag or the names CheckAccountDelete lists.
const FLAG_HOLDINGS = [
  "services",
  "sharedResources",
  "authManager",
  "operateProcess",
  "billingPermissionLocked",
  "cicRoleConfig",
  "cicUserConfig",
];
const LIST_HOLDINGS = ["resources", "detectFailedResources"];

/** @throws Error unless `key` is a holding and `value` fits it */
function checkHolding(key: string, value: unknown): void {
  const isNames = Array.isArray(value) && value.every((name) => typeof name === "string" && name !== "");
  if (FLAG_HOLDINGS.includes(key) && typeof value === "boolean") return;
  if (LIST_HOLDINGS.includes(key) && (typeof value === "boolean" || isNames)) return;
  throw new Error(
    `holdings are {${FLAG_HOLDINGS.join(", ")}: boolean; ${LIST_HOLDINGS.join(", ")}: boolean or a list of names}, got ${key}: ${JSON.stringify(value)}`,
  );
}

/** An admin HTTP answer. */
export interface AdminResponse {
  status: number;
  body: unknown;
}

const KNOWN_ACTIONS = new Set(HANDLERS.map((h) => h.action));

/** A POST /_emulator/faults body as a FaultSpec, checked field by field (normaliseFault throws on anything else). */
function faultSpecOf(body: unknown): FaultSpec {
  const { action, mode, code, message, remaining, commit } = normaliseFault(body);
  return { action, mode, code, message, count: remaining, commit };
}

/** A POST /_emulator/invite body as an InviteRequest; the values' own rules are inviteMember's. */
function inviteRequestOf(input: Record<string, unknown>): InviteRequest {
  const { name, nodeId, permissionIds, tags } = input;
  if (typeof name !== "string") throw new Error("name must be a string");
  if (nodeId !== undefined && typeof nodeId !== "number") throw new Error("nodeId must be a number");
  if (permissionIds !== undefined && !(Array.isArray(permissionIds) && permissionIds.every((id) => typeof id === "number"))) {
    throw new Error("permissionIds must be a list of numbers");
  }
  if (tags !== undefined && !(typeof tags === "object" && tags !== null && Object.values(tags).every((v) => typeof v === "string"))) {
    throw new Error("tags must be an object of text values");
  }
  return { name, nodeId, permissionIds, tags: tags as Record<string, string> | undefined };
}

/**
 * Routes `/_emulator/...` requests to the admin interface.
 * @param body - the parsed JSON body (undefined for GET or an empty body)
 */
export function routeAdminRequest(admin: EmulatorAdmin, method: string, path: string, body: unknown): AdminResponse {
  const input = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  try {
    const route = `${method} ${path.replace(/\/+$/, "")}`;
    switch (route) {
      case "GET /_emulator/members":
        return { status: 200, body: admin.members() };
      case "GET /_emulator/nodes":
        return { status: 200, body: admin.nodes() };
      case "GET /_emulator/records":
        return { status: 200, body: admin.records() };
      case "GET /_emulator/counters":
        return { status: 200, body: admin.counters() };
      case "GET /_emulator/log":
        return { status: 200, body: admin.requestLog() };
      case "GET /_emulator/faults":
        return { status: 200, body: admin.faults() };
      case "POST /_emulator/faults":
        admin.injectFault(faultSpecOf(input));
        return { status: 200, body: { ok: true } };
      case "POST /_emulator/latency": {
        const { ms, action } = input;
        if (typeof ms !== "number") throw new Error("ms must be a number");
        if (action !== undefined && (typeof action !== "string" || !KNOWN_ACTIONS.has(action)))
          throw new Error(`unknown action ${JSON.stringify(action)}`);
        admin.setLatency(ms, action);
        return { status: 200, body: { ok: true } };
      }
      case "POST /_emulator/reset":
        admin.reset();
        return { status: 200, body: { ok: true } };
      case "POST /_emulator/invite": {
        const memberUin = admin.inviteMember(inviteRequestOf(input));
        return { status: 200, body: { memberUin } };
      }
    }
    switch (route) {
      case "GET /_emulator/settings":
        return { status: 200, body: admin.settings() };
      case "POST /_emulator/settings":
        admin.setMemberDeletion(input.memberDeletionEnabled as boolean);
        return { status: 200, body: admin.settings() };
      case "GET /_emulator/policies":
        return { status: 200, body: admin.policies() };
      case "GET /_emulator/allowed-actions":
        return { status: 200, body: admin.allowedActions() };
      case "POST /_emulator/allowed-actions": {
        const { secretId, actions } = input;
        if (typeof secretId !== "string") throw new Error("secretId must be a string");
        if (actions !== null && !Array.isArray(actions))
          throw new Error("actions must be an array of strings, or null to allow everything");
        admin.setAllowedActions(secretId, actions === null ? undefined : (actions as string[]));
        return { status: 200, body: admin.allowedActions() };
      }
    }
    switch (route) {
      case "GET /_emulator/sts/roles":
        return { status: 200, body: admin.roles() };
      case "POST /_emulator/sts/roles":
        admin.defineRole(input as unknown as EmulatorRole);
        return { status: 200, body: admin.roles() };
      case "POST /_emulator/sts/roles/allowed-actions": {
        const { roleArn, actions } = input;
        if (typeof roleArn !== "string") throw new Error("roleArn must be a string");
        if (actions !== null && !Array.isArray(actions))
          throw new Error("actions must be an array of strings, or null to allow everything");
        admin.setRoleAllowedActions(roleArn, actions === null ? undefined : (actions as string[]));
        return { status: 200, body: admin.roles() };
      }
      case "GET /_emulator/sts/oidc-providers":
        return { status: 200, body: admin.oidcProviders() };
      case "POST /_emulator/sts/oidc-providers":
        admin.defineOidcProvider(input.providerId as string);
        return { status: 200, body: admin.oidcProviders() };
      case "POST /_emulator/sts/web-identity-tokens":
        return { status: 200, body: { token: admin.issueWebIdentityToken(input as unknown as WebIdentityTokenRequest) } };
      case "GET /_emulator/sts/sessions":
        return { status: 200, body: admin.stsSessions() };
    }
    const memberRoute = /^POST \/_emulator\/members\/(\d+)\/(holdings|confirm-permissions|nickname|resources)$/.exec(route);
    if (memberRoute) {
      const memberUin = Number(memberRoute[1]);
      if (memberRoute[2] === "resources")
        admin.setMemberResources(memberUin, (input as { resources?: MemberResource[] }).resources as MemberResource[]);
      else if (memberRoute[2] === "holdings") admin.setHoldings(memberUin, input as MemberHoldings);
      else if (memberRoute[2] === "nickname") admin.setNickName(memberUin, (input as { nickName?: string }).nickName ?? "");
      else admin.confirmPermissionChange(memberUin);
      return { status: 200, body: { ok: true } };
    }
    const complete = /^POST \/_emulator\/records\/(\d+)\/complete$/.exec(route);
    if (complete) return { status: 200, body: { memberUin: admin.completeRecord(Number(complete[1])) } };
    return { status: 404, body: { error: `no admin endpoint ${route}` } };
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}
