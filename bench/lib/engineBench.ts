/**
 * Benchmarks through the real engine: `pulumi up`, a no-op `up` and `pulumi refresh` of N
 * OrganizationMembers against an emulator (own process, Tencent's 20/s limit on, a stated
 * latency per call), beside the same N do-nothing dynamic resources (the engine's own cost).
 * Programs run as Automation API inline programs (scripts/lib/engine.ts), the provider in the
 * engine's own `pulumi-resource-pulumi-nodejs` process, loaded from the state's `__provider`.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openStack, REPO_ROOT, type EngineStack } from "../../scripts/lib/engine";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type EmulatorOptions, type RequestLogEntry } from "../../test/emulator/index";

/** One engine operation measured. */
export interface OperationResult {
  seconds: number;
  /** Calls per action that reached the emulator during the operation. */
  calls: Record<string, number>;
  /** Answers RequestLimitExceeded* during the operation. */
  throttled: number;
  /** Peak RSS of the dynamic-provider process, MiB. */
  peakRssMiB?: number;
  /** The provider lifecycle module(s) the dynamic-provider process loaded (which build ran). */
  lifecycleModules: string[];
}

/** A started emulator process and its admin interface over HTTP. */
export interface EmulatorProcess {
  url: string;
  counters(): Promise<Record<string, number>>;
  log(): Promise<RequestLogEntry[]>;
  members(): Promise<{ memberUin: number; name: string }[]>;
  close(): Promise<void>;
}

/** Starts the emulator in a child process (its CPU is then not the program host's). */
export async function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve("tsx/cli"), join(__dirname, "emulatorProcess.ts"), JSON.stringify(options)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(text.trim());
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const get = async <T>(path: string): Promise<T> => (await fetch(`${url}/_emulator/${path}`)).json() as Promise<T>;
  return {
    url,
    counters: () => get("counters"),
    log: () => get("log"),
    members: () => get("members"),
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const RSS_DIR = join(REPO_ROOT, ".pulumi-state", "bench", "rss");

/** How a benchmark stack runs beside its program and config. */
export interface BenchStackOptions {
  /** PULUMI_PARALLEL. */
  parallel?: number;
  /** Profile the dynamic-provider process's CPU into this folder (bench/lib/cpuProfileHook.cjs). */
  cpuProfileDir?: string;
  /** PULUMI_SKIP_CHECKPOINTS: the engine writes the state only at the end of the operation. */
  skipCheckpoints?: boolean;
}

/**
 * Opens a benchmark stack of `program` under a throwaway state folder, `<runDir>/<name>`. The
 * provider process starts in `<runDir>/<name>/work` and loads the provider package it finds by
 * walking up from there (bench/lib/builds.ts puts BEFORE's stacks where that is the BEFORE build).
 */
export async function benchStack(
  runDir: string,
  name: string,
  program: "members" | "noop",
  emulatorUrl: string,
  config: Record<string, string>,
  options: BenchStackOptions = {},
): Promise<EngineStack> {
  const { parallel, cpuProfileDir, skipCheckpoints } = options;
  mkdirSync(RSS_DIR, { recursive: true });
  const hooks = [join(__dirname, "peakRss.cjs"), ...(cpuProfileDir ? [join(__dirname, "cpuProfileHook.cjs")] : [])];
  return openStack({
    program: `bench/programs/${program}.ts`,
    projectName: "bench",
    stackName: name,
    stateDir: join(runDir, name),
    target: { endpointUrl: emulatorUrl, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    config,
    env: {
      NODE_OPTIONS: hooks.map((hook) => `--require ${hook}`).join(" "),
      BENCH_RSS_DIR: RSS_DIR,
      ...(cpuProfileDir ? { BENCH_CPU_PROFILE_DIR: cpuProfileDir } : {}),
      ...(parallel ? { PULUMI_PARALLEL: String(parallel) } : {}),
      ...(skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
    },
  });
}

/** Runs `operation` and measures it against the emulator's counters and log. */
export async function measure(emulator: EmulatorProcess | undefined, operation: () => Promise<unknown>): Promise<OperationResult> {
  rmSync(RSS_DIR, { recursive: true, force: true });
  mkdirSync(RSS_DIR, { recursive: true });
  const before = emulator ? await emulator.counters() : {};
  const startedIso = new Date().toISOString();
  const started = performance.now();
  await operation();
  const seconds = (performance.now() - started) / 1000;
  const after = emulator ? await emulator.counters() : {};
  const calls = Object.fromEntries(
    Object.entries(after)
      .map(([action, count]) => [action, count - (before[action] ?? 0)] as const)
      .filter(([, delta]) => delta > 0),
  );
  const throttled = emulator
    ? (await emulator.log()).filter((e) => e.time >= startedIso && e.errorCode?.startsWith("RequestLimitExceeded")).length
    : 0;
  const probes = readdirSync(RSS_DIR).map(
    (f) => JSON.parse(readFileSync(join(RSS_DIR, f), "utf8")) as { maxRssKiB: number; lifecycle?: string[] },
  );
  const peaks = probes.map((p) => p.maxRssKiB);
  const lifecycleModules = [...new Set(probes.flatMap((p) => p.lifecycle ?? []))];
  return { seconds, calls, throttled, lifecycleModules, ...(peaks.length > 0 ? { peakRssMiB: Math.max(...peaks) / 1024 } : {}) };
}

/** `pulumi stack export` as the CLI prints it, with the `__provider` text of the first member. */
export function exportedState(stack: EngineStack): { bytes: number; resources: number; providerBytes?: number } {
  const name = stack.stack.name;
  const text = execFileSync(join(stack.cliDir, "pulumi"), ["stack", "export", "--stack", name], {
    cwd: stack.workDir,
    env: { ...process.env, ...stack.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const resources =
    (JSON.parse(text) as { deployment: { resources?: { type: string; inputs?: { __provider?: string } }[] } }).deployment.resources ?? [];
  const dynamic = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
  const provider = dynamic[0]?.inputs?.__provider;
  return { bytes: Buffer.byteLength(text), resources: dynamic.length, ...(provider ? { providerBytes: Buffer.byteLength(provider) } : {}) };
}
