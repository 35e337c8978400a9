/**
 * Real SDK clients pointed at an emulator (both routes) and member templates. Free of vitest, so
 * scripts (measure-cpu.ts) can use them; tests get them through fixtures.ts.
 */
import { Agent } from "node:http";
import { connect } from "node:net";
import { organization } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization";
import type { CreateOrganizationMemberRequest } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_models";
import { sts } from "tencentcloud-sdk-nodejs/tencentcloud/services/sts";
import { tag } from "tencentcloud-sdk-nodejs/tencentcloud/services/tag";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type RunningEmulator } from "./index";

/** A key pair (and optional token) a client signs with. */
export interface ClientCredential {
  secretId: string;
  secretKey: string;
  token?: string;
}

/** The emulator's default key pair. */
export const DEFAULT_CREDENTIAL: ClientCredential = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };

/** Client knobs the tests vary. */
export interface ClientOptions {
  credential?: ClientCredential;
  /** Seconds before the SDK gives up. @default 5 */
  reqTimeout?: number;
}

const endpointProfile = (emulator: RunningEmulator, options: ClientOptions) => ({
  credential: options.credential ?? DEFAULT_CREDENTIAL,
  region: "",
  profile: { httpProfile: { endpoint: `127.0.0.1:${emulator.port}`, protocol: "http://", reqTimeout: options.reqTimeout ?? 5 } },
});

/** An organization client using the endpoint route (signs service "127", host "127.0.0.1"). */
export const orgClient = (emulator: RunningEmulator, options: ClientOptions = {}) =>
  new organization.v20210331.Client(endpointProfile(emulator, options));

/** A tag client using the endpoint route. */
export const tagClient = (emulator: RunningEmulator, options: ClientOptions = {}) =>
  new tag.v20180813.Client(endpointProfile(emulator, options));

/** An STS client using the endpoint route (signs service "127"). */
export const stsClient = (emulator: RunningEmulator, options: ClientOptions = {}) =>
  new sts.v20180813.Client(endpointProfile(emulator, options));

/** An http.Agent that sends every connection to the emulator whatever the URL's host. */
export function loopbackAgent(emulator: RunningEmulator): Agent {
  const agent = new Agent({ keepAlive: false });
  // Overriding createConnection keeps the real Host header and signing scope while the socket goes local.
  Object.assign(agent, { createConnection: () => connect(emulator.port, "127.0.0.1") });
  return agent;
}

const agentProfile = (emulator: RunningEmulator, endpoint: string) => ({
  credential: DEFAULT_CREDENTIAL,
  region: "ap-guangzhou",
  profile: { httpProfile: { endpoint, protocol: "http://", reqTimeout: 5, agent: loopbackAgent(emulator) } },
});

/** An organization client keeping the real hostname (service "organization"), routed to the emulator by an agent. */
export const agentRoutedOrgClient = (emulator: RunningEmulator) =>
  new organization.v20210331.Client(agentProfile(emulator, "organization.tencentcloudapi.com"));

/** A tag client keeping the real hostname (service "tag"), routed to the emulator by an agent. */
export const agentRoutedTagClient = (emulator: RunningEmulator) =>
  new tag.v20180813.Client(agentProfile(emulator, "tag.tencentcloudapi.com"));

let memberSequence = 0;

/** A valid CreateOrganizationMember request with a fresh name; override any field. */
export function aMember(overrides: Partial<CreateOrganizationMemberRequest> = {}): CreateOrganizationMemberRequest {
  memberSequence += 1;
  const name = `member-${memberSequence}`;
  return { Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: 100001, ...overrides };
}
