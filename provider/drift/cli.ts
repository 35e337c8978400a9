#!/usr/bin/env node
/**
 * `tencentcloud-organization-drift`: the drift report of a stack, as a table in the job log and
 * as Markdown in the CI summary; with the stack's rule violations (the policy pack), a second
 * table beside it.
 *
 *   pulumi preview --refresh --json > preview.json
 *   tencentcloud-organization-drift preview.json          # or `-` (standard input)
 *   tencentcloud-organization-drift --run [-- <more pulumi preview arguments, e.g. --stack dev>]
 *
 *   pulumi policy analyze --json --policy-pack <pack> [--policy-pack-config <file>] > rules.jsonl
 *   tencentcloud-organization-drift preview.json --policy-events rules.jsonl
 *   tencentcloud-organization-drift --run --policy-pack <pack> [--policy-pack-config <file>] [-- --stack dev]
 *
 * --summary-file PATH appends the Markdown report to PATH (default: $GITHUB_STEP_SUMMARY when set).
 * Exit codes ({@link EXIT}): 0 nothing to report, 1 drift, 2 usage error or unreadable input (or a
 * failed preview or analysis), 3 rule violations (mandatory ones), 4 drift and rule violations.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PulumiCommandError } from "../core/errors/PulumiCommandError";
import { driftRows, formatMarkdown, formatTable, parsePreview, PreviewOutputError } from "./report";
import {
  formatViolationsMarkdown,
  formatViolationsTable,
  mandatoryCount,
  parsePolicyEvents,
  PolicyEventsError,
  type ViolationRow,
  violationRows,
} from "./violations";

/**
 * The process exit codes, so that a pipeline can tell drift from rule violations from a broken
 * check. Advisory violations are reported but do not change the code.
 */
export const EXIT = { noDrift: 0, drift: 1, usage: 2, violations: 3, driftAndViolations: 4 } as const;

const USAGE = [
  "usage: tencentcloud-organization-drift <preview.json | -> [--policy-events <events.jsonl | ->] [--summary-file PATH]",
  "       tencentcloud-organization-drift --run [--policy-pack PACK [--policy-pack-config FILE]] [--summary-file PATH] [-- <pulumi preview arguments>]",
  "Reads `pulumi preview --refresh --json` output (or runs it with --run) and prints what drifted; with --policy-events",
  "(the output of `pulumi policy analyze --json`) or --run --policy-pack (runs it), also the rule violations.",
  "Exit codes: 0 nothing to report, 1 drift, 2 usage error or unreadable input, 3 rule violations, 4 drift and rule violations.",
  "--summary-file defaults to $GITHUB_STEP_SUMMARY.",
].join("\n");

/** What a run needs from the outside world; tests pass their own. */
export interface DriftCommandIo {
  env: NodeJS.ProcessEnv;
  readFile(path: string): string;
  readStdin(): string;
  /** Runs `pulumi <args>` and returns its standard output, or throws. */
  runPulumi(args: string[]): string;
  appendFile(path: string, text: string): void;
  out(text: string): void;
  err(text: string): void;
}

/**
 * Runs the command.
 * @param argv - the arguments after the command name
 * @param io - file, process and output access
 * @returns the exit code ({@link EXIT})
 */
export function runDriftCommand(argv: string[], io: DriftCommandIo): number {
  let values: {
    run?: boolean;
    "summary-file"?: string;
    "policy-events"?: string;
    "policy-pack"?: string[];
    "policy-pack-config"?: string[];
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        run: { type: "boolean" },
        "summary-file": { type: "string" },
        "policy-events": { type: "string" },
        "policy-pack": { type: "string", multiple: true },
        "policy-pack-config": { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return EXIT.noDrift;
  }
  const separator = argv.indexOf("--");
  const passThrough = separator >= 0 ? argv.slice(separator + 1) : [];
  const source = values.run ? undefined : positionals[0];
  const packs = values["policy-pack"] ?? [];
  const packConfigs = values["policy-pack-config"] ?? [];
  const misuse =
    (!values.run && source === undefined) ||
    (!values.run && positionals.length !== 1) ||
    (values.run && separator < 0 && positionals.length > 0) ||
    (packs.length > 0 && !values.run) ||
    (packs.length > 0 && values["policy-events"] !== undefined) ||
    packConfigs.length > packs.length ||
    (source === "-" && values["policy-events"] === "-");
  if (misuse) {
    io.err(`${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const previewText = values.run ? io.runPulumi(["preview", "--refresh", "--json", ...passThrough]) : readInput(source as string, io);
    const rows = driftRows(parsePreview(previewText));
    const eventsText =
      packs.length > 0
        ? io.runPulumi(["policy", "analyze", "--json", ...policyPackArgs(packs, packConfigs), ...stackArgs(passThrough)])
        : values["policy-events"] !== undefined
          ? readInput(values["policy-events"], io)
          : undefined;
    const violations: ViolationRow[] | undefined = eventsText === undefined ? undefined : violationRows(parsePolicyEvents(eventsText));
    io.out(formatTable(rows));
    if (violations) io.out(`\n${formatViolationsTable(violations)}`);
    const summaryFile = values["summary-file"] ?? io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      io.appendFile(summaryFile, `${formatMarkdown(rows)}\n${violations ? `${formatViolationsMarkdown(violations)}\n` : ""}`);
    }
    return exitCode(rows.length > 0, violations !== undefined && mandatoryCount(violations) > 0);
  } catch (error) {
    const known = error instanceof PreviewOutputError || error instanceof PolicyEventsError;
    io.err(`${known ? "" : "cannot read the input: "}${(error as Error).message}\n`);
    return EXIT.usage;
  }
}

/**
 * The exit code for what the report found.
 * @param drift - whether anything drifted
 * @param violations - whether a mandatory rule is broken
 */
export function exitCode(drift: boolean, violations: boolean): number {
  if (drift && violations) return EXIT.driftAndViolations;
  if (violations) return EXIT.violations;
  return drift ? EXIT.drift : EXIT.noDrift;
}

function readInput(path: string, io: DriftCommandIo): string {
  return path === "-" ? io.readStdin() : io.readFile(path);
}

/** `--policy-pack P [--policy-pack-config C]` per pack; the n-th config belongs to the n-th pack, as for `pulumi`. */
function policyPackArgs(packs: readonly string[], configs: readonly string[]): string[] {
  return packs.flatMap((pack, index) => ["--policy-pack", pack, ...(configs[index] ? ["--policy-pack-config", configs[index]] : [])]);
}

/** The arguments after `--` that `pulumi policy analyze` understands too: the stack and the working directory. */
export function stackArgs(previewArgs: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < previewArgs.length; index++) {
    const arg = previewArgs[index];
    if (["--stack", "-s", "--cwd", "-C"].includes(arg) && index + 1 < previewArgs.length) {
      kept.push(arg, previewArgs[++index]);
    } else if (/^--(stack|cwd)=/.test(arg)) {
      kept.push(arg);
    }
  }
  return kept;
}

/** The real world: files, standard input, the `pulumi` on PATH (or $PULUMI_COMMAND). */
function processIo(): DriftCommandIo {
  return {
    env: process.env,
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => readFileSync(0, "utf8"),
    runPulumi(args) {
      const pulumi = process.env.PULUMI_COMMAND || "pulumi";
      const result = spawnSync(pulumi, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
      if (result.error) throw new PulumiCommandError(pulumi, args, `could not run it: ${result.error.message}`);
      // A preview that fails still prints its JSON document with the error diagnostics; an analysis
      // that finds mandatory violations exits 1 after printing its events.
      if (result.status !== 0 && !result.stdout.trim())
        throw new PulumiCommandError(pulumi, args, `it failed with exit code ${result.status} and printed nothing`);
      return result.stdout;
    },
    appendFile: (path, text) => appendFileSync(path, text),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}

if (require.main === module) {
  process.exitCode = runDriftCommand(process.argv.slice(2), processIo());
}
