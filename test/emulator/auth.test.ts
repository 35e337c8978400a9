import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, DEFAULT_CREDENTIAL, failureOf, orgClient, rawRequest } from "./fixtures";
import { DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "./index";

const TOKEN_CREDENTIAL = { secretId: "AKIDtemporary0000000000000000000000", secretKey: "temporary-key", token: "session-token-1" };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimitPerSecond: 0, credentials: [DEFAULT_CREDENTIAL, TOKEN_CREDENTIAL] });
});
afterAll(() => emulator.close());

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

  it("accepts a hand-signed request, whatever service the scope names", async () => {
    const raw = await rawRequest(emulator, { ...listNodes, service: "cvm" });
    expect(raw.response?.Error).toBeUndefined();
    expect(raw.response?.Total).toBe(4);
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
  const startWithClockOffset = (seconds: number) => startEmulator({ clock: () => Date.now() + seconds * 1000 });

  it("refuses a timestamp more than 300 s from the emulator's clock with AuthFailure.SignatureExpire", async () => {
    const ahead = await startWithClockOffset(301);
    try {
      const failure = await failureOf(orgClient(ahead).DescribeOrganizationNodes({ Offset: 0, Limit: 1 }));
      expect(failure.code).toBe("AuthFailure.SignatureExpire");
    } finally {
      await ahead.close();
    }
  });

  it("accepts a timestamp 290 s from the emulator's clock", async () => {
    const behind = await startWithClockOffset(-290);
    try {
      await expect(orgClient(behind).DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total", 4);
    } finally {
      await behind.close();
    }
  });
});
