import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../provider/api/call/failure";
import { redactor } from "../../provider/api/call/redact";
import { codesWith, reactionTo, TENCENT_CODES } from "../../provider/api/call/codes";
import { COMMON_CODES, isDocumentedFor } from "../emulator/codes";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, treatmentOf, withRetry, type RetryDecisions } from "../../provider/api/call/retry";
import { fakeClock } from "./harness";
import { parseProfileFile, resolveSettings } from "../../provider/api/call/settings";

describe("failures are classified from what the SDK throws", () => {
  const cases: [string, unknown, { kind: string; code: string }][] = [
    [
      "an API error keeps Tencent's code",
      Object.assign(new Error("slow down"), { code: "RequestLimitExceeded", requestId: "r1" }),
      { kind: "api", code: "RequestLimitExceeded" },
    ],
    [
      "a 502 is an unknown outcome",
      Object.assign(new Error("Bad Gateway"), { httpCode: 502 }),
      { kind: "noAnswer", code: "HttpStatus502" },
    ],
    ["a timeout is an unknown outcome", new Error("network timeout at: http://x/"), { kind: "noAnswer", code: "Timeout" }],
    [
      "a reset socket is an unknown outcome",
      new Error("request to http://x/ failed, reason: socket hang up"),
      { kind: "noAnswer", code: "ConnectionReset" },
    ],
    [
      "a non-JSON body is an unknown outcome",
      Object.assign(new Error("invalid json response body"), { type: "invalid-json" }),
      { kind: "noAnswer", code: "InvalidResponse" },
    ],
    [
      "a body without Response is an unknown outcome",
      new TypeError("Cannot read properties of undefined (reading 'Error')"),
      { kind: "noAnswer", code: "InvalidResponse" },
    ],
    [
      "a Node errno code is not mistaken for Tencent's",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      { kind: "noAnswer", code: "ConnectionReset" },
    ],
  ];
  it.each(cases)("%s", (_t, error, expected) => {
    expect(classifyFailure(error)).toMatchObject(expected);
  });
});

describe("retry decisions", () => {
  it.each([
    ["RequestLimitExceeded", "throttled"],
    ["RequestLimitExceeded.UinLimitExceeded", "throttled"],
    ["InternalError", "ambiguous"],
    ["FailedOperation.OrganizationMemberNameUsed", "final"],
    ["AuthFailure.SignatureFailure", "final"],
  ])("%s is %s", (code, treatment) => {
    expect(treatmentOf({ kind: "api", code, message: "" })).toBe(treatment);
  });

  it("backs off exponentially with full jitter, capped", () => {
    const top = () => 0.999999;
    expect(backoffDelayMs(1, DEFAULT_RETRY_POLICY, top)).toBe(249);
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, top)).toBe(999);
    expect(backoffDelayMs(20, DEFAULT_RETRY_POLICY, top)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs - 1);
    expect(backoffDelayMs(5, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });
});

describe("one retry loop with injected decisions", () => {
  // An operation that fails `failures` times, then succeeds; it counts its attempts.
  const failing = (failures: number) => {
    const attempt = { count: 0 };
    const run = async (n: number) => {
      attempt.count = n;
      if (n <= failures) throw new Error(`failure ${n}`);
      return "done";
    };
    return { attempt, run };
  };
  const decisions = (overrides: Partial<RetryDecisions> = {}): RetryDecisions => ({
    retryable: () => true,
    exhausted: (attempt) => attempt >= 4,
    delayMs: (attempt) => 100 * attempt,
    ...overrides,
  });

  it("retries until the operation succeeds, waiting on the injected clock only", async () => {
    const clock = fakeClock();
    const { attempt, run } = failing(2);
    await expect(withRetry(run, decisions(), clock)).resolves.toBe("done");
    expect(attempt.count).toBe(3);
    expect(clock.waited).toBe(100 + 200);
  });

  it("stops when the decisions say so, and the final error records the attempts", async () => {
    const { attempt, run } = failing(10);
    const giveUp = (error: unknown, attempts: number) => new Error(`${(error as Error).message} after ${attempts} attempts`);
    await expect(withRetry(run, decisions({ giveUp }), fakeClock())).rejects.toThrow("failure 4 after 4 attempts");
    expect(attempt.count).toBe(4);
  });

  it("never retries what is not retryable", async () => {
    const clock = fakeClock();
    const { attempt, run } = failing(10);
    await expect(withRetry(run, decisions({ retryable: () => false }), clock)).rejects.toThrow("failure 1");
    expect(attempt.count).toBe(1);
    expect(clock.waited).toBe(0);
  });

  it("can stop on elapsed time instead of attempts, as the deletion review wait does", async () => {
    const { attempt, run } = failing(100);
    const byTime = decisions({ exhausted: (_attempt, elapsedMs) => elapsedMs >= 1000, delayMs: () => 300 });
    await expect(withRetry(run, byTime, fakeClock())).rejects.toThrow();
    expect(attempt.count).toBe(5); // waits at 0, 300, 600, 900 ms; the 5th failure comes at 1200 ms
  });
});

describe("the table of Tencent codes", () => {
  it("names each code once, with a reaction, the actions Tencent documents it for, and a source", () => {
    for (const [code, row] of Object.entries(TENCENT_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Za-z]+(\.[A-Za-z0-9]+)?$/);
      expect(row.actions.length, code).toBeGreaterThan(0);
      expect(row.source, code).not.toBe("");
    }
  });

  // The Go SDK's per-action lists, as the emulator holds them (test/emulator/codes.ts): the
  // provider may only wait for a code from an action that can answer it.
  it("lists for each code only actions whose documented list holds it, and common codes for every action", () => {
    for (const [code, row] of Object.entries(TENCENT_CODES) as [string, { actions: readonly string[] }][]) {
      for (const action of row.actions) {
        if (action === "*") expect([...COMMON_CODES], code).toContain(code);
        else expect(isDocumentedFor(action, code), `${code} for ${action}`).toBe(true);
      }
    }
  });

  it("reacts to a code only when the action that answered documents it", () => {
    expect(reactionTo("FailedOperation.TagResourcesError", "CreateOrganizationMember")).toBe("createdWithoutTags");
    expect(reactionTo("UnsupportedOperation.DeleteAccountDisabled", "DeleteAccount")).toBe("deletionRefused");
    expect(reactionTo("UnsupportedOperation.DeleteAccountDisabled", "DeleteOrganizationMembers")).toBe("surface");
    expect(reactionTo("ResourceNotFound.OrganizationIdentityNotExist", "DeleteOrganizationMemberAuthIdentity")).toBe("identityNotGranted");
    expect(reactionTo("ResourceNotFound.OrganizationIdentityNotExist", "CreateOrganizationMemberAuthIdentity")).toBe("surface");
    expect(reactionTo("RequestLimitExceeded", "ModifyResourceTags")).toBe("throttled");
  });

  it("knows identity codes by the names Tencent documents", () => {
    expect([...codesWith("identityNotGranted")].sort()).toEqual([
      "ResourceNotFound.MemberIdentityNotExist",
      "ResourceNotFound.OrganizationIdentityNotExist",
    ]);
  });
});

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

describe("credentials never leave in text", () => {
  it("replaces every occurrence of the secret id, key and token", () => {
    const redact = redactor(["AKIDsecretid", "supersecretkey", undefined]);
    expect(redact("id AKIDsecretid key supersecretkey again supersecretkey")).toBe("id *** key *** again ***");
  });
});
