/**
 * The compliance table beside the drift table, on real `pulumi policy analyze --json` output
 * (test/drift/fixtures/policy-analyze*.jsonl, written by capture-policy.ts from the engine), and the
 * drift command's second table and exit codes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DriftCommandIo, EXIT, exitCode, runDriftCommand, stackArgs } from "../../provider/drift/cli";
import {
  formatViolationsMarkdown,
  formatViolationsTable,
  mandatoryCount,
  parsePolicyEvents,
  PolicyEventsError,
  violationRows,
} from "../../provider/drift/violations";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const ANALYZE = fixture("policy-analyze.jsonl");
const ANALYZE_ADVISORY = fixture("policy-analyze-advisory.jsonl");
const rowsOf = (text: string) => violationRows(parsePolicyEvents(text));

describe("the violation rows of a real analysis", () => {
  it("are one per violation, sorted by resource and rule, naming the member or department by its Tencent name", () => {
    const rows = rowsOf(ANALYZE);
    expect(rows.map((r) => `${r.resource} ${r.type} ${r.rule} ${r.level}`)).toEqual([
      "ci OrganizationMember deletion-in-stacks mandatory",
      "ci OrganizationMember department-paths mandatory",
      "ci OrganizationMember member-permissions mandatory",
      "ci OrganizationMember member-permissions mandatory",
      "ci OrganizationMember naming mandatory",
      "ci OrganizationMember required-tags mandatory",
      "ci OrganizationMember required-tags mandatory",
      "lab OrganizationNode department-paths mandatory",
      "lab OrganizationNode naming mandatory",
      "lab OrganizationNode required-tags mandatory",
    ]);
    // The rule's description (the first line of the engine's message) is left out.
    expect(rows[9].message).toBe('department "lab-team" (OrganizationNode "lab") has no tag "team"; it is required.');
    expect(mandatoryCount(rows)).toBe(10);
  });

  it("keep the level the config gave: all advisory, none mandatory", () => {
    const rows = rowsOf(ANALYZE_ADVISORY);
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.level === "advisory")).toBe(true);
    expect(mandatoryCount(rows)).toBe(0);
  });

  it("are the same from the Automation API's events as a JSON array, and a violation reported twice counts once", () => {
    const events = ANALYZE.trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rowsOf(JSON.stringify([...events, events[0]]))).toEqual(rowsOf(ANALYZE));
  });

  it("name the stack for a violation of the whole stack", () => {
    const event = {
      policyEvent: {
        resourceUrn: "urn:pulumi:prod::org::pulumi:pulumi:Stack::org-prod",
        message: "d\nm",
        policyName: "p",
        enforcementLevel: "advisory",
      },
    };
    expect(rowsOf(JSON.stringify(event))).toEqual([{ resource: "org-prod", type: "Stack", rule: "p", level: "advisory", message: "m" }]);
  });
});

describe("events that cannot be read", () => {
  it.each([
    ["nothing", ""],
    ["text that is not JSON", "error: no stack selected"],
    ["a preview document", fixture("no-drift.json")],
    ["JSON that is not events", '{"resources": []}'],
    [
      "an analysis whose pack failed",
      '{"diagnosticEvent": {"severity": "error", "message": "policy pack failed to start: exec format error"}}',
    ],
  ])("are refused: %s", (_, text) => {
    expect(() => parsePolicyEvents(text)).toThrow(PolicyEventsError);
  });

  it("the events of a preview a rule stopped are read, its closing 'preview failed' taken as what it is", () => {
    const text = `${ANALYZE}\n{"diagnosticEvent": {"severity": "error", "message": "preview failed\\n"}}`;
    expect(rowsOf(text)).toHaveLength(10);
  });
});

describe("the violations table", () => {
  it("says so when there is none, in text and in Markdown", () => {
    expect(formatViolationsTable([])).toBe("No rule violations: every resource follows the organization's rules.\n");
    expect(formatViolationsMarkdown([])).toContain("No rule violations");
  });

  it("is aligned text with one line per violation", () => {
    const lines = formatViolationsTable(rowsOf(ANALYZE)).trimEnd().split("\n");
    expect(lines[0]).toBe("Rules: 10 rule violations, 10 mandatory (they stop `pulumi preview` and `pulumi up`):");
    expect(lines[1]).toMatch(/^RESOURCE\s+RULE\s+LEVEL\s+VIOLATION$/);
    expect(lines[3]).toMatch(
      /^ci \(OrganizationMember\)\s+deletion-in-stacks\s+mandatory\s+member "CI_Bot" \(OrganizationMember "ci"\) declares/,
    );
    expect(lines[1].indexOf("VIOLATION")).toBe(lines[3].indexOf('member "CI_Bot"'));
  });

  it("is a Markdown table under its own heading, pipes escaped", () => {
    const markdown = formatViolationsMarkdown([
      { resource: "a|b", type: "OrganizationNode", rule: "naming", level: "advisory", message: "x|y" },
    ]);
    expect(markdown).toContain("### Tencent Cloud Organization rules");
    expect(markdown).toContain("1 rule violation, all advisory.");
    expect(markdown).toContain("| Resource | Rule | Level | Violation |");
    expect(markdown).toContain("| a\\|b (OrganizationNode) | `naming` | advisory | x\\|y |");
  });
});

/** The command with files, pulumi and output in memory; `pulumi` answers per subcommand. */
function commandIo(files: Record<string, string>, pulumi: Record<string, string> = {}) {
  const written: Record<string, string> = {};
  const calls: string[][] = [];
  let out = "";
  let err = "";
  const io: DriftCommandIo = {
    env: {},
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
    readStdin: () => files["-"] ?? "",
    runPulumi: (args) => {
      calls.push(args);
      return pulumi[args[0]] ?? "";
    },
    appendFile: (path, text) => {
      written[path] = (written[path] ?? "") + text;
    },
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  };
  return { io, written, calls, output: () => ({ out, err }) };
}

describe("the drift command with rule violations", () => {
  it.each([
    ["no drift, no violation", "no-drift.json", undefined, EXIT.noDrift, 0],
    ["drift only", "name.json", undefined, EXIT.drift, 1],
    ["no drift, every rule advisory", "no-drift.json", ANALYZE_ADVISORY, EXIT.noDrift, 0],
    ["drift, every rule advisory", "name.json", ANALYZE_ADVISORY, EXIT.drift, 1],
    ["mandatory violations only", "no-drift.json", ANALYZE, EXIT.violations, 3],
    ["drift and mandatory violations", "name.json", ANALYZE, EXIT.driftAndViolations, 4],
  ])("exits %s with %s", (_, preview, events, code, number) => {
    const command = commandIo({ "preview.json": fixture(preview), "rules.jsonl": events ?? "" });
    const argv = ["preview.json", ...(events === undefined ? [] : ["--policy-events", "rules.jsonl"])];
    expect(runDriftCommand(argv, command.io)).toBe(code);
    expect(code).toBe(number); // the numbers the docs promise
  });

  it("prints both tables and appends both Markdown tables, drift first", () => {
    const command = commandIo({ "preview.json": fixture("name.json"), "-": ANALYZE });
    runDriftCommand(["preview.json", "--policy-events", "-", "--summary-file", "summary.md"], command.io);
    const { out } = command.output();
    expect(out.indexOf("Drift: 1 difference")).toBeGreaterThanOrEqual(0);
    expect(out.indexOf("Rules: 10 rule violations")).toBeGreaterThan(out.indexOf("Drift: 1 difference"));
    const summary = command.written["summary.md"];
    expect(summary.indexOf("### Tencent Cloud Organization rules")).toBeGreaterThan(
      summary.indexOf("### Tencent Cloud Organization drift"),
    );
    expect(summary).toContain("| renamed (renamed-by-hand) | `name` | `renamed-by-hand` | `drift-renamed` | update |");
    expect(summary).toContain(
      '| ci (OrganizationMember) | `naming` | mandatory | member "CI_Bot" (OrganizationMember "ci"): the name does not match',
    );
  });

  it("without rule events, writes the drift table alone, as before", () => {
    const command = commandIo({ "preview.json": fixture("name.json") });
    runDriftCommand(["preview.json", "--summary-file", "summary.md"], command.io);
    expect(command.written["summary.md"]).not.toContain("rules");
    expect(command.output().out).not.toContain("Rules:");
  });

  it("with --run --policy-pack runs pulumi policy analyze with the pack, its config and the stack", () => {
    const command = commandIo({}, { preview: fixture("no-drift.json"), policy: ANALYZE });
    const argv = [
      "--run",
      "--policy-pack",
      "pack/pulumi-analyzer-policy",
      "--policy-pack-config",
      "rules.json",
      "--",
      "--stack",
      "prod",
      "--diff",
    ];
    expect(runDriftCommand(argv, command.io)).toBe(EXIT.violations);
    expect(command.calls).toEqual([
      ["preview", "--refresh", "--json", "--stack", "prod", "--diff"],
      [
        "policy",
        "analyze",
        "--json",
        "--policy-pack",
        "pack/pulumi-analyzer-policy",
        "--policy-pack-config",
        "rules.json",
        "--stack",
        "prod",
      ],
    ]);
  });

  it.each([
    ["--policy-pack without --run", ["preview.json", "--policy-pack", "p"]],
    ["--policy-pack with --policy-events", ["--run", "--policy-pack", "p", "--policy-events", "rules.jsonl"]],
    ["a config without a pack", ["--run", "--policy-pack-config", "c.json"]],
    ["the preview and the events both on standard input", ["-", "--policy-events", "-"]],
    ["events that are not events", ["preview.json", "--policy-events", "bad.jsonl"]],
    ["a missing events file", ["preview.json", "--policy-events", "missing.jsonl"]],
  ])("exits 2 on %s", (_, argv) => {
    const command = commandIo({ "preview.json": fixture("no-drift.json"), "bad.jsonl": "oops" });
    expect(runDriftCommand(argv, command.io)).toBe(EXIT.usage);
    expect(command.output().err).not.toBe("");
  });
});

describe("the exit code", () => {
  it.each([
    [false, false, 0],
    [true, false, 1],
    [false, true, 3],
    [true, true, 4],
  ])("drift %s, violations %s: %i", (drift, violations, code) => {
    expect(exitCode(drift, violations)).toBe(code);
  });
});

describe("the preview arguments pulumi policy analyze is given too", () => {
  it.each([
    [
      ["--stack", "prod", "--diff"],
      ["--stack", "prod"],
    ],
    [
      ["-s", "prod", "-C", "infra"],
      ["-s", "prod", "-C", "infra"],
    ],
    [
      ["--stack=prod", "--cwd=infra", "--refresh"],
      ["--stack=prod", "--cwd=infra"],
    ],
    [["--target", "urn"], []],
  ])("%j → %j", (previewArgs, kept) => {
    expect(stackArgs(previewArgs)).toEqual(kept);
  });
});
