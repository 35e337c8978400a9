import { describe, expect, it } from "vitest";
import { parseProfileFile, resolveSettings } from "../../../../provider/api/call/settings";

describe("settings come from config, then environment, then the profile file", () => {
  const config = (values: Record<string, string>) => (key: string) => values[key];
  const noProfile = () => undefined;

  it("prefers stack config over environment", () => {
    const s = resolveSettings(
      config({ "tencentcloud:secretId": "cfg-id", "tencentcloud:secretKey": "cfg-key" }),
      { TENCENTCLOUD_SECRET_ID: "env-id", TENCENTCLOUD_SECRET_KEY: "env-key" },
      noProfile,
    );
    expect([s.secretId, s.secretKey]).toEqual(["cfg-id", "cfg-key"]);
  });

  it("falls back to the environment, session token included", () => {
    const s = resolveSettings(
      config({}),
      { TENCENTCLOUD_SECRET_ID: "i", TENCENTCLOUD_SECRET_KEY: "k", TENCENTCLOUD_SESSION_TOKEN: "t" },
      noProfile,
    );
    expect([s.secretId, s.secretKey, s.securityToken]).toEqual(["i", "k", "t"]);
  });

  it("falls back to the named profile of the shared credentials file", () => {
    const text = "[default]\nsecret_id = d-id\nsecret_key = d-key\n[ci]\nsecret_id=ci-id\nsecret_key=ci-key\ntoken=ci-token\n";
    const s = resolveSettings(config({}), { TENCENTCLOUD_PROFILE: "ci" }, (p) => parseProfileFile(text, p));
    expect([s.secretId, s.secretKey, s.securityToken]).toEqual(["ci-id", "ci-key", "ci-token"]);
  });

  it("explains every way to provide credentials when there are none", () => {
    expect(() => resolveSettings(config({}), {}, noProfile)).toThrow(/tencentcloud:secretId.*TENCENTCLOUD_SECRET_ID.*credentials/s);
  });

  it("reads the international site and an emulator URL", () => {
    const s = resolveSettings(
      config({ "tencentcloud:domain": "intl.tencentcloudapi.com" }),
      { TENCENTCLOUD_SECRET_ID: "i", TENCENTCLOUD_SECRET_KEY: "k", TENCENTCLOUD_ENDPOINT_URL: "http://127.0.0.1:8787/" },
      noProfile,
    );
    expect(s.domain).toBe("intl.tencentcloudapi.com");
    expect(s.endpointUrl).toBe("http://127.0.0.1:8787");
  });

  it("rejects a malformed endpoint URL and a non-numeric timeout, naming the key", () => {
    const env = { TENCENTCLOUD_SECRET_ID: "i", TENCENTCLOUD_SECRET_KEY: "k" };
    expect(() => resolveSettings(config({ "tencentcloud:endpointUrl": "127.0.0.1:80" }), env, noProfile)).toThrow(
      /tencentcloud:endpointUrl/,
    );
    expect(() => resolveSettings(config({ "tencentcloud:requestTimeoutSeconds": "soon" }), env, noProfile)).toThrow(
      /tencentcloud:requestTimeoutSeconds must be a positive number/,
    );
  });
});

describe("a role to assume comes from config, then Terraform's variables, then TKE's", () => {
  const config = (values: Record<string, string>) => (key: string) => values[key];
  const noProfile = () => undefined;
  const keys = { "tencentcloud:secretId": "cfg-id", "tencentcloud:secretKey": "cfg-key" };
  const ROLE = "qcs::cam::uin/100000000001:roleName/ci-deployer";
  const json = (value: object) => JSON.stringify(value);

  it.each([
    [
      "tencentcloud:assumeRole with the defaults of Terraform's assume_role block",
      { ...keys, "tencentcloud:assumeRole": json({ roleArn: ROLE }) },
      {},
      {
        kind: "assumeRole",
        roleArn: ROLE,
        sessionName: "pulumi-tencentcloud-organization",
        sessionDurationSeconds: 7200,
        source: "tencentcloud:assumeRole",
      },
    ],
    [
      "tencentcloud:assumeRole's fields falling back to their variables, and a policy object kept as JSON text",
      {
        ...keys,
        "tencentcloud:assumeRole": json({
          roleArn: ROLE,
          sessionDuration: 900,
          policy: { version: "2.0", statement: [{ effect: "allow", action: ["organization:*"], resource: ["*"] }] },
        }),
      },
      { TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME: "ci-run-42", TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID: "pipeline-7" },
      {
        kind: "assumeRole",
        sessionName: "ci-run-42",
        sessionDurationSeconds: 900,
        externalId: "pipeline-7",
        policy: '{"version":"2.0","statement":[{"effect":"allow","action":["organization:*"],"resource":["*"]}]}',
      },
    ],
    [
      "tencentcloud:assumeRoleWithWebIdentity with a token file and Terraform's default provider id",
      { "tencentcloud:assumeRoleWithWebIdentity": json({ roleArn: ROLE, webIdentityTokenFile: "/run/oidc/token" }) },
      {},
      { kind: "webIdentity", providerId: "OIDC", token: { file: "/run/oidc/token" }, source: "tencentcloud:assumeRoleWithWebIdentity" },
    ],
    [
      "TENCENTCLOUD_ASSUME_ROLE_ARN alone: AssumeRole with the key pair",
      keys,
      { TENCENTCLOUD_ASSUME_ROLE_ARN: ROLE, TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION: "3600" },
      { kind: "assumeRole", roleArn: ROLE, sessionDurationSeconds: 3600, source: "TENCENTCLOUD_ASSUME_ROLE_ARN" },
    ],
    [
      "TENCENTCLOUD_ASSUME_ROLE_ARN with a web-identity token: AssumeRoleWithWebIdentity, as Terraform decides",
      {},
      {
        TENCENTCLOUD_ASSUME_ROLE_ARN: ROLE,
        TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: "eyJ.t.s",
        TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: "github",
      },
      { kind: "webIdentity", providerId: "github", token: { value: "eyJ.t.s" } },
    ],
    [
      "TKE's pod identity, as the SDK's OIDCRoleArnCredential reads it",
      {},
      { TKE_ROLE_ARN: ROLE, TKE_PROVIDER_ID: "tke-oidc", TKE_WEB_IDENTITY_TOKEN_FILE: "/var/run/secrets/tke/token" },
      {
        kind: "webIdentity",
        providerId: "tke-oidc",
        token: { file: "/var/run/secrets/tke/token" },
        source: "TKE_ROLE_ARN, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE",
      },
    ],
    [
      "config over the environment",
      { ...keys, "tencentcloud:assumeRole": json({ roleArn: ROLE }) },
      { TKE_ROLE_ARN: "x" },
      { kind: "assumeRole" },
    ],
  ])("%s", (_case, values, env, role) => {
    expect(resolveSettings(config(values), env, noProfile).role).toMatchObject(role);
  });

  it("assumes nothing without a role, and with web identity neither needs nor keeps a key pair", () => {
    expect(resolveSettings(config(keys), {}, noProfile).role).toBeUndefined();
    let profileRead = false;
    const settings = resolveSettings(
      config({ ...keys, "tencentcloud:assumeRoleWithWebIdentity": json({ roleArn: ROLE, webIdentityToken: "eyJ.t.s" }) }),
      {},
      () => {
        profileRead = true;
        return undefined;
      },
    );
    expect([settings.secretId, settings.secretKey, profileRead]).toEqual([undefined, undefined, false]);
  });

  it.each([
    [
      "both ways at once",
      { "tencentcloud:assumeRole": json({ roleArn: ROLE }), "tencentcloud:assumeRoleWithWebIdentity": json({ roleArn: ROLE }) },
      {},
      /tencentcloud:assumeRole and tencentcloud:assumeRoleWithWebIdentity are both set/,
    ],
    [
      "text that is no JSON object",
      { "tencentcloud:assumeRole": ROLE },
      {},
      /tencentcloud:assumeRole must be a JSON object with the fields roleArn, sessionName, sessionDuration, externalId, policy/,
    ],
    [
      "Terraform's snake_case",
      { "tencentcloud:assumeRole": json({ role_arn: ROLE }) },
      {},
      /tencentcloud:assumeRole has no field "role_arn"; its fields are roleArn/,
    ],
    ["no roleArn", { "tencentcloud:assumeRole": json({ sessionName: "ci" }) }, {}, /tencentcloud:assumeRole needs roleArn/],
    [
      "a roleArn that is a name",
      { "tencentcloud:assumeRole": json({ roleArn: "ci-deployer" }) },
      {},
      /tencentcloud:assumeRole.roleArn must be a role ARN such as qcs::cam::uin/,
    ],
    [
      "a one-letter session name",
      { "tencentcloud:assumeRole": json({ roleArn: ROLE, sessionName: "x" }) },
      {},
      /tencentcloud:assumeRole.sessionName must be 2 to 128 of the characters/,
    ],
    [
      "a session of 0 seconds",
      { "tencentcloud:assumeRole": json({ roleArn: ROLE, sessionDuration: 0 }) },
      {},
      /tencentcloud:assumeRole.sessionDuration must be whole seconds from 1 to 43200/,
    ],
    [
      "a session over 12 hours",
      { "tencentcloud:assumeRole": json({ roleArn: ROLE, sessionDuration: 43201 }) },
      {},
      /sessionDuration must be whole seconds from 1 to 43200, got 43201/,
    ],
    [
      "a session duration variable that is no number",
      {},
      { TENCENTCLOUD_ASSUME_ROLE_ARN: ROLE, TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION: "2h" },
      /TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION must be whole seconds/,
    ],
    [
      "an external id with a space",
      { "tencentcloud:assumeRole": json({ roleArn: ROLE, externalId: "a b" }) },
      {},
      /tencentcloud:assumeRole.externalId must be 2 to 128 of the characters/,
    ],
    [
      "a policy without a statement",
      { "tencentcloud:assumeRole": json({ roleArn: ROLE, policy: "{}" }) },
      {},
      /tencentcloud:assumeRole.policy must be a CAM policy document with a statement/,
    ],
    [
      "web identity without a token",
      { "tencentcloud:assumeRoleWithWebIdentity": json({ roleArn: ROLE }) },
      {},
      /needs the OIDC token: webIdentityTokenFile .* or webIdentityToken/,
    ],
    ["half of TKE's variables", {}, { TKE_ROLE_ARN: ROLE }, /TKE_PROVIDER_ID and TKE_WEB_IDENTITY_TOKEN_FILE are not set/],
    [
      "AssumeRole without a key pair",
      { "tencentcloud:assumeRole": json({ roleArn: ROLE }) },
      {},
      /tencentcloud:assumeRole assumes a role with AssumeRole, which is signed with a key pair, and none was found/,
    ],
  ])("refuses %s, naming the key and the rule", (_case, values, env, message) => {
    // The role is read before the key pair: each case fails on its own rule.
    expect(() => resolveSettings(config(values), env, noProfile)).toThrow(message);
  });

  it("never quotes a web-identity token back in an error", () => {
    const token = "eyJhbGciOiJub25lIn0.c2VjcmV0LXRva2Vu.c2ln";
    const raw = `{"roleArn": "${ROLE}", "webIdentityToken": "${token}",}`; // a trailing comma: no JSON
    expect(() => resolveSettings(config({ "tencentcloud:assumeRoleWithWebIdentity": raw }), {}, noProfile)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(token) }),
    );
  });
});
