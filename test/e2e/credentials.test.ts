/**
 * Role credentials through the real engine ("Credentials in CI", docs/installation-configuration.md):
 * a member's whole lifecycle — create, update, refresh, destroy — once with a role the stack's key
 * pair assumes (`tencentcloud:assumeRole`), once with a role a pipeline's OIDC token assumes
 * (`tencentcloud:assumeRoleWithWebIdentity`, the key pair allowed nothing at all). Each role's
 * allow-list is exactly the least-privilege policy (provider/api/call/permissions.ts); every call
 * but the STS one is signed by the role; and neither the exported state, the backend's files nor
 * anything the engine printed holds a temporary key, a session token or the OIDC token.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsFor } from "../../provider/api/call/permissions";
import type { DeletionPolicy } from "../../provider/member/types";
import { DEFAULT_SECRET_ID, ENGINEERING_NODE_ID, FINANCE_NODE_ID, type RequestLogEntry } from "../emulator";
import { membersByName, startEngineHarness, type EngineHarness } from "./harness";

const PROGRAM = "test/e2e/programs/members.ts";
const POLICY: DeletionPolicy = "deleteAccount";
const OWNER = "100000000001";
const ROLE = `qcs::cam::uin/${OWNER}:roleName/ci-deployer`;
const WEB_ROLE = `qcs::cam::uin/${OWNER}:roleName/ci-oidc`;
const PROVIDER_ID = "ci-oidc";

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("credentials", {
    oidcProviders: [PROVIDER_ID],
    roles: [
      { roleArn: ROLE, allowedActions: actionsFor(POLICY), trustedSecretIds: [DEFAULT_SECRET_ID] },
      { roleArn: WEB_ROLE, allowedActions: actionsFor(POLICY), trustedProviders: [PROVIDER_ID] },
    ],
  });
});
afterAll(async () => h?.close());

/** The member, as first declared and after a change of every field group (as test/e2e/cam.test.ts): every action of the policy is called. */
const declared = {
  first: {
    name: "ci-member",
    permissionIds: [1, 2],
    nodeId: ENGINEERING_NODE_ID,
    tags: { team: "platform" },
    identityRoleIds: [1, 2],
    deletionPolicy: POLICY,
  },
  changed: {
    name: "ci-member-2",
    remark: "via a role",
    permissionIds: [1, 2],
    nodeId: FINANCE_NODE_ID,
    tags: { team: "data" },
    identityRoleIds: [2, 3],
    deletionPolicy: POLICY,
  },
};

/** Every file under `dir`, nested ones included. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

/**
 * Up, update, refresh and destroy of one member with `config`; returns every text the run left
 * behind: what the engine printed, the state exported before and after destroy, and every file of
 * the backend (checkpoint history included).
 */
async function lifecycle(stackName: string, config: Record<string, string>): Promise<string> {
  const printed: string[] = [];
  const keep = (result: { stdout: string; stderr: string }) => printed.push(result.stdout, result.stderr);
  const stack = await h.open(PROGRAM, { stackName, config: { members: JSON.stringify({ made: declared.first }), ...config } });
  const created = await stack.up();
  keep(created);
  expect(created.summary.resourceChanges).toEqual({ create: 2 });
  await stack.setConfig("members", JSON.stringify({ made: declared.changed }));
  const updated = await stack.up();
  keep(updated);
  expect(updated.summary.resourceChanges).toEqual({ update: 1, same: 1 });
  expect(membersByName(h.emulator).get("ci-member-2")).toMatchObject({ nodeId: FINANCE_NODE_ID, remark: "via a role" });
  const refreshed = await stack.refresh();
  keep(refreshed);
  expect(refreshed.summary.result).toBe("succeeded");
  const withMember = JSON.stringify(await stack.exportStack());
  keep(await stack.destroy());
  expect(membersByName(h.emulator).has("ci-member-2")).toBe(false);
  const backend = filesUnder(join(stack.env.PULUMI_BACKEND_URL.replace("file://", ""), ".pulumi")).map((f) => readFileSync(f, "utf8"));
  return [...printed, withMember, JSON.stringify(await stack.exportStack()), ...backend].join("\n");
}

/** The CAM actions (`service:Action`) of log entries. */
const camActions = (entries: RequestLogEntry[]) =>
  [
    ...new Set(
      entries.map((e) => `${e.action.startsWith("AssumeRole") ? "sts" : e.version === "2018-08-13" ? "tag" : "organization"}:${e.action}`),
    ),
  ].sort();

/** Every temporary key and token STS issued in this test, and `extra` secrets. */
const secrets = (extra: string[] = []) => [
  ...h.emulator.admin.stsSessions().flatMap((s) => [s.tmpSecretId, s.tmpSecretKey, s.token]),
  ...extra,
];

describe.sequential("a member's lifecycle with role credentials, through the engine", () => {
  it("assumeRole: the key pair may only assume the role, whose allow-list is the least-privilege policy", async () => {
    h.emulator.admin.reset();
    h.emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, ["sts:AssumeRole"]);
    const text = await lifecycle("assume-role", { "tencentcloud:assumeRole": JSON.stringify({ roleArn: ROLE, sessionName: "ci-e2e" }) });

    const log = h.emulator.admin.requestLog();
    expect(log.filter((e) => e.errorCode !== undefined)).toEqual([]);
    expect(camActions(log.filter((e) => e.secretId === DEFAULT_SECRET_ID))).toEqual(["sts:AssumeRole"]);
    // Exactly the member's actions of the policy, all signed by the role.
    expect(camActions(log.filter((e) => e.roleArn === ROLE))).toEqual([...actionsFor(POLICY, ["OrganizationMember"])].sort());
    expect(log.filter((e) => e.action !== "AssumeRole" && e.roleArn !== ROLE)).toEqual([]);

    expect(text).toContain(`AssumeRole: temporary credential of ${ROLE} (session ci-e2e) until`);
    expect(secrets().length).toBeGreaterThanOrEqual(3 * 4);
    expect(secrets().filter((secret) => text.includes(secret))).toEqual([]);
  });

  it("assumeRoleWithWebIdentity: an OIDC token from a file, the key pair allowed nothing", async () => {
    h.emulator.admin.reset();
    h.emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, []);
    const token = h.emulator.admin.issueWebIdentityToken({ providerId: PROVIDER_ID, subject: "repo:org/infra:ref:refs/heads/main" });
    const tokenFile = join(h.stateRoot, "oidc-token");
    writeFileSync(tokenFile, token);
    const text = await lifecycle("web-identity", {
      "tencentcloud:assumeRoleWithWebIdentity": JSON.stringify({
        roleArn: WEB_ROLE,
        providerId: PROVIDER_ID,
        webIdentityTokenFile: tokenFile,
        sessionName: "pipeline",
      }),
    });

    const log = h.emulator.admin.requestLog();
    expect(log.filter((e) => e.errorCode !== undefined)).toEqual([]);
    expect(log.filter((e) => e.secretId === DEFAULT_SECRET_ID)).toEqual([]);
    expect(log.filter((e) => e.action === "AssumeRoleWithWebIdentity").every((e) => e.secretId === undefined)).toBe(true);
    expect(camActions(log.filter((e) => e.roleArn === WEB_ROLE))).toEqual([...actionsFor(POLICY, ["OrganizationMember"])].sort());

    expect(text).toContain(`AssumeRoleWithWebIdentity: temporary credential of ${WEB_ROLE} (session pipeline) until`);
    expect(h.emulator.admin.stsSessions().length).toBeGreaterThanOrEqual(4);
    expect(secrets([token]).filter((secret) => text.includes(secret))).toEqual([]);
  });
});
