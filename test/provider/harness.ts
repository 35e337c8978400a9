/**
 * Starts an emulator and points the provider's implementation at it, as the engine would after
 * `configure`. Each test file gets its own emulator; `fresh()` resets state between tests.
 */
import { Client as OrganizationClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_client";
import * as lifecycle from "../../provider/lifecycle";
import { resolveSettings, type ProviderSettings } from "../../provider/api/settings";
import { checkMember } from "../../provider/check";
import type { MemberInputs } from "../../provider/types";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator";

// The SDK honours a lowercase http_proxy; tests talk to loopback only.
delete process.env.http_proxy;
delete process.env.HTTP_PROXY;

export interface Harness {
  emulator: RunningEmulator;
  settings: ProviderSettings;
  /** Lines the provider logged since the last `fresh()`. */
  logs: string[];
  /** An SDK client acting as another administrator, for out-of-band changes. */
  outOfBand: OrganizationClient;
  /** Resets the emulator and the provider's process state. */
  fresh(options?: { config?: Record<string, string> }): void;
  /** Calls since the last `fresh()` or `resetCounts()`, per action. */
  counts(): Record<string, number>;
  resetCounts(): void;
  close(): Promise<void>;
}

/** Starts the emulator. `config` adds provider settings (tencentcloud:* keys). */
export async function startHarness(emulatorOptions: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ rateLimitPerSecond: 20, ...emulatorOptions });
  const logs: string[] = [];
  let baseline: Record<string, number> = {};
  const harness: Harness = {
    emulator,
    settings: undefined as unknown as ProviderSettings,
    logs,
    outOfBand: new OrganizationClient({
      credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
      region: "",
      profile: { httpProfile: { endpoint: emulator.url.replace("http://", ""), protocol: "http://", reqTimeout: 5 } },
    }),
    fresh(options = {}) {
      emulator.admin.reset();
      logs.length = 0;
      harness.settings = resolveSettings(
        (key) =>
          ({
            "tencentcloud:secretId": DEFAULT_SECRET_ID,
            "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
            "tencentcloud:endpointUrl": emulator.url,
            "tencentcloud:requestTimeoutSeconds": "2",
            ...options.config,
          })[key],
        {},
        () => undefined,
      );
      // Backoff waits are skipped: the tests count calls, not seconds.
      lifecycle.useSettings(harness.settings, { logger: { info: (m) => logs.push(m) }, sleep: async () => {} });
      baseline = {};
    },
    counts() {
      const now = emulator.admin.counters();
      return Object.fromEntries(
        Object.entries(now)
          .map(([action, n]) => [action, n - (baseline[action] ?? 0)] as const)
          .filter(([, n]) => n > 0),
      );
    },
    resetCounts() {
      baseline = { ...emulator.admin.counters() };
    },
    close: () => emulator.close(),
  };
  return harness;
}

/** Checks a declaration the way the engine does before create/update; fails the test on failures. */
export function checked(declaration: Record<string, unknown>, olds: Record<string, unknown> = {}): MemberInputs {
  const { inputs, failures } = checkMember(olds, declaration);
  if (failures.length > 0) throw new Error(`check failed: ${JSON.stringify(failures)}`);
  return inputs as unknown as MemberInputs;
}
