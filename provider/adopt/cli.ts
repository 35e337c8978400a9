#!/usr/bin/env node
/**
 * `tencentcloud-organization`: bring an existing organization under Pulumi, and keep it there.
 *
 *   tencentcloud-organization adopt --out <dir> [--department <path>] [--tag key=value]... [--scope all]
 *                                   [--exclude-state <exported-stack.json>]... [--from-terraform <terraform.tfstate>]
 *                                   [--project <name>] [--stack <name>] [--force]
 *   tencentcloud-organization unmanaged --state <exported-stack.json>... [--summary-file <path>]
 *   tencentcloud-organization drift <the tencentcloud-organization-drift arguments> [--state <exported-stack.json>]...
 *
 * `adopt` reads the organization (or a Terraform state), plans (plan.ts) and writes a Pulumi
 * project: the data file (file.ts), the program and ADOPTION.md (program.ts), the import file
 * (importFile.ts) — nothing half-written (write.ts). `unmanaged` reports what no stack manages
 * (drift/unmanaged.ts). `drift` runs the drift report (drift/cli.ts, unchanged) and, given states,
 * adds the unmanaged report to the same summary.
 *
 * Credentials and endpoint come from the environment or the profile file, as for the provider
 * (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_ENDPOINT_URL, …); only the read
 * actions in live.ts are called. Exit codes: 0 done (nothing unmanaged), 1 something unmanaged (or
 * drift), 2 usage error or input that cannot be used (nothing written).
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { TencentApi } from "../api/call/client";
import { loadSettings } from "../api/call/settings";
import { ProviderError } from "../core/errors/ProviderError";
import { AdoptionError } from "../core/errors/AdoptionError";
import { formatUnmanagedMarkdown, formatUnmanagedText, unmanagedReport } from "../drift/unmanaged";
import { formatOrganizationFile } from "./file";
import { importFileOf } from "./importFile";
import type { Inventory } from "./inventory";
import { readLiveOrganization } from "./live";
import { readStackExport, type StackManagement } from "./managed";
import { type AdoptionPlan, organizationFileOf, planAdoption } from "./plan";
import { projectFiles } from "./program";
import { serializedProviders } from "./providerText";
import type { Scope } from "./scope";
import { inventoryFromTerraform } from "./terraform";
import { writeProjectFolder } from "./write";

/** The process exit codes. */
export const EXIT = { ok: 0, found: 1, usage: 2 } as const;

const USAGE = [
  "usage: tencentcloud-organization adopt --out <dir> [--department <path>] [--tag key=value]... [--scope all]",
  "                                       [--exclude-state <exported-stack.json>]... [--from-terraform <terraform.tfstate>]",
  "                                       [--project <name>] [--stack <name>] [--force]",
  "       tencentcloud-organization unmanaged --state <exported-stack.json>... [--summary-file <path>]",
  "       tencentcloud-organization drift <tencentcloud-organization-drift arguments> [--state <exported-stack.json>]...",
  "adopt writes a Pulumi project that adopts the organization as it is; unmanaged lists what no stack manages.",
  "Exit codes: 0 done, 1 something unmanaged (or drift), 2 usage error or unusable input (nothing written).",
].join("\n");

/** What a run needs from the outside world; tests pass their own. */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  /** The folder relative paths start from. */
  cwd: string;
  readFile(path: string): string;
  readStdin(): string;
  appendFile(path: string, text: string): void;
  out(text: string): void;
  err(text: string): void;
  /** The live organization (the real one reads Tencent with the environment's credentials). */
  readOrganization(): Promise<Inventory>;
  /** The serialized providers for the import file (providerText.ts). */
  serializedProviders(): Promise<{ member: string; department: string }>;
  /** Runs `tencentcloud-organization-drift` with these arguments; returns its exit code. */
  runDrift(args: string[]): number;
}

/**
 * Runs the command.
 * @param argv - the arguments after the command name
 * @returns the exit code ({@link EXIT})
 */
export async function runCommand(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "adopt":
        return await adopt(rest, io);
      case "unmanaged":
        return await unmanaged(rest, io);
      case "drift":
        return await drift(rest, io);
      case "--help":
      case "-h":
        io.out(`${USAGE}\n`);
        return EXIT.ok;
      default:
        io.err(`${command === undefined ? "a command is needed" : `unknown command "${command}"`}\n${USAGE}\n`);
        return EXIT.usage;
    }
  } catch (error) {
    // Errors the package raises on purpose say what happened and what to do; anything else is a bug.
    io.err(`${error instanceof ProviderError ? error.message : `unexpected error: ${(error as Error).stack ?? String(error)}`}\n`);
    return EXIT.usage;
  }
}

// ---------------------------------------------------------------------------------------- adopt

/** The adopt options, checked. */
export interface AdoptOptions {
  out: string;
  scope: Scope;
  excludeStates: string[];
  fromTerraform?: string;
  project: string;
  stack: string;
  force: boolean;
}

/** The default Pulumi project name of a generated program. */
export const DEFAULT_PROJECT = "tencentcloud-organization";
/** The default stack the import file is for. */
export const DEFAULT_STACK = "dev";

/**
 * Parses and checks the adopt arguments. Pure.
 * @throws AdoptionError naming the argument that is wrong
 */
export function parseAdoptArguments(argv: string[]): AdoptOptions {
  const { values, positionals } = parseStrict(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        department: { type: "string" },
        tag: { type: "string", multiple: true },
        scope: { type: "string" },
        "exclude-state": { type: "string", multiple: true },
        "from-terraform": { type: "string" },
        project: { type: "string" },
        stack: { type: "string" },
        force: { type: "boolean" },
      },
    }),
  );
  if (positionals.length > 0) throw new AdoptionError(`unexpected argument "${positionals[0]}"`, USAGE_HINT);
  const out = values.out;
  if (!out) throw new AdoptionError("adopt needs --out <dir>, the folder to write the program into", USAGE_HINT);
  const scopeAll = values.scope;
  if (scopeAll !== undefined && scopeAll !== "all") throw new AdoptionError(`--scope takes only "all", got "${scopeAll}"`, USAGE_HINT);
  const tagPairs = values.tag ?? [];
  const department = values.department;
  if (scopeAll === "all" && (department !== undefined || tagPairs.length > 0)) {
    throw new AdoptionError("--scope all selects the whole organization: give it without --department and --tag", USAGE_HINT);
  }
  const tags: Record<string, string> = {};
  for (const pair of tagPairs) {
    const at = pair.indexOf("=");
    if (at < 1 || at === pair.length - 1) throw new AdoptionError(`--tag takes key=value, got "${pair}"`, USAGE_HINT);
    tags[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return {
    out,
    scope: { ...(department !== undefined ? { department } : {}), ...(tagPairs.length > 0 ? { tags } : {}) },
    excludeStates: values["exclude-state"] ?? [],
    ...(values["from-terraform"] !== undefined ? { fromTerraform: values["from-terraform"] } : {}),
    project: values.project ?? DEFAULT_PROJECT,
    stack: values.stack ?? DEFAULT_STACK,
    force: values.force === true,
  };
}

async function adopt(argv: string[], io: CommandIo): Promise<number> {
  const options = parseAdoptArguments(argv);
  const stacks = readStacks(options.excludeStates, io);
  const inventory = options.fromTerraform
    ? inventoryFromTerraform(readInput(options.fromTerraform, io), options.fromTerraform)
    : await io.readOrganization();
  const plan = planAdoption(inventory, { scope: options.scope, stacks });
  const data = formatOrganizationFile(organizationFileOf(plan));
  const imports = `${JSON.stringify(importFileOf(plan, { project: options.project, stack: options.stack, providers: await io.serializedProviders() }), null, 2)}\n`;
  const files = projectFiles(
    plan,
    inventory.source,
    { project: options.project, stack: options.stack, packageVersion: packageVersion() },
    data,
    imports,
  );
  const outcome = writeProjectFolder(resolve(io.cwd, options.out), files, options.force);
  io.out(adoptSummary(plan, options, outcome.written, outcome.kept));
  return EXIT.ok;
}

/** What adopt says when it is done. */
function adoptSummary(plan: AdoptionPlan, options: AdoptOptions, written: string[], kept: string[]): string {
  const lines = [
    `Adopted ${plan.departments.length} departments and ${plan.members.length} members into ${options.out}: ${written.join(", ")}` +
      (kept.length > 0 ? ` (kept the folder's own ${kept.join(", ")})` : "") +
      ".",
  ];
  if (plan.leftOut.length > 0) {
    lines.push(`Left out ${plan.leftOut.length} (ADOPTION.md lists them too):`);
    for (const o of plan.leftOut) lines.push(`  ${o.kind} ${o.id} "${o.name}": ${o.reason}`);
  }
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  lines.push(
    `Next, in ${options.out}: pulumi stack init ${options.stack}, then pulumi up (changes nothing at Tencent), ` +
      "or pulumi import --file import.json --generate-code=false (no call to Tencent at all).",
  );
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------- unmanaged

async function unmanaged(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseStrict(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { state: { type: "string", multiple: true }, "summary-file": { type: "string" } },
    }),
  );
  if (positionals.length > 0) throw new AdoptionError(`unexpected argument "${positionals[0]}"`, USAGE_HINT);
  const files = values.state ?? [];
  if (files.length === 0) {
    throw new AdoptionError(
      "unmanaged needs --state <exported-stack.json> for each stack that manages members or departments",
      "write one with `pulumi stack export --file <file>` in each stack.",
    );
  }
  return reportUnmanaged(readStacks(files, io), values["summary-file"] ?? io.env.GITHUB_STEP_SUMMARY, io);
}

async function reportUnmanaged(stacks: StackManagement[], summaryFile: string | undefined, io: CommandIo): Promise<number> {
  const report = unmanagedReport(await io.readOrganization(), stacks);
  io.out(formatUnmanagedText(report));
  if (summaryFile) io.appendFile(summaryFile, `${formatUnmanagedMarkdown(report)}\n`);
  return report.unmanaged.length > 0 ? EXIT.found : EXIT.ok;
}

// ---------------------------------------------------------------------------------------- drift

/**
 * The drift report as `tencentcloud-organization-drift` makes it, with its arguments; given
 * `--state`, the unmanaged report follows it, in the log and in the same summary file.
 */
async function drift(argv: string[], io: CommandIo): Promise<number> {
  const forwarded: string[] = [];
  const states: string[] = [];
  let summaryFile: string | undefined;
  const separator = argv.indexOf("--");
  const own = separator < 0 ? argv : argv.slice(0, separator);
  for (let i = 0; i < own.length; i++) {
    if (own[i] === "--state" && i + 1 < own.length) states.push(own[++i]);
    else if (own[i].startsWith("--state=")) states.push(own[i].slice("--state=".length));
    else {
      if (own[i] === "--summary-file" && i + 1 < own.length) summaryFile = own[i + 1];
      forwarded.push(own[i]);
    }
  }
  const driftExit = io.runDrift([...forwarded, ...(separator < 0 ? [] : argv.slice(separator))]);
  if (states.length === 0 || driftExit === EXIT.usage) return driftExit;
  const unmanagedExit = await reportUnmanaged(readStacks(states, io), summaryFile ?? io.env.GITHUB_STEP_SUMMARY, io);
  return Math.max(driftExit, unmanagedExit);
}

// ---------------------------------------------------------------------------------------- shared

const USAGE_HINT = "run `tencentcloud-organization --help` for the usage.";

function readStacks(files: readonly string[], io: CommandIo): StackManagement[] {
  return files.map((file) => readStackExport(readInput(file, io), file));
}

/** A file's text (`-`: standard input). @throws AdoptionError when it cannot be read */
function readInput(file: string, io: CommandIo): string {
  try {
    return file === "-" ? io.readStdin() : io.readFile(resolve(io.cwd, file));
  } catch (error) {
    throw new AdoptionError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Runs a node:util parseArgs call, its errors (an unknown option, a missing value) as AdoptionError. */
function parseStrict<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new AdoptionError((error as Error).message, USAGE_HINT);
  }
}

/** This package's version (for the generated package.json): the nearest package.json of this package above this file. */
function packageVersion(): string {
  // dist/adopt/cli.js when installed, adopt/cli.ts when run from the sources.
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "pulumi-tencentcloud-organization" && manifest.version) return manifest.version;
    } catch {
      // no package.json here: look further up
    }
  }
  return "0.1.0";
}

/** The real world: files, standard input, Tencent with the environment's credentials, the drift bin. */
function processIo(): CommandIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => readFileSync(0, "utf8"),
    appendFile: (path, text) => appendFileSync(path, text),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    async readOrganization() {
      // Settings as the provider reads them, without stack config: environment, then profile file.
      const settings = loadSettings(() => undefined);
      const api = new TencentApi(settings, { logger: { info: (line) => process.stderr.write(`${line}\n`) } });
      return readLiveOrganization(api, settings.region);
    },
    serializedProviders,
    runDrift(args) {
      const result = spawnSync(process.execPath, [require.resolve("../drift/cli"), ...args], { stdio: "inherit" });
      return result.status ?? EXIT.usage;
    },
  };
}

if (require.main === module) {
  void runCommand(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
