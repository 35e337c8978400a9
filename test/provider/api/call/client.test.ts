/**
 * The send stamp: TencentApi hands the moment `whenWritten` reports (transport.test.ts) to the limiter.
 * Order and counts only; nothing here depends on timing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallLimiter, CallPermit } from "../../../../provider/api/call/rateLimiter";
import { TencentApi } from "../../../../provider/api/call/client";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import { emulatorSettings } from "../../support/harness";

describe("TencentApi reports each request's write to the limiter", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ rateLimitPerSecond: 0 });
  });
  afterAll(() => emulator.close());

  it("every call is written once, before it ends", async () => {
    const log: string[] = [];
    let next = 0;
    const limiter: CallLimiter = {
      acquire: async () => {
        const id = next++;
        const permit: CallPermit = () => void log.push(`ended ${id}`);
        permit.written = () => void log.push(`written ${id}`);
        return permit;
      },
    };
    const settings = emulatorSettings(emulator);
    const api = new TencentApi(settings, { limiter, logger: { info: () => {} } });
    await Promise.all(Array.from({ length: 5 }, () => api.call("DescribeOrganizationNodes", { Limit: 10, Offset: 0 })));
    for (let id = 0; id < 5; id++) {
      expect(log.filter((e) => e === `written ${id}`)).toHaveLength(1);
      expect(log.indexOf(`written ${id}`)).toBeLessThan(log.indexOf(`ended ${id}`));
    }
  });
});
