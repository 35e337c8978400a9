#!/usr/bin/env node
/**
 * `tencentcloud-organization-drift`: the drift report of a stack, as a table in the job log and
 * as Markdown in the CI summary.
 *
 *   pulumi preview --refresh --json > preview.json
 *   tencentcloud-organization-drift preview.json          # or `-` (standard input)
 *   tencentcloud-organization-drift --run [-- <more pulumi preview arguments, e.g. --stack dev>]
 *
 * --summary-file PATH appends the Markdown report to PATH (default: $GITHUB_STEP_SUMMARY when set).
 * Exit codes: 0 no drift, 1 drift, 2 usage error or output that is not a preview (or a failed preview).
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PulumiCommandError } from "../core/errors/PulumiCommandError";
import { driftRows, formatMarkdown, formatTable, parsePreview, PreviewOutputError } from "./report";

/** The process exit codes, so that a pipeline can tell drift from a broken check. */
export const EXIT = { noDrift: 0, drift: 1, usage: 2 } as const;

const USAGE = [
  "usage: tencentcloud-organization-drift <preview.json | -> [--summary-file PATH]",
  "       tencentcloud-organization-drift --run [--summary-file PATH] [-- <pulumi preview arguments>]",
  "Reads `pulumi preview --refresh --json` output (or runs it with --run) and prints what drifted.",
  "Exit codes: 0 no drift, 1 drift, 2 usage error or unreadable preview. --summary-file defaults to $GITHUB_STEP_SUMMARY.",
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
  let values: { run?: boolean; "summary-file"?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { run: { type: "boolean" }, "summary-file": { type: "string" }, help: { type: "boolean", short: "h" } },
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
  const source = values.run ? undefined : positionals[0];
  if (
    (!values.run && source === undefined) ||
    (!values.run && positionals.length !== 1) ||
    (values.run && separator < 0 && positionals.length > 0)
  ) {
    io.err(`${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const text = values.run
      ? io.runPulumi(["preview", "--refresh", "--json", ...(separator >= 0 ? argv.slice(separator + 1) : [])])
      : source === "-"
        ? io.readStdin()
        : io.readFile(source as string);
    const rows = driftRows(parsePreview(text));
    io.out(formatTable(rows));
    const summaryFile = values["summary-file"] ?? io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) io.appendFile(summaryFile, `${formatMarkdown(rows)}\n`);
    return rows.length > 0 ? EXIT.drift : EXIT.noDrift;
  } catch (error) {
    io.err(`${error instanceof PreviewOutputError ? "" : "cannot read the preview: "}${(error as Error).message}\n`);
    return EXIT.usage;
  }
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
      // A preview that fails still prints its JSON document with the error diagnostics.
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
