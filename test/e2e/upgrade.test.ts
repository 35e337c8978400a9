/**
 * An upgrade of @pulumi/pulumi (or of this package) is a no-op for an existing stack: a state the
 * locked SDK wrote with an earlier build of this package (test/e2e/fixtures/upgrade, see its
 * generate.ts), with the emulator organization it manages, is imported and run with the SDK of
 * this test run — the locked one on the first CI leg, the newest on the second, which is the case
 * this test is for. Every resource previews and updates unchanged, nothing is sent that changes
 * anything, and the serialized provider stored in the state stays byte for byte the same.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineStack, openStack, REPO_ROOT } from "../../scripts/lib/engine";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type RunningEmulator, startEmulator } from "../emulator";
import { callsSince } from "../support/emulatorState";
import { UPGRADE_STACK } from "./fixtures/upgrade/stack";
import { MUTATING_ACTIONS } from "./harness";

const FIXTURE = join(REPO_ROOT, "test/e2e/fixtures/upgrade");
const read = (name: string) => readFileSync(join(FIXTURE, name), "utf8");

interface StateResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
const resourcesOf = (state: { deployment: { resources?: StateResource[] } }) => state.deployment.resources ?? [];
const storedProviders = (state: { deployment: { resources?: StateResource[] } }) =>
  resourcesOf(state)
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
    .map((r) => ({ urn: r.urn, inputs: r.inputs?.__provider, outputs: r.outputs?.__provider }));

let emulator: RunningEmulator;
let stack: EngineStack;
const scratch = join(REPO_ROOT, ".pulumi-state", "e2e", `upgrade-${process.pid}-${Date.now()}`);
const meta = JSON.parse(read("meta.json")) as { pulumiSdk: string; package: string; commit: string };
let fixture: { deployment: { resources?: StateResource[] } };

beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  // The organization as it was when the state was written (the emulator writes to its copy).
  const dataFile = join(scratch, "emulator.json");
  copyFileSync(join(FIXTURE, "emulator.json"), dataFile);
  emulator = await startEmulator({ dataFile });
  // The fixture's endpoint was that run's emulator: the same organization is now at this one's URL.
  const written = read("state.json");
  const oldEndpoint = /"tencentcloud:endpointUrl": "([^"]+)"/.exec(written)?.[1] ?? "";
  fixture = JSON.parse(written.split(oldEndpoint).join(emulator.url));
  stack = await openStack({
    ...UPGRADE_STACK,
    config: { ...UPGRADE_STACK.config },
    stateDir: join(scratch, "state"),
    target: { endpointUrl: emulator.url, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
  });
  await stack.stack.importStack(fixture as Parameters<typeof stack.stack.importStack>[0]);
}, 300_000);
afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.sequential(`a stack written by @pulumi/pulumi ${meta.pulumiSdk} and this package at ${meta.commit.slice(0, 7)}`, () => {
  const sdk = require("@pulumi/pulumi/package.json").version as string;

  it(`previews with @pulumi/pulumi ${sdk} with every resource unchanged and no call that changes anything`, async () => {
    const before = emulator.admin.counters();
    const preview = await stack.preview({ refresh: true, expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: resourcesOf(fixture).length - 1 }); // the default provider is not a step
    const calls = callsSince(emulator, before);
    for (const action of MUTATING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
  });

  it("updates with every resource unchanged, and the stored serialized provider is byte for byte the one the fixture holds", async () => {
    const before = emulator.admin.counters();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: resourcesOf(fixture).length - 1 });
    const calls = callsSince(emulator, before);
    for (const action of MUTATING_ACTIONS) expect(calls[action] ?? 0, action).toBe(0);
    const after = await stack.exportStack();
    const stored = storedProviders(after as unknown as typeof fixture);
    expect(stored).toHaveLength(2);
    expect(stored).toEqual(storedProviders(fixture));
  });
});
