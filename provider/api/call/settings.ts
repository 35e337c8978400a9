/**
 * Where the provider's settings come from, in order: stack config (`tencentcloud:*`, the keys of
 * Tencent's own Pulumi package), then environment variables, then the shared profile file
 * (`~/.tencentcloud/credentials`). Pure apart from the injected readers, so it is table-tested.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ConfigurationError } from "../../core/errors/ConfigurationError";
import { DEFAULT_MAX_ATTEMPTS } from "./retry";

/** Everything the API layer needs; the credential stays in process memory only. */
export interface ProviderSettings {
  secretId: string;
  secretKey: string;
  securityToken?: string;
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

/** The config keys, as written in `Pulumi.<stack>.yaml` / `pulumi config set`. */
export const CONFIG_KEYS = {
  secretId: "tencentcloud:secretId",
  secretKey: "tencentcloud:secretKey",
  securityToken: "tencentcloud:securityToken",
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
} as const;

/** A credential pair read from the shared profile file. */
export interface ProfileCredential {
  secretId?: string;
  secretKey?: string;
  token?: string;
}

/** Reads settings. `readProfile` is only called when config and environment lack the key pair. */
export function resolveSettings(
  config: (key: string) => string | undefined,
  env: Record<string, string | undefined>,
  readProfile: (profile: string) => ProfileCredential | undefined,
): ProviderSettings {
  const pick = (key: keyof typeof CONFIG_KEYS & keyof typeof ENV_VARS): string | undefined =>
    nonEmpty(config(CONFIG_KEYS[key])) ?? nonEmpty(env[ENV_VARS[key]]);

  let secretId = pick("secretId");
  let secretKey = pick("secretKey");
  let securityToken = pick("securityToken");
  if (!secretId || !secretKey) {
    const profile = readProfile(nonEmpty(env[ENV_VARS.profile]) ?? "default");
    secretId ??= nonEmpty(profile?.secretId);
    secretKey ??= nonEmpty(profile?.secretKey);
    securityToken ??= nonEmpty(profile?.token);
  }
  if (!secretId || !secretKey) {
    throw new ConfigurationError(
      "no Tencent Cloud credentials found.",
      `set \`pulumi config set ${CONFIG_KEYS.secretId} <id>\` and \`pulumi config set --secret ${CONFIG_KEYS.secretKey} <key>\`, ` +
        `or the environment variables ${ENV_VARS.secretId} and ${ENV_VARS.secretKey}, or a [default] profile in ~/.tencentcloud/credentials.`,
    );
  }

  const endpointUrl = pick("endpointUrl");
  if (endpointUrl !== undefined) validateEndpointUrl(endpointUrl);

  return {
    secretId,
    secretKey,
    ...(securityToken ? { securityToken } : {}),
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
