/**
 * Where the provider's settings come from, in order: stack config (`tencentcloud:*`, the keys of
 * Tencent's own Pulumi package), then environment variables, then the shared profile file
 * (`~/.tencentcloud/credentials`). Pure apart from the injected readers, so it is table-tested.
 *
 * A CAM role (`tencentcloud:assumeRole`, `tencentcloud:assumeRoleWithWebIdentity`, or their
 * environment variables) makes temporary credentials sign every call instead of the key pair
 * (credentials.ts); the names are Terraform's `assume_role` / `assume_role_with_web_identity`
 * blocks in camelCase, the environment variables Terraform's and the SDK's (TKE_*).
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ConfigurationError } from "../../core/errors/ConfigurationError";
import { DEFAULT_MAX_ATTEMPTS } from "./retry";

/** Everything the API layer needs; the credential stays in process memory only. */
export interface ProviderSettings {
  /**
   * The permanent key pair (or a session's): signs every call, or with `role.kind === "assumeRole"`
   * only the AssumeRole call. Absent with web identity, which needs none.
   */
  secretId?: string;
  secretKey?: string;
  securityToken?: string;
  /** A CAM role whose temporary credentials sign every call (credentials.ts). */
  role?: RoleSettings;
  region: string;
  /** API domain: `tencentcloudapi.com` (China site) or `intl.tencentcloudapi.com` (international site). */
  domain: string;
  /** Base URL every service is sent to instead (the emulator), e.g. `http://127.0.0.1:8787`. */
  endpointUrl?: string;
  /** Per-request timeout in seconds. */
  requestTimeoutSeconds: number;
  /** Calls per second per action, shared by all resources of the process. */
  requestsPerSecond: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** How long `delete` waits for an account deregistration under review. */
  deleteAccountWaitSeconds: number;
}

/** The value of every setting that has a default; docs/installation-configuration.md lists the same. */
export const DEFAULT_SETTINGS = {
  region: "ap-guangzhou",
  domain: "tencentcloudapi.com",
  requestTimeoutSeconds: 30,
  /** Tencent documents 20 calls per second for every action the provider uses. */
  requestsPerSecond: 20,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  deleteAccountWaitSeconds: 300,
} as const satisfies Partial<ProviderSettings>;

/** The session of a CAM role: which role, under which name, for how long. */
export interface RoleSessionSettings {
  /** `qcs::cam::uin/<owner uin>:roleName/<name>` (or `…:role/<role id>`). */
  roleArn: string;
  /** RoleSessionName: shows in CloudAudit as who acted. */
  sessionName: string;
  /** How long each temporary credential lives; it is renewed before it ends. */
  sessionDurationSeconds: number;
  /** Where the role came from (a config key or an environment variable), for messages. */
  source: string;
}

/** AssumeRole, called with the key pair. */
export interface AssumeRoleSettings extends RoleSessionSettings {
  kind: "assumeRole";
  /** The external id the role's trust policy asks for. */
  externalId?: string;
  /** A CAM policy document (JSON text) narrowing what the session may do. */
  policy?: string;
}

/** AssumeRoleWithWebIdentity, with an OIDC token from the CI system (no key pair needed). */
export interface WebIdentitySettings extends RoleSessionSettings {
  kind: "webIdentity";
  /** The OIDC identity provider of the account that issued the token. */
  providerId: string;
  /** The token itself, or the file holding it (read at every renewal: CI systems and TKE rotate it). */
  token: { value: string } | { file: string };
}

/** A CAM role whose temporary credentials sign every call instead of the key pair. */
export type RoleSettings = AssumeRoleSettings | WebIdentitySettings;

/** The defaults of a role session (Terraform's, and AssumeRole's DurationSeconds default). */
export const ROLE_DEFAULTS = {
  sessionName: "pulumi-tencentcloud-organization",
  /** AssumeRole's page: default 7200 seconds, at most 43200. */
  sessionDurationSeconds: 7200,
  maxSessionDurationSeconds: 43_200,
  /** Terraform's default ProviderId. */
  providerId: "OIDC",
} as const;

/** The config keys, as written in `Pulumi.<stack>.yaml` / `pulumi config set`. */
export const CONFIG_KEYS = {
  secretId: "tencentcloud:secretId",
  secretKey: "tencentcloud:secretKey",
  securityToken: "tencentcloud:securityToken",
  /** A JSON object: roleArn, sessionName, sessionDuration, externalId, policy. */
  assumeRole: "tencentcloud:assumeRole",
  /** A JSON object: roleArn, providerId, webIdentityToken or webIdentityTokenFile, sessionName, sessionDuration. */
  assumeRoleWithWebIdentity: "tencentcloud:assumeRoleWithWebIdentity",
  region: "tencentcloud:region",
  domain: "tencentcloud:domain",
  endpointUrl: "tencentcloud:endpointUrl",
  requestTimeoutSeconds: "tencentcloud:requestTimeoutSeconds",
  requestsPerSecond: "tencentcloud:requestsPerSecond",
  maxAttempts: "tencentcloud:maxAttempts",
  deleteAccountWaitSeconds: "tencentcloud:deleteAccountWaitSeconds",
} as const;

/** The environment variables, used when the config key is absent. */
export const ENV_VARS = {
  secretId: "TENCENTCLOUD_SECRET_ID",
  secretKey: "TENCENTCLOUD_SECRET_KEY",
  securityToken: "TENCENTCLOUD_SESSION_TOKEN",
  region: "TENCENTCLOUD_REGION",
  domain: "TENCENTCLOUD_DOMAIN",
  endpointUrl: "TENCENTCLOUD_ENDPOINT_URL",
  profile: "TENCENTCLOUD_PROFILE",
  credentialsFile: "TENCENTCLOUD_CREDENTIALS_FILE",
  // Terraform's: with TENCENTCLOUD_ASSUME_ROLE_ARN set, a web-identity token (or its file) makes it
  // AssumeRoleWithWebIdentity, otherwise AssumeRole with the key pair.
  assumeRoleArn: "TENCENTCLOUD_ASSUME_ROLE_ARN",
  assumeRoleSessionName: "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME",
  assumeRoleSessionDuration: "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION",
  assumeRoleExternalId: "TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID",
  assumeRoleProviderId: "TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID",
  assumeRoleWebIdentityToken: "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
  assumeRoleWebIdentityTokenFile: "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE",
  // The SDK's OIDCRoleArnCredential and Terraform's enable_pod_oidc: what TKE injects into a pod.
  tkeRoleArn: "TKE_ROLE_ARN",
  tkeProviderId: "TKE_PROVIDER_ID",
  tkeWebIdentityTokenFile: "TKE_WEB_IDENTITY_TOKEN_FILE",
} as const;

/** The fields of `tencentcloud:assumeRole`, each with the environment variable it falls back to. */
const ASSUME_ROLE_FIELDS = {
  roleArn: ENV_VARS.assumeRoleArn,
  sessionName: ENV_VARS.assumeRoleSessionName,
  sessionDuration: ENV_VARS.assumeRoleSessionDuration,
  externalId: ENV_VARS.assumeRoleExternalId,
  // Terraform has no environment variable for the session policy.
  policy: undefined,
} as const;

/** The fields of `tencentcloud:assumeRoleWithWebIdentity`, each with the environment variable it falls back to. */
const WEB_IDENTITY_FIELDS = {
  roleArn: ENV_VARS.assumeRoleArn,
  providerId: ENV_VARS.assumeRoleProviderId,
  webIdentityToken: ENV_VARS.assumeRoleWebIdentityToken,
  webIdentityTokenFile: ENV_VARS.assumeRoleWebIdentityTokenFile,
  sessionName: ENV_VARS.assumeRoleSessionName,
  sessionDuration: ENV_VARS.assumeRoleSessionDuration,
} as const;

/** What TKE's pod identity gives, as the web-identity fields it fills. */
const TKE_FIELDS = {
  roleArn: ENV_VARS.tkeRoleArn,
  providerId: ENV_VARS.tkeProviderId,
  webIdentityTokenFile: ENV_VARS.tkeWebIdentityTokenFile,
} as const;

/** A credential pair read from the shared profile file. */
export interface ProfileCredential {
  secretId?: string;
  secretKey?: string;
  token?: string;
}

/**
 * Reads settings. `readProfile` is only called when config and environment lack the key pair and
 * one is needed (web identity needs none).
 */
export function resolveSettings(
  config: (key: string) => string | undefined,
  env: Record<string, string | undefined>,
  readProfile: (profile: string) => ProfileCredential | undefined,
): ProviderSettings {
  const pick = (key: keyof typeof CONFIG_KEYS & keyof typeof ENV_VARS): string | undefined =>
    nonEmpty(config(CONFIG_KEYS[key])) ?? nonEmpty(env[ENV_VARS[key]]);

  const role = resolveRole(config, env);
  let secretId = pick("secretId");
  let secretKey = pick("secretKey");
  let securityToken = pick("securityToken");
  // AssumeRoleWithWebIdentity is an unsigned call: a key pair, if configured, is left unused.
  const needsKeys = role?.kind !== "webIdentity";
  if (needsKeys && (!secretId || !secretKey)) {
    const profile = readProfile(nonEmpty(env[ENV_VARS.profile]) ?? "default");
    secretId ??= nonEmpty(profile?.secretId);
    secretKey ??= nonEmpty(profile?.secretKey);
    securityToken ??= nonEmpty(profile?.token);
  }
  if (needsKeys && (!secretId || !secretKey)) {
    throw new ConfigurationError(
      role
        ? `${role.source} assumes a role with AssumeRole, which is signed with a key pair, and none was found.`
        : "no Tencent Cloud credentials found.",
      `set \`pulumi config set ${CONFIG_KEYS.secretId} <id>\` and \`pulumi config set --secret ${CONFIG_KEYS.secretKey} <key>\`, ` +
        `or the environment variables ${ENV_VARS.secretId} and ${ENV_VARS.secretKey}, or a [default] profile in ~/.tencentcloud/credentials` +
        (role
          ? "."
          : `; or, in CI, a role: ${CONFIG_KEYS.assumeRoleWithWebIdentity} with an OIDC token (docs/installation-configuration.md, "Credentials in CI").`),
    );
  }

  const endpointUrl = pick("endpointUrl");
  if (endpointUrl !== undefined) validateEndpointUrl(endpointUrl);

  return {
    ...(needsKeys ? { secretId, secretKey, ...(securityToken ? { securityToken } : {}) } : {}),
    ...(role ? { role } : {}),
    region: pick("region") ?? DEFAULT_SETTINGS.region,
    domain: pick("domain") ?? DEFAULT_SETTINGS.domain,
    ...(endpointUrl ? { endpointUrl: endpointUrl.replace(/\/+$/, "") } : {}),
    requestTimeoutSeconds: positiveNumber(config, "requestTimeoutSeconds", DEFAULT_SETTINGS.requestTimeoutSeconds),
    requestsPerSecond: positiveNumber(config, "requestsPerSecond", DEFAULT_SETTINGS.requestsPerSecond),
    maxAttempts: positiveNumber(config, "maxAttempts", DEFAULT_SETTINGS.maxAttempts),
    deleteAccountWaitSeconds: positiveNumber(config, "deleteAccountWaitSeconds", DEFAULT_SETTINGS.deleteAccountWaitSeconds, true),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function positiveNumber(
  config: (key: string) => string | undefined,
  key: keyof typeof CONFIG_KEYS,
  fallback: number,
  zeroAllowed = false,
): number {
  const raw = nonEmpty(config(CONFIG_KEYS[key]));
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new ConfigurationError(
      `${CONFIG_KEYS[key]} must be a ${zeroAllowed ? "non-negative" : "positive"} number, got "${raw}".`,
      `fix it with \`pulumi config set ${CONFIG_KEYS[key]} ${fallback}\`.`,
    );
  }
  return value;
}

function validateEndpointUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(
      `${CONFIG_KEYS.endpointUrl} / ${ENV_VARS.endpointUrl} must be a URL such as http://127.0.0.1:8787, got "${raw}".`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`${CONFIG_KEYS.endpointUrl} must use http or https, got "${url.protocol}".`);
  }
}

// ---------------------------------------------------------------- role credentials

/** One field of a role's settings and where it came from (`tencentcloud:assumeRole.roleArn`, `TENCENTCLOUD_ASSUME_ROLE_ARN`). */
interface RoleField {
  value: unknown;
  from: string;
}

/** Reads one field of a role's settings; undefined when nobody set it. */
type RoleFields = (field: string) => RoleField | undefined;

/**
 * The role to assume, if any: `tencentcloud:assumeRoleWithWebIdentity` or `tencentcloud:assumeRole`
 * (each field falling back to its environment variable, as Terraform's blocks do), else
 * TENCENTCLOUD_ASSUME_ROLE_ARN (web identity when a token or token file is set too, as Terraform
 * decides), else TKE's pod identity (TKE_ROLE_ARN, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE).
 * Pure: `config` and `env` are the readers.
 * @throws ConfigurationError naming the key or variable and the rule it breaks
 */
export function resolveRole(
  config: (key: string) => string | undefined,
  env: Record<string, string | undefined>,
): RoleSettings | undefined {
  const fromEnv =
    (fields: Readonly<Record<string, string | undefined>>): RoleFields =>
    (field) => {
      const name = fields[field];
      const value = name === undefined ? undefined : nonEmpty(env[name]);
      return value === undefined || name === undefined ? undefined : { value, from: name };
    };
  const fromConfig = (key: string, fields: Readonly<Record<string, string | undefined>>): RoleFields | undefined => {
    const object = configObject(config, key, Object.keys(fields));
    if (!object) return undefined;
    const environment = fromEnv(fields);
    return (field) =>
      object[field] !== undefined && object[field] !== null ? { value: object[field], from: `${key}.${field}` } : environment(field);
  };

  const assumeRole = fromConfig(CONFIG_KEYS.assumeRole, ASSUME_ROLE_FIELDS);
  const webIdentity = fromConfig(CONFIG_KEYS.assumeRoleWithWebIdentity, WEB_IDENTITY_FIELDS);
  if (assumeRole && webIdentity) {
    throw new ConfigurationError(
      `${CONFIG_KEYS.assumeRole} and ${CONFIG_KEYS.assumeRoleWithWebIdentity} are both set; a stack assumes one role one way.`,
      `remove one: \`pulumi config rm ${CONFIG_KEYS.assumeRole}\` to assume the role with the CI system's OIDC token, or the other to assume it with the key pair.`,
    );
  }
  if (webIdentity) return webIdentitySettings(webIdentity, CONFIG_KEYS.assumeRoleWithWebIdentity);
  if (assumeRole) return assumeRoleSettings(assumeRole, CONFIG_KEYS.assumeRole);
  if (nonEmpty(env[ENV_VARS.assumeRoleArn])) {
    const web = nonEmpty(env[ENV_VARS.assumeRoleWebIdentityToken]) ?? nonEmpty(env[ENV_VARS.assumeRoleWebIdentityTokenFile]);
    return web
      ? webIdentitySettings(fromEnv(WEB_IDENTITY_FIELDS), ENV_VARS.assumeRoleArn)
      : assumeRoleSettings(fromEnv(ASSUME_ROLE_FIELDS), ENV_VARS.assumeRoleArn);
  }
  const tke = Object.values(TKE_FIELDS);
  if (tke.some((name) => nonEmpty(env[name]))) {
    const missing = tke.filter((name) => !nonEmpty(env[name]));
    if (missing.length > 0) {
      throw new ConfigurationError(
        `TKE's pod identity needs ${tke.join(", ")}; ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set.`,
        "give the pod a service account bound to a CAM role (TKE injects all three), or unset the others.",
      );
    }
    return webIdentitySettings(fromEnv(TKE_FIELDS), tke.join(", "));
  }
  return undefined;
}

/** A config key holding a JSON object with only `fields`; undefined when the key is not set. */
function configObject(
  config: (key: string) => string | undefined,
  key: string,
  fields: readonly string[],
): Record<string, unknown> | undefined {
  const raw = nonEmpty(config(key));
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  // The text is not quoted back: it may hold a web-identity token.
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(
      `${key} must be a JSON object with the fields ${fields.join(", ")}.`,
      `set it with \`pulumi config set --path ${key}.roleArn qcs::cam::uin/<uin>:roleName/<name>\` (one command per field), or as one JSON object.`,
    );
  }
  const unknown = Object.keys(parsed).filter((field) => !fields.includes(field));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `${key} has no field ${unknown.map((f) => JSON.stringify(f)).join(", ")}; its fields are ${fields.join(", ")} (Terraform's block, in camelCase).`,
    );
  }
  return parsed as Record<string, unknown>;
}

// Tencent's formats (Go SDK sts models.go): RoleArn's two forms; RoleSessionName 2-128 of [\w+=,.@-];
// ExternalId 2-128 of [\w+=,.@:/-].
const ROLE_ARN = /^qcs::cam::uin\/\d+:(roleName|role)\/\S+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,128}$/;
const PROVIDER_ID = /^[\w+=,.@-]{1,128}$/;

/** The fields both kinds of role share. */
function sessionSettings(fields: RoleFields, source: string): RoleSessionSettings {
  const roleArn = fields("roleArn");
  if (!roleArn) {
    throw new ConfigurationError(
      `${source} needs roleArn, the role to assume.`,
      `set ${source === ENV_VARS.assumeRoleArn ? ENV_VARS.assumeRoleArn : `\`pulumi config set --path ${source}.roleArn qcs::cam::uin/<uin>:roleName/<name>\``} (the CAM console shows it on the role's page).`,
    );
  }
  return {
    roleArn: text(roleArn, ROLE_ARN, "a role ARN such as qcs::cam::uin/100000000001:roleName/ci-deployer") ?? "",
    sessionName:
      text(fields("sessionName"), SESSION_NAME, "2 to 128 of the characters A-Z a-z 0-9 _ + = , . @ -") ?? ROLE_DEFAULTS.sessionName,
    sessionDurationSeconds: sessionDuration(fields("sessionDuration")),
    source,
  };
}

function assumeRoleSettings(fields: RoleFields, source: string): AssumeRoleSettings {
  const externalId = text(fields("externalId"), EXTERNAL_ID, "2 to 128 of the characters A-Z a-z 0-9 _ + = , . @ : / -");
  const policy = sessionPolicy(fields("policy"));
  return { kind: "assumeRole", ...sessionSettings(fields, source), ...(externalId ? { externalId } : {}), ...(policy ? { policy } : {}) };
}

function webIdentitySettings(fields: RoleFields, source: string): WebIdentitySettings {
  const session = sessionSettings(fields, source);
  // Terraform's order: the token itself first, then its file.
  const token = fields("webIdentityToken");
  const file = fields("webIdentityTokenFile");
  if (token !== undefined && typeof token.value !== "string")
    throw new ConfigurationError(`${token.from} must be a string (the OIDC token).`);
  if (token === undefined && file === undefined) {
    throw new ConfigurationError(
      `${source} needs the OIDC token: webIdentityTokenFile (a file the CI system writes it to) or webIdentityToken.`,
      `set \`pulumi config set --path ${CONFIG_KEYS.assumeRoleWithWebIdentity}.webIdentityTokenFile <path>\` or ${ENV_VARS.assumeRoleWebIdentityTokenFile}; ` +
        `with the token itself, use \`pulumi config set --secret\` or ${ENV_VARS.assumeRoleWebIdentityToken} (config values are copied into the state).`,
    );
  }
  const providerId =
    text(fields("providerId"), PROVIDER_ID, "1 to 128 of the characters A-Z a-z 0-9 _ + = , . @ -") ?? ROLE_DEFAULTS.providerId;
  return {
    kind: "webIdentity",
    ...session,
    providerId,
    token: token ? { value: (token.value as string).trim() } : { file: text(file, /\S/, "a file path") ?? "" },
  };
}

/** A text field checked against Tencent's rule; undefined when not set. */
function text(field: RoleField | undefined, rule: RegExp, ruleText: string): string | undefined {
  if (field === undefined) return undefined;
  const value = typeof field.value === "string" ? field.value.trim() : field.value;
  if (typeof value !== "string" || !rule.test(value)) {
    throw new ConfigurationError(`${field.from} must be ${ruleText}, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** sessionDuration: whole seconds from 1 to 43200 (AssumeRole's maximum). */
function sessionDuration(field: RoleField | undefined): number {
  if (field === undefined) return ROLE_DEFAULTS.sessionDurationSeconds;
  const value = typeof field.value === "string" ? Number(field.value.trim()) : field.value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > ROLE_DEFAULTS.maxSessionDurationSeconds) {
    throw new ConfigurationError(
      `${field.from} must be whole seconds from 1 to ${ROLE_DEFAULTS.maxSessionDurationSeconds}, got ${JSON.stringify(field.value)}.`,
      `the temporary credential is renewed before it ends, so a long run needs no long session; ${ROLE_DEFAULTS.sessionDurationSeconds} is the default.`,
    );
  }
  return value;
}

/** policy: a CAM policy document, as JSON text or as an object; kept as compact JSON text. */
function sessionPolicy(field: RoleField | undefined): string | undefined {
  if (field === undefined) return undefined;
  let document: unknown = field.value;
  if (typeof document === "string") {
    try {
      document = JSON.parse(document);
    } catch {
      document = undefined;
    }
  }
  if (typeof document !== "object" || document === null || Array.isArray(document) || !("statement" in document)) {
    throw new ConfigurationError(
      `${field.from} must be a CAM policy document with a statement, such as {"version":"2.0","statement":[{"effect":"allow","action":["organization:*"],"resource":["*"]}]}.`,
    );
  }
  return JSON.stringify(document);
}

/**
 * Reads settings in the provider process: `config` is the stack config the engine passed to
 * `configure`, the environment is this process's, and the profile file is read from disk only
 * when config and environment lack the key pair.
 */
export function loadSettings(config: (key: string) => string | undefined): ProviderSettings {
  return resolveSettings(config, process.env, readProfileFile);
}

/** The named profile of the shared credentials file, or undefined when there is none. */
export function readProfileFile(profile: string): ProfileCredential | undefined {
  const file = process.env[ENV_VARS.credentialsFile] ?? join(homedir(), ".tencentcloud", "credentials");
  try {
    return parseProfileFile(readFileSync(file, "utf8"), profile);
  } catch {
    return undefined; // no profile file is a normal case, reported as "no credentials" if nothing else has them
  }
}

/**
 * Parses the INI profile file the Tencent CLI and SDKs share (`[default]` with `secret_id`,
 * `secret_key`, `token`). Pure; the caller reads the file.
 */
export function parseProfileFile(text: string, profile: string): ProfileCredential | undefined {
  let current: string | undefined;
  const found: ProfileCredential = {};
  let seen = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = section[1].trim();
      continue;
    }
    if (current !== profile) continue;
    const pair = /^([^=]+)=(.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1].trim();
    const value = pair[2].trim();
    seen = true;
    if (key === "secret_id") found.secretId = value;
    else if (key === "secret_key") found.secretKey = value;
    else if (key === "token") found.token = value;
  }
  return seen ? found : undefined;
}
