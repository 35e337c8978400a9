/**
 * Reads the CPU profiles bench/lib/cpuProfileHook.cjs writes for the dynamic-provider process
 * (Chrome's `.cpuprofile` format, as `node --cpu-prof`) and summarises them without a dependency:
 * sampled CPU, self time by category of the frame's script URL, and the top functions by self time.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/lib/engine";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfileFile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The profiles of one operation's provider process(es), summed. */
export interface ProfileSummary {
  processes: number;
  /** Every sample's time, idle included (≈ the process's lifetime), ms. */
  sampledMs: number;
  /** Samples not "(idle)": the CPU the profiler saw, ms. */
  busyMs: number;
  /** Busy samples inside a `require()` (Node's Module._load on the stack): loading modules, ms. */
  loadingMs: number;
  /**
   * Busy samples, not loading, with this provider's code on the stack: its own work and what it
   * calls synchronously (SDK, JSON, sending a request); not the async continuations an answer runs, ms.
   */
  providerMs: number;
  /** user + system CPU time the process(es) reported at exit (process.cpuUsage), ms: the profile's check. */
  processCpuMs: number;
  /** Self time per category, ms, largest first. */
  categories: [string, number][];
  /** Self time per function, ms, largest first. */
  functions: { name: string; file: string; ms: number }[];
}

/** Node's CommonJS loader: a frame of it on the stack means the sample is loading a module. */
const isRequire = (f: CallFrame) => f.functionName === "Module._load" && f.url === "node:internal/modules/cjs/loader";
const isProvider = (f: CallFrame) => /\/provider\/dist\/|\/pulumi-tencentcloud-organization\/dist\//.test(f.url);
const isProbe = (f: CallFrame) => f.url.includes("/bench/lib/");

// The categories, first match wins; each is matched against the frame's script URL (or, for the
// profiler's pseudo-frames, its name). Order matters: @pulumi/pulumi's own protobuf stubs
// (proto/*_pb.js) count as protobuf, not as its runtime.
const CATEGORIES: [string, (frame: CallFrame) => boolean][] = [
  ["(idle)", (f) => f.functionName === "(idle)"],
  ["(garbage collector)", (f) => f.functionName === "(garbage collector)"],
  ["(program): V8 and Node outside JavaScript", (f) => f.functionName === "(program)"],
  ["this provider (provider/dist)", (f) => isProvider(f)],
  ["tencentcloud-sdk-nodejs", (f) => f.url.includes("/node_modules/tencentcloud-sdk-nodejs/")],
  ["gRPC transport (@grpc/grpc-js)", (f) => f.url.includes("/node_modules/@grpc/")],
  ["protobuf (google-protobuf, @pulumi/pulumi/proto)", (f) => /\/node_modules\/google-protobuf\/|\/@pulumi\/pulumi\/proto\//.test(f.url)],
  ["@pulumi/pulumi dynamic-provider host (cmd/dynamic-provider)", (f) => f.url.includes("/@pulumi/pulumi/cmd/dynamic-provider/")],
  ["@pulumi/pulumi runtime (rpc.js: property (de)serialization)", (f) => f.url.includes("/@pulumi/pulumi/runtime/rpc")],
  ["@pulumi/pulumi runtime, other", (f) => f.url.includes("/@pulumi/pulumi/runtime/")],
  ["@pulumi/pulumi, other", (f) => f.url.includes("/@pulumi/pulumi/")],
  ["other node_modules", (f) => f.url.includes("/node_modules/")],
  ["node internals (node:*)", (f) => f.url.startsWith("node:")],
  ["no script URL: V8 builtins, native code, the deserialized __provider", (f) => f.url === ""],
];

/** Samples with the benchmark's own hooks on the stack, whatever their own frame. */
const PROBES = "benchmark probes (bench/lib/*.cjs and what they call)";

function categoryOf(frame: CallFrame): string {
  return CATEGORIES.find(([, test]) => test(frame))?.[0] ?? "other scripts";
}

/** The file of a frame, short: relative to the repository (or from node_modules/ on). */
function fileOf(frame: CallFrame): string {
  const path = frame.url.replace(/^file:\/\//, "");
  const short = path.includes("/node_modules/") ? path.slice(path.lastIndexOf("/node_modules/") + 1) : path.replace(`${REPO_ROOT}/`, "");
  return short ? `${short}:${frame.lineNumber + 1}` : "";
}

/** Waits until every profile in `dir` is completely written (its usage file comes last). */
export async function waitForProfiles(dir: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const profiles = files.filter((f) => f.endsWith(".cpuprofile"));
    if (profiles.length > 0 && profiles.every((f) => files.includes(f.replace(/\.cpuprofile$/, ".usage.json")))) return;
    if (Date.now() > deadline)
      throw new Error(`no complete CPU profile in ${dir} after ${timeoutMs} ms (files: ${files.join(", ") || "none"})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** For a profile's nodes: whether a frame matching `test` is on the node's stack (the node or above it). */
function onStack(profile: CpuProfileFile, test: (frame: CallFrame) => boolean): (id: number) => boolean {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const known = new Map<number, boolean>();
  const check = (id: number): boolean => {
    let answer = known.get(id);
    if (answer === undefined) {
      const node = nodes.get(id);
      const up = parent.get(id);
      answer = (node !== undefined && test(node.callFrame)) || (up !== undefined && check(up));
      known.set(id, answer);
    }
    return answer;
  };
  return check;
}

/** Sums the profiles in `dir`. A sample's time is the gap to the next sample (as Chrome's DevTools counts it). */
export function summarizeProfiles(dir: string): ProfileSummary {
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, { name: string; file: string; ms: number }>();
  let sampledMs = 0;
  let processCpuMs = 0;
  let loadingMs = 0;
  let providerMs = 0;
  const profiles = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  for (const file of profiles) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfileFile;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const [inRequire, inProvider, inProbe] = [isRequire, isProvider, isProbe].map((test) => onStack(profile, test));
    for (let i = 0; i < profile.samples.length - 1; i++) {
      const ms = profile.timeDeltas[i + 1] / 1000;
      const id = profile.samples[i];
      const frame = frames.get(id);
      if (!frame) continue;
      sampledMs += ms;
      const busy = frame.functionName !== "(idle)";
      if (busy && inRequire(id)) loadingMs += ms;
      else if (busy && inProvider(id)) providerMs += ms;
      // The benchmark's own probes are charged to themselves, whatever they call (fs writes, JSON).
      const category = busy && inProbe(id) ? PROBES : categoryOf(frame);
      byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
      const name = frame.functionName || "(anonymous)";
      const where = fileOf(frame);
      const key = `${name}\u0000${where}`;
      const entry = byFunction.get(key) ?? { name, file: where, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
    }
    const usage = JSON.parse(readFileSync(join(dir, file.replace(/\.cpuprofile$/, ".usage.json")), "utf8")) as {
      userMs: number;
      systemMs: number;
    };
    processCpuMs += usage.userMs + usage.systemMs;
  }
  const idle = byCategory.get("(idle)") ?? 0;
  return {
    processes: profiles.length,
    sampledMs,
    busyMs: sampledMs - idle,
    loadingMs,
    providerMs,
    processCpuMs,
    categories: [...byCategory.entries()].sort((a, b) => b[1] - a[1]),
    functions: [...byFunction.values()].filter((f) => f.name !== "(idle)").sort((a, b) => b.ms - a.ms),
  };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const share = (value: number, total: number) => `${((100 * value) / Math.max(total, 1e-9)).toFixed(1)} %`;

/**
 * The report's tables for one provider `up` beside the do-nothing baseline's, both of N resources:
 * the totals, self time by category side by side, and each one's top functions.
 */
export function profileTables(n: number, provider: ProfileSummary, baseline: ProfileSummary, top = 15): string[] {
  const totals = (label: string, get: (s: ProfileSummary) => number) =>
    `| ${label} | ${ms(get(provider))} | ${ms(get(baseline))} | ${ms(get(provider) - get(baseline))} | ${(get(provider) / n).toFixed(1)} ms | ${(get(baseline) / n).toFixed(1)} ms | ${((get(provider) - get(baseline)) / n).toFixed(1)} ms |`;
  const categories = [...new Set([...provider.categories, ...baseline.categories].map(([c]) => c))];
  const selfOf = (s: ProfileSummary, category: string) => s.categories.find(([c]) => c === category)?.[1] ?? 0;
  categories.sort((a, b) => selfOf(provider, b) - selfOf(provider, a));
  const topRows = (s: ProfileSummary) => [
    "| # | function | file:line | self ms | % of busy |",
    "|---|---|---|---|---|",
    ...s.functions
      .slice(0, top)
      .map((f, i) => `| ${i + 1} | \`${f.name}\` | ${f.file || "–"} | ${f.ms.toFixed(0)} | ${share(f.ms, s.busyMs)} |`),
  ];
  return [
    `Provider processes profiled: ${provider.processes} (provider), ${baseline.processes} (baseline). "Busy" is every sample but (idle); process CPU is the process's own user + system time (Node's \`process.cpuUsage\` at exit), which also counts threads the profiler does not sample (libuv, V8's compiler and GC helpers).`,
    "",
    "| | provider `up` | baseline `up` | provider − baseline | provider per member | baseline per resource | difference per resource |",
    "|---|---|---|---|---|---|---|",
    totals("sampled (idle included)", (s) => s.sampledMs),
    totals("busy (sampled, not idle)", (s) => s.busyMs),
    totals("… of which loading modules (inside require())", (s) => s.loadingMs),
    totals(
      "… of which under this provider's frames, not loading (what they call synchronously: SDK, JSON, sending requests)",
      (s) => s.providerMs,
    ),
    totals(
      "… the rest: the host, gRPC, protobuf, GC, and the handling of HTTP answers (async, outside the provider's frames)",
      (s) => s.busyMs - s.loadingMs - s.providerMs,
    ),
    totals("process CPU (user + system)", (s) => s.processCpuMs),
    "",
    "Self time by category (busy samples; the share is of each run's busy time):",
    "",
    "| category | provider | share | baseline | share | provider − baseline, per resource |",
    "|---|---|---|---|---|---|",
    ...categories
      .filter((c) => c !== "(idle)")
      .map(
        (c) =>
          `| ${c} | ${ms(selfOf(provider, c))} | ${share(selfOf(provider, c), provider.busyMs)} | ${ms(selfOf(baseline, c))} | ${share(selfOf(baseline, c), baseline.busyMs)} | ${((selfOf(provider, c) - selfOf(baseline, c)) / n).toFixed(2)} ms |`,
      ),
    "",
    `Top ${top} functions by self time, provider \`up\`:`,
    "",
    ...topRows(provider),
    "",
    `Top ${top} functions by self time, baseline \`up\`:`,
    "",
    ...topRows(baseline),
  ];
}
