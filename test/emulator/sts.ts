/**
 * The emulator's Security Token Service (sts 2018-08-13): CAM roles with their trust and their
 * allow-lists, OIDC identity providers with the tokens they issued, and the temporary credentials
 * AssumeRole and AssumeRoleWithWebIdentity hand out.
 *
 * A temporary key lives on in three places: the signature check (`authentication.ts`) accepts it
 * only with its token and only until it expires; the CAM check (`emulator.ts`) gives it its role's
 * allow-list, narrowed by the session policy of the AssumeRole call if it had one; the request log
 * names its role. Roles and providers come from the start options and the admin interface; tokens
 * and sessions live in memory until `reset()` (nothing of STS is written to the data file).
 *
 * Codes: the Go SDK v1.3.166 `sts/v20180813/client.go` lists of the two actions (`codes.ts`); which
 * condition answers which of them is the emulator's reading, marked in the README.
 */
import { randomBytes } from "node:crypto";
import type { EmulatorCredential } from "./authentication";
import { checkAllowList, permits } from "./cam";
import { Errors } from "./errors";

/** A CAM role, as the emulator models one. */
export interface EmulatorRole {
  /** `qcs::cam::uin/<owner uin>:roleName/<name>` (or `…:role/<role id>`), as AssumeRole's `RoleArn` names it. */
  roleArn: string;
  /**
   * What the role's policies allow, as a key's allow-list: `service:Action`, `service:*` or `*`.
   * Absent: every action.
   */
  allowedActions?: string[];
  /**
   * The role carrier for AssumeRole: SecretIds of the keys whose users may assume the role.
   * @default none (no key may)
   */
  trustedSecretIds?: string[];
  /**
   * OIDC identity providers (ProviderId) whose tokens may assume the role with AssumeRoleWithWebIdentity.
   * @default none
   */
  trustedProviders?: string[];
  /** The `sts:ExternalId` the role's trust policy requires of AssumeRole. @default none required */
  externalId?: string;
  /** Longest session the role grants (CAM's role "maximum session duration"). @default 43200 */
  maxSessionDurationSeconds?: number;
}

/** What the admin interface issues a web-identity token for (the CI system's side of OIDC). */
export interface WebIdentityTokenRequest {
  /** The identity provider that issues it; must be defined (option `oidcProviders`, `defineOidcProvider`). */
  providerId: string;
  /** The token's subject, e.g. a pipeline's repository and branch. @default "emulator-ci" */
  subject?: string;
  /** Seconds from now (the emulator's clock) until the token expires. @default 3600 */
  expiresInSeconds?: number;
}

/** A session STS issued, as the admin interface shows it (secrets included: the admin interface is the console). */
export interface StsSession {
  roleArn: string;
  sessionName: string;
  /** The action that issued it. */
  issuedBy: "AssumeRole" | "AssumeRoleWithWebIdentity";
  tmpSecretId: string;
  tmpSecretKey: string;
  token: string;
  /** Unix seconds, as the answer's ExpiredTime. */
  expiredTime: number;
}

/** AssumeRole's request fields the emulator reads. */
export interface AssumeRoleParams {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
  Policy?: string;
  ExternalId?: string;
}

/** AssumeRoleWithWebIdentity's request fields. */
export interface WebIdentityParams {
  ProviderId: string;
  WebIdentityToken: string;
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
}

/** What the emulator starts with (and resets to). */
export interface StsStart {
  roles: readonly EmulatorRole[];
  oidcProviders: readonly string[];
}

/** AssumeRole's page: "默认 7200 秒，最长可设定有效期为 43200 秒". */
export const DEFAULT_SESSION_SECONDS = 7200;
export const MAX_SESSION_SECONDS = 43_200;

// Formats from the Go SDK model comments (models.go, v1.3.166): RoleArn's two forms, RoleSessionName
// "长度在2到128之间 … [\w+=,.@_-]*", ExternalId "长度在2到128之间 … [\w+=,.@:\/-]*".
const ROLE_ARN = /^qcs::cam::uin\/\d+:(roleName\/[\w+=,.@-]{1,128}|role\/\d+)$/;
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,128}$/;
const PROVIDER_ID = /^[\w+=,.@-]{1,128}$/;

/** A session policy: what it allows and what it denies. */
interface SessionPolicy {
  allow: string[];
  deny: string[];
}

interface Session {
  view: StsSession;
  expiresAtMs: number;
  policy?: SessionPolicy;
}

interface IssuedToken {
  providerId: string;
  expiresAtMs: number;
}

const base64url = (bytes: number): string => randomBytes(bytes).toString("base64url");
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Roles, identity providers, tokens and sessions of one emulator. */
export class StsService {
  private readonly roles = new Map<string, EmulatorRole>();
  private readonly providers = new Set<string>();
  private readonly tokens = new Map<string, IssuedToken>();
  /** By TmpSecretId. */
  private readonly sessions = new Map<string, Session>();

  /** @throws Error when a start role or provider is malformed */
  constructor(
    private readonly start: StsStart,
    private readonly clock: () => number,
  ) {
    this.reset();
  }

  /** Back to the start roles and providers; every token and session is forgotten. */
  reset(): void {
    this.roles.clear();
    this.providers.clear();
    this.tokens.clear();
    this.sessions.clear();
    for (const providerId of this.start.oidcProviders) this.defineOidcProvider(providerId);
    for (const role of this.start.roles) this.defineRole(role);
  }

  /**
   * Adds a role, or replaces the one with its ARN (its live sessions then follow the new allow-list,
   * as CAM applies a changed role policy to sessions already issued).
   * @throws Error on a malformed ARN, allow-list, provider or duration
   */
  defineRole(role: EmulatorRole): void {
    if (typeof role?.roleArn !== "string" || !ROLE_ARN.test(role.roleArn)) {
      throw new Error(
        `roleArn ${JSON.stringify(role?.roleArn)} is not qcs::cam::uin/<uin>:roleName/<name> or qcs::cam::uin/<uin>:role/<id>`,
      );
    }
    const owner = `role ${role.roleArn}`;
    const stringList = (value: unknown, name: string): string[] | undefined => {
      if (value === undefined) return undefined;
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
        throw new Error(`${name} of ${owner} must be a list of strings`);
      return [...value];
    };
    const trustedProviders = stringList(role.trustedProviders, "trustedProviders");
    for (const providerId of trustedProviders ?? []) {
      if (!this.providers.has(providerId))
        throw new Error(`${owner} trusts ${JSON.stringify(providerId)}, which is no defined OIDC provider`);
    }
    const max = role.maxSessionDurationSeconds;
    if (max !== undefined && !(Number.isInteger(max) && max >= 1 && max <= MAX_SESSION_SECONDS)) {
      throw new Error(`maxSessionDurationSeconds of ${owner} must be an integer from 1 to ${MAX_SESSION_SECONDS}`);
    }
    if (role.externalId !== undefined && (typeof role.externalId !== "string" || !EXTERNAL_ID.test(role.externalId))) {
      throw new Error(`externalId of ${owner} must be 2 to 128 of the characters [A-Za-z0-9_+=,.@:/-]`);
    }
    this.roles.set(role.roleArn, {
      roleArn: role.roleArn,
      ...(role.allowedActions !== undefined ? { allowedActions: checkAllowList(role.allowedActions, owner) } : {}),
      trustedSecretIds: stringList(role.trustedSecretIds, "trustedSecretIds") ?? [],
      trustedProviders: trustedProviders ?? [],
      ...(role.externalId !== undefined ? { externalId: role.externalId } : {}),
      ...(max !== undefined ? { maxSessionDurationSeconds: max } : {}),
    });
  }

  /** Sets (or with undefined removes) a role's allow-list. @throws Error for an unknown role or a malformed entry */
  setRoleAllowedActions(roleArn: string, actions: readonly string[] | undefined): void {
    const role = this.roles.get(roleArn);
    if (!role) throw new Error(`unknown role ${JSON.stringify(roleArn)}`);
    const { allowedActions: _previous, ...rest } = role;
    this.roles.set(roleArn, actions === undefined ? rest : { ...rest, allowedActions: checkAllowList(actions, `role ${roleArn}`) });
  }

  /** Registers an OIDC identity provider of the account (CAM console, "Identity providers"). @throws Error on a malformed id */
  defineOidcProvider(providerId: string): void {
    if (typeof providerId !== "string" || !PROVIDER_ID.test(providerId)) {
      throw new Error(`providerId ${JSON.stringify(providerId)} must be 1 to 128 of the characters [A-Za-z0-9_+=,.@-]`);
    }
    this.providers.add(providerId);
  }

  /**
   * Issues a web-identity token, as a CI system's OIDC issuer would. JWT-shaped, but the emulator
   * verifies it by looking it up, not by a signature.
   * @throws Error for an unknown provider or a non-positive lifetime
   */
  issueWebIdentityToken(request: WebIdentityTokenRequest): string {
    const { providerId, subject = "emulator-ci", expiresInSeconds = 3600 } = request ?? ({} as WebIdentityTokenRequest);
    if (!this.providers.has(providerId)) throw new Error(`unknown OIDC provider ${JSON.stringify(providerId)}`);
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1) throw new Error("expiresInSeconds must be a positive integer");
    if (typeof subject !== "string" || subject === "") throw new Error("subject must be a non-empty string");
    const now = this.clock();
    const expiresAtMs = now + expiresInSeconds * 1000;
    const json = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = {
      iss: `https://oidc.emulator.invalid/${providerId}`,
      sub: subject,
      aud: "sts.tencentcloudapi.com",
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAtMs / 1000),
    };
    const token = `${json({ alg: "none", typ: "JWT" })}.${json(claims)}.${base64url(32)}`;
    this.tokens.set(token, { providerId, expiresAtMs });
    return token;
  }

  /** The roles, as defined. */
  roleList(): EmulatorRole[] {
    return [...this.roles.values()].map((role) => structuredClone(role));
  }

  /** The OIDC providers. */
  providerList(): string[] {
    return [...this.providers];
  }

  /** Every session issued since the last reset, oldest first, expired ones included. */
  sessionList(): StsSession[] {
    return [...this.sessions.values()].map((s) => ({ ...s.view }));
  }

  /** The temporary key `secretId` as the signature check needs it, or undefined when STS never issued it. */
  credentialOf(secretId: string): EmulatorCredential | undefined {
    const session = this.sessions.get(secretId);
    if (!session) return undefined;
    return { secretId, secretKey: session.view.tmpSecretKey, token: session.view.token, expiresAtMs: session.expiresAtMs };
  }

  /** The role a temporary key acts as. */
  roleOf(secretId: string): string | undefined {
    return this.sessions.get(secretId)?.view.roleArn;
  }

  /**
   * Whether the temporary key `secretId` may call `cam`: its role's allow-list, narrowed by its
   * session policy. Undefined when `secretId` is no temporary key.
   */
  authorizes(secretId: string, cam: string): boolean | undefined {
    const session = this.sessions.get(secretId);
    if (!session) return undefined;
    const role = this.roles.get(session.view.roleArn);
    const roleAllows = role !== undefined && (role.allowedActions === undefined || permits(role.allowedActions, cam));
    const policy = session.policy;
    return roleAllows && (!policy || (permits(policy.allow, cam) && !permits(policy.deny, cam)));
  }

  /**
   * AssumeRole by the key `caller`.
   * @throws ApiError InvalidParameter.ParamError, ResourceNotFound.RoleNotFound, InvalidParameter.OverTimeError,
   *   UnauthorizedOperation (trust, external id) or InvalidParameter.StrategyFormatError
   */
  assumeRole(caller: string, p: AssumeRoleParams): Record<string, unknown> {
    checkRequestFormat(p.RoleArn, p.RoleSessionName);
    if (p.ExternalId !== undefined && !EXTERNAL_ID.test(p.ExternalId)) {
      throw Errors.stsParamError("ExternalId must be 2 to 128 of the characters [A-Za-z0-9_+=,.@:/-]");
    }
    const role = this.roles.get(p.RoleArn);
    if (!role) throw Errors.roleNotFound(p.RoleArn);
    const duration = sessionSeconds(p.DurationSeconds, role, (max) => Errors.overTimeError(max));
    if (!role.trustedSecretIds?.includes(caller)) {
      throw Errors.roleTrustRefused(p.RoleArn, "sts:AssumeRole", "the calling key's user is not a principal of the role's trust policy");
    }
    if (role.externalId !== undefined && p.ExternalId !== role.externalId) {
      throw Errors.roleTrustRefused(
        p.RoleArn,
        "sts:AssumeRole",
        "the role's trust policy requires an sts:ExternalId the request did not give",
      );
    }
    const policy = p.Policy === undefined ? undefined : sessionPolicyOf(p.Policy);
    return this.issue(role, p.RoleSessionName, duration, "AssumeRole", policy);
  }

  /**
   * AssumeRoleWithWebIdentity (an unsigned call: the token is the proof).
   * @throws ApiError InvalidParameter.ParamError, InvalidParameter.WebIdentityTokenError, InternalError.GetRoleError
   *   or UnauthorizedOperation (trust)
   */
  assumeRoleWithWebIdentity(p: WebIdentityParams): Record<string, unknown> {
    checkRequestFormat(p.RoleArn, p.RoleSessionName);
    if (!PROVIDER_ID.test(p.ProviderId)) throw Errors.stsParamError("ProviderId must be 1 to 128 of the characters [A-Za-z0-9_+=,.@-]");
    if (!this.providers.has(p.ProviderId)) {
      throw Errors.webIdentityTokenError(`the account has no identity provider ${JSON.stringify(p.ProviderId)} to verify the token with`);
    }
    const token = this.tokens.get(p.WebIdentityToken);
    if (!token || token.providerId !== p.ProviderId) {
      throw Errors.webIdentityTokenError(`the token was not issued by identity provider ${JSON.stringify(p.ProviderId)}`);
    }
    if (this.clock() >= token.expiresAtMs) throw Errors.webIdentityTokenError(`the token expired at ${isoSeconds(token.expiresAtMs)}`);
    const role = this.roles.get(p.RoleArn);
    if (!role) throw Errors.getRoleError(p.RoleArn);
    // OverTimeError is not in this action's list; its ParamError is.
    const duration = sessionSeconds(p.DurationSeconds, role, (max) =>
      Errors.stsParamError(`DurationSeconds exceeds the role's maximum of ${max}`),
    );
    if (!role.trustedProviders?.includes(p.ProviderId)) {
      throw Errors.roleTrustRefused(
        p.RoleArn,
        "sts:AssumeRoleWithWebIdentity",
        `identity provider ${JSON.stringify(p.ProviderId)} is not a principal of the role's trust policy`,
      );
    }
    return this.issue(role, p.RoleSessionName, duration, "AssumeRoleWithWebIdentity");
  }

  private issue(
    role: EmulatorRole,
    sessionName: string,
    durationSeconds: number,
    issuedBy: StsSession["issuedBy"],
    policy?: SessionPolicy,
  ): Record<string, unknown> {
    // Whole seconds, so that ExpiredTime and the moment the key stops working are the same instant.
    const expiredTime = Math.floor(this.clock() / 1000) + durationSeconds;
    const view: StsSession = {
      roleArn: role.roleArn,
      sessionName,
      issuedBy,
      tmpSecretId: `AKID${randomBytes(16).toString("hex")}`,
      tmpSecretKey: base64url(30),
      token: base64url(96),
      expiredTime,
    };
    this.sessions.set(view.tmpSecretId, { view, expiresAtMs: expiredTime * 1000, ...(policy ? { policy } : {}) });
    return {
      Credentials: { Token: view.token, TmpSecretId: view.tmpSecretId, TmpSecretKey: view.tmpSecretKey },
      ExpiredTime: expiredTime,
      Expiration: isoSeconds(expiredTime * 1000),
    };
  }
}

/** @throws ApiError InvalidParameter.ParamError for a malformed RoleArn or RoleSessionName */
function checkRequestFormat(roleArn: string, sessionName: string): void {
  if (!ROLE_ARN.test(roleArn))
    throw Errors.stsParamError("RoleArn must be qcs::cam::uin/<uin>:roleName/<name> or qcs::cam::uin/<uin>:role/<id>");
  if (!SESSION_NAME.test(sessionName)) throw Errors.stsParamError("RoleSessionName must be 2 to 128 of the characters [A-Za-z0-9_+=,.@-]");
}

/**
 * The session's lifetime: DurationSeconds, at most the role's maximum; without it 7200 seconds, or the
 * role's maximum when that is shorter (that the default yields to the role is a guess).
 */
function sessionSeconds(requested: number | undefined, role: EmulatorRole, tooLong: (max: number) => Error): number {
  const max = Math.min(role.maxSessionDurationSeconds ?? MAX_SESSION_SECONDS, MAX_SESSION_SECONDS);
  if (requested === undefined) return Math.min(DEFAULT_SESSION_SECONDS, max);
  if (requested < 1) throw Errors.stsParamError("DurationSeconds must be at least 1");
  if (requested > max) throw tooLong(max);
  return requested;
}

/**
 * The session policy of an AssumeRole call: URL-encoded CAM policy JSON (the field's doc: "该参数需要做urlencode"),
 * read as allow and deny lists of actions; resources and conditions are not modelled.
 * @throws ApiError InvalidParameter.StrategyFormatError
 */
function sessionPolicyOf(encoded: string): SessionPolicy {
  let document: unknown;
  try {
    // `+` for a space too: Terraform encodes the policy with Go's url.QueryEscape.
    document = JSON.parse(decodeURIComponent(encoded.replace(/\+/g, " ")));
  } catch {
    throw Errors.strategyFormatError("Policy is not URL-encoded JSON");
  }
  const statements = (document as { statement?: unknown } | null)?.statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? undefined : [statements];
  if (!list || list.length === 0) throw Errors.strategyFormatError("Policy needs a statement");
  const policy: SessionPolicy = { allow: [], deny: [] };
  for (const [i, statement] of list.entries()) {
    const { effect, action } = (statement ?? {}) as { effect?: unknown; action?: unknown };
    const actions = typeof action === "string" ? [action] : action;
    const kind = typeof effect === "string" ? effect.toLowerCase() : undefined;
    if (kind !== "allow" && kind !== "deny") throw Errors.strategyFormatError(`statement ${i} needs effect "allow" or "deny"`);
    try {
      policy[kind].push(...checkAllowList(actions, `statement ${i}`));
    } catch (error) {
      throw Errors.strategyFormatError((error as Error).message);
    }
  }
  return policy;
}
