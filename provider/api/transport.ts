/**
 * Builds the two SDK clients this provider uses — organization 2021-03-31 and tag 2018-08-13 —
 * loading only those services (deep imports: the full package costs ~0.5 s and ~30 MB more).
 */
import * as http from "node:http";
import * as net from "node:net";
import * as tls from "node:tls";
import { Client as OrganizationClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_client";
import { Client as TagClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client";
import type { ProviderSettings } from "./settings";

/** The services the provider calls. */
export type Service = "organization" | "tag";

/** What every SDK client offers: a generic, signed request. */
export interface SdkClient {
  request(action: string, req: unknown): Promise<unknown>;
}

/** One client per service, sharing settings and connection pool. */
export type SdkClients = Record<Service, SdkClient>;


/** Creates the clients. The credential is handed to the SDK and kept nowhere else. */
export function createSdkClients(settings: ProviderSettings): SdkClients {
  const make = (service: Service) => {
    // With an endpoint URL (the emulator), requests keep the real host name, so the SDK signs
    // for the right service ("organization", "tag") and the Host header is honest, while the
    // agent routes the socket to the URL. One setting then serves every service.
    const base = settings.endpointUrl ? new URL(settings.endpointUrl) : undefined;
    const httpProfile = {
      endpoint: `${service}.${settings.domain}`,
      protocol: base ? "http://" : "https://",
      reqTimeout: settings.requestTimeoutSeconds,
      ...(base ? { agent: routingAgent(base) } : {}),
    };
    const options = {
      credential: {
        secretId: settings.secretId,
        secretKey: settings.secretKey,
        ...(settings.securityToken ? { token: settings.securityToken } : {}),
      },
      region: service === "tag" ? settings.region : "",
      profile: { httpProfile, language: "en-US" as const },
    };
    return service === "organization" ? new OrganizationClient(options) : new TagClient(options);
  };
  return { organization: make("organization"), tag: make("tag") };
}


// An agent that sends every request to `base` whatever host the URL names. Without an agent the
// SDK would also honour a lowercase `http_proxy`; an explicit agent keeps the route deterministic.
function routingAgent(base: URL): http.Agent {
  const port = Number(base.port || (base.protocol === "https:" ? 443 : 80));
  const host = base.hostname.replace(/^\[|\]$/g, "");
  return new RoutingAgent(() =>
    base.protocol === "https:" ? tls.connect({ host, port, servername: host }) : net.createConnection({ host, port }),
  );
}

/** A keep-alive agent whose every connection goes where `connect` says. */
class RoutingAgent extends http.Agent {
  constructor(private readonly connect: () => net.Socket) {
    super({ keepAlive: true, maxSockets: 32 });
  }

  // Node's Agent uses the socket createConnection returns (the callback is for async creation).
  override createConnection(): net.Socket {
    return this.connect();
  }
}
