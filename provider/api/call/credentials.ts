/**
 * Which credential signs each call, and how a role's temporary credential stays fresh.
 *
 * Without a role, the key pair signs every call. With one (`settings.role`), the provider asks STS
 * — AssumeRole signed with the key pair, or AssumeRoleWithWebIdentity with the CI system's OIDC
 * token — and signs with the temporary key it answers. Before each call TencentApi.call asks
 * `current()`, which renews the credential once it is within the renewal margin of its expiry;
 * calls that find it due at the same time share one renewal. The SDK clients hold `sdkCredential`,
 * the SDK's DynamicCredential (asked once per request), which only hands out what `current()`
 * settled, so a refusal surfaces here, typed, and never inside the SDK's request.
 *
 * Why not the SDK's own STSCredential / OIDCRoleArnCredential (tencentcloud-sdk-nodejs 4.1.313,
 * `common/credential.js`)? They can be pointed at the emulator (their CommonClient honours
 * `profile.httpProfile`; test/emulator/sts.test.ts does it), but:
 * - they rethrow every STS failure as `new Error("Get STS AssumeRole failed: " + message)`: code and
 *   RequestId are lost, so a missing role, a throttled call and an expired token look the same;
 * - a failed assumption stays cached (the rejected promise is never cleared), so every later call
 *   fails with it, a throttled AssumeRole included;
 * - their renewal margin is fixed and read from Date.now: 30 s for STSCredential, and 600 *ms* for
 *   OIDCRoleArnCredential (it compares milliseconds with what is meant as seconds); nothing lets a
 *   test move time;
 * - OIDCRoleArnCredential, given its parameters, keeps the token it was built with: a token file
 *   the CI system (or TKE) rotates is never read again;
 * - an error thrown by getCredential() inside a request reaches the caller as a transport error
 *   without a code, which the retry layer would take for "no answer" and repeat.
 * So this module uses the SDK's STS client (transport.ts) and its DynamicCredential interface.
 *
 * Temporary keys, tokens and the OIDC token are added to the log's scrub list the moment they are
 * known, so no log line and no error message can carry them; they are never part of any output.
 */
import { readFileSync } from "node:fs";
import type { Credential, DynamicCredential } from "tencentcloud-sdk-nodejs/tencentcloud/common/interface";
import { AssumeRoleDeniedError } from "../../core/errors/AssumeRoleDeniedError";
import { ConfigurationError } from "../../core/errors/ConfigurationError";
import { RoleNotAssumableError } from "../../core/errors/RoleNotAssumableError";
import { type FailureTreatment, TencentApiError } from "../../core/errors/TencentApiError";
import { WebIdentityTokenError } from "../../core/errors/WebIdentityTokenError";
import type { Clock } from "./clock";
import { hintFor } from "./codes";
import { classifyFailure } from "./failure";
import type { ProviderLog } from "./log";
import { backoffDelayMs, type RetryPolicy, withRetry } from "./retry";
import type { ProviderSettings, RoleSettings, WebIdentitySettings } from "./settings";
import { createStsClient, type StsClient } from "./transport";

/** The key that signs one request. */
export type SigningKey = Required<Pick<Credential, "secretId" | "secretKey">> & Pick<Credential, "token">;

/** Where the signing key of each call comes from. */
export interface CredentialSource {
  /** The key to sign the next request with, renewed first when due. Throws the refusal when it cannot be had. */
  current(): Promise<SigningKey>;
  /** What the SDK clients hold: the key pair, or a DynamicCredential answering what `current()` settled. */
  readonly sdkCredential: Credential | DynamicCredential;
}

/** What a role's credential source needs besides the settings. */
export interface RoleCredentialDeps {
  /** Where new secrets are registered for scrubbing, and where assumptions are reported. */
  log: ProviderLog;
  /** Wall clock, ms since epoch: Tencent states expiry as a Unix time. @default Date.now */
  wallClock?: () => number;
  /** Waits between attempts of a throttled or failed STS call. */
  clock: Clock;
  random: () => number;
  /** Attempts and backoff of an STS call. */
  policy: RetryPolicy;
  /** @default the SDK's STS client (transport.ts) */
  sts?: StsClient;
  /** Reads the web-identity token file. @default readFileSync */
  readFile?: (path: string) => string;
}

/** The credential source of `settings`: the key pair, or the role's renewed temporary credential. */
export function credentialSource(settings: ProviderSettings, deps: RoleCredentialDeps): CredentialSource {
  deps.log.scrub([settings.secretId, settings.secretKey, settings.securityToken]);
  if (settings.role) return new RoleCredentials(settings.role, settings, deps);
  const key: SigningKey = {
    secretId: settings.secretId ?? "",
    secretKey: settings.secretKey ?? "",
    ...(settings.securityToken ? { token: settings.securityToken } : {}),
  };
  return { current: async () => key, sdkCredential: key };
}

// ---------------------------------------------------------------- renewal

/**
 * Renew this long before expiry at most. Five minutes: longer than any call with its retries takes
 * to be signed and sent (the signature window is five minutes too), short next to a session.
 */
export const RENEWAL_MARGIN_MS = 5 * 60_000;

/**
 * When a credential obtained at `obtainedAtMs` and expiring at `expiresAtMs` is due for renewal:
 * the margin before expiry, or a quarter of its life when that is shorter (a 60-second session is
 * renewed after 45 s, not at once). Pure.
 */
export function renewalDueAt(obtainedAtMs: number, expiresAtMs: number, marginMs = RENEWAL_MARGIN_MS): number {
  return expiresAtMs - Math.min(marginMs, Math.max(0, expiresAtMs - obtainedAtMs) / 4);
}

/** A temporary credential and when to renew it. */
interface Issued {
  key: Required<SigningKey>;
  expiresAtMs: number;
  renewAtMs: number;
}

/** A role's temporary credential, assumed on first use and renewed before it expires. */
class RoleCredentials implements CredentialSource {
  private issued: Issued | undefined;
  private renewal: Promise<Issued> | undefined;
  private readonly sts: StsClient;
  private readonly wallClock: () => number;

  readonly sdkCredential: DynamicCredential = {
    // TencentApi.call awaits current() before every request, so a key is always settled here.
    getCredential: async () => {
      if (!this.issued) throw new Error("no temporary credential yet: TencentApi.call settles one before each request");
      return this.issued.key;
    },
  };

  constructor(
    private readonly role: RoleSettings,
    settings: ProviderSettings,
    private readonly deps: RoleCredentialDeps,
  ) {
    this.sts = deps.sts ?? createStsClient(settings);
    this.wallClock = deps.wallClock ?? Date.now;
    if (role.kind === "webIdentity" && "value" in role.token) deps.log.scrub([role.token.value]);
  }

  async current(): Promise<SigningKey> {
    if (this.issued && this.wallClock() < this.issued.renewAtMs) return this.issued.key;
    // One renewal for every call that finds the credential due; a failed one is not kept, so the next call tries again.
    this.renewal ??= this.assume().finally(() => {
      this.renewal = undefined;
    });
    return (await this.renewal).key;
  }

  private async assume(): Promise<Issued> {
    const role = this.role;
    const deps = this.deps;
    const action = stsActionOf(role);
    const request = role.kind === "assumeRole" ? assumeRoleRequest(role) : webIdentityRequest(role, this.webIdentityToken(role));
    const obtainedAtMs = this.wallClock();
    const answer = await withRetry(
      async (attempt) => {
        try {
          return await this.sts.request(action, request, role.kind === "webIdentity" ? { skipSign: true } : undefined);
        } catch (error) {
          throw stsRefusal(role, classifyFailure(error), attempt, deps.log);
        }
      },
      {
        retryable: (error) => error instanceof TencentApiError && (error.throttled || error.outcomeUnknown),
        exhausted: (attempt) => attempt >= deps.policy.maxAttempts,
        delayMs: (attempt) => backoffDelayMs(attempt, deps.policy, deps.random),
        onRetry: (error, attempt, delay) =>
          deps.log.info(
            `${action}: ${(error as TencentApiError).code}; retrying in ${delay} ms (attempt ${attempt + 1} of ${deps.policy.maxAttempts})`,
          ),
        // A call that retried STS to the end must not retry it again: its own retry loop sees a final error.
        giveUp: (error) => (error instanceof TencentApiError ? finalError(error) : error),
      },
      deps.clock,
    );
    const issued = issuedFrom(answer, obtainedAtMs, action);
    deps.log.scrub([issued.key.secretId, issued.key.secretKey, issued.key.token]);
    deps.log.info(
      `${action}: temporary credential of ${role.roleArn} (session ${role.sessionName}) until ${isoSeconds(issued.expiresAtMs)}, ` +
        `renewed from ${isoSeconds(issued.renewAtMs)}`,
    );
    this.issued = issued;
    return issued;
  }

  /** The OIDC token: as configured, or read from its file now (CI systems and TKE rotate the file). */
  private webIdentityToken(role: WebIdentitySettings): string {
    if ("value" in role.token) return role.token.value;
    const file = role.token.file;
    let text: string;
    try {
      text = (this.deps.readFile ?? ((path) => readFileSync(path, "utf8")))(file);
    } catch (error) {
      throw new ConfigurationError(
        `the web-identity token file ${file} (${role.source}) cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
        "check that the CI step writing the OIDC token ran before Pulumi, and that the path is the one it writes.",
      );
    }
    const token = webIdentityTokenOf(text);
    if (!token) throw new ConfigurationError(`the web-identity token file ${file} (${role.source}) is empty.`);
    this.deps.log.scrub([token]);
    return token;
  }
}

/**
 * The token in a token file: the file's text (what CI systems and TKE write), or the
 * `web_identity_token` field when the file is Terraform's JSON form. Pure.
 */
export function webIdentityTokenOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const field = (JSON.parse(trimmed) as { web_identity_token?: unknown }).web_identity_token;
      return typeof field === "string" && field.trim() !== "" ? field.trim() : undefined;
    } catch {
      // Not JSON after all: the text is the token.
    }
  }
  return trimmed === "" ? undefined : trimmed;
}

// ---------------------------------------------------------------- STS requests and answers

/** The STS action a role is assumed with. */
export type StsAction = "AssumeRole" | "AssumeRoleWithWebIdentity";

const stsActionOf = (role: RoleSettings): StsAction => (role.kind === "assumeRole" ? "AssumeRole" : "AssumeRoleWithWebIdentity");

/** AssumeRole's request (Node SDK 4.1.313 AssumeRoleRequest). Pure. */
export function assumeRoleRequest(role: Extract<RoleSettings, { kind: "assumeRole" }>): Record<string, unknown> {
  return {
    RoleArn: role.roleArn,
    RoleSessionName: role.sessionName,
    DurationSeconds: role.sessionDurationSeconds,
    ...(role.externalId ? { ExternalId: role.externalId } : {}),
    // The field's doc: "该参数需要做urlencode" (the service URL-decodes it).
    ...(role.policy ? { Policy: encodeURIComponent(role.policy) } : {}),
  };
}

/** AssumeRoleWithWebIdentity's request (Node SDK 4.1.313 AssumeRoleWithWebIdentityRequest). Pure. */
export function webIdentityRequest(role: WebIdentitySettings, token: string): Record<string, unknown> {
  return {
    ProviderId: role.providerId,
    WebIdentityToken: token,
    RoleArn: role.roleArn,
    RoleSessionName: role.sessionName,
    DurationSeconds: role.sessionDurationSeconds,
  };
}

/** The credential in an STS answer. @throws TencentApiError when the answer lacks one */
function issuedFrom(answer: unknown, obtainedAtMs: number, action: StsAction): Issued {
  const { Credentials: c, ExpiredTime } = (answer ?? {}) as {
    Credentials?: { TmpSecretId?: unknown; TmpSecretKey?: unknown; Token?: unknown };
    ExpiredTime?: unknown;
  };
  if (
    typeof c?.TmpSecretId !== "string" ||
    typeof c.TmpSecretKey !== "string" ||
    typeof c.Token !== "string" ||
    typeof ExpiredTime !== "number"
  ) {
    throw new TencentApiError(action, "InvalidResponse", "the answer holds no temporary credential", undefined, 1);
  }
  const expiresAtMs = ExpiredTime * 1000;
  return {
    key: { secretId: c.TmpSecretId, secretKey: c.TmpSecretKey, token: c.Token },
    expiresAtMs,
    renewAtMs: renewalDueAt(obtainedAtMs, expiresAtMs),
  };
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

// ---------------------------------------------------------------- what STS answers

/** What the provider does when STS answers a code. */
export type StsReaction =
  /** The role cannot be assumed as named: no such role, or not one that can be. */
  | "roleNotAssumable"
  /** AssumeRoleWithWebIdentity: the OIDC token is expired, malformed or not the provider's. */
  | "webIdentityToken"
  /** CAM refuses: the key's policy lacks the sts action, or the role's trust policy does not name the caller. */
  | "denied"
  /** Refused for the call rate: retried after a wait. */
  | "throttled"
  /** Failed inside Tencent: retried (assuming a role again is harmless). */
  | "transient"
  /** Surfaced with the hint. */
  | "surface";

/** One row: the reaction, the meaning, what to do, and the actions Tencent documents the code for. */
export interface StsCode {
  reaction: StsReaction;
  meaning: string;
  /** What to do, for a role whose settings came from `source`. */
  hint?: (role: RoleSettings) => string;
  /** `*`: a common code, documented for every action. */
  actions: readonly (StsAction | "*")[];
  source: string;
}

const STS_SDK = "tencentcloud-sdk-go v1.3.166 sts/v20180813 client.go (each action's list) + errors.go";
const COMMON = "Tencent Cloud API 3.0 common error codes";
const BOTH: readonly StsAction[] = ["AssumeRole", "AssumeRoleWithWebIdentity"];
const fixPolicy = (role: RoleSettings) =>
  `${role.source}.policy is a session policy Tencent refuses: fix its syntax (CAM policy syntax, no principal), or remove it to keep the role's own policies.`;

/**
 * Every STS code the provider reacts to (the organization and tag codes are in codes.ts). Rule as
 * there: a reaction applies only to an action Tencent documents the code for.
 */
export const STS_CODES = {
  "ResourceNotFound.RoleNotFound": {
    reaction: "roleNotAssumable",
    meaning: "the account has no such role (errors.go: 账号对应的角色不存在)",
    hint: (role) =>
      `check roleArn in ${role.source}: it must name an existing role, qcs::cam::uin/<owner uin>:roleName/<name> (CAM console → Roles shows the role's ARN).`,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InternalError.GetRoleError": {
    reaction: "roleNotAssumable",
    meaning: "Tencent could not get the role (errors.go: 获取角色失败)",
    hint: (role) =>
      `check roleArn in ${role.source}: it must name an existing role (CAM console → Roles); if it does, this is Tencent's internal error: run again later.`,
    actions: BOTH,
    source: STS_SDK,
  },
  "InternalError.IllegalRole": {
    reaction: "roleNotAssumable",
    meaning: "the role is not one that can be assumed (errors.go: 角色非法)",
    hint: (role) =>
      `roleArn in ${role.source} names a role Tencent will not let be assumed this way: use a role whose carrier is a CAM user or account.`,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InvalidParameter.WebIdentityTokenError": {
    reaction: "webIdentityToken",
    meaning: "the OIDC token is expired, malformed, or not issued by the provider (errors.go: WebIdentityToken参数错误)",
    hint: (role) =>
      `the OIDC token was refused: it may have expired (CI tokens live minutes: request it right before Pulumi runs), or it was not issued by identity provider ` +
      `${role.kind === "webIdentity" ? role.providerId : "?"} of the role's account (check providerId and the provider's issuer URL and audience in the CAM console).`,
    actions: ["AssumeRoleWithWebIdentity"],
    source: STS_SDK,
  },
  UnauthorizedOperation: {
    reaction: "denied",
    meaning: "CAM does not allow this caller to assume the role",
    hint: (role) =>
      role.kind === "assumeRole"
        ? `the key pair's CAM policy must allow "sts:AssumeRole" on ${role.roleArn}, the role's trust policy (role carrier) must name the key's user or account` +
          `${role.externalId ? ", and its sts:ExternalId condition must match externalId" : " (and, if it requires an external id, set externalId)"}.`
        : `the trust policy of ${role.roleArn} must allow "sts:AssumeRoleWithWebIdentity" for identity provider ${role.providerId}, ` +
          "with conditions (oidc:aud, oidc:sub) that this pipeline's token meets.",
    actions: BOTH,
    source: `${STS_SDK}; ${COMMON}`,
  },
  RequestLimitExceeded: { reaction: "throttled", meaning: "too many calls per second", actions: ["*"], source: COMMON },
  "InvalidParameter.OverLimit": {
    reaction: "throttled",
    meaning: "too many calls (errors.go: 超过频率限制)",
    actions: BOTH,
    source: STS_SDK,
  },
  InternalError: { reaction: "transient", meaning: "Tencent failed internally", actions: ["*"], source: COMMON },
  "InternalError.SystemError": {
    reaction: "transient",
    meaning: "Tencent failed internally (errors.go: 系统内部错误)",
    actions: BOTH,
    source: STS_SDK,
  },
  "InternalError.UnknownError": {
    reaction: "transient",
    meaning: "Tencent failed internally (errors.go: 未知错误)",
    actions: BOTH,
    source: STS_SDK,
  },
  "InternalError.DbError": {
    reaction: "transient",
    meaning: "Tencent failed internally (errors.go: DB错误)",
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InternalError.GetSeedTokenError": {
    reaction: "transient",
    meaning: "Tencent failed to make the token (errors.go: 获取token失败)",
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InvalidParameter.OverTimeError": {
    reaction: "surface",
    meaning: "the session is longer than the role allows (errors.go: 过期时间超过阈值)",
    hint: (role) =>
      `lower sessionDuration in ${role.source} to at most the role's maximum session duration (CAM console → the role); the credential is renewed anyway.`,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InvalidParameter.ParamError": {
    reaction: "surface",
    meaning: "a request field breaks Tencent's format (errors.go: 参数错误)",
    hint: (role) =>
      `check roleArn, sessionName, sessionDuration${role.kind === "assumeRole" ? ", externalId" : ", providerId"} in ${role.source}.`,
    actions: BOTH,
    source: STS_SDK,
  },
  "InvalidParameter.StrategyFormatError": {
    reaction: "surface",
    meaning: "the session policy's syntax",
    hint: fixPolicy,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InvalidParameter.StrategyInvalid": {
    reaction: "surface",
    meaning: "the session policy is refused",
    hint: fixPolicy,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InvalidParameter.PolicyTooLong": {
    reaction: "surface",
    meaning: "the session policy is too long",
    hint: fixPolicy,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InvalidParameter.ExtendStrategyOverSize": {
    reaction: "surface",
    meaning: "the session policy is too large",
    hint: fixPolicy,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
  "InvalidParameter.ResouceError": {
    reaction: "surface",
    meaning: "a resource of the session policy is malformed",
    hint: fixPolicy,
    actions: ["AssumeRole"],
    source: STS_SDK,
  },
} as const satisfies Record<string, StsCode>;

/** The reaction to `code` answered by `action`: `surface` for a code the table does not document for that action. */
export function stsReactionTo(code: string, action: StsAction): StsReaction {
  const row = (STS_CODES as Record<string, StsCode>)[code];
  if (!row || !(row.actions.includes("*") || row.actions.includes(action))) return "surface";
  return row.reaction;
}

/**
 * The error an STS failure becomes: one of the three refusals, or a TencentApiError (retried by
 * `assume` when throttled or transient). Tencent's message is scrubbed first.
 */
function stsRefusal(role: RoleSettings, failure: ReturnType<typeof classifyFailure>, attempt: number, log: ProviderLog): Error {
  const action = stsActionOf(role);
  const message = log.redact(failure.message);
  const reaction = failure.kind === "noAnswer" ? "transient" : stsReactionTo(failure.code, action);
  const hint = (STS_CODES as Record<string, StsCode>)[failure.code]?.hint?.(role) ?? hintFor(failure.code) ?? roleHint(role);
  const fields = { roleArn: role.roleArn, action, code: failure.code, apiMessage: message, requestId: failure.requestId, hint };
  switch (reaction) {
    case "roleNotAssumable":
      return new RoleNotAssumableError(fields);
    case "webIdentityToken":
      return new WebIdentityTokenError(fields);
    case "denied":
      return new AssumeRoleDeniedError({ ...fields, camAction: `sts:${action}` });
    default: {
      const treatment: FailureTreatment = reaction === "throttled" ? "throttled" : reaction === "transient" ? "ambiguous" : "final";
      return new TencentApiError(action, failure.code, message, failure.requestId, attempt, treatment, hint);
    }
  }
}

/** The last STS failure, as final: the call that needed the credential must not repeat it. */
function finalError(error: TencentApiError): TencentApiError {
  if (error.treatment === "final") return error;
  return new TencentApiError(error.action, error.code, error.apiMessage, error.requestId, error.attempts, "final", error.hint);
}

/** Where to look when STS fails for a reason neither table has words for. */
function roleHint(role: RoleSettings): string {
  return `check the role settings in ${role.source} (docs/installation-configuration.md, "Credentials in CI", says what each field does).`;
}
