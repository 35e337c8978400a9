/**
 * Named fixtures for the emulator's tests: real SDK clients pointed at an emulator (both
 * routes), a raw signed-request helper for what the SDK cannot send, and member templates.
 */
import { createHash, createHmac } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEFAULT_CREDENTIAL, orgClient, type ClientCredential } from "./clients";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./index";

export {
  agentRoutedOrgClient,
  agentRoutedTagClient,
  aMember,
  DEFAULT_CREDENTIAL,
  loopbackAgent,
  orgClient,
  stsClient,
  tagClient,
  type ClientCredential,
  type ClientOptions,
} from "./clients";

/** An organization client, as `orgClient` makes it. */
export type OrgClient = ReturnType<typeof orgClient>;

/**
 * Starts one emulator for the test file (no rate limit unless asked), resets it before every
 * test, closes it after the file, and hands it with a default client to `bind`.
 */
export function useEmulator(
  bind: (started: { emulator: RunningEmulator; client: OrgClient }) => void,
  options: EmulatorOptions = { rateLimitPerSecond: 0 },
): void {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
    bind({ emulator, client: orgClient(emulator) });
  });
  beforeEach(() => emulator!.admin.reset());
  afterAll(() => emulator?.close());
}

/**
 * Starts an emulator with its own options for one test, runs `body`, and closes it whatever happens
 * (for tests that need a clock, a data file or limits of their own, or a restart).
 */
export async function withEmulator<T>(options: EmulatorOptions, body: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator(options);
  try {
    return await body(emulator);
  } finally {
    await emulator.close();
  }
}

/** The error an SDK call failed with, as the fields tests look at. */
export interface SdkCallFailure {
  code?: string;
  httpCode?: number;
  message: string;
}

/**
 * Awaits a call that must fail and returns its failure.
 * @throws Error when the call succeeds
 */
export async function sdkFailureOf(call: Promise<unknown>): Promise<SdkCallFailure> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; httpCode?: number; message?: string };
    return { code: e.code, httpCode: e.httpCode, message: e.message ?? String(error) };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** The error code a call failed with (undefined for network-level failures). */
export const codeOf = async (call: Promise<unknown>): Promise<string | undefined> => (await sdkFailureOf(call)).code;

/** What a raw request can vary. Defaults produce a request the emulator accepts. */
export interface RawRequest {
  action: string;
  version?: string;
  /** Bytes sent. @default JSON of {} */
  body?: string | Buffer;
  /** Bytes signed, when they should differ from the bytes sent. @default body */
  signedBody?: string | Buffer;
  credential?: ClientCredential;
  /** Unix seconds. @default now */
  timestamp?: number;
  /** Credential scope date, when it should differ from the timestamp's UTC date. */
  scopeDate?: string;
  /** Service of the credential scope. @default "organization" */
  service?: string;
  /** Replaces the computed Authorization header. */
  authorization?: string;
  method?: string;
  /** Extra or replacement headers (undefined removes one). */
  headers?: Record<string, string | undefined>;
}

/** The answer to a raw request. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed `Response` member, when the body is the API envelope. */
  response?: { Error?: { Code: string; Message: string }; RequestId?: string } & Record<string, unknown>;
}

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/**
 * Sends one hand-built, TC3-signed request (an independent implementation of the signature, so
 * the tests do not only check the emulator against the SDK's own code).
 */
export function rawRequest(emulator: RunningEmulator, options: RawRequest): Promise<RawResponse> {
  const body = options.body ?? "{}";
  const signedBody = options.signedBody ?? body;
  const credential = options.credential ?? DEFAULT_CREDENTIAL;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const date = options.scopeDate ?? new Date(timestamp * 1000).toISOString().slice(0, 10);
  const service = options.service ?? "organization";
  const canonical = ["POST", "/", "", "content-type:application/json\nhost:127.0.0.1\n", "content-type;host", sha256Hex(signedBody)].join(
    "\n",
  );
  const stringToSign = ["TC3-HMAC-SHA256", String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(`TC3${credential.secretKey}`, date), service), "tc3_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  const headers: Record<string, string | undefined> = {
    "Content-Type": "application/json",
    Host: `127.0.0.1:${emulator.port}`,
    "X-TC-Action": options.action,
    "X-TC-Version": options.version ?? "2021-03-31",
    "X-TC-Timestamp": String(timestamp),
    Authorization:
      options.authorization ??
      `TC3-HMAC-SHA256 Credential=${credential.secretId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    ...(credential.token ? { "X-TC-Token": credential.token } : {}),
    ...options.headers,
  };
  const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port: emulator.port, path: "/", method: options.method ?? "POST", headers: sent, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: RawResponse["response"];
          try {
            parsed = (JSON.parse(text) as { Response?: RawResponse["response"] }).Response;
          } catch {
            parsed = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, response: parsed });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** GETs or POSTs an admin endpoint and parses the JSON answer. */
export async function adminCall(
  emulator: RunningEmulator,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
