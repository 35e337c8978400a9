/**
 * `npm run bench [-- --quick] [-- --only=<sections>]`: the provider's performance, in one command,
 * BEFORE and AFTER in the same run: before = the provider at a git revision (default 12a3f59,
 * BENCH_BEFORE_REV to change it), compiled once into `.pulumi-state/bench/` (bench/lib/builds.ts);
 * after = the working tree's provider/dist (`npm run bench` builds it first).
 *
 * Through the REAL ENGINE (Pulumi CLI built from source, Automation API inline programs, the
 * provider in the engine's own process): `pulumi up`, no-op `up` and `refresh` of N members against
 * an emulator (own process, Tencent's 20 calls/s per action on) at 50 ms (before and after) and
 * 1.5 s per call (after), beside the same N do-nothing dynamic resources (the engine's own cost),
 * the floor N/20 s and the incumbent Terraform resource's read; the state before/after the shim
 * change; two stacks at once; a CPU profile of the provider process against the baseline's.
 *
 * PROVIDER ONLY (methods called directly, no engine): creates before/after, read coalescing,
 * load cost.
 *
 * Sections (`--only=a,b`): engine, state, two, profile (also `--profile`), phases, create, read, load.
 * BENCH_N=<n> makes every N of the run n, BENCH_LATENCIES=<ms,…> the latencies: for checking
 * the machinery in a minute; only a whole run (no --only, BENCH_N or BENCH_LATENCIES) writes the
 * report and the chart.
 *
 * Writes the generated part of bench/REPORT.md (below its marker) and bench/chart.svg.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { clearProxyVariables } from "../scripts/lib/proxy";
import { REPO_ROOT, resolveCli, type EngineStack } from "../scripts/lib/engine";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator } from "../test/emulator";
import { afterBuild, BENCH_STATE_DIR, beforeBuild, memberProvider, runDirOf, type ProviderBuild } from "./lib/builds";
import { profileTables, summarizeProfiles, waitForProfiles } from "./lib/cpuProfile";
import { upPhases, type Phases } from "./lib/phases";
import { benchStack, exportedState, measure, startEmulatorProcess, type EmulatorProcess, type OperationResult } from "./lib/engineBench";
import { incumbentRefresh } from "./lib/incumbent";
import { lineChart, type Panel, type Series } from "./lib/svg";

clearProxyVariables();

const quick = process.argv.includes("--quick");
const only = process.argv.includes("--profile") ? "profile" : process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
/** BENCH_N: every N of the run (engine cells, creates, state, two stacks, profile), to check the machinery quickly. */
const N_OVERRIDE = process.env.BENCH_N ? Number(process.env.BENCH_N) : undefined;
const sized = (n: number) => N_OVERRIDE ?? n;
const LATENCIES = process.env.BENCH_LATENCIES ? process.env.BENCH_LATENCIES.split(",").map(Number) : [50, 1500];
/** N per latency. At 1.5 s the engine's own cost is the same as at 50 ms, so fewer sizes show the shape. */
const SIZES: Record<number, number[]> = N_OVERRIDE
  ? Object.fromEntries(LATENCIES.map((l) => [l, [N_OVERRIDE]]))
  : quick
    ? { 50: [50, 100], 1500: [50, 100] }
    : { 50: [100, 200, 400], 1500: [50, 200] };
/** Latencies whose engine cells also run BEFORE (the issue asks for 50 ms; 1.5 s cells are after only). */
const BEFORE_AFTER_LATENCIES = [50];
/** N of the state before/after (the "now" row is the engine grid's cell at 50 ms). */
const STATE_N = sized(quick ? 100 : 400);
/** N of the provider-only creates. */
const CREATE_N = sized(quick ? 100 : 200);
/** N of the profiled `up` (and of its baseline). */
const PROFILE_N = sized(200);
/** Members already in the organization besides the stack's own (M = SEED + N). */
const SEED = quick ? 500 : 1000;
/** Engine parallelism at 1.5 s per call: a create is two calls (3 s), so 20/s needs ~60 in flight. */
const PARALLEL_AT_HIGH_LATENCY = 100;
/** Targets the issue sets (quoted in the tables' headings). */
const ENGINE_TARGET = 1.25;
const CREATE_TARGET = { ratio: 1.15, throttledPercent: 2 };
/** Only a whole run writes bench/REPORT.md and bench/chart.svg; a partial one prints, and keeps its chart in .pulumi-state/bench/. */
const writesReport = !only && !N_OVERRIDE && !process.env.BENCH_LATENCIES;
const AFTER = afterBuild();
let builtBefore: ProviderBuild | undefined;
/** The BEFORE build, compiled (or taken from the cache) on first use. */
const BEFORE = () => {
  builtBefore ??= beforeBuild();
  return builtBefore;
};
const RUN_DIR = runDirOf(AFTER);
const floor = (n: number) => n / 20;
const fmt = (s: number) => `${s.toFixed(1)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
const callsText = (calls: Record<string, number>) =>
  Object.entries(calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, count]) => `${action.replace("OrganizationMember", "OM")} ${count}`)
    .join(", ") || "none";

// ------------------------------------------------------------------ provider only

async function readCoalescing(): Promise<string[]> {
  const rows = [
    "| M members | N refreshed | calls (this provider) | bound 2·min(N,⌈M/50⌉)+2 | calls (incumbent, N·⌈M/50⌉) | time (this provider) |",
    "|---|---|---|---|---|---|",
  ];
  for (const m of quick ? [100, 1000] : [100, 1000, 2500]) {
    const emulator = await startEmulator({ seedMembers: m, memberLimit: 10_000 });
    const all = emulator.admin.members().map((x) => x.memberUin);
    const pages = Math.ceil(m / 50);
    for (const n of [1, 5, 20, 100]) {
      // A new operation is a new provider process; the previous run's calls leave the window.
      await new Promise((r) => setTimeout(r, 1100));
      const { lifecycle } = memberProvider(AFTER, emulator.url, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY);
      const callsBefore = emulator.admin.counters().DescribeOrganizationMembers ?? 0;
      const started = performance.now();
      await Promise.all(all.slice(0, n).map((uin) => lifecycle.read(String(uin))));
      const seconds = (performance.now() - started) / 1000;
      const calls = (emulator.admin.counters().DescribeOrganizationMembers ?? 0) - callsBefore;
      rows.push(`| ${m} | ${n} | ${calls} | ${2 * Math.min(n, pages) + 2} | ${n * pages} | ${seconds.toFixed(2)} s |`);
    }
    await emulator.close();
  }
  return rows;
}

interface CreateRun {
  build: string;
  latencyMs: number;
  n: number;
  seconds: number;
  createPhaseSeconds: number;
  creates: number;
  describes: number;
  calls: number;
  throttled: number;
  members: number;
}

/**
 * N members created at once by `lifecycle.create` (create + read back), BEFORE then AFTER at each
 * latency, back to back so both see the same machine. The emulator runs in this process, as in
 * every earlier provider-only run (comparable numbers; it shares the event loop with the provider,
 * which makes arrivals later than Tencent's would be).
 */
async function createThroughput(): Promise<string[]> {
  const n = CREATE_N;
  const runs: CreateRun[] = [];
  for (const latencyMs of LATENCIES) {
    for (const build of [BEFORE(), AFTER]) {
      const emulator = await startEmulator({ latencyMs, memberLimit: 10_000 });
      const provider = memberProvider(build, emulator.url, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY);
      const startedIso = new Date().toISOString();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          provider.lifecycle.create(
            provider.check({ name: `bench-${i}`, permissionIds: [1, 2], nodeId: 100001, ownerMarker: `bench/run/m${i}` }).inputs,
          ),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const entries = emulator.admin.requestLog().filter((e) => e.time >= startedIso);
      const createsAnswered = entries.filter((e) => e.action === "CreateOrganizationMember").map((e) => Date.parse(e.time)); // the log's time is the answer's
      const run: CreateRun = {
        build: build.label,
        latencyMs,
        n,
        seconds,
        createPhaseSeconds: (Math.max(...createsAnswered) - Date.parse(startedIso)) / 1000,
        creates: createsAnswered.length,
        describes: entries.filter((e) => e.action === "DescribeOrganizationMembers").length,
        calls: entries.length,
        throttled: entries.filter((e) => e.errorCode?.startsWith("RequestLimitExceeded")).length,
        members: emulator.admin.members().length,
      };
      runs.push(run);
      log(
        `creates ${latencyMs} ms, ${build.label}: ${fmt(run.seconds)}, create phase ${fmt(run.createPhaseSeconds)}, ${run.throttled} of ${run.calls} throttled`,
      );
      await emulator.close();
      // The next run starts with an empty window.
      await new Promise((r) => setTimeout(r, 1100));
    }
  }
  const met = (r: CreateRun) =>
    r.createPhaseSeconds / floor(r.n) <= CREATE_TARGET.ratio &&
    (100 * r.throttled) / Math.max(1, r.calls) <= CREATE_TARGET.throttledPercent;
  return [
    `Target: creation phase (last CreateOrganizationMember answered) within ${CREATE_TARGET.ratio}× of N/20 with ≤ ${CREATE_TARGET.throttledPercent} % of calls throttled, at 50 ms and at 1.5 s per call. Each build uses its own MemberLifecycle, RateLimiter (a new one per run) and transport; before and after of one latency ran back to back.`,
    "",
    "| latency per call | provider | N | wall time (create + read back) | ratio to N/20 | creation phase (last CreateOrganizationMember answered) | ratio to N/20 | calls (CreateOM + DescribeOM) | throttled answers (% of calls) | members | target |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...runs.map((r) => {
      const other = r.calls - r.creates - r.describes;
      return `| ${r.latencyMs} ms | ${r.build} | ${r.n} | ${fmt(r.seconds)} | ${ratio(r.seconds, floor(r.n))} | ${fmt(r.createPhaseSeconds)} | ${ratio(r.createPhaseSeconds, floor(r.n))} | ${r.calls} (${r.creates} + ${r.describes}${other ? ` + ${other} other` : ""}) | ${r.throttled} (${percent(r.throttled, r.calls)}) | ${r.members} | ${met(r) ? "met" : "**not met**"} |`;
    }),
    "",
    `Floors for N = ${n} at latency L (Create and Describe have separate 20/s budgets, so read-backs overlap later creates, but the last member's read-back can only start once its create is answered): ` +
      `last create answered ≥ (⌈N/20⌉ − 1) · W + L, wall ≥ (⌈N/20⌉ − 1) · W + 2L, W = 1 s at Tencent's limit, 1.05 s with the limiter's margin; ` +
      LATENCIES.map((l) => `at ${l} ms: ${latencyFloorText(n, l)}`).join("; ") +
      ".",
  ];
}

function latencyFloorText(n: number, latencyMs: number): string {
  const windows = Math.ceil(n / 20) - 1;
  const l = latencyMs / 1000;
  const at = (w: number) => `creation ${ratio(windows * w + l, floor(n))}, wall ${ratio(windows * w + 2 * l, floor(n))}`;
  return `${at(1)} (W = 1 s), ${at(1.05)} (W = 1.05 s)`;
}

function loadCost(): string[] {
  const probe = (modulePath: string) => {
    const script =
      `const t=process.hrtime.bigint();require(${JSON.stringify(modulePath)});const ms=Number(process.hrtime.bigint()-t)/1e6;` +
      `console.log(JSON.stringify({ms,rss:process.memoryUsage().rss}))`;
    const runs = Array.from(
      { length: 5 },
      () => JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { ms: number; rss: number },
    );
    runs.sort((a, b) => a.ms - b.ms);
    return `${runs[2].ms.toFixed(0)} ms | ${(runs[2].rss / 2 ** 20).toFixed(0)} MiB`;
  };
  const baseline = JSON.parse(
    execFileSync(process.execPath, ["-e", "console.log(JSON.stringify({rss:process.memoryUsage().rss}))"], { encoding: "utf8" }),
  ) as { rss: number };
  return [
    "| what is loaded | load time (median of 5) | process RSS after |",
    "|---|---|---|",
    `| nothing (bare node) | – | ${(baseline.rss / 2 ** 20).toFixed(0)} MiB |`,
    `| provider implementation, ${BEFORE().label} (dist/lifecycle) | ${probe(join(BEFORE().packageDir, "dist", "lifecycle"))} |`,
    `| provider implementation, ${AFTER.label} (pulumi-tencentcloud-organization/dist/lifecycle) | ${probe("pulumi-tencentcloud-organization/dist/lifecycle")} |`,
    `| the whole SDK (require("tencentcloud-sdk-nodejs")) | ${probe("tencentcloud-sdk-nodejs")} |`,
  ];
}

// ------------------------------------------------------------------ real engine

const OPERATIONS = ["up", "noop", "refresh"] as const;
type Operation = (typeof OPERATIONS)[number];
/** What a cell measures: the provider built BEFORE, the one AFTER, and the engine's do-nothing resources. */
type Variant = "before" | "after" | "baseline";

interface EngineCell {
  latencyMs: number;
  n: number;
  parallel: string;
  /** Per variant measured in this cell ("before" only at BEFORE_AFTER_LATENCIES). */
  results: Partial<Record<Variant, Record<Operation, OperationResult>>>;
  /** Each provider variant's build, as the report names it. */
  labels: Partial<Record<Variant, string>>;
  /** The provider lifecycle module each variant's provider process loaded (the proof of which build ran). */
  loaded: Partial<Record<Variant, string>>;
  stateBytesPerMember: number;
  providerBytes?: number;
  baselineStateBytesPerResource: number;
}

const runOperation = (stack: EngineStack, op: Operation) => (op === "refresh" ? stack.refresh() : stack.up({ diff: false }));

/** The one lifecycle module `results` loaded; throws if it is not `build`'s (the stack would have measured the wrong provider). */
function loadedModule(build: ProviderBuild, results: OperationResult[]): string {
  const expected = realpathSync(join(build.packageDir, "dist", "lifecycle.js"));
  const seen = [...new Set(results.flatMap((r) => r.lifecycleModules))];
  const wrong = seen.filter((path) => path !== expected);
  if (wrong.length > 0) throw new Error(`${build.label}: the provider process loaded ${wrong.join(", ")}, not ${expected}`);
  return seen.length > 0 ? expected.replace(`${REPO_ROOT}/`, "") : "not recorded";
}

/**
 * One N at one latency: each operation runs for every variant back to back (before, after,
 * baseline), so the ratios of one row share the machine's conditions. BEFORE and AFTER each have
 * their own emulator process, so both organizations hold SEED + N members.
 */
async function engineCell(latencyMs: number, n: number): Promise<EngineCell> {
  const parallel = latencyMs >= 1000 ? PARALLEL_AT_HIGH_LATENCY : undefined;
  const builds: [Variant, ProviderBuild][] = [
    ...(BEFORE_AFTER_LATENCIES.includes(latencyMs) ? [["before", BEFORE()] as [Variant, ProviderBuild]] : []),
    ["after", AFTER],
  ];
  const emulators: EmulatorProcess[] = [];
  try {
    const stacks: { variant: Variant; stack: EngineStack; emulator?: EmulatorProcess }[] = [];
    for (const [variant, build] of builds) {
      const emulator = await startEmulatorProcess({ latencyMs, seedMembers: SEED, memberLimit: 20_000 });
      emulators.push(emulator);
      const stack = await benchStack(runDirOf(build), `p-${latencyMs}-${n}`, "members", emulator.url, { count: String(n) }, { parallel });
      stacks.push({ variant, stack, emulator });
    }
    // The baseline calls no API; its stack names an emulator only because every bench stack has a target.
    const baseline = await benchStack(RUN_DIR, `b-${latencyMs}-${n}`, "noop", emulators[0].url, { count: String(n) }, { parallel });
    stacks.push({ variant: "baseline", stack: baseline });

    const results: Partial<Record<Variant, Record<Operation, OperationResult>>> = {};
    for (const op of OPERATIONS) {
      for (const { variant, stack, emulator } of stacks) {
        const result = await measure(emulator, () => runOperation(stack, op));
        results[variant] = { ...(results[variant] as Record<Operation, OperationResult>), [op]: result };
        log(
          `engine ${latencyMs} ms N=${n} ${op} ${variant}: ${fmt(result.seconds)}, ${callsText(result.calls)}, ${result.throttled} throttled`,
        );
      }
    }
    const state = exportedState(stacks.find((s) => s.variant === "after")?.stack as EngineStack);
    const baseState = exportedState(baseline);
    return {
      latencyMs,
      n,
      parallel: parallel
        ? `PULUMI_PARALLEL=${parallel} — slow calls need it: a member is two calls (${((2 * latencyMs) / 1000).toFixed(1)} s), so the default 4 × cores = 8 would allow ${(8 / ((2 * latencyMs) / 1000)).toFixed(1)} members/s (docs/installation-configuration.md, "Slow calls need more engine parallelism")`
        : "default (4 × cores = 8)",
      results,
      labels: Object.fromEntries(builds.map(([v, build]) => [v, build.label])),
      loaded: Object.fromEntries(builds.map(([v, build]) => [v, loadedModule(build, Object.values(results[v] ?? {}))])),
      stateBytesPerMember: state.bytes / n,
      ...(state.providerBytes ? { providerBytes: state.providerBytes } : {}),
      baselineStateBytesPerResource: baseState.bytes / n,
    };
  } finally {
    for (const emulator of emulators) await emulator.close();
  }
}

/**
 * A small `up` of each build and of the baseline before the first measured cell: the run's first
 * operations pay for cold caches (the CLI, the provider's modules), which would otherwise count
 * against whichever variant runs first.
 */
async function warmUp(): Promise<void> {
  const emulator = await startEmulatorProcess({ latencyMs: 50, memberLimit: 20_000 });
  try {
    const builds = LATENCIES.some((l) => BEFORE_AFTER_LATENCIES.includes(l)) ? [BEFORE(), AFTER] : [AFTER];
    for (const build of builds) {
      await (await benchStack(runDirOf(build), "warm-up", "members", emulator.url, { count: "2" })).up({ diff: false });
    }
    await (await benchStack(RUN_DIR, "warm-up-baseline", "noop", emulator.url, { count: "2" })).up({ diff: false });
  } finally {
    await emulator.close();
  }
}

interface IncumbentSample {
  latencyMs: number;
  sampled: number;
  pages: number;
  calls: number;
  throttled: number;
  seconds: number;
}

/** The incumbent's refresh on a sample of resources (one wave of its 10-way parallelism). */
async function incumbentSample(latencyMs: number): Promise<IncumbentSample> {
  const sampled = 10;
  const emulator = await startEmulatorProcess({ latencyMs, seedMembers: SEED, memberLimit: 20_000 });
  try {
    const members = await emulator.members();
    const uins = members.slice(-sampled).map((m) => m.memberUin);
    const result = await incumbentRefresh(emulator.url, uins);
    return { latencyMs, sampled, pages: Math.ceil(members.length / 50), ...result };
  } finally {
    await emulator.close();
  }
}

/** Scales the sample to N resources in an organization of SEED + N (rate- or latency-bound: linear). */
function incumbentSeconds(sample: IncumbentSample, n: number): number {
  const pages = Math.ceil((SEED + n) / 50);
  return (sample.seconds / sample.sampled) * n * (pages / sample.pages);
}

async function stateBeforeAfter(current: EngineCell | undefined): Promise<string[]> {
  const n = STATE_N;
  const rows = [
    `| shim | exported state bytes / member | __provider bytes | \`pulumi up\` of ${n} members (50 ms per call) | ratio to N/20 | peak RSS of the provider process |`,
    "|---|---|---|---|---|---|",
  ];
  const emulator = await startEmulatorProcess({ latencyMs: 50, seedMembers: SEED, memberLimit: 20_000 });
  try {
    const stack = await benchStack(RUN_DIR, `s-legacy-${n}`, "members", emulator.url, { count: String(n), shim: "legacy" });
    const up = await measure(emulator, () => stack.up({ diff: false }));
    const state = exportedState(stack);
    rows.push(
      `| 0.1.0 (seven forwarders) | ${(state.bytes / n).toFixed(0)} | ${state.providerBytes ?? "?"} | ${fmt(up.seconds)} | ${ratio(up.seconds, floor(n))} | ${up.peakRssMiB?.toFixed(0) ?? "?"} MiB |`,
    );
    log(`state legacy: ${(state.bytes / n).toFixed(0)} B/member, up ${fmt(up.seconds)}`);
  } finally {
    await emulator.close();
  }
  const up = current?.results.after?.up;
  if (current && up) {
    rows.push(
      `| now (configure installs the rest; the engine grid's cell, after) | ${current.stateBytesPerMember.toFixed(0)} | ${current.providerBytes ?? "?"} | ${fmt(up.seconds)} | ${ratio(up.seconds, floor(n))} | ${up.peakRssMiB?.toFixed(0) ?? "?"} MiB |`,
    );
  }
  return rows;
}

async function twoStacksAtOnce(): Promise<string[]> {
  const n = sized(quick ? 50 : 100);
  const emulator = await startEmulatorProcess({ latencyMs: 50, seedMembers: SEED, memberLimit: 20_000 });
  try {
    const a = await benchStack(RUN_DIR, `two-a-${n}`, "members", emulator.url, { count: String(n), prefix: "a-" });
    const b = await benchStack(RUN_DIR, `two-b-${n}`, "members", emulator.url, { count: String(n), prefix: "b-" });
    const outcomes: string[] = [];
    const result = await measure(emulator, () =>
      Promise.all(
        [a, b].map((stack) =>
          stack.up({ diff: false }).then(
            (r) => outcomes.push(`${JSON.stringify(r.summary.resourceChanges)}`),
            (e: Error) => outcomes.push(`FAILED: ${e.message.slice(0, 200)}`),
          ),
        ),
      ),
    );
    const creates = result.calls.CreateOrganizationMember ?? 0;
    const members = (await emulator.members()).filter((m) => /^[ab]-m\d+$/.test(m.name)).length;
    return [
      "| stacks | members each | wall time (both) | floor 2N/20 | ratio | calls | throttled answers | members created | outcomes |",
      "|---|---|---|---|---|---|---|---|---|",
      `| 2, one key pair, at once | ${n} | ${fmt(result.seconds)} | ${fmt(floor(2 * n))} | ${ratio(result.seconds, floor(2 * n))} | ${callsText(result.calls)} | ${result.throttled} (${percent(result.throttled, creates)} of creates) | ${members} | ${outcomes.join("; ")} |`,
    ];
  } finally {
    await emulator.close();
  }
}

/**
 * One `pulumi up` of PROFILE_N members at 50 ms (AFTER) and one of as many do-nothing resources,
 * each with the provider process under the CPU profiler (bench/lib/cpuProfileHook.cjs): what the
 * provider costs per resource beyond the engine's own.
 */
async function profileSection(): Promise<string[]> {
  const n = PROFILE_N;
  const emulator = await startEmulatorProcess({ latencyMs: 50, seedMembers: SEED, memberLimit: 20_000 });
  try {
    const runs: { wall: OperationResult; dir: string }[] = [];
    for (const program of ["members", "noop"] as const) {
      // Kept after the run (the last run's only), for Chrome DevTools or `node --cpu-prof`'s usual viewers.
      const dir = join(BENCH_STATE_DIR, "profiles", program);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const stack = await benchStack(RUN_DIR, `prof-${program}-${n}`, program, emulator.url, { count: String(n) }, { cpuProfileDir: dir });
      const wall = await measure(program === "members" ? emulator : undefined, () => stack.up({ diff: false }));
      await waitForProfiles(dir);
      runs.push({ wall, dir });
      log(`profile ${program} N=${n}: up ${fmt(wall.seconds)}, profiles in ${dir}`);
    }
    const [provider, baseline] = runs.map((r) => summarizeProfiles(r.dir));
    const [providerRun, baselineRun] = runs;
    return [
      `\`pulumi up\` of ${n} members at 50 ms per call (${AFTER.label}: ${loadedModule(AFTER, [providerRun.wall])}), ${fmt(providerRun.wall.seconds)} under the profiler, ${callsText(providerRun.wall.calls)}; ` +
        `\`pulumi up\` of ${n} do-nothing resources, ${fmt(baselineRun.wall.seconds)}. Sampled every 1 ms by the V8 profiler through \`node:inspector\` (bench/lib/cpuProfileHook.cjs): ` +
        "Node 20 refuses `--cpu-prof` in NODE_OPTIONS, and the engine ends the provider with SIGINT, on which the hook exits normally so the profile is written. Wall times are not comparable with the unprofiled cells. " +
        `The profiles are kept in ${join(BENCH_STATE_DIR, "profiles").replace(`${REPO_ROOT}/`, "")}/ (Chrome DevTools opens them).`,
      "",
      ...profileTables(n, provider, baseline),
    ];
  } finally {
    await emulator.close();
  }
}

/** Ratio the issue's targets use: `up` against max(baseline, floor), the others against the baseline. */
function targetRatio(op: Operation, seconds: number, cell: EngineCell): number {
  const baseline = cell.results.baseline?.[op].seconds ?? Number.NaN;
  return seconds / (op === "up" ? Math.max(baseline, floor(cell.n)) : baseline);
}

const OPERATION_LABELS: Record<Operation, string> = { up: "`up` (create N)", noop: "no-op `up`", refresh: "`refresh`" };

function engineTables(cells: EngineCell[], samples: IncumbentSample[]): string[] {
  const out: string[] = [];
  for (const latencyMs of LATENCIES) {
    const mine = cells.filter((c) => c.latencyMs === latencyMs);
    if (mine.length === 0) continue;
    const withBefore = mine.some((c) => c.results.before);
    const variants: Variant[] = withBefore ? ["before", "after"] : ["after"];
    const both = (get: (r: OperationResult) => string, cell: EngineCell, op: Operation) =>
      variants.map((v) => {
        const r = cell.results[v]?.[op];
        return r ? get(r) : "–";
      });
    const ratioCell = (cell: EngineCell, op: Operation) =>
      variants.map((v) => {
        const r = cell.results[v]?.[op];
        if (!r) return "–";
        const value = targetRatio(op, r.seconds, cell);
        return `${value.toFixed(2)}×${value <= ENGINE_TARGET ? "" : " ✗"}`;
      });
    out.push(
      `\n#### ${latencyMs} ms per call: ${variants.map((v) => mine[0].labels[v]).join(" and ")} (engine parallelism: ${mine[0].parallel}; organization of ${SEED} + N members)\n`,
      `Targets: \`up\` within ${ENGINE_TARGET}× of max(baseline, floor N/20); no-op \`up\` and \`refresh\` within ${ENGINE_TARGET}× of the baseline (✗: missed). ` +
        `The ratio column divides by that reference. ${withBefore ? "Each operation ran before, after, then baseline, back to back. " : ""}` +
        `Provider module loaded: ${[...new Set(mine.flatMap((c) => variants.map((v) => `${v}: \`${c.loaded[v]}\``)))].join(", ")}.`,
      "",
      `| N | operation | ${variants.join(" | ")} | engine baseline | floor N/20 | ${variants.map((v) => `ratio ${v}`).join(" | ")} | calls per action (${variants.join(" / ")}) | throttled (${variants.join(" / ")}) | state bytes / member (baseline / resource) | provider peak RSS (${variants.join(" / ")}) |`,
      `|---|---|${variants.map(() => "---|").join("")}---|---|${variants.map(() => "---|").join("")}---|---|---|---|`,
    );
    for (const cell of mine) {
      for (const op of OPERATIONS) {
        const b = cell.results.baseline?.[op];
        out.push(
          `| ${cell.n} | ${OPERATION_LABELS[op]} | ${both((r) => fmt(r.seconds), cell, op).join(" | ")} | ${b ? fmt(b.seconds) : "–"} | ${fmt(floor(cell.n))} | ${ratioCell(cell, op).join(" | ")} | ${both((r) => callsText(r.calls), cell, op).join(" / ")} | ${both((r) => String(r.throttled), cell, op).join(" / ")} | ${op === "up" ? `${cell.stateBytesPerMember.toFixed(0)} (${cell.baselineStateBytesPerResource.toFixed(0)})` : ""} | ${both((r) => `${r.peakRssMiB?.toFixed(0) ?? "?"} MiB`, cell, op).join(" / ")} |`,
        );
      }
    }
    const sample = samples.find((s) => s.latencyMs === latencyMs);
    if (sample) {
      out.push(
        "",
        "| N | incumbent refresh (scaled from the sample) | ratio to N/20 | DescribeOM calls |",
        "|---|---|---|---|",
        ...mine.map((c) => {
          const t = incumbentSeconds(sample, c.n);
          return `| ${c.n} | ${fmt(t)} | ${ratio(t, floor(c.n))} | ${c.n * Math.ceil((SEED + c.n) / 50)} |`;
        }),
      );
    }
  }
  out.push(
    "",
    "Incumbent samples (real SDK, real emulator, Terraform's 10-way parallelism, 20 calls/s): " +
      samples
        .map(
          (s) =>
            `${s.latencyMs} ms: ${s.sampled} resources × ${s.pages} pages: ${s.calls} calls (${s.throttled} throttled and retried) in ${fmt(s.seconds)}`,
        )
        .join("; ") +
      ". Larger N are scaled linearly from the sample (N/10 waves × pages): running them would take up to hours.",
  );
  return out;
}

function chart(cells: EngineCell[], samples: IncumbentSample[]): string {
  const panels: Panel[] = [];
  for (const latencyMs of LATENCIES) {
    const mine = cells.filter((c) => c.latencyMs === latencyMs);
    const sample = samples.find((s) => s.latencyMs === latencyMs);
    const points = (variant: Variant, op: Operation) =>
      mine.flatMap((c) => {
        const r = c.results[variant]?.[op];
        return r ? [[c.n, r.seconds] as [number, number]] : [];
      });
    for (const op of ["up", "refresh"] as const) {
      const series: Series[] = [
        { label: AFTER.label, color: "#1f77b4", points: points("after", op) },
        {
          label: mine.find((c) => c.labels.before)?.labels.before ?? "before",
          color: "#ff7f0e",
          dashed: true,
          points: points("before", op),
        },
        { label: "engine baseline (do-nothing)", color: "#2ca02c", points: points("baseline", op) },
        { label: "floor N/20 s", color: "#7f7f7f", dashed: true, points: mine.map((c) => [c.n, floor(c.n)]) },
      ];
      if (op === "refresh" && sample) {
        series.push({
          label: "incumbent read (scaled sample)",
          color: "#d62728",
          points: mine.map((c) => [c.n, incumbentSeconds(sample, c.n)]),
        });
      }
      panels.push({
        title: `pulumi ${op === "up" ? "up (create N)" : "refresh"}, ${latencyMs} ms per call`,
        series: series.filter((s) => s.points.length > 0),
      });
    }
  }
  return lineChart(panels, {
    title: "Time against N, through the real engine (log scale)",
    note: `2 shared cores: absolute times move between runs; ratios are the result. Organization of ${SEED} + N members.`,
  });
}

// ------------------------------------------------------------------ where the time goes

/** N of the phase runs. */
const PHASE_SIZES = N_OVERRIDE ? [N_OVERRIDE] : quick ? [100] : [200, 400];

/**
 * `up` of N members (after) and of N do-nothing resources, split into phases (bench/lib/phases.ts),
 * with the CPU seconds of each process: what the engine costs around the calls, and what the
 * creation phase costs against its floor.
 */
async function phasesSection(): Promise<string[]> {
  const rows: string[] = [];
  const cpuText = (p: Phases) =>
    Object.entries(p.cpu)
      .filter(([, seconds]) => seconds >= 0.05)
      .map(([role, seconds]) => `${role} ${seconds.toFixed(1)}`)
      .join(", ");
  for (const skipCheckpoints of [false, true]) {
    for (const n of PHASE_SIZES) {
      const emulator = await startEmulatorProcess({ latencyMs: 50, seedMembers: SEED, memberLimit: 20_000 });
      try {
        const tag = skipCheckpoints ? "nocp" : "cp";
        const members = await benchStack(
          RUN_DIR,
          `phases-m-${tag}-${n}`,
          "members",
          emulator.url,
          { count: String(n) },
          { skipCheckpoints },
        );
        const mine = await upPhases(members, emulator);
        const noop = await benchStack(RUN_DIR, `phases-b-${tag}-${n}`, "noop", emulator.url, { count: String(n) }, { skipCheckpoints });
        const base = await upPhases(noop, undefined);
        const creationFloor = (Math.ceil(n / 20) - 1) * 1.05 + 0.05;
        const reference = Math.max(base.seconds, floor(n));
        const checkpoints = skipCheckpoints ? "PULUMI_SKIP_CHECKPOINTS=true" : "default (a checkpoint per step)";
        log(`phases N=${n} ${checkpoints}: members ${fmt(mine.seconds)}, baseline ${fmt(base.seconds)}`);
        rows.push(
          `| ${checkpoints} | ${n} members (after) | ${fmt(mine.seconds)} (${ratio(mine.seconds, reference)} of max(baseline, N/20)) | ${fmt(mine.untilFirstStep)} | ${mine.creation !== undefined ? `${fmt(mine.creation)} (floor ${fmt(creationFloor)}: ${ratio(mine.creation, creationFloor)})` : "–"} | ${fmt(mine.untilSummary)} | ${fmt(mine.afterSummary)} | ${mine.calls} | ${cpuText(mine)} |`,
          `| ${checkpoints} | ${n} do-nothing resources | ${fmt(base.seconds)} | ${fmt(base.untilFirstStep)} | – | ${fmt(base.untilSummary)} | ${fmt(base.afterSummary)} | 0 | ${cpuText(base)} |`,
        );
      } finally {
        await emulator.close();
      }
    }
  }
  return [
    "`pulumi up` at 50 ms per call, default engine parallelism, the emulator in its own process on the same 2 cores. Phases from the engine's events and the emulator's log: " +
      "*start* = from the command to the first step of a resource of the program (the program builds its resources, the engine starts the provider process, which loads the provider and answers the first check); " +
      "*creation* = first call to the last CreateOrganizationMember answered, beside its floor (⌈N/20⌉ − 1 windows of 1.05 s, then one 50 ms call); " +
      "*tail* = the last resource's outputs to the summary; *end* = the summary to the command's exit (the engine writes the final state and stops its plugins). " +
      "CPU seconds per process from /proc (bench/lib/processCpu.ts), sampled every 100 ms. " +
      "Each run twice: with the engine's default checkpoints (it rewrites the whole state after every step, so its work grows with N × the bytes of each resource's state) and with PULUMI_SKIP_CHECKPOINTS=true (the state is written once, at the end; safe with this provider: test/e2e/interrupted.test.ts).",
    "",
    "| engine checkpoints | run | wall | start | creation | tail | end | calls | CPU seconds |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ];
}

// ------------------------------------------------------------------ main

function log(line: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const sections: [string, string[]][] = [];
  const want = (name: string) => !only || only.split(",").includes(name);

  if (want("engine") || want("state") || want("two") || want("profile")) {
    log(`Pulumi CLI: ${resolveCli()}`);
  }
  if (want("engine") || want("create") || want("load")) log(`${BEFORE().label}: ${BEFORE().packageDir}`);
  const cells: EngineCell[] = [];
  if (want("engine")) {
    const samples: IncumbentSample[] = [];
    await warmUp();
    for (const latencyMs of LATENCIES) {
      for (const n of SIZES[latencyMs] ?? []) cells.push(await engineCell(latencyMs, n));
      samples.push(await incumbentSample(latencyMs));
      log(`incumbent sample ${latencyMs} ms: ${fmt(samples[samples.length - 1].seconds)}`);
    }
    sections.push([
      "Real engine: up, no-op up, refresh, before and after, against the engine baseline, the floor and the incumbent",
      engineTables(cells, samples),
    ]);
    const chartPath = writesReport ? join(__dirname, "chart.svg") : join(BENCH_STATE_DIR, "chart.svg");
    writeFileSync(chartPath, chart(cells, samples));
    log(`chart: ${chartPath}`);
  }
  if (want("state")) {
    const current = cells.find((c) => c.latencyMs === 50 && c.n === STATE_N);
    sections.push(["Real engine: the state before and after the shim change", await stateBeforeAfter(current)]);
  }
  if (want("two")) sections.push(["Real engine: two stacks against one organization at once (one key pair)", await twoStacksAtOnce()]);
  if (want("profile")) {
    sections.push([
      `Real engine: CPU profile of the provider process, \`up\` of ${PROFILE_N} members against the do-nothing baseline`,
      await profileSection(),
    ]);
  }
  if (want("phases")) sections.push(["Real engine: where the time of an `up` goes (after)", await phasesSection()]);
  if (want("create")) sections.push(["Provider only: creates at once, before and after", await createThroughput()]);
  if (want("read")) sections.push(["Provider only: read coalescing (refresh without the engine)", await readCoalescing()]);
  if (want("load")) sections.push(["Provider only: load cost", loadCost()]);

  const header =
    `### Benchmark run ${new Date().toISOString()}${quick ? " (--quick)" : ""} — node ${process.version}, ` +
    `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, shared with other work: ` +
    `absolute times move between runs, ratios measured in one run are the result. Before: ${builtBefore?.label ?? "not run"}; after: ${AFTER.label}. Took ${fmt((performance.now() - started) / 1000)}.\n`;
  const generated = [header, ...sections.map(([title, rows]) => `#### ${title}\n\n${rows.join("\n")}\n`)].join("\n");
  console.log(generated);
  if (writesReport) {
    const reportPath = join(__dirname, "REPORT.md");
    const marker = "<!-- Everything below is written by `npm run bench`. -->";
    const report = readFileSync(reportPath, "utf8");
    const head = report.includes(marker) ? report.slice(0, report.indexOf(marker)) : `${report}\n`;
    writeFileSync(reportPath, `${head}${marker}\n\n${generated}`);
  }
  for (const build of [AFTER, ...(builtBefore ? [builtBefore] : [])]) rmSync(runDirOf(build), { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
