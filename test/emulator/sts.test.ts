/**
 * STS through the real SDK: AssumeRole and AssumeRoleWithWebIdentity issue temporary keys that sign
 * organization calls with their token and stop working when they expire; a role's allow-list
 * governs what its sessions may call; every refusal answers a code Tencent documents for the
 * action; the SDK's own credential classes work against the emulator; and roles, providers and
 * tokens are managed through the admin interface, the options and the CLI.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OIDCRoleArnCredential, STSCredential } from "tencentcloud-sdk-nodejs/tencentcloud/common/credential";
import { organization } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization";
import { describe, expect, it } from "vitest";
import { optionsFromCommandLine } from "./cli";
import { isDocumentedFor } from "./codes";
import { adminCall, codeOf, DEFAULT_CREDENTIAL, orgClient, sdkFailureOf, stsClient, useEmulator, withEmulator } from "./fixtures";
import type { EmulatorOptions, EmulatorRole, RunningEmulator } from "./index";

const OWNER = "100000000001";
/** The role CI assumes with the default key. */
const DEPLOYER: EmulatorRole = {
  roleArn: `qcs::cam::uin/${OWNER}:roleName/ci-deployer`,
  allowedActions: ["organization:DescribeOrganizationNodes", "organization:DescribeOrganizationMembers"],
  trustedSecretIds: [DEFAULT_CREDENTIAL.secretId],
  maxSessionDurationSeconds: 3600,
};
/** The role a pipeline's OIDC token assumes. */
const PIPELINE: EmulatorRole = {
  roleArn: `qcs::cam::uin/${OWNER}:roleName/ci-oidc`,
  allowedActions: ["organization:DescribeOrganizationNodes"],
  trustedProviders: ["ci-oidc"],
};
/** A role that trusts nobody. */
const LOCKED: EmulatorRole = { roleArn: `qcs::cam::uin/${OWNER}:roleName/locked` };
const OPTIONS: EmulatorOptions = { rateLimitPerSecond: 0, roles: [DEPLOYER, PIPELINE, LOCKED], oidcProviders: ["ci-oidc", "other-idp"] };

const listNodes = { Offset: 0, Limit: 1 };

let emulator: RunningEmulator;
useEmulator((started) => {
  emulator = started.emulator;
}, OPTIONS);

/** AssumeRole with the default key (the SDK's STS client). */
const assume = (e: RunningEmulator, request: Record<string, unknown> = {}) =>
  stsClient(e).AssumeRole({ RoleArn: DEPLOYER.roleArn, RoleSessionName: "ci", ...request });

/** An organization client signing with a temporary credential. */
const signedWith = (
  e: RunningEmulator,
  credentials: { TmpSecretId?: string; TmpSecretKey?: string; Token?: string } | undefined,
  token?: string,
) =>
  orgClient(e, {
    credential: { secretId: credentials!.TmpSecretId!, secretKey: credentials!.TmpSecretKey!, token: token ?? credentials!.Token! },
  });

/** AssumeRoleWithWebIdentity, unsigned as Tencent asks ("Authorization 需要传入值 SKIP"). */
const withWebIdentity = (e: RunningEmulator, request: Record<string, unknown>) =>
  stsClient(e, { credential: { secretId: "", secretKey: "" } }).request(
    "AssumeRoleWithWebIdentity",
    { ProviderId: "ci-oidc", RoleArn: PIPELINE.roleArn, RoleSessionName: "pipeline", ...request },
    { skipSign: true },
  ) as Promise<{ Credentials: { TmpSecretId: string; TmpSecretKey: string; Token: string }; ExpiredTime: number; Expiration: string }>;

describe("AssumeRole", () => {
  it("issues a temporary key that signs organization calls only together with its token", async () => {
    const answer = await assume(emulator, { DurationSeconds: 900 });
    expect(answer.Credentials?.TmpSecretId).toMatch(/^AKID[0-9a-f]{32}$/);
    expect(answer.ExpiredTime! - Math.floor(Date.now() / 1000)).toBeGreaterThan(890);
    expect(answer.Expiration).toBe(new Date(answer.ExpiredTime! * 1000).toISOString().replace(".000Z", "Z"));
    await expect(signedWith(emulator, answer.Credentials).DescribeOrganizationNodes(listNodes)).resolves.toHaveProperty("Total", 4);

    const withoutToken = orgClient(emulator, {
      credential: { secretId: answer.Credentials!.TmpSecretId!, secretKey: answer.Credentials!.TmpSecretKey! },
    });
    expect(await codeOf(withoutToken.DescribeOrganizationNodes(listNodes))).toBe("AuthFailure.TokenFailure");
    expect(await codeOf(signedWith(emulator, answer.Credentials, "another-token").DescribeOrganizationNodes(listNodes))).toBe(
      "AuthFailure.TokenFailure",
    );
  });

  it("gives the session the role's allow-list, not the key's, narrowed by a session policy", async () => {
    emulator.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["sts:AssumeRole"]);
    const session = signedWith(emulator, (await assume(emulator)).Credentials);
    await expect(session.DescribeOrganizationNodes(listNodes)).resolves.toHaveProperty("Total", 4);
    const refused = await sdkFailureOf(session.DescribeOrganization({}));
    expect(refused.code).toBe("UnauthorizedOperation");
    expect(refused.message).toContain("organization:DescribeOrganization");
    // The key itself may only assume the role.
    expect(await codeOf(orgClient(emulator).DescribeOrganizationNodes(listNodes))).toBe("UnauthorizedOperation");

    const policy = encodeURIComponent(
      JSON.stringify({
        version: "2.0",
        statement: [{ effect: "allow", action: ["organization:DescribeOrganizationMembers"], resource: ["*"] }],
      }),
    );
    const narrowed = signedWith(emulator, (await assume(emulator, { Policy: policy })).Credentials);
    expect(await codeOf(narrowed.DescribeOrganizationNodes(listNodes))).toBe("UnauthorizedOperation");
    await expect(narrowed.DescribeOrganizationMembers({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("RequestId");

    // A changed role policy applies to the sessions already issued, as in CAM.
    emulator.admin.setRoleAllowedActions(DEPLOYER.roleArn, ["organization:*"]);
    await expect(session.DescribeOrganization({})).resolves.toHaveProperty("OrgId");
  });

  it.each([
    ["a role the account does not have", { RoleArn: `qcs::cam::uin/${OWNER}:roleName/nobody` }, "ResourceNotFound.RoleNotFound"],
    ["a role whose trust policy does not name the key", { RoleArn: LOCKED.roleArn }, "UnauthorizedOperation"],
    ["a malformed RoleArn", { RoleArn: "ci-deployer" }, "InvalidParameter.ParamError"],
    ["a one-character session name", { RoleSessionName: "x" }, "InvalidParameter.ParamError"],
    ["a session longer than the role's maximum", { DurationSeconds: 3601 }, "InvalidParameter.OverTimeError"],
    ["a session policy that is no policy", { Policy: "not%20json" }, "InvalidParameter.StrategyFormatError"],
  ])("refuses %s with %s, a code Tencent documents for AssumeRole", async (_case, request, code) => {
    expect(await codeOf(assume(emulator, request))).toBe(code);
    expect(isDocumentedFor("AssumeRole", code)).toBe(true);
  });

  it("refuses a key whose CAM policy lacks sts:AssumeRole with UnauthorizedOperation naming the action", async () => {
    emulator.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["organization:*"]);
    const refused = await sdkFailureOf(assume(emulator));
    expect(refused.code).toBe("UnauthorizedOperation");
    expect(refused.message).toContain("(sts:AssumeRole)");
  });

  it("requires the external id the role's trust policy names", async () => {
    emulator.admin.defineRole({ ...DEPLOYER, externalId: "pipeline-7" });
    expect(await codeOf(assume(emulator))).toBe("UnauthorizedOperation");
    expect(await codeOf(assume(emulator, { ExternalId: "pipeline-8" }))).toBe("UnauthorizedOperation");
    await expect(assume(emulator, { ExternalId: "pipeline-7" })).resolves.toHaveProperty("Credentials");
  });
});

describe("expiry, on the emulator's clock", () => {
  it("refuses a temporary key from its ExpiredTime on with AuthFailure.TokenFailure, while a new one works", async () => {
    let offsetMs = 0;
    await withEmulator({ ...OPTIONS, clock: () => Date.now() + offsetMs }, async (e) => {
      const first = await assume(e, { DurationSeconds: 60 });
      offsetMs = 59_000;
      await expect(signedWith(e, first.Credentials).DescribeOrganizationNodes(listNodes)).resolves.toHaveProperty("Total", 4);
      offsetMs = 61_000;
      const expired = await sdkFailureOf(signedWith(e, first.Credentials).DescribeOrganizationNodes(listNodes));
      expect(expired).toMatchObject({ code: "AuthFailure.TokenFailure", message: expect.stringContaining("expired") });
      const second = await assume(e, { DurationSeconds: 60 });
      await expect(signedWith(e, second.Credentials).DescribeOrganizationNodes(listNodes)).resolves.toHaveProperty("Total", 4);
    });
  });

  it("refuses an expired web-identity token with InvalidParameter.WebIdentityTokenError", async () => {
    let offsetMs = 0;
    await withEmulator({ ...OPTIONS, clock: () => Date.now() + offsetMs }, async (e) => {
      const token = e.admin.issueWebIdentityToken({ providerId: "ci-oidc", expiresInSeconds: 30 });
      await expect(withWebIdentity(e, { WebIdentityToken: token })).resolves.toHaveProperty("Credentials");
      offsetMs = 31_000;
      const refused = await sdkFailureOf(withWebIdentity(e, { WebIdentityToken: token }));
      expect(refused).toMatchObject({ code: "InvalidParameter.WebIdentityTokenError", message: expect.stringContaining("expired") });
    });
  });
});

describe("AssumeRoleWithWebIdentity", () => {
  it("takes an unsigned request whose token the role's trusted provider issued, and its key is the role's", async () => {
    const token = emulator.admin.issueWebIdentityToken({ providerId: "ci-oidc", subject: "repo:org/infra:ref:refs/heads/main" });
    expect(token.split(".")).toHaveLength(3);
    const answer = await withWebIdentity(emulator, { WebIdentityToken: token, DurationSeconds: 600 });
    const session = signedWith(emulator, answer.Credentials);
    await expect(session.DescribeOrganizationNodes(listNodes)).resolves.toHaveProperty("Total", 4);
    expect(await codeOf(session.DescribeOrganizationMembers({ Offset: 0, Limit: 1 }))).toBe("UnauthorizedOperation");
    const logged = emulator.admin.requestLog().filter((entry) => entry.action === "AssumeRoleWithWebIdentity");
    expect(logged[0]).not.toHaveProperty("secretId");
    expect(JSON.stringify(logged)).not.toContain(token);
    expect(emulator.admin.requestLog().at(-1)).toMatchObject({ roleArn: PIPELINE.roleArn, errorCode: "UnauthorizedOperation" });
  });

  it.each([
    ["a token no provider issued", () => ({ WebIdentityToken: "eyJ.forged.token" }), "InvalidParameter.WebIdentityTokenError"],
    [
      "another provider's token",
      () => ({ WebIdentityToken: emulator.admin.issueWebIdentityToken({ providerId: "other-idp" }) }),
      "InvalidParameter.WebIdentityTokenError",
    ],
    [
      "a provider the account does not have",
      () => ({ ProviderId: "nobody", WebIdentityToken: emulator.admin.issueWebIdentityToken({ providerId: "ci-oidc" }) }),
      "InvalidParameter.WebIdentityTokenError",
    ],
    [
      "a role the account does not have",
      () => ({
        RoleArn: `qcs::cam::uin/${OWNER}:roleName/nobody`,
        WebIdentityToken: emulator.admin.issueWebIdentityToken({ providerId: "ci-oidc" }),
      }),
      "InternalError.GetRoleError",
    ],
    [
      "a role whose trust policy does not name the provider",
      () => ({ RoleArn: DEPLOYER.roleArn, WebIdentityToken: emulator.admin.issueWebIdentityToken({ providerId: "ci-oidc" }) }),
      "UnauthorizedOperation",
    ],
  ])("refuses %s with %s, a code Tencent documents for AssumeRoleWithWebIdentity", async (_case, request, code) => {
    expect(await codeOf(withWebIdentity(emulator, request()))).toBe(code);
    expect(isDocumentedFor("AssumeRoleWithWebIdentity", code)).toBe(true);
  });

  it("refuses AssumeRole unsigned: only the web-identity action takes Authorization SKIP", async () => {
    const unsigned = stsClient(emulator).request("AssumeRole", { RoleArn: DEPLOYER.roleArn, RoleSessionName: "ci" }, { skipSign: true });
    expect(await codeOf(unsigned)).toBe("AuthFailure.InvalidAuthorization");
  });
});

describe("the SDK's own credential classes", () => {
  const profile = () => ({ httpProfile: { endpoint: `127.0.0.1:${emulator.port}`, protocol: "http://", reqTimeout: 5 } });

  it("STSCredential, pointed at the emulator through its profile, signs an organization client's calls", async () => {
    const credential = new STSCredential(
      { credential: DEFAULT_CREDENTIAL, profile: profile() },
      { RoleArn: DEPLOYER.roleArn, RoleSessionName: "sdk" },
    );
    const client = new organization.v20210331.Client({ credential, region: "", profile: profile() });
    await expect(client.DescribeOrganizationNodes(listNodes)).resolves.toHaveProperty("Total", 4);
    expect(emulator.admin.stsSessions()).toMatchObject([{ roleArn: DEPLOYER.roleArn, sessionName: "sdk", issuedBy: "AssumeRole" }]);
  });

  it("OIDCRoleArnCredential does too, with an unsigned AssumeRoleWithWebIdentity", async () => {
    const credential = new OIDCRoleArnCredential(
      { credential: { secretId: "", secretKey: "" }, profile: profile() },
      {
        RoleArn: PIPELINE.roleArn,
        RoleSessionName: "sdk",
        ProviderId: "ci-oidc",
        WebIdentityToken: emulator.admin.issueWebIdentityToken({ providerId: "ci-oidc" }),
      },
    );
    const client = new organization.v20210331.Client({ credential, region: "", profile: profile() });
    await expect(client.DescribeOrganizationNodes(listNodes)).resolves.toHaveProperty("Total", 4);
    expect(emulator.admin.stsSessions()).toMatchObject([{ issuedBy: "AssumeRoleWithWebIdentity" }]);
  });
});

describe("roles, providers and tokens are the console's", () => {
  it("are defined, listed and issued over HTTP, and reset forgets every session", async () => {
    const role = {
      roleArn: `qcs::cam::uin/${OWNER}:roleName/http`,
      trustedSecretIds: [DEFAULT_CREDENTIAL.secretId],
      allowedActions: ["organization:*"],
    };
    expect((await adminCall(emulator, "POST", "/_emulator/sts/roles", role)).status).toBe(200);
    expect((await adminCall(emulator, "POST", "/_emulator/sts/oidc-providers", { providerId: "gitlab" })).body).toContain("gitlab");
    const issued = await adminCall(emulator, "POST", "/_emulator/sts/web-identity-tokens", { providerId: "gitlab", expiresInSeconds: 60 });
    expect((issued.body as { token: string }).token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await adminCall(emulator, "POST", "/_emulator/sts/roles", { roleArn: "not-an-arn" })).status).toBe(400);
    const denied = await adminCall(emulator, "POST", "/_emulator/sts/roles/allowed-actions", {
      roleArn: role.roleArn,
      actions: ["CreateOrganizationMember"],
    });
    expect(denied).toMatchObject({ status: 400, body: { error: expect.stringContaining("organization:<Action>") } });

    const answer = await assume(emulator, { RoleArn: role.roleArn });
    const sessions = (await adminCall(emulator, "GET", "/_emulator/sts/sessions")).body as { tmpSecretId: string }[];
    expect(sessions.map((s) => s.tmpSecretId)).toEqual([answer.Credentials!.TmpSecretId]);

    emulator.admin.reset();
    expect(emulator.admin.stsSessions()).toEqual([]);
    expect(emulator.admin.roles().map((r) => r.roleArn)).toEqual([DEPLOYER, PIPELINE, LOCKED].map((r) => r.roleArn));
    expect(await codeOf(signedWith(emulator, answer.Credentials).DescribeOrganizationNodes(listNodes))).toBe(
      "AuthFailure.SecretIdNotFound",
    );
  });

  it("refuses malformed start roles, and the CLI reads them from --roles-file", async () => {
    await expect(
      withEmulator({ roles: [{ roleArn: "qcs::cam::uin/1:roleName/r", trustedProviders: ["nobody"] }] }, async () => {}),
    ).rejects.toThrow(/no defined OIDC provider/);
    const file = join(mkdtempSync(join(tmpdir(), "sts-")), "roles.json");
    writeFileSync(file, JSON.stringify({ roles: [PIPELINE], oidcProviders: ["ci-oidc"] }));
    expect(optionsFromCommandLine(["--roles-file", file], {})).toMatchObject({ roles: [PIPELINE], oidcProviders: ["ci-oidc"] });
    writeFileSync(file, JSON.stringify({ role: [] }));
    expect(() => optionsFromCommandLine(["--roles-file", file], {})).toThrow(/unknown field\(s\) role/);
  });
});
