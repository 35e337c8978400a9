/**
 * `npm run bench [-- --quick]`: the provider's performance, in one command.
 *
 * Through the REAL ENGINE (Pulumi CLI built from source, Automation API inline programs, the
 * provider in the engine's own process): `pulumi up`, no-op `up` and `refresh` of N members against
 * an emulator (own process, Tencent's 20 calls/s per action on) at 50 ms and 1.5 s per call, beside
 * the same N do-nothing dynamic resources (the engine's own cost), the floor N/20 s and the
 * incumbent Terraform resource's read; the state before/after the shim change; two stacks at once.
 *
 * PROVIDER ONLY (methods called directly, no engine): read coalescing, creates before/after the
 * limiter change, load cost.
 *
 * Writes the generated part of bench/REPORT.md (below its marker) and bench/chart.svg.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { RateLimiter, type CallLimiter, type CallPermit } from "../provider/api/call/rateLimiter";
import { resolveSettings } from "../provider/api/call/settings";
import { createSdkClients } from "../provider/api/call/transport";
import { checkMember } from "../provider/member/check";
import { MemberLifecycle } from "../provider/member/lifecycle";
import { fromSettings } from "../provider/kit/lifecycle";
import { clearProxyVariables } from "../scripts/lib/proxy";
import { REPO_ROOT, resolveCli } from "../scripts/lib/engine";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../test/emulator";
import { AnswerCountingLimiter } from "./lib/answerCountingLimiter";
import { benchStack, exportedState, measure, startEmulatorProcess, type OperationResult } from "./lib/engineBench";
import { incumbentRefresh } from "./lib/incumbent";
import { lineChart, type Panel } from "./lib/svg";

clearProxyVariables();

const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const LATENCIES = [50, 1500];
/** N per latency. At 1.5 s the engine's own cost is the same as at 50 ms, so fewer sizes show the shape. */
const SIZES: Record<number, number[]> = quick ? { 50: [50, 100], 1500: [50, 100] } : { 50: [50, 100, 200, 400], 1500: [50, 200] };
/** N of the state before/after (the "now" row is the engine grid's cell at 50 ms). */
const STATE_N = quick ? 100 : 400;
/** Members already in the organization besides the stack's own (M = SEED + N). */
const SEED = quick ? 500 : 1000;
/** Engine parallelism at 1.5 s per call: a create is two calls (3 s), so 20/s needs ~60 in flight. */
const PARALLEL_AT_HIGH_LATENCY = 100;
const RUN_DIR = join(REPO_ROOT, ".pulumi-state", "bench", `run-${process.pid}`);
const floor = (n: number) => n / 20;
const fmt = (s: number) => `${s.toFixed(1)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const callsText = (calls: Record<string, number>) =>
  Object.entries(calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, count]) => `${action.replace("OrganizationMember", "OM")} ${count}`)
    .join(", ") || "none";

// ------------------------------------------------------------------ provider only

function configureFor(emulator: RunningEmulator, limiter?: CallLimiter, maxSockets?: number): MemberLifecycle {
  const config: Record<string, string> = {
    "tencentcloud:secretId": DEFAULT_SECRET_ID,
    "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
    "tencentcloud:endpointUrl": emulator.url,
  };
  const settings = resolveSettings(
    (k) => config[k],
    {},
    () => undefined,
  );
  return new MemberLifecycle(
    fromSettings(settings, {
      logger: { info: () => {} },
      ...(limiter ? { limiter } : {}),
      ...(maxSockets ? { clients: createSdkClients(settings, { maxSockets }) } : {}),
    }),
  );
}

/**
 * The limiter as merged before this change (perf): the send stamped when the limiter grants it,
 * halved on every throttling event. Made from today's limiter by reporting the write at the grant.
 */
class GrantStampedLimiter implements CallLimiter {
  private readonly inner = new RateLimiter({ isolatedDecrease: 0.5 });
  async acquire(action: string): Promise<CallPermit> {
    const permit = await this.inner.acquire(action);
    permit.written?.();
    return (outcome) => permit(outcome);
  }
}

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
      const provider = configureFor(emulator);
      const before = emulator.admin.counters().DescribeOrganizationMembers ?? 0;
      const started = performance.now();
      await Promise.all(all.slice(0, n).map((uin) => provider.read(String(uin))));
      const seconds = (performance.now() - started) / 1000;
      const calls = (emulator.admin.counters().DescribeOrganizationMembers ?? 0) - before;
      rows.push(`| ${m} | ${n} | ${calls} | ${2 * Math.min(n, pages) + 2} | ${n * pages} | ${seconds.toFixed(2)} s |`);
    }
    await emulator.close();
  }
  return rows;
}

interface CreateRun {
  limiter: string;
  latencyMs: number;
  n: number;
  seconds: number;
  createPhaseSeconds: number;
  creates: number;
  calls: number;
  throttled: number;
  members: number;
}

/** The limiters compared, in the order the table shows them. */
const CREATE_LIMITERS: [string, () => CallLimiter, number | undefined][] = [
  ["0.1.0: slot held until answer + 1 s", () => new AnswerCountingLimiter(20), 32],
  ["before (perf): sends stamped at grant, ×0.5, pool of 32 sockets", () => new GrantStampedLimiter(), 32],
  ["now: sends stamped when written, bursts, ×0.7 isolated / ×0.5, no pool cap", () => new RateLimiter(20), undefined],
  ["now, evenly spaced (1050/20 ms apart)", () => new RateLimiter({ evenSpacing: true }), undefined],
];

/** N members created at once by `lifecycle.create` (create + read back), each limiter. */
async function createThroughput(): Promise<{ rows: string[]; runs: CreateRun[] }> {
  const n = quick ? 100 : 200;
  const runs: CreateRun[] = [];
  const latencies = process.env.BENCH_LATENCIES ? process.env.BENCH_LATENCIES.split(",").map(Number) : LATENCIES;
  for (const latencyMs of latencies) {
    for (const [label, makeLimiter, maxSockets] of CREATE_LIMITERS) {
      const emulator = await startEmulator({ latencyMs, memberLimit: 10_000 });
      const provider = configureFor(emulator, makeLimiter(), maxSockets);
      const startedIso = new Date().toISOString();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: n }, (_, i) => {
          const { inputs } = checkMember({}, { name: `bench-${i}`, permissionIds: [1, 2], nodeId: 100001, ownerMarker: `bench/run/m${i}` });
          return provider.create(inputs);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const entries = emulator.admin.requestLog().filter((e) => e.time >= startedIso);
      const createsAnswered = entries.filter((e) => e.action === "CreateOrganizationMember").map((e) => Date.parse(e.time)); // the log's time is the answer's
      const run: CreateRun = {
        limiter: label,
        latencyMs,
        n,
        seconds,
        createPhaseSeconds: (Math.max(...createsAnswered) - Date.parse(startedIso)) / 1000,
        creates: emulator.admin.counters().CreateOrganizationMember ?? 0,
        calls: entries.length,
        throttled: entries.filter((e) => e.errorCode?.startsWith("RequestLimitExceeded")).length,
        members: emulator.admin.members().length,
      };
      runs.push(run);
      log(
        `creates ${latencyMs} ms, ${label}: ${fmt(run.seconds)}, create phase ${fmt(run.createPhaseSeconds)}, ${run.throttled} of ${run.calls} throttled`,
      );
      await emulator.close();
      // The next limiter starts with an empty window.
      await new Promise((r) => setTimeout(r, 1100));
    }
  }
  const rows = [
    "| latency per call | limiter | N | wall time (create + read back) | ratio to N/20 | last CreateOrganizationMember answered | ratio to N/20 | calls (Create + Describe) | throttled answers (% of calls) | members |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...runs.map(
      (r) =>
        `| ${r.latencyMs} ms | ${r.limiter} | ${r.n} | ${fmt(r.seconds)} | ${ratio(r.seconds, floor(r.n))} | ${fmt(r.createPhaseSeconds)} | ${ratio(r.createPhaseSeconds, floor(r.n))} | ${r.calls} (${r.creates} + ${r.calls - r.creates}) | ${r.throttled} (${((100 * r.throttled) / Math.max(1, r.calls)).toFixed(1)}%) | ${r.members} |`,
    ),
    "",
    `Floors for N = ${n} at latency L (Create and Describe have separate 20/s budgets, so read-backs overlap later creates, but the last member's read-back can only start once its create is answered): ` +
      `last create answered ≥ (⌈N/20⌉ − 1) · W + L, wall ≥ (⌈N/20⌉ − 1) · W + 2L, W = 1 s at Tencent's limit, 1.05 s with the limiter's margin. ` +
      `At 1.5 s: ${LATENCY_FLOOR_TEXT(n, 1500)}; at 50 ms: ${LATENCY_FLOOR_TEXT(n, 50)}.`,
  ];
  return { rows, runs };
}

function LATENCY_FLOOR_TEXT(n: number, latencyMs: number): string {
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
    `| provider implementation (pulumi-tencentcloud-organization/dist/lifecycle) | ${probe("pulumi-tencentcloud-organization/dist/lifecycle")} |`,
    `| the whole SDK (require("tencentcloud-sdk-nodejs")) | ${probe("tencentcloud-sdk-nodejs")} |`,
  ];
}

// ------------------------------------------------------------------ real engine

interface EngineCell {
  latencyMs: number;
  n: number;
  parallel: string;
  provider: Record<"up" | "noop" | "refresh", OperationResult>;
  baseline: Record<"up" | "noop" | "refresh", OperationResult>;
  stateBytesPerMember: number;
  providerBytes?: number;
  baselineStateBytesPerResource: number;
}

async function engineCell(latencyMs: number, n: number): Promise<EngineCell> {
  const parallel = latencyMs >= 1000 ? PARALLEL_AT_HIGH_LATENCY : undefined;
  const emulator = await startEmulatorProcess({ latencyMs, seedMembers: SEED, memberLimit: 20_000 });
  try {
    const stack = await benchStack(RUN_DIR, `p-${latencyMs}-${n}`, "members", emulator.url, { count: String(n) }, parallel);
    const up = await measure(emulator, () => stack.up({ diff: false }));
    const state = exportedState(stack);
    const noop = await measure(emulator, () => stack.up({ diff: false }));
    const refresh = await measure(emulator, () => stack.refresh());
    const base = await benchStack(RUN_DIR, `b-${latencyMs}-${n}`, "noop", emulator.url, { count: String(n) }, parallel);
    const baseUp = await measure(undefined, () => base.up({ diff: false }));
    const baseState = exportedState(base);
    const baseNoop = await measure(undefined, () => base.up({ diff: false }));
    const baseRefresh = await measure(undefined, () => base.refresh());
    const cell: EngineCell = {
      latencyMs,
      n,
      parallel: parallel
        ? `PULUMI_PARALLEL=${parallel} — slow calls need it: a member is two calls (${((2 * latencyMs) / 1000).toFixed(1)} s), so the default 4 × cores = 8 would allow ${(8 / ((2 * latencyMs) / 1000)).toFixed(1)} members/s (docs/installation-configuration.md, "Slow calls need more engine parallelism")`
        : "default (4 × cores = 8)",
      provider: { up, noop, refresh },
      baseline: { up: baseUp, noop: baseNoop, refresh: baseRefresh },
      stateBytesPerMember: state.bytes / n,
      ...(state.providerBytes ? { providerBytes: state.providerBytes } : {}),
      baselineStateBytesPerResource: baseState.bytes / n,
    };
    log(
      `engine ${latencyMs} ms N=${n}: up ${fmt(up.seconds)} (baseline ${fmt(baseUp.seconds)}), no-op ${fmt(noop.seconds)}, refresh ${fmt(refresh.seconds)}`,
    );
    return cell;
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
  if (current) {
    rows.push(
      `| now (configure installs the rest; the engine grid's cell) | ${current.stateBytesPerMember.toFixed(0)} | ${current.providerBytes ?? "?"} | ${fmt(current.provider.up.seconds)} | ${ratio(current.provider.up.seconds, floor(n))} | ${current.provider.up.peakRssMiB?.toFixed(0) ?? "?"} MiB |`,
    );
  }
  return rows;
}

async function twoStacksAtOnce(): Promise<string[]> {
  const n = quick ? 50 : 100;
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
      `| 2, one key pair, at once | ${n} | ${fmt(result.seconds)} | ${fmt(floor(2 * n))} | ${ratio(result.seconds, floor(2 * n))} | ${callsText(result.calls)} | ${result.throttled} (${((100 * result.throttled) / Math.max(1, creates)).toFixed(1)}% of creates) | ${members} | ${outcomes.join("; ")} |`,
    ];
  } finally {
    await emulator.close();
  }
}

function engineTables(cells: EngineCell[], samples: IncumbentSample[]): string[] {
  const out: string[] = [];
  for (const latencyMs of LATENCIES) {
    const sample = samples.find((s) => s.latencyMs === latencyMs);
    out.push(
      `\n#### ${latencyMs} ms per call (engine parallelism: ${cells.find((c) => c.latencyMs === latencyMs)?.parallel ?? "?"}; organization of ${SEED} + N members)\n`,
      "| N | operation | provider | engine baseline | floor N/20 | ratio to floor | ratio to baseline | calls per action | throttled | state bytes / member (baseline / resource) | peak RSS of provider process |",
      "|---|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const cell of cells.filter((c) => c.latencyMs === latencyMs)) {
      for (const op of ["up", "noop", "refresh"] as const) {
        const p = cell.provider[op];
        const b = cell.baseline[op];
        const label = op === "up" ? "`up` (create N)" : op === "noop" ? "no-op `up`" : "`refresh`";
        out.push(
          `| ${cell.n} | ${label} | ${fmt(p.seconds)} | ${fmt(b.seconds)} | ${fmt(floor(cell.n))} | ${ratio(p.seconds, floor(cell.n))} | ${ratio(p.seconds, b.seconds)} | ${callsText(p.calls)} | ${p.throttled} | ${op === "up" ? `${cell.stateBytesPerMember.toFixed(0)} (${cell.baselineStateBytesPerResource.toFixed(0)})` : ""} | ${p.peakRssMiB?.toFixed(0) ?? "?"} MiB |`,
        );
      }
      if (sample) {
        const t = incumbentSeconds(sample, cell.n);
        out.push(
          `| ${cell.n} | incumbent refresh (scaled) | ${fmt(t)} | | ${fmt(floor(cell.n))} | ${ratio(t, floor(cell.n))} | | DescribeOM ${cell.n * Math.ceil((SEED + cell.n) / 50)} | | | |`,
        );
      }
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
    for (const op of ["up", "refresh"] as const) {
      panels.push({
        title: `pulumi ${op === "up" ? "up (create N)" : "refresh"}, ${latencyMs} ms per call`,
        series: [
          { label: "this provider", color: "#1f77b4", points: mine.map((c) => [c.n, c.provider[op].seconds]) },
          { label: "engine baseline (do-nothing)", color: "#2ca02c", points: mine.map((c) => [c.n, c.baseline[op].seconds]) },
          { label: "floor N/20 s", color: "#7f7f7f", dashed: true, points: mine.map((c) => [c.n, floor(c.n)]) },
          ...(op === "refresh" && sample
            ? [
                {
                  label: "incumbent read (scaled sample)",
                  color: "#d62728",
                  points: mine.map((c) => [c.n, incumbentSeconds(sample, c.n)] as [number, number]),
                },
              ]
            : []),
        ],
      });
    }
  }
  return lineChart(panels, {
    title: "Time against N, through the real engine (log scale)",
    note: `2 shared cores: absolute times move between runs; ratios are the result. Organization of ${SEED} + N members.`,
  });
}

// ------------------------------------------------------------------ main

function log(line: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const sections: [string, string[]][] = [];
  const want = (name: string) => !only || only.split(",").includes(name);

  if (want("engine") || want("state") || want("two")) {
    log(`Pulumi CLI: ${resolveCli()}`);
  }
  const cells: EngineCell[] = [];
  if (want("engine")) {
    const samples: IncumbentSample[] = [];
    for (const latencyMs of LATENCIES) {
      for (const n of SIZES[latencyMs]) cells.push(await engineCell(latencyMs, n));
      samples.push(await incumbentSample(latencyMs));
      log(`incumbent sample ${latencyMs} ms: ${fmt(samples[samples.length - 1].seconds)}`);
    }
    sections.push([
      "Real engine: up, no-op up, refresh against the engine baseline, the floor and the incumbent",
      engineTables(cells, samples),
    ]);
    writeFileSync(join(__dirname, "chart.svg"), chart(cells, samples));
  }
  if (want("state")) {
    const current = cells.find((c) => c.latencyMs === 50 && c.n === STATE_N);
    sections.push(["Real engine: the state before and after the shim change", await stateBeforeAfter(current)]);
  }
  if (want("two")) sections.push(["Real engine: two stacks against one organization at once (one key pair)", await twoStacksAtOnce()]);
  if (want("create")) {
    const { rows } = await createThroughput();
    sections.push(["Provider only: creates at once, limiter before and after", rows]);
  }
  if (want("read")) sections.push(["Provider only: read coalescing (refresh without the engine)", await readCoalescing()]);
  if (want("load")) sections.push(["Provider only: load cost", loadCost()]);

  const header =
    `### Benchmark run ${new Date().toISOString()}${quick ? " (--quick)" : ""} — node ${process.version}, ` +
    `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, shared with other work: ` +
    `absolute times move between runs, ratios measured in one run are the result. Took ${fmt((performance.now() - started) / 1000)}.\n`;
  const generated = [header, ...sections.map(([title, rows]) => `#### ${title}\n\n${rows.join("\n")}\n`)].join("\n");
  console.log(generated);
  if (!only) {
    const reportPath = join(__dirname, "REPORT.md");
    const marker = "<!-- Everything below is written by `npm run bench`. -->";
    const report = readFileSync(reportPath, "utf8");
    const head = report.includes(marker) ? report.slice(0, report.indexOf(marker)) : `${report}\n`;
    writeFileSync(reportPath, `${head}${marker}\n\n${generated}`);
  }
  rmSync(RUN_DIR, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
