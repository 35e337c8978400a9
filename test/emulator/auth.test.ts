import { describe, expect, it } from "vitest";
import {
  agentRoutedOrgClient,
  agentRoutedTagClient,
  codeOf,
  DEFAULT_CREDENTIAL,
  sdkFailureOf,
  orgClient,
  rawRequest,
  tagClient,
  useEmulator,
  withEmulator,
} from "./fixtures";
import { DEFAULT_SECRET_KEY, type RunningEmulator } from "./index";

const TOKEN_CREDENTIAL = { secretId: "AKIDtemporary0000000000000000000000", secretKey: "temporary-key", token: "session-token-1" };

let emulator: RunningEmulator;
useEmulator(
  (started) => {
    emulator = started.emulator;
  },
  { rateLimitPerSecond: 0, credentials: [DEFAULT_CREDENTIAL, TOKEN_CREDENTIAL] },
);

const listNodes = { action: "DescribeOrganizationNodes", body: JSON.stringify({ Offset: 0, Limit: 1 }) };

describe("TC3-HMAC-SHA256 verification", () => {
  it("accepts the SDK's own signature over the endpoint route", async () => {
    await expect(orgClient(emulator).DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total", 4);
  });

  it("refuses a request signed with the wrong key with AuthFailure.SignatureFailure", async () => {
    const client = orgClient(emulator, { credential: { secretId: DEFAULT_CREDENTIAL.secretId, secretKey: "not-the-key" } });
    expect(await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("AuthFailure.SignatureFailure");
  });

  it("refuses an unknown SecretId with AuthFailure.SecretIdNotFound", async () => {
    const client = orgClient(emulator, { credential: { secretId: "AKIDnobody", secretKey: DEFAULT_SECRET_KEY } });
    expect(await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("AuthFailure.SecretIdNotFound");
  });

  it("refuses a body changed after signing with AuthFailure.SignatureFailure", async () => {
    const raw = await rawRequest(emulator, { ...listNodes, signedBody: JSON.stringify({ Offset: 0, Limit: 2 }) });
    expect(raw.response?.Error?.Code).toBe("AuthFailure.SignatureFailure");
  });

  it("accepts a hand-signed request whose scope names the product", async () => {
    const raw = await rawRequest(emulator, { ...listNodes, service: "organization" });
    expect(raw.response?.Error).toBeUndefined();
    expect(raw.response?.Total).toBe(4);
  });

  it.each(["cvm", "tag"])(
    "refuses a scope naming service %j for an organization action with AuthFailure.SignatureFailure",
    async (service) => {
      const raw = await rawRequest(emulator, { ...listNodes, service });
      expect(raw.response?.Error?.Code).toBe("AuthFailure.SignatureFailure");
      expect(raw.response?.Error?.Message).toContain("organization");
    },
  );

  it('accepts the endpoint route\'s service, the first label of an IP-address Host ("127")', async () => {
    const raw = await rawRequest(emulator, { ...listNodes, service: "127" });
    expect(raw.response?.Error).toBeUndefined();
  });

  it("refuses a scope date that is not the timestamp's UTC date", async () => {
    const raw = await rawRequest(emulator, { ...listNodes, scopeDate: "2001-01-01" });
    expect(raw.response?.Error?.Code).toBe("AuthFailure.SignatureFailure");
    expect(raw.response?.Error?.Message).toContain("date");
  });

  it("refuses a missing Authorization header with AuthFailure.InvalidAuthorization", async () => {
    const raw = await rawRequest(emulator, { ...listNodes, headers: { Authorization: undefined } });
    expect(raw.response?.Error?.Code).toBe("AuthFailure.InvalidAuthorization");
  });

  it("refuses a malformed Authorization header with AuthFailure.InvalidAuthorization", async () => {
    const raw = await rawRequest(emulator, { ...listNodes, authorization: "Basic dXNlcjpwYXNz" });
    expect(raw.response?.Error?.Code).toBe("AuthFailure.InvalidAuthorization");
  });

  it("refuses a SecretId with impossible characters with AuthFailure.InvalidSecretId", async () => {
    const raw = await rawRequest(emulator, { ...listNodes, credential: { secretId: "AKID!bad", secretKey: "k" } });
    expect(raw.response?.Error?.Code).toBe("AuthFailure.InvalidSecretId");
  });

  it("requires X-TC-Token from a credential configured with a token", async () => {
    const { token: _token, ...withoutToken } = TOKEN_CREDENTIAL;
    expect(await codeOf(orgClient(emulator, { credential: withoutToken }).DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe(
      "AuthFailure.TokenFailure",
    );
    const wrong = orgClient(emulator, { credential: { ...TOKEN_CREDENTIAL, token: "stolen" } });
    expect(await codeOf(wrong.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("AuthFailure.TokenFailure");
    const right = await orgClient(emulator, { credential: TOKEN_CREDENTIAL }).DescribeOrganizationNodes({ Offset: 0, Limit: 1 });
    expect(right.Total).toBe(4);
  });

  it("never writes keys, tokens or signatures into the request log", async () => {
    await orgClient(emulator, { credential: TOKEN_CREDENTIAL }).DescribeOrganizationNodes({ Offset: 0, Limit: 1 });
    const log = JSON.stringify(emulator.admin.requestLog());
    expect(log).toContain(TOKEN_CREDENTIAL.secretId);
    for (const secret of [TOKEN_CREDENTIAL.secretKey, TOKEN_CREDENTIAL.token, DEFAULT_SECRET_KEY, "Signature=", "TC3-HMAC"]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe("the timestamp window", () => {
  const clockOffsetBy = (seconds: number) => ({ clock: () => Date.now() + seconds * 1000 });

  it("refuses a timestamp more than 300 s from the emulator's clock with AuthFailure.SignatureExpire", async () => {
    await withEmulator(clockOffsetBy(301), async (ahead) => {
      const failure = await sdkFailureOf(orgClient(ahead).DescribeOrganizationNodes({ Offset: 0, Limit: 1 }));
      expect(failure.code).toBe("AuthFailure.SignatureExpire");
    });
  });

  it("accepts a timestamp 290 s from the emulator's clock", async () => {
    await withEmulator(clockOffsetBy(-290), async (behind) => {
      await expect(orgClient(behind).DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total", 4);
    });
  });
});

describe("credential-scope service with the endpoint route switched off (--strict-service-scope)", () => {
  let strict: RunningEmulator;
  useEmulator(
    (started) => {
      strict = started.emulator;
    },
    { rateLimitPerSecond: 0, endpointRouteScope: false },
  );

  it('refuses the endpoint route\'s service "127" with AuthFailure.SignatureFailure', async () => {
    expect(await codeOf(orgClient(strict).DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("AuthFailure.SignatureFailure");
  });

  it("accepts the agent route, which signs organization and tag", async () => {
    await expect(agentRoutedOrgClient(strict).DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total", 4);
    const resource = "qcs::organization:ap-guangzhou:uin/:node/100001";
    await expect(
      agentRoutedTagClient(strict).ModifyResourceTags({ Resource: resource, ReplaceTags: [{ TagKey: "a", TagValue: "b" }] }),
    ).resolves.toHaveProperty("RequestId");
  });
});

describe("CAM-style allow-lists of actions", () => {
  const LIMITED = {
    secretId: "AKIDlimited00000000000000000000000000",
    secretKey: "limited-key",
    allowedActions: ["organization:DescribeOrganizationNodes", "tag:*"],
  };
  let limited: RunningEmulator;
  useEmulator(
    (started) => {
      limited = started.emulator;
    },
    { rateLimitPerSecond: 0, credentials: [DEFAULT_CREDENTIAL, LIMITED] },
  );

  it("lets a key call the actions its list names and answers UnauthorizedOperation naming any other", async () => {
    const client = orgClient(limited, { credential: LIMITED });
    await expect(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total", 4);
    await expect(
      tagClient(limited, { credential: LIMITED }).ModifyResourceTags({
        Resource: "qcs::organization::uin/:node/100001",
        DeleteTags: [{ TagKey: "x" }],
      }),
    ).resolves.toHaveProperty("RequestId");
    const refused = await sdkFailureOf(client.DescribeOrganizationMembers({ Offset: 0, Limit: 1 }));
    expect(refused.code).toBe("UnauthorizedOperation");
    expect(refused.message).toContain("organization:DescribeOrganizationMembers");
    expect(limited.admin.members()).toEqual([]);
  });

  it("sets and removes a list on the admin interface; reset restores the start options", async () => {
    const client = orgClient(limited);
    limited.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["organization:DescribeOrganizationMembers"]);
    expect(await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("UnauthorizedOperation");
    expect(limited.admin.allowedActions()[DEFAULT_CREDENTIAL.secretId]).toEqual(["organization:DescribeOrganizationMembers"]);
    limited.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, undefined);
    await expect(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total", 4);
    limited.admin.reset();
    expect(limited.admin.allowedActions()).toEqual({ [LIMITED.secretId]: LIMITED.allowedActions });
  });

  it("refuses malformed entries and unknown SecretIds on the admin interface", () => {
    expect(() => limited.admin.setAllowedActions(DEFAULT_CREDENTIAL.secretId, ["CreateOrganizationMember"])).toThrow(
      /organization:<Action>/,
    );
    expect(() => limited.admin.setAllowedActions("AKIDnobody", ["*"])).toThrow(/unknown SecretId/);
  });
});
