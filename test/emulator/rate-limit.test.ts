import { describe, expect, it } from "vitest";
import { ActionThrottle } from "./action-throttle";
import { codeOf, DEFAULT_CREDENTIAL, orgClient, withEmulator } from "./fixtures";

const OTHER_CREDENTIAL = { secretId: "AKIDsecond00000000000000000000000000", secretKey: "second-key" };

/** Fires `count` calls at once and returns the error codes (undefined for success). */
const burst = (call: () => Promise<unknown>, count: number) =>
  Promise.all(
    Array.from({ length: count }, () =>
      call().then(
        () => undefined,
        (error: { code?: string }) => error.code,
      ),
    ),
  );

describe("the 20 requests per second limit", () => {
  it("lets exactly 20 calls of one action through in a second", async () => {
    await withEmulator({}, async (emulator) => {
      const client = orgClient(emulator);
      const codes = await burst(() => client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }), 20);
      expect(codes.filter((c) => c !== undefined)).toEqual([]);
    });
  });

  it("answers the 21st call within the second with RequestLimitExceeded", async () => {
    await withEmulator({}, async (emulator) => {
      const client = orgClient(emulator);
      const codes = await burst(() => client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }), 21);
      expect(codes.filter((c) => c === "RequestLimitExceeded")).toHaveLength(1);
      expect(codes.filter((c) => c === undefined)).toHaveLength(20);
    });
  });

  it("counts each action separately", async () => {
    await withEmulator({}, async (emulator) => {
      const client = orgClient(emulator);
      await burst(() => client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }), 20);
      await expect(client.ListOrganizationIdentity({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total");
      expect(await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("RequestLimitExceeded");
    });
  });

  it("counts each SecretId separately", async () => {
    await withEmulator({ credentials: [DEFAULT_CREDENTIAL, OTHER_CREDENTIAL] }, async (emulator) => {
      await burst(() => orgClient(emulator).DescribeOrganizationNodes({ Offset: 0, Limit: 1 }), 20);
      const other = orgClient(emulator, { credential: OTHER_CREDENTIAL });
      await expect(other.DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total");
    });
  });

  it("lets calls through again once the window has slid past", async () => {
    await withEmulator({ rateLimitPerSecond: 3 }, async (emulator) => {
      const client = orgClient(emulator);
      await burst(() => client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }), 3);
      expect(await codeOf(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBe("RequestLimitExceeded");
      await new Promise((resolve) => setTimeout(resolve, 1050));
      await expect(client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 })).resolves.toHaveProperty("Total");
    });
  });

  it("does not limit at all with rateLimitPerSecond 0", async () => {
    await withEmulator({ rateLimitPerSecond: 0 }, async (emulator) => {
      const client = orgClient(emulator);
      const codes = await burst(() => client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }), 40);
      expect(codes.filter((c) => c !== undefined)).toEqual([]);
    });
  });
});

describe("an action's own documented limit: DescribeOrganization's 40 per second", () => {
  it("lets 40 calls through in a second and answers the 41st with RequestLimitExceeded", async () => {
    await withEmulator({}, async (emulator) => {
      const client = orgClient(emulator);
      const codes = await burst(() => client.DescribeOrganization({}), 41);
      expect(codes.filter((c) => c === undefined)).toHaveLength(40);
      expect(codes.filter((c) => c === "RequestLimitExceeded")).toHaveLength(1);
    });
  });

  it("keeps 40 whatever rateLimitPerSecond says, and is not limited with rateLimitPerSecond 0", async () => {
    await withEmulator({ rateLimitPerSecond: 3 }, async (emulator) => {
      const codes = await burst(() => orgClient(emulator).DescribeOrganization({}), 41);
      expect(codes.filter((c) => c === "RequestLimitExceeded")).toHaveLength(1);
    });
    await withEmulator({ rateLimitPerSecond: 0 }, async (emulator) => {
      const codes = await burst(() => orgClient(emulator).DescribeOrganization({}), 60);
      expect(codes.filter((c) => c !== undefined)).toEqual([]);
    });
  });

  it.each([
    { rateLimitPerSecond: 20, action: "DescribeOrganization", limit: 40 },
    { rateLimitPerSecond: 20, action: "DescribeOrganizationNodes", limit: 20 },
    { rateLimitPerSecond: 3, action: "DescribeOrganization", limit: 40 },
    { rateLimitPerSecond: 3, action: "DescribeOrganizationNodes", limit: 3 },
    { rateLimitPerSecond: 0, action: "DescribeOrganization", limit: 0 },
  ])("with rateLimitPerSecond $rateLimitPerSecond limits $action to $limit", ({ rateLimitPerSecond, action, limit }) => {
    expect(new ActionThrottle(rateLimitPerSecond).limitFor(action)).toBe(limit);
  });
});
