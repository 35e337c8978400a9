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
