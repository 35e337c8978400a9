/**
 * The provider test harness: an emulator, and a provider instance pointed at it the way the
 * engine's `configure` would point one. Each test file starts its own emulator; `fresh()` resets
 * it and builds a new provider instance (new limiter, reader and logs) for the next test.
 */
import { checkMember } from "../../../provider/member/check";
import { MemberLifecycle } from "../../../provider/member/lifecycle";
import { fromSettings } from "../../../provider/kit/lifecycle";
import { NodeLifecycle } from "../../../provider/node/lifecycle";
import { PolicyLifecycle } from "../../../provider/policy/lifecycle";
import { AttachmentLifecycle } from "../../../provider/attachment/lifecycle";
import { PolicyTypeLifecycle } from "../../../provider/policyType/lifecycle";
import type { MemberInputs } from "../../../provider/member/types";
import { resolveSettings, type ProviderSettings } from "../../../provider/api/call/settings";
import { type Clock, SYSTEM_CLOCK } from "../../../provider/api/call/clock";
import { RateLimiter } from "../../../provider/api/call/rateLimiter";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { orgClient, type OrgClient } from "../../emulator/fixtures";
import { callsSince } from "../../support/emulatorState";

/** One test file's emulator and the provider instance of the current test. */
export interface ProviderHarness {
  emulator: RunningEmulator;
  /** The settings of the current provider instance. */
  settings: ProviderSettings;
  /** The provider instance of the current test, as the engine's provider process holds one. */
  provider: MemberLifecycle;
  /** The department provider instance of the current test (same settings, logs and clock). */
  nodeProvider: NodeLifecycle;
  /** The governance provider instances of the current test (same settings, logs and clock). */
  policyProvider: PolicyLifecycle;
  attachmentProvider: AttachmentLifecycle;
  policyTypeProvider: PolicyTypeLifecycle;
  /** Lines the provider logged since the last `fresh()`. */
  logs: string[];
  /** Milliseconds the provider waited (backoff, review waits) since the last `fresh()`, on its fake clock. */
  waitedMs(): number;
  /** An SDK client acting as another administrator, for out-of-band changes. */
  outOfBand: OrgClient;
  /** New provider instances with the same settings, the emulator untouched: the next Pulumi operation. */
  restart(): void;
  /** Resets the emulator and builds a new provider instance; `config` adds tencentcloud:* settings. */
  fresh(options?: { config?: Record<string, string> }): void;
  /** Calls since the last `fresh()` or `resetCounts()`, per action. */
  counts(): Record<string, number>;
  resetCounts(): void;
  close(): Promise<void>;
}

/**
 * Settings pointing at `emulator` with its key pair, as a stack's `tencentcloud:*` config would,
 * and nothing from this machine's environment or profile; `config` adds keys.
 */
export function emulatorSettings(emulator: RunningEmulator, config: Record<string, string> = {}): ProviderSettings {
  const keys: Record<string, string> = {
    "tencentcloud:secretId": DEFAULT_SECRET_ID,
    "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
    "tencentcloud:endpointUrl": emulator.url,
    ...config,
  };
  return resolveSettings(
    (key) => keys[key],
    {},
    () => undefined,
  );
}

/**
 * Real time, but a sleep never ends: a read-back then waits for every announced change (no
 * gathering deadline passes), so counts of shared read-backs do not depend on the machine's speed.
 * Only for tests that inject no fault (a retry's backoff would wait forever).
 */
export const NEVER_WAKING: Clock = { now: () => performance.now(), sleep: () => new Promise<void>(() => {}) };

/** A clock whose sleeps return at once and only move its time: tests count calls, not seconds. */
export function fakeClock(): Clock & { waited: number } {
  const clock = {
    waited: 0,
    now: () => clock.waited,
    sleep: async (ms: number) => {
      clock.waited += ms;
    },
  };
  return clock;
}

/** Starts the emulator (20 calls/s per action, as Tencent) and the first provider instance. */
export async function startProviderHarness(emulatorOptions: EmulatorOptions = {}): Promise<ProviderHarness> {
  const emulator = await startEmulator({ rateLimitPerSecond: 20, ...emulatorOptions });
  const logs: string[] = [];
  let baseline: Record<string, number> = {};
  let clock = fakeClock();
  const build = (config: Record<string, string> = {}) =>
    emulatorSettings(emulator, { "tencentcloud:requestTimeoutSeconds": "2", ...config });
  // Backoff and review waits run on the fake clock, but the limiter paces real sends to an
  // emulator that counts real seconds (as Tencent does), so it keeps the system clock.
  const deps = () => ({
    logger: { info: (m: string) => logs.push(m) },
    clock,
    limiterFor: (perSecond: number) => new RateLimiter(perSecond, SYSTEM_CLOCK),
  });
  const nodeInstance = (settings: ProviderSettings) => new NodeLifecycle(fromSettings(settings, deps()));
  /** Every instance of one provider process (one operation): new ones for the next. */
  const instances = (settings: ProviderSettings) => ({
    provider: new MemberLifecycle(fromSettings(settings, deps())),
    nodeProvider: nodeInstance(settings),
    policyProvider: new PolicyLifecycle(fromSettings(settings, deps())),
    attachmentProvider: new AttachmentLifecycle(fromSettings(settings, deps())),
    policyTypeProvider: new PolicyTypeLifecycle(fromSettings(settings, deps())),
  });
  const settings = build();
  const harness: ProviderHarness = {
    emulator,
    settings,
    ...instances(settings),
    logs,
    waitedMs: () => clock.waited,
    outOfBand: orgClient(emulator),
    fresh(options = {}) {
      emulator.admin.reset();
      logs.length = 0;
      clock = fakeClock();
      harness.settings = build(options.config);
      Object.assign(harness, instances(harness.settings));
      baseline = {};
    },
    restart() {
      Object.assign(harness, instances(harness.settings));
    },
    counts: () => callsSince(emulator, baseline),
    resetCounts() {
      baseline = { ...emulator.admin.counters() };
    },
    close: () => emulator.close(),
  };
  return harness;
}

/** Checks a declaration the way the engine does before create/update; fails the test on failures. */
export function checked(declaration: Record<string, unknown>, olds: object = {}): MemberInputs {
  const { inputs, failures } = checkMember(olds, declaration);
  if (failures.length > 0) throw new Error(`check failed: ${JSON.stringify(failures)}`);
  return inputs;
}
