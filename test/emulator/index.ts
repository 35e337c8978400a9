/**
 * A local emulator of the Tencent Cloud Organization (2021-03-31), Tag (2018-08-13) and STS (2018-08-13) APIs,
 * spoken to by the real `tencentcloud-sdk-nodejs` over HTTP with real TC3-HMAC-SHA256 signatures.
 *
 * ```ts
 * const emulator = await startEmulator();
 * const client = new organization.v20210331.Client({
 *   credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
 *   region: "",
 *   profile: { httpProfile: { endpoint: `127.0.0.1:${emulator.port}`, protocol: "http://" } },
 * });
 * ```
 */
import type { AddressInfo } from "node:net";
import { createAdmin, type EmulatorAdmin } from "./admin";
import { Emulator } from "./emulator";
import { resolveOptions, type EmulatorOptions } from "./options";
import { createEmulatorServer } from "./server";

export type { EmulatorAdmin, InviteRequest, MemberResource, NodeSummary, PolicyView } from "./admin";
export type { EmulatorCredential } from "./authentication";
export type { FaultMode, FaultSpec, PendingFault } from "./faults";
export type {
  CreationRecord,
  EmulatedMember,
  EmulatedNode,
  EmulatedPolicy,
  PolicyAttachment,
  PolicyState,
  PolicyType,
  TaggedResource,
  TagPair,
} from "./model";
export { FULL_ACCESS_POLICY_ID, FULL_ACCESS_POLICY_NAME, ORGANIZATION_ID } from "./policy-rules";
export type { RequestLogEntry } from "./observability";
export type { EmulatorRole, StsSession, WebIdentityTokenRequest } from "./sts";
export { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type EmulatorOptions } from "./options";
export {
  ADMIN_UIN,
  FIRST_MEMBER_UIN,
  IDENTITIES,
  AUTH_RELATIONS,
  ROOT_NODE_ID,
  ENGINEERING_NODE_ID,
  FINANCE_NODE_ID,
  SEED_DEPARTMENTS,
} from "./seed";

/** A started emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. "http://127.0.0.1:8787". */
  url: string;
  port: number;
  /** Stops the server, destroys held (timeout-fault) sockets and writes the data file if one is set. */
  close(): Promise<void>;
  /** In-process admin interface (also served over HTTP under /_emulator/). */
  admin: EmulatorAdmin;
}

/**
 * Starts an emulator and resolves once it listens.
 * @param options - see {@link EmulatorOptions}; every field has a default
 * @throws Error when an option is invalid, the data file is not an emulator file, or the port is taken
 */
export async function startEmulator(options?: EmulatorOptions): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const emulator = new Emulator(resolved);
  const admin = createAdmin(emulator);
  const { server, close } = createEmulatorServer(emulator, admin);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    admin,
    close: () => {
      closing ??= close().then(() => emulator.persist());
      return closing;
    },
  };
}
