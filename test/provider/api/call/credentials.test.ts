/**
 * Role credentials (provider/api/call/credentials.ts): the pure decisions as tables, then a member's
 * lifecycle against the emulator, whose STS issues short sessions on a clock the test moves — the
 * provider reads the same clock, so nothing waits. The key pair may only call sts:AssumeRole, so
 * every other call that succeeds was signed by the role.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TencentApi } from "../../../../provider/api/call/client";
import { SYSTEM_CLOCK } from "../../../../provider/api/call/clock";
import {
  assumeRoleRequest,
  RENEWAL_MARGIN_MS,
  renewalDueAt,
  STS_CODES,
  stsReactionTo,
  webIdentityTokenOf,
} from "../../../../provider/api/call/credentials";
import { actionsFor } from "../../../../provider/api/call/permissions";
import { RateLimiter } from "../../../../provider/api/call/rateLimiter";
import { redactor } from "../../../../provider/api/call/redact";
import { type ProviderSettings, resolveSettings } from "../../../../provider/api/call/settings";
import { AssumeRoleDeniedError, RoleNotAssumableError, TencentApiError, WebIdentityTokenError } from "../../../../provider/core/errors";
import { fromSettings } from "../../../../provider/kit/lifecycle";
import { MemberLifecycle } from "../../../../provider/member/lifecycle";
import { COMMON_CODES, isDocumentedFor } from "../../../emulator/codes";
import { codeOf, orgClient } from "../../../emulator/fixtures";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, ENGINEERING_NODE_ID, type RunningEmulator, startEmulator } from "../../../emulator";
import { checked, fakeClock } from "../../support/harness";

const OWNER = "100000000001";
/** Assumed with the key pair. */
const ROLE = `qcs::cam::uin/${OWNER}:roleName/ci-deployer`;
/** Assumed with the pipeline's OIDC token. */
const WEB_ROLE = `qcs::cam::uin/${OWNER}:roleName/ci-oidc`;
const PROVIDER_ID = "ci-oidc";

describe("renewal timing", () => {
  it.each([
    ["a two-hour session: five minutes before expiry", 0, 7_200_000, 7_200_000 - RENEWAL_MARGIN_MS],
    ["a one-minute session: after three quarters of it", 0, 60_000, 45_000],
    ["a twenty-minute session: exactly the margin", 0, 1_200_000, 1_200_000 - RENEWAL_MARGIN_MS],
    ["a credential already expired when it arrived (clock skew): at once", 10_000, 5_000, 5_000],
  ])("renews %s", (_case, obtainedAt, expiresAt, due) => {
    expect(renewalDueAt(obtainedAt, expiresAt)).toBe(due);
  });
});

describe("the web-identity token file", () => {
  it.each([
    ["a bare token with a newline, as CI systems and TKE write it", "eyJ.a.b\n", "eyJ.a.b"],
    ["Terraform's JSON form", '{"web_identity_token": "eyJ.c.d"}', "eyJ.c.d"],
    ["an empty file", " \n", undefined],
    ["Terraform's form without the field", "{}", undefined],
  ])("reads %s", (_case, text, token) => {
    expect(webIdentityTokenOf(text)).toBe(token);
  });
});

describe("the STS requests and codes", () => {
  it("URL-encodes the session policy, as AssumeRole's Policy field asks", () => {
    const policy = '{"statement":[{"effect":"allow","action":["organization:*"],"resource":["*"]}]}';
    const request = assumeRoleRequest({
      kind: "assumeRole",
      roleArn: ROLE,
      sessionName: "ci",
      sessionDurationSeconds: 900,
      policy,
      source: "x",
    });
    expect(request).toEqual({ RoleArn: ROLE, RoleSessionName: "ci", DurationSeconds: 900, Policy: encodeURIComponent(policy) });
  });

  it("lists for each code only STS actions whose Go SDK list holds it, and common codes for every action", () => {
    for (const [code, row] of Object.entries(STS_CODES)) {
      for (const action of row.actions) {
        if (action === "*") expect(COMMON_CODES, code).toContain(code);
        else expect(isDocumentedFor(action, code), `${code} for ${action}`).toBe(true);
      }
    }
  });

  it.each([
    ["ResourceNotFound.RoleNotFound", "AssumeRole", "roleNotAssumable"],
    ["ResourceNotFound.RoleNotFound", "AssumeRoleWithWebIdentity", "surface"],
    ["InternalError.GetRoleError", "AssumeRoleWithWebIdentity", "roleNotAssumable"],
    ["InvalidParameter.WebIdentityTokenError", "AssumeRoleWithWebIdentity", "webIdentityToken"],
    ["InvalidParameter.WebIdentityTokenError", "AssumeRole", "surface"],
    ["UnauthorizedOperation", "AssumeRole", "denied"],
    ["InvalidParameter.OverLimit", "AssumeRole", "throttled"],
    ["RequestLimitExceeded", "AssumeRole", "throttled"],
    ["InternalError.DbError", "AssumeRoleWithWebIdentity", "surface"],
    ["FailedOperation.Invented", "AssumeRole", "surface"],
  ] as const)("reacts to %s from %s with %s", (code, action, reaction) => {
    expect(stsReactionTo(code, action)).toBe(reaction);
  });

  it("scrubs the longest secret first, so a token holding a key id leaves nothing of either", () => {
    expect(redactor(["AKIDshort", "tok-AKIDshort-tail"])("a tok-AKIDshort-tail b AKIDshort")).toBe("a *** b ***");
  });
});

// ---------------------------------------------------------------- against the emulator

/** How far the test has moved the wall clock both the emulator and the provider read (< 300 s: signatures use real time). */
let offsetMs = 0;
const wallClock = () => Date.now() + offsetMs;
let emulator: RunningEmulator;
let logs: string[];
let tokenDir: string;

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimitPerSecond: 0,
    clock: wallClock,
    oidcProviders: [PROVIDER_ID],
    roles: [
      { roleArn: ROLE, allowedActions: actionsFor("deleteAccount"), trustedSecretIds: [DEFAULT_SECRET_ID] },
      { roleArn: WEB_ROLE, allowedActions: actionsFor("deleteAccount"), trustedProviders: [PROVIDER_ID] },
    ],
  });
  tokenDir = mkdtempSync(join(tmpdir(), "oidc-"));
});
afterAll(() => emulator?.close());
beforeEach(() => {
  emulator.admin.reset();
  offsetMs = 0;
  logs = [];
  // The key may only assume the role: any other call it signed would be refused.
  emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, ["sts:AssumeRole"]);
});

/** Settings as a stack's config would give them: the key pair, the emulator, and `config`. */
function settingsWith(config: Record<string, string>): ProviderSettings {
  const values: Record<string, string> = {
    "tencentcloud:secretId": DEFAULT_SECRET_ID,
    "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
    "tencentcloud:endpointUrl": emulator.url,
    "tencentcloud:requestTimeoutSeconds": "5",
    ...config,
  };
  return resolveSettings(
    (key) => values[key],
    {},
    () => undefined,
  );
}

/** The collaborators of a provider process: logs captured, backoff on a fake clock, expiry on the moved wall clock. */
const deps = () => ({
  logger: { info: (line: string) => logs.push(line) },
  clock: fakeClock(),
  wallClock,
  limiterFor: (perSecond: number) => new RateLimiter(perSecond, SYSTEM_CLOCK),
});

const assumeRole = (fields: Record<string, unknown> = {}) => ({
  "tencentcloud:assumeRole": JSON.stringify({ roleArn: ROLE, sessionName: "ci", ...fields }),
});

/** A token file holding a fresh token of the pipeline's provider. */
function tokenFile(expiresInSeconds = 600): string {
  const path = join(tokenDir, `token-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, `${emulator.admin.issueWebIdentityToken({ providerId: PROVIDER_ID, expiresInSeconds })}\n`);
  return path;
}

const webIdentity = (fields: Record<string, unknown>) => ({
  "tencentcloud:assumeRoleWithWebIdentity": JSON.stringify({
    roleArn: WEB_ROLE,
    providerId: PROVIDER_ID,
    sessionName: "pipeline",
    ...fields,
  }),
});

const member = (extra: Record<string, unknown> = {}, olds: object = {}) =>
  checked(
    {
      name: "ci-made",
      permissionIds: [1, 2],
      nodeId: ENGINEERING_NODE_ID,
      deletionPolicy: "deleteAccount",
      ownerMarker: "proj/ci/ci-made",
      ...extra,
    },
    olds,
  );

const calls = (action: string) => emulator.admin.counters()[action] ?? 0;
const failedCalls = () => emulator.admin.requestLog().filter((entry) => entry.errorCode !== undefined);

/** The error a promise fails with. */
async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

/** Every temporary secret STS issued, and `extra` secrets, that must appear in no text. */
const secretsIssued = (extra: string[] = []) => [
  ...emulator.admin.stsSessions().flatMap((s) => [s.tmpSecretId, s.tmpSecretKey, s.token]),
  ...extra,
];

describe("a member's lifecycle with an assumed role", () => {
  it("renews a credential that expires mid-run before it is refused, and no call fails", async () => {
    const provider = new MemberLifecycle(fromSettings(settingsWith(assumeRole({ sessionDuration: 120 })), deps()));
    const created = await provider.create(member());
    expect(emulator.admin.stsSessions()).toHaveLength(1);

    // Past the first credential's expiry (120 s): the update is signed with a renewed one.
    offsetMs = 125_000;
    const updated = await provider.update(created.id, created.outs, member({ remark: "renewed" }, created.outs));
    offsetMs = 250_000;
    const read = await provider.read(created.id, updated.outs);
    expect(read.props).toMatchObject({ remark: "renewed" });
    await provider.delete(created.id, updated.outs);

    expect(failedCalls()).toEqual([]);
    expect(emulator.admin.stsSessions().map((s) => s.issuedBy)).toEqual(["AssumeRole", "AssumeRole", "AssumeRole"]);
    expect(emulator.admin.members().some((m) => m.name === "ci-made")).toBe(false);
    // The first credential is dead by now: the renewal is what kept the run going.
    const [first] = emulator.admin.stsSessions();
    const stale = orgClient(emulator, { credential: { secretId: first.tmpSecretId, secretKey: first.tmpSecretKey, token: first.token } });
    expect(await codeOf(stale.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("AuthFailure.TokenFailure");
    expect(logs.filter((line) => line.includes("AssumeRole: temporary credential of"))).toHaveLength(3);
  });

  it("shares one renewal among calls that find the credential due at the same time", async () => {
    const api = new TencentApi(settingsWith(assumeRole({ sessionDuration: 120 })), deps());
    const burst = () => Promise.all(Array.from({ length: 10 }, () => api.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 })));
    await burst();
    expect(calls("AssumeRole")).toBe(1);
    await burst();
    expect(calls("AssumeRole")).toBe(1);
    offsetMs = 100_000; // past the renewal point (90 s), before expiry
    await burst();
    expect(calls("AssumeRole")).toBe(2);
    expect(calls("DescribeOrganizationNodes")).toBe(30);
  });

  it("retries a throttled AssumeRole, and does not keep a refusal: the next call assumes again", async () => {
    const api = new TencentApi(settingsWith(assumeRole()), deps());
    emulator.admin.injectFault({ action: "AssumeRole", mode: "error", code: "RequestLimitExceeded", count: 2 });
    await api.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 });
    expect(calls("AssumeRole")).toBe(3);

    const fresh = new TencentApi(settingsWith(assumeRole()), deps());
    emulator.admin.injectFault({ action: "AssumeRole", mode: "error", code: "ResourceNotFound.RoleNotFound" });
    expect(await failureOf(fresh.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 }))).toBeInstanceOf(RoleNotAssumableError);
    await expect(fresh.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total", 4);
  });
});

describe("a member's lifecycle with web identity", () => {
  it("needs no key pair, and reads the token file again at each renewal, as CI systems rotate it", async () => {
    emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, []); // the key pair may do nothing at all
    const path = tokenFile(60);
    const provider = new MemberLifecycle(
      fromSettings(settingsWith(webIdentity({ webIdentityTokenFile: path, sessionDuration: 120 })), deps()),
    );
    const created = await provider.create(member());

    // At 100 s the credential is due and the first token has expired: the CI system has written a new one.
    offsetMs = 100_000;
    writeFileSync(path, emulator.admin.issueWebIdentityToken({ providerId: PROVIDER_ID, expiresInSeconds: 600 }));
    await provider.delete(created.id, created.outs);
    expect(failedCalls()).toEqual([]);
    expect(emulator.admin.stsSessions().map((s) => s.issuedBy)).toEqual(["AssumeRoleWithWebIdentity", "AssumeRoleWithWebIdentity"]);
  });
});

describe("refusals name what to fix", () => {
  it("a role the account does not have: RoleNotAssumableError naming roleArn and where it was set, not retried", async () => {
    const provider = new MemberLifecycle(
      fromSettings(settingsWith(assumeRole({ roleArn: `qcs::cam::uin/${OWNER}:roleName/nobody` })), deps()),
    );
    const error = await failureOf(provider.create(member()));
    expect(error).toBeInstanceOf(RoleNotAssumableError);
    expect(error).toMatchObject({ code: "ResourceNotFound.RoleNotFound", roleArn: `qcs::cam::uin/${OWNER}:roleName/nobody` });
    expect(error.message).toMatch(/What to do: check roleArn in tencentcloud:assumeRole: it must name an existing role/);
    expect([calls("AssumeRole"), calls("CreateOrganizationMember")]).toEqual([1, 0]);

    const web = new TencentApi(
      settingsWith(webIdentity({ roleArn: `qcs::cam::uin/${OWNER}:roleName/nobody`, webIdentityTokenFile: tokenFile() })),
      deps(),
    );
    expect(await failureOf(web.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 }))).toMatchObject({
      name: "RoleNotAssumableError",
      code: "InternalError.GetRoleError",
    });
  });

  it("an expired OIDC token: WebIdentityTokenError saying so and what to do, not retried", async () => {
    const api = new TencentApi(settingsWith(webIdentity({ webIdentityTokenFile: tokenFile(30) })), deps());
    offsetMs = 31_000;
    const error = await failureOf(api.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 }));
    expect(error).toBeInstanceOf(WebIdentityTokenError);
    expect(error.message).toContain(
      "the OIDC token is expired or invalid (InvalidParameter.WebIdentityTokenError: WebIdentityToken is invalid: the token expired",
    );
    expect(error.message).toContain(
      "What to do: the OIDC token was refused: it may have expired (CI tokens live minutes: request it right before Pulumi runs)",
    );
    expect(calls("AssumeRoleWithWebIdentity")).toBe(1);
  });

  it("a key pair without sts:AssumeRole: AssumeRoleDeniedError naming the action, the policy and the trust to fix", async () => {
    emulator.admin.setAllowedActions(DEFAULT_SECRET_ID, ["organization:*"]);
    const api = new TencentApi(settingsWith(assumeRole()), deps());
    const error = await failureOf(api.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 }));
    expect(error).toBeInstanceOf(AssumeRoleDeniedError);
    expect(error).toMatchObject({ code: "UnauthorizedOperation", camAction: "sts:AssumeRole" });
    expect(error.message).toContain(
      `What to do: the key pair's CAM policy must allow "sts:AssumeRole" on ${ROLE}, the role's trust policy`,
    );
    expect(calls("AssumeRole")).toBe(1);
  });

  it("a role whose trust policy does not name the identity provider: AssumeRoleDeniedError for sts:AssumeRoleWithWebIdentity", async () => {
    const api = new TencentApi(settingsWith(webIdentity({ roleArn: ROLE, webIdentityTokenFile: tokenFile() })), deps());
    const error = await failureOf(api.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 }));
    expect(error).toMatchObject({ name: "AssumeRoleDeniedError", camAction: "sts:AssumeRoleWithWebIdentity" });
    expect(error.message).toContain(
      `the trust policy of ${ROLE} must allow "sts:AssumeRoleWithWebIdentity" for identity provider ${PROVIDER_ID}`,
    );
  });
});

describe("no temporary key or token reaches a log line or an error message", () => {
  it("with an assumed role: renewed keys are scrubbed as soon as they are issued", async () => {
    const provider = new MemberLifecycle(fromSettings(settingsWith(assumeRole({ sessionDuration: 120 })), deps()));
    const created = await provider.create(member());
    offsetMs = 100_000;
    // Any call renews the credential now (a member the operation has not read yet makes one).
    await provider.read("100000999999", {});
    // An answer that quotes the renewed credential back, as a proxy or a future message might.
    const [, current] = emulator.admin.stsSessions();
    emulator.admin.injectFault({
      action: "UpdateOrganizationMember",
      mode: "error",
      code: "InvalidParameter",
      message: `refused ${current.tmpSecretId} ${current.tmpSecretKey} ${current.token}`,
    });
    const error = await failureOf(provider.update(created.id, created.outs, member({ remark: "quoted" }, created.outs)));
    expect(error).toBeInstanceOf(TencentApiError);
    expect(error.message).toContain("refused *** *** ***");

    const text = [...logs, error.message, String(error.stack)].join("\n");
    expect(secretsIssued().filter((secret) => text.includes(secret))).toEqual([]);
    expect(logs.length).toBeGreaterThan(0);
  });

  it("with web identity: neither the OIDC token nor the temporary keys, even when Tencent quotes them", async () => {
    const path = tokenFile();
    const token = readFileSync(path, "utf8").trim();
    const api = new TencentApi(settingsWith(webIdentity({ webIdentityTokenFile: path })), deps());
    await api.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 });
    // A second provider process assumes again with the same token, and Tencent's answer quotes it.
    emulator.admin.injectFault({
      action: "AssumeRoleWithWebIdentity",
      mode: "error",
      code: "InvalidParameter.WebIdentityTokenError",
      message: `token ${token} is revoked`,
    });
    const again = new TencentApi(settingsWith(webIdentity({ webIdentityTokenFile: path })), deps());
    const error = await failureOf(again.call("DescribeOrganizationNodes", { Offset: 0, Limit: 1 }));
    expect(error).toBeInstanceOf(WebIdentityTokenError);
    expect(error.message).toContain("token *** is revoked");
    const text = [...logs, error.message].join("\n");
    expect(secretsIssued([token]).filter((secret) => text.includes(secret))).toEqual([]);
  });
});
