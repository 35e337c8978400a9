/**
 * Writes the rule-violation fixtures of violations.test.ts: real `pulumi policy analyze --json`
 * output (CLI v3.274.1) on the exported state of the policy pack's violating program
 * (test/policypack/fixtures), once with its policy config and once with every rule advisory.
 *
 *   npm run build && npx tsx test/drift/capture-policy.ts
 *
 * Run it again only when the engine's event format or the rules' messages change; the fixtures
 * are committed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStack, REPO_ROOT } from "../../scripts/lib/engine";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator } from "../emulator";
import { analyzeState, POLICY_CONFIG, PROGRAM } from "../policypack/engine";

async function main(): Promise<void> {
  // The emulator and the engine directly: the e2e harness's helpers load vitest.
  const emulator = await startEmulator();
  const stateRoot = join(REPO_ROOT, ".pulumi-state", "capture-policy");
  mkdirSync(stateRoot, { recursive: true });
  try {
    // Deployed without the pack, as a stack that predates it would be.
    const stack = await openStack({
      program: PROGRAM,
      projectName: "policy-capture",
      stackName: "prod",
      stateDir: join(stateRoot, "prod"),
      target: { endpointUrl: emulator.url, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
      config: { compliant: "false" },
    });
    await stack.up();
    const statePath = join(stateRoot, "state.json");
    writeFileSync(statePath, JSON.stringify(await stack.exportStack()));
    const advisoryConfig = join(stateRoot, "advisory.json");
    writeFileSync(advisoryConfig, JSON.stringify({ all: "advisory", ...JSON.parse(readFileSync(POLICY_CONFIG, "utf8")) }));
    for (const [fixture, config] of [
      ["policy-analyze", POLICY_CONFIG],
      ["policy-analyze-advisory", advisoryConfig],
    ] as const) {
      const { status, stdout } = analyzeState(stack, statePath, config);
      writeFileSync(join(__dirname, "fixtures", `${fixture}.jsonl`), stdout);
      console.log(`wrote test/drift/fixtures/${fixture}.jsonl (pulumi exited ${status})`);
    }
  } finally {
    await emulator.close();
    rmSync(stateRoot, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
