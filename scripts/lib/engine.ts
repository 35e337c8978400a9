/**
 * Runs an example program through the real Pulumi engine, offline.
 *
 * The CLI is built from source (scripts/build-pulumi-cli.sh); the Node.js language host is not
 * served by the Go module proxy, so programs run as Automation API *inline programs*: the CLI
 * is started with `--client` and calls back into this process to run the program. Resources
 * are then handled by the engine exactly as with `pulumi up`: the dynamic provider runs in the
 * `pulumi-resource-pulumi-nodejs` process the engine starts, from the state's `__provider` text.
 *
 * Everything Pulumi writes (PULUMI_HOME, the file backend, the stack config file) goes under
 * one state folder, so nothing lands in the git tree and a run can be thrown away whole.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import {
  LocalWorkspace,
  PulumiCommand,
  type ConfigMap,
  type DestroyResult,
  type Deployment,
  type OutputMap,
  type PreviewResult,
  type RefreshResult,
  type Stack,
  type UpResult,
} from "@pulumi/pulumi/automation";
import { directConnectionEnv } from "./proxy";

/** The repository root (scripts/lib/ → ../..). */
export const REPO_ROOT = resolve(__dirname, "..", "..");

/**
 * Where a stack's provider sends its API calls, and with which key pair. A key pair given here
 * is written to the stack config (the secret key encrypted); without one, the provider reads
 * TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY or the profile file itself.
 */
export interface Target {
  /** Emulator (or other) base URL; absent means real Tencent Cloud. */
  endpointUrl?: string;
  secretId?: string;
  secretKey?: string;
}

/** How to open a stack. */
export interface StackSettings {
  /** The program module, e.g. "examples/basic" (a folder with index.ts) or a file; relative to the repo root. */
  program: string;
  /** Project name; stack config keys without a namespace belong to it. */
  projectName: string;
  stackName: string;
  /**
   * Folder for everything Pulumi writes (home, file backend, workspace with the stack config).
   * It must sit under the repository root: the engine starts the dynamic provider in the
   * workspace folder, and the provider finds `@pulumi/pulumi` and the provider package by
   * walking up to the root `node_modules`.
   */
  stateDir: string;
  target: Target;
  /** Program config, `key` → value (namespaced with the project unless the key has a colon). */
  config?: Record<string, string | { value: string; secret?: boolean }>;
  /** Extra environment for the CLI and the provider process (e.g. PULUMI_PARALLEL). */
  env?: Record<string, string>;
}

/** The text of an operation's output, returned even when it fails. */
export interface OperationFailure extends Error {
  stdout?: string;
  stderr?: string;
}

/** A stack ready for operations. Every operation runs the program module afresh. */
export interface EngineStack {
  stack: Stack;
  /** `diff` (default true) prints every property of every step, as `pulumi up --diff`. */
  up(opts?: { refresh?: boolean; diff?: boolean; onOutput?: (out: string) => void }): Promise<UpResult>;
  preview(opts?: {
    refresh?: boolean;
    expectNoChanges?: boolean;
    diff?: boolean;
    onOutput?: (out: string) => void;
  }): Promise<PreviewResult>;
  /** `pulumi preview --json` (with `--refresh` when asked): the document the CLI prints, as text. */
  previewJson(opts?: { refresh?: boolean }): Promise<string>;
  /** `pulumi cancel`: removes the stack's lock. */
  cancel(): Promise<void>;
  /** `runProgram` runs the program first, so the refresh uses the current provider config rather than the state's. */
  refresh(opts?: { clearPendingCreates?: boolean; runProgram?: boolean; onOutput?: (out: string) => void }): Promise<RefreshResult>;
  destroy(opts?: { onOutput?: (out: string) => void }): Promise<DestroyResult>;
  /** `pulumi stack export`: the state as stored, secrets encrypted (the Automation API's own export decrypts them). */
  exportStack(): Promise<Deployment>;
  outputs(): Promise<OutputMap>;
  setConfig(key: string, value: string, secret?: boolean): Promise<void>;
  /** The environment the CLI runs with (for running `pulumi` by hand). */
  env: Record<string, string>;
  cliDir: string;
  workDir: string;
}

let cliDir: string | undefined;

/**
 * Builds (first time) or reuses the Pulumi CLI; returns the folder holding `pulumi` and the
 * provider shim. PULUMI_CLI_DIR (set by scripts/main.sh and test.sh) skips the build script.
 */
export function resolveCli(): string {
  cliDir ??= process.env.PULUMI_CLI_DIR || buildCli();
  return cliDir;
}

/** Runs the build script; the last line it prints is the folder. */
function buildCli(): string {
  const lines = execFileSync("bash", [join(REPO_ROOT, "scripts", "build-pulumi-cli.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n");
  return lines[lines.length - 1];
}

/** The offline environment for the CLI and, through it, the provider process. */
export function engineEnv(stateDir: string, cli: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PULUMI_HOME: join(stateDir, "home"),
    PULUMI_BACKEND_URL: `file://${join(stateDir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    // The engine finds `pulumi-resource-pulumi-nodejs` (the dynamic provider) on PATH.
    PATH: `${cli}:${process.env.PATH ?? ""}`,
    // The Tencent SDK honours http_proxy; the emulator is on loopback and must be reached directly.
    ...directConnectionEnv(),
    ...extra,
  };
}

/**
 * The Automation API's handle on the CLI. `PulumiCommand.get({root})` expects `<root>/bin/pulumi`
 * (the layout of its own installer); without `root` it runs `pulumi` from this process's PATH,
 * so the built CLI's folder goes first on it.
 */
async function pulumiCommand(cli: string): Promise<PulumiCommand> {
  const path = process.env.PATH ?? "";
  if (!path.split(":").includes(cli)) process.env.PATH = `${cli}:${path}`;
  return PulumiCommand.get({ skipVersionCheck: true });
}

/** Creates or selects the stack, writes its config and returns the operations. */
export async function openStack(settings: StackSettings): Promise<EngineStack> {
  const cli = resolveCli();
  const stateDir = resolve(settings.stateDir);
  const workDir = join(stateDir, "work");
  for (const dir of ["home", "backend", "work"]) mkdirSync(join(stateDir, dir), { recursive: true });
  const env = engineEnv(stateDir, cli, settings.env);
  const modulePath = resolveProgram(settings.program);

  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: settings.stackName, projectName: settings.projectName, program: () => runFresh(modulePath) },
    {
      workDir,
      envVars: env,
      pulumiCommand: await pulumiCommand(cli),
      projectSettings: { name: settings.projectName, runtime: "nodejs", backend: { url: env.PULUMI_BACKEND_URL } },
    },
  );
  const config = stackConfig(settings);
  if (Object.keys(config).length > 0) await stack.setAllConfig(config);

  const withOutput = <T extends object>(opts: T & { onOutput?: (out: string) => void }) => ({ color: "never" as const, ...opts });
  return {
    stack,
    env,
    cliDir: cli,
    workDir,
    up: (opts = {}) => stack.up(withOutput({ diff: true, ...opts })),
    preview: (opts = {}) => stack.preview(withOutput({ diff: true, ...opts })),
    previewJson: async (opts = {}) => {
      // The Automation API has no `json` option; the workspace's per-operation arguments are
      // appended to the command line, so `--json` goes in there for this one call.
      const workspace = stack.workspace as LocalWorkspace;
      const serialize = workspace.serializeArgsForOp.bind(workspace);
      workspace.serializeArgsForOp = async (name: string) => [...(await serialize(name)), "--json"];
      try {
        return (await stack.preview({ refresh: opts.refresh ?? false })).stdout;
      } finally {
        workspace.serializeArgsForOp = serialize;
      }
    },
    cancel: () => stack.cancel(),
    refresh: (opts = {}) => stack.refresh(withOutput(opts)),
    destroy: (opts = {}) => stack.destroy(withOutput(opts)),
    exportStack: async () => {
      const text = execFileSync(join(cli, "pulumi"), ["stack", "export", "--stack", settings.stackName], {
        cwd: workDir,
        env: { ...process.env, ...env },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      return JSON.parse(text) as Deployment;
    },
    outputs: () => stack.outputs(),
    setConfig: (key, value, secret = false) => stack.setConfig(key, { value, secret }),
  };
}

/** Provider config (credentials, endpoint) plus the program's own keys. The secret key is stored encrypted. */
export function stackConfig(settings: Pick<StackSettings, "target" | "config">): ConfigMap {
  const config: ConfigMap = {};
  if (settings.target.secretId && settings.target.secretKey) {
    // Stack config reaches the state (the engine records it as the inputs of the default
    // pulumi-nodejs provider), so both halves of the key pair are stored encrypted.
    config["tencentcloud:secretId"] = { value: settings.target.secretId, secret: true };
    config["tencentcloud:secretKey"] = { value: settings.target.secretKey, secret: true };
  }
  if (settings.target.endpointUrl) config["tencentcloud:endpointUrl"] = { value: settings.target.endpointUrl };
  for (const [key, entry] of Object.entries(settings.config ?? {})) {
    config[key] = typeof entry === "string" ? { value: entry } : { value: entry.value, secret: entry.secret ?? false };
  }
  return config;
}

function resolveProgram(program: string): string {
  const path = resolve(REPO_ROOT, program);
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, "index.ts") : path;
  if (!existsSync(file)) throw new Error(`no program module at ${program} (looked for ${file})`);
  return file;
}

// Programs are TypeScript modules written for the CLI (`export = async () => …`); they are
// loaded with Node's own require and tsx's TypeScript hook, so the provider package they import
// is the same one the engine's provider process loads (not a test runner's transformed copy).
const nativeRequire = createRequire(join(REPO_ROOT, "package.json"));
let typescriptHookRegistered = false;

/** Loads the program module afresh (so a second `up` runs it again) and runs it. */
async function runFresh(modulePath: string): Promise<Record<string, unknown> | undefined> {
  if (!typescriptHookRegistered && !nativeRequire.extensions[".ts"]) {
    // (typed by hand: tsx's own types need moduleResolution node16, the repository uses node)
    const { register } = nativeRequire("tsx/cjs/api") as { register: () => void };
    register();
  }
  typescriptHookRegistered = true;
  // The program's own local modules (e.g. the pipeline's data-file parser) are reloaded too.
  const programDir = resolve(modulePath, "..");
  for (const key of Object.keys(nativeRequire.cache)) {
    if (key.startsWith(programDir) && !key.includes("node_modules")) delete nativeRequire.cache[key];
  }
  const loaded = nativeRequire(modulePath) as unknown;
  const program = (typeof loaded === "function" ? loaded : (loaded as { default?: unknown }).default) as
    | (() => Promise<Record<string, unknown> | undefined>)
    | undefined;
  if (typeof program !== "function") throw new Error(`${modulePath} must export its program: \`export = async () => { … }\``);
  return program();
}
