/**
 * Adoption at scale: an organization of 1,000 members in 100 departments (test/adopt/support/
 * organization.ts, as the end-to-end tests seed 50 in 10), the guide's commands run as a user runs
 * them (docs/guides/adoption.md: `tencentcloud-organization adopt`, `pulumi up`, `pulumi preview
 * --refresh`; then `pulumi import` of the same files into a second stack), and beside them `pulumi up`
 * of the same number of do-nothing dynamic resources (bench/programs/noop.ts: the engine's own cost). The emulator runs in its own
 * process with Tencent's 20 calls/s per action. Prints, per step: seconds, calls per action,
 * throttled answers, the provider process's peak RSS; and the `up` against its floor — the calls it
 * must make at 20/s per action, plus the engine's cost for as many resources.
 *
 *   npm run build && npx tsx bench/adopt.ts [--members 1000] [--departments 100]
 *
 * Needs the Pulumi CLI (scripts/build-pulumi-cli.sh; PULUMI_CLI_DIR reuses a build).
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../scripts/lib/engine";
import { clearProxyVariables } from "../scripts/lib/proxy";
import { parseSeed } from "../test/emulator/seed-file";
import type { RunningEmulator } from "../test/emulator";
import { administer, seedDocument } from "../test/adopt/support/organization";
import { guideBlock, linkPackage, startWalkthrough } from "../test/adopt/support/walkthrough";
import { measure, type OperationResult, startEmulatorProcess } from "./lib/engineBench";

/** Tencent's documented limit per action, which the emulator plays. */
const CALLS_PER_SECOND = 20;
/** The folder engineBench's `measure` reads peak RSS files from (bench/lib/peakRss.cjs writes them). */
const RSS_DIR = join(REPO_ROOT, ".pulumi-state", "bench", "rss");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { members: { type: "string", default: "1000" }, departments: { type: "string", default: "100" } },
  });
  const members = Number(values.members);
  const departments = Number(values.departments);
  clearProxyVariables();
  const runDir = join(REPO_ROOT, ".pulumi-state", "bench", `adopt-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });

  // The organization, as the emulator's data file; then what only the API sets.
  const dataFile = join(runDir, "emulator.json");
  writeFileSync(dataFile, JSON.stringify(parseSeed(JSON.stringify(seedDocument(departments, members)), "seed.json")));
  const emulator = await startEmulatorProcess({ dataFile, rateLimitPerSecond: CALLS_PER_SECOND });
  const rows: [string, OperationResult][] = [];
  try {
    await administer({ url: emulator.url, port: Number(new URL(emulator.url).port) } as RunningEmulator, departments);
    const declared = departments + members - 1; // one member another stack created is left out

    // `adopt`, `pulumi up`, `pulumi preview --refresh`, as the guide has them.
    const adopted = await walkthrough(runDir, "adopted", emulator.url);
    const [adopt, init, up, preview] = guideBlock("adopt");
    rows.push([`adopt (${departments} departments, ${members} members read)`, await measure(emulator, () => adopted.checked(adopt))]);
    await adopted.checked(init);
    rows.push([`pulumi up (${declared} adopted)`, await measure(emulator, () => adopted.checked(up))]);
    rows.push(["pulumi preview --refresh --expect-no-changes", await measure(emulator, () => adopted.checked(preview))]);
    adopted.close();

    // The same organization through `pulumi import`.
    const imported = await walkthrough(runDir, "imported", emulator.url);
    const [adoptAgain, initAgain, importLine, previewImported] = guideBlock("import");
    await imported.checked(adoptAgain);
    await imported.checked(initAgain);
    rows.push([`pulumi import (${declared})`, await measure(emulator, () => imported.checked(importLine))]);
    rows.push(["pulumi preview (after import)", await measure(emulator, () => imported.checked(previewImported))]);
    imported.close();

    // The engine's own cost for as many resources, by the same command (`pulumi up --yes` previews
    // first; the Automation API's up would not).
    const noop = await walkthrough(runDir, "noop", emulator.url);
    writeFileSync(join(noop.folder, "Pulumi.yaml"), "name: noop\nruntime: nodejs\n");
    copyFileSync(join(__dirname, "programs", "noop.ts"), join(noop.folder, "index.ts"));
    await noop.checked("pulumi stack init dev");
    await noop.checked(`pulumi config set count ${declared}`);
    rows.push([`pulumi up of ${declared} do-nothing resources`, await measure(undefined, () => noop.checked(up))]);
    noop.close();

    print(rows, declared);
  } finally {
    await emulator.close();
    if (!process.env.KEEP_BENCH) rmSync(runDir, { recursive: true, force: true });
  }
}

/** A project folder running the guide's commands, each required to succeed. */
async function walkthrough(runDir: string, name: string, emulatorUrl: string) {
  const folder = join(runDir, name);
  mkdirSync(folder, { recursive: true });
  linkPackage(folder);
  const walk = await startWalkthrough(folder, join(runDir, `${name}-pulumi`), emulatorUrl);
  Object.assign(walk.env, { NODE_OPTIONS: `--require ${join(__dirname, "lib", "peakRss.cjs")}`, BENCH_RSS_DIR: RSS_DIR });
  return {
    folder,
    async checked(command: string): Promise<void> {
      const [result] = await walk.run([command]);
      if (result.status !== 0) throw new Error(`${command} failed (${result.status}):\n${result.stdout}${result.stderr}`);
    },
    close: walk.close,
  };
}

function print(rows: [string, OperationResult][], declared: number): void {
  const calls = (r: OperationResult) =>
    Object.entries(r.calls)
      .map(([action, n]) => `${action} ${n}`)
      .join(", ") || "none";
  console.log("| step | seconds | calls | throttled | provider peak RSS |");
  console.log("|---|---|---|---|---|");
  for (const [step, r] of rows) {
    console.log(
      `| ${step} | ${r.seconds.toFixed(1)} | ${calls(r)} | ${r.throttled} | ${r.peakRssMiB ? `${r.peakRssMiB.toFixed(0)} MiB` : "-"} |`,
    );
  }
  const up = rows.find(([step]) => step.startsWith("pulumi up ("))?.[1];
  const engine = rows.find(([step]) => step.includes("do-nothing"))?.[1];
  if (up && engine) {
    // Each action has its own 20/s: the calls of the busiest action set the floor.
    const rateFloor = Math.max(...Object.values(up.calls).map((n) => n / CALLS_PER_SECOND));
    const floor = rateFloor + engine.seconds;
    console.log(
      `\nfirst up of ${declared}: ${up.seconds.toFixed(1)} s = ${(up.seconds / floor).toFixed(2)}× the floor ${floor.toFixed(1)} s ` +
        `(${rateFloor.toFixed(1)} s of calls at ${CALLS_PER_SECOND}/s for the busiest action + ${engine.seconds.toFixed(1)} s of engine for as many do-nothing resources)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
