/**
 * Builds the SDK clients this provider uses — organization 2021-03-31 and tag 2018-08-13, and
 * sts 2018-08-13 when a role is assumed — loading only those services (deep imports: the full
 * package costs ~0.5 s and ~30 MB more).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import * as diagnostics from "node:diagnostics_channel";
import * as http from "node:http";
import * as net from "node:net";
import * as tls from "node:tls";
import type { Credential, DynamicCredential } from "tencentcloud-sdk-nodejs/tencentcloud/common/interface";
import { Client as OrganizationClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_client";
import { Client as StsSdkClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/sts/v20180813/sts_client";
import { Client as TagClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client";
import type { Service } from "./actions";
import type { ProviderSettings } from "./settings";

export type { Service } from "./actions";

/** What every SDK client offers: a generic, signed request. */
export interface SdkClient {
  request(action: string, req: unknown): Promise<unknown>;
}

/** One client per service, sharing settings and connection pool. */
export type SdkClients = Record<Service, SdkClient>;

/** The STS client: AssumeRoleWithWebIdentity is sent unsigned (`skipSign`), as Tencent asks. */
export interface StsClient {
  request(action: string, req: unknown, options?: { skipSign?: boolean }): Promise<unknown>;
}

/** What signs the requests of a client: a key pair, or the SDK's per-request `getCredential()`. */
export type SigningCredential = Credential | DynamicCredential;

/**
 * Runs `send` (one SDK request) and calls `written` when its HTTP request has been written to the
 * socket — not when it was handed to the SDK: between the two lie signing, the connection pool,
 * the TLS handshake and whatever else the event loop is busy with, and Tencent counts arrivals.
 *
 * How: Node publishes every new `http.ClientRequest` on the `http.client.request.start`
 * diagnostics channel, synchronously in the async context of whoever made it (here node-fetch,
 * inside the SDK, inside `send`); the request's `finish` event fires once its last byte has been
 * handed to the socket, after any wait for a pooled socket or a connection. Works with any agent,
 * the proxy agent included; requests made outside `whenWritten` are left alone.
 */
export function whenWritten<T>(written: () => void, send: () => Promise<T>): Promise<T> {
  subscribeOnce();
  return sendContext.run(written, send);
}

const sendContext = new AsyncLocalStorage<() => void>();
let subscribed = false;

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  diagnostics.subscribe("http.client.request.start", (message) => {
    const written = sendContext.getStore();
    const request = (message as { request?: http.ClientRequest }).request;
    if (written && request) request.once("finish", written);
  });
}

/**
 * Creates the organization and tag clients, signing with `credential`: the key pair by default, or
 * a role's temporary credential (credentials.ts). The credential is handed to the SDK and kept
 * nowhere else.
 */
export function createSdkClients(
  settings: ProviderSettings,
  transportOptions: { maxSockets?: number } = {},
  credential: SigningCredential = keyPairOf(settings),
): SdkClients {
  const make = (service: Service) => {
    const options = clientOptions(settings, service, credential, service === "tag" ? settings.region : "", transportOptions.maxSockets);
    return service === "organization" ? new OrganizationClient(options) : new TagClient(options);
  };
  return { organization: make("organization"), tag: make("tag") };
}

/**
 * Creates the STS client a role is assumed with: signed with the key pair for AssumeRole; for
 * AssumeRoleWithWebIdentity the key pair is absent and the request goes unsigned.
 */
export function createStsClient(settings: ProviderSettings): StsClient {
  return new StsSdkClient(clientOptions(settings, "sts", keyPairOf(settings), settings.region));
}

/** The key pair of the settings, as the SDK takes it (empty with web identity, which sends no signature). */
function keyPairOf(settings: ProviderSettings): Credential {
  return {
    secretId: settings.secretId ?? "",
    secretKey: settings.secretKey ?? "",
    ...(settings.securityToken ? { token: settings.securityToken } : {}),
  };
}

/** The options of a client of `service`: endpoint, protocol, timeout and, for an endpoint URL, the route there. */
function clientOptions(settings: ProviderSettings, service: string, credential: SigningCredential, region: string, maxSockets?: number) {
  // With an endpoint URL (the emulator), requests keep the real host name, so the SDK signs
  // for the right service ("organization", "tag", "sts") and the Host header is honest, while the
  // agent routes the socket to the URL. One setting then serves every service.
  const base = settings.endpointUrl ? new URL(settings.endpointUrl) : undefined;
  const httpProfile = {
    endpoint: `${service}.${settings.domain}`,
    protocol: base ? "http://" : "https://",
    reqTimeout: settings.requestTimeoutSeconds,
    ...(base ? { agent: routingAgent(base, maxSockets) } : {}),
  };
  return { credential, region, profile: { httpProfile, language: "en-US" as const } };
}

// An agent that sends every request to `base` whatever host the URL names. Without an agent the
// SDK would also honour a lowercase `http_proxy`; an explicit agent keeps the route deterministic.
function routingAgent(base: URL, maxSockets?: number): http.Agent {
  const port = Number(base.port || (base.protocol === "https:" ? 443 : 80));
  const host = base.hostname.replace(/^\[|\]$/g, "");
  return new RoutingAgent(
    () => (base.protocol === "https:" ? tls.connect({ host, port, servername: host }) : net.createConnection({ host, port })),
    maxSockets,
  );
}

/**
 * A keep-alive agent whose every connection goes where `connect` says. No socket cap, as Node's
 * global agent (what the SDK uses against Tencent): the rate limiter bounds what is in flight, and
 * at 1.5 s per call 20 creates/s and their read-backs keep ~60 requests open; a cap of 32 made
 * requests queue in the pool and leave in clumps. (`maxSockets` is for the benchmark's "before".)
 */
class RoutingAgent extends http.Agent {
  constructor(
    private readonly connect: () => net.Socket,
    maxSockets?: number,
  ) {
    super({ keepAlive: true, ...(maxSockets ? { maxSockets } : {}) });
  }

  // Node's Agent uses the socket createConnection returns (the callback is for async creation).
  override createConnection(): net.Socket {
    return this.connect();
  }
}
