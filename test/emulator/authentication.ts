/**
 * TC3-HMAC-SHA256 verification: recomputes the signature the way the SDK computes it
 * (`tencentcloud/common/sign.js`) and compares.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { Errors } from "./errors";

/** A key pair the emulator accepts; `token` makes X-TC-Token mandatory for that SecretId. */
export interface EmulatorCredential {
  secretId: string;
  secretKey: string;
  token?: string;
  /**
   * A temporary key (issued by STS, `sts.ts`): refused with AuthFailure.TokenFailure from this
   * moment on (ms since epoch, the emulator's clock). Absent: a permanent key.
   */
  expiresAtMs?: number;
  /**
   * CAM-style allow-list: `service:Action`, `service:*` or `*` (e.g. "organization:DeleteAccount").
   * Other actions answer UnauthorizedOperation naming the action. Absent: every action is allowed.
   */
  allowedActions?: string[];
}

/** How the credential scope's service is checked. */
export interface ServiceScopeRule {
  /** The product the action belongs to: "organization" or "tag". */
  expected: string;
  /** Also accept the first label of an IP-address or localhost Host (the SDK's endpoint route). */
  endpointRoute: boolean;
}

/** Allowed distance between X-TC-Timestamp and the emulator's clock. */
export const SIGNATURE_WINDOW_SECONDS = 300;

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^,]*), SignedHeaders=([^,]*), Signature=([0-9a-f]{64})$/;

const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data).digest();

/** UTC date "YYYY-MM-DD" of a unix timestamp in seconds: the date part of the credential scope. */
export const scopeDate = (timestampSeconds: number): string => new Date(timestampSeconds * 1000).toISOString().slice(0, 10);

/** The parts of a request the signature covers. */
export interface SignedRequest {
  method: string;
  /** Path and query as received, e.g. "/". */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a verified request proved. */
export interface VerifiedCaller {
  secretId: string;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(",") : (value ?? "")).trim();
}

/**
 * The canonical request of TC3: method, path, query, signed headers (lower-case name:value),
 * signed header list and body hash. The host is signed without its port because the SDK signs
 * `URL.hostname` while sending `Host: hostname:port`.
 */
export function canonicalRequest(request: SignedRequest, signedHeaders: string[]): string {
  const url = new URL(request.url, "http://emulator.invalid");
  const canonicalHeaders = signedHeaders
    .map((name) => {
      const raw = headerValue(request.headers, name);
      const value = name === "host" ? raw.replace(/:\d+$/, "") : raw;
      return `${name}:${value.toLowerCase()}\n`;
    })
    .join("");
  return [request.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders.join(";"), sha256Hex(request.body)].join("\n");
}

/**
 * The service the SDK signs when its endpoint is an IP address or localhost: the first label of
 * the host (`127.0.0.1:8787` → "127"). Undefined for a real hostname, which must sign its product.
 */
function endpointRouteService(headers: IncomingHttpHeaders): string | undefined {
  const host = headerValue(headers, "host").replace(/:\d+$/, "").toLowerCase();
  if (host === "localhost" || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split(".")[0];
  return undefined;
}

/**
 * True when a request says it is unsigned: `Authorization: SKIP`, which Tencent asks of
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML ("Authorization 需要传入值 SKIP", sts client.go).
 */
export function isUnsigned(headers: IncomingHttpHeaders): boolean {
  return headerValue(headers, "authorization") === "SKIP";
}

/**
 * Verifies the Authorization header of an API request.
 * @param credentialOf - the key pair (permanent or temporary) of a SecretId, if the emulator knows it
 * @param nowMs - the emulator's clock
 * @param debug - receives the expected string to sign on a mismatch (never the key)
 * @throws ApiError with an AuthFailure.* code, or MissingParameter/InvalidParameterValue for X-TC-Timestamp
 */
export function verifyRequest(
  request: SignedRequest,
  credentialOf: (secretId: string) => EmulatorCredential | undefined,
  nowMs: number,
  serviceRule: ServiceScopeRule,
  debug?: (line: string) => void,
): VerifiedCaller {
  const authorization = headerValue(request.headers, "authorization");
  if (authorization === "") throw Errors.invalidAuthorization("the Authorization header is missing");
  const parsed = AUTHORIZATION.exec(authorization);
  if (!parsed) throw Errors.invalidAuthorization("expected TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=<64 hex>");
  const [, credential, signedHeaderList, signature] = parsed;
  const scope = credential.split("/");
  if (scope.length !== 4 || scope[3] !== "tc3_request")
    throw Errors.invalidAuthorization("Credential must be <SecretId>/<date>/<service>/tc3_request");
  const [secretId, date, service] = scope;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(secretId)) throw Errors.invalidSecretId();
  const signedHeaders = signedHeaderList.split(";").map((h) => h.trim().toLowerCase());
  if (!signedHeaders.includes("host") || !signedHeaders.includes("content-type")) {
    throw Errors.invalidAuthorization("SignedHeaders must include content-type and host");
  }

  const timestampText = headerValue(request.headers, "x-tc-timestamp");
  if (timestampText === "") throw Errors.missingParameter("X-TC-Timestamp");
  if (!/^\d{1,12}$/.test(timestampText)) throw Errors.invalidParameterValue("X-TC-Timestamp", "expected unix seconds");
  const timestamp = Number(timestampText);
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) throw Errors.signatureExpire();

  const known = credentialOf(secretId);
  if (!known) throw Errors.secretIdNotFound();
  if (date !== scopeDate(timestamp)) throw Errors.signatureFailure("the credential scope date is not the UTC date of X-TC-Timestamp");
  if (service !== serviceRule.expected && !(serviceRule.endpointRoute && service === endpointRouteService(request.headers))) {
    throw Errors.signatureFailure(
      `the credential scope service is ${JSON.stringify(service)}; this action belongs to ${JSON.stringify(serviceRule.expected)}`,
    );
  }

  const stringToSign = [
    "TC3-HMAC-SHA256",
    timestampText,
    `${date}/${service}/tc3_request`,
    sha256Hex(canonicalRequest(request, signedHeaders)),
  ].join("\n");
  const signingKey = hmac(hmac(hmac(`TC3${known.secretKey}`, date), service), "tc3_request");
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) {
    debug?.(`expected string to sign:\n${stringToSign}`);
    throw Errors.signatureFailure("recompute it over the exact body and headers sent");
  }
  if (known.token !== undefined && headerValue(request.headers, "x-tc-token") !== known.token) throw Errors.tokenFailure();
  if (known.expiresAtMs !== undefined && nowMs >= known.expiresAtMs) {
    throw Errors.tokenExpired(new Date(known.expiresAtMs).toISOString().replace(/\.\d{3}Z$/, "Z"));
  }
  return { secretId };
}
