/**
 * The drift report on real `pulumi preview --refresh --json` documents (test/drift/fixtures,
 * written by capture.ts from the engine): one table row per drifted member and field.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT, runDriftCommand, type DriftCommandIo } from "../../provider/drift/cli";
import { driftRows, formatMarkdown, formatTable, formatValue, parsePreview, PreviewOutputError } from "../../provider/drift/report";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", `${name}.json`), "utf8");
const rowsOf = (name: string) =>
  driftRows(parsePreview(fixture(name))).map(({ resource, memberName, field, inTencent, inProgram, action }) => ({
    resource,
    memberName,
    field,
    inTencent,
    inProgram,
    action,
  }));

describe("the drift rows of a real preview", () => {
  it("are none when nothing drifted", () => {
    expect(rowsOf("no-drift")).toEqual([]);
  });

  it.each([
    [
      "name",
      {
        resource: "renamed",
        memberName: "renamed-by-hand",
        field: "name",
        inTencent: "renamed-by-hand",
        inProgram: "drift-renamed",
        action: "update",
      },
    ],
    [
      "permissions",
      {
        resource: "repermitted",
        memberName: "drift-repermitted",
        field: "permissionIds",
        inTencent: "1,2,3,9",
        inProgram: "1,2,8",
        action: "update",
      },
    ],
    [
      "tags",
      {
        resource: "retagged",
        memberName: "drift-retagged",
        field: "tags",
        inTencent: "owner=bob team=ml",
        inProgram: "team=data",
        action: "update",
      },
    ],
    [
      "department",
      { resource: "moved", memberName: "drift-moved", field: "nodeId", inTencent: "100003", inProgram: "100001", action: "update" },
    ],
    [
      "deleted",
      {
        resource: "deleted",
        memberName: "drift-deleted",
        field: "(member)",
        inTencent: "(missing: deleted outside Pulumi, or never created)",
        inProgram: "(declared)",
        action: "create",
      },
    ],
  ])("name the member, the field, Tencent's value and the program's for a drifted %s", (name, row) => {
    expect(rowsOf(name)).toEqual([row]);
  });

  it("list every drifted member when several drifted at once, by resource name", () => {
    expect(rowsOf("name-and-department").map((r) => `${r.resource}.${r.field}: ${r.inTencent} -> ${r.inProgram}`)).toEqual([
      "moved.nodeId: 100002 -> 100001",
      "renamed.name: renamed-again -> drift-renamed",
    ]);
  });
});

describe("the drift table", () => {
  it("says so when nothing drifted, in text and in Markdown", () => {
    expect(formatTable([])).toBe("No drift: every department, member, policy and attachment matches the program.\n");
    expect(formatMarkdown([])).toContain("No drift: every department, member, policy and attachment matches the program.");
  });

  it("is aligned text with one line per row", () => {
    const lines = formatTable(driftRows(parsePreview(fixture("tags"))))
      .trimEnd()
      .split("\n");
    expect(lines[0]).toMatch(/^Drift: 1 difference between Tencent and the program/);
    expect(lines[1]).toMatch(/^RESOURCE\s+FIELD\s+IN TENCENT\s+IN THE PROGRAM\s+NEXT UP$/);
    expect(lines[3]).toMatch(/^retagged \(drift-retagged\)\s+tags\s+owner=bob team=ml\s+team=data\s+update$/);
    expect(lines[1].indexOf("FIELD")).toBe(lines[3].indexOf("tags"));
  });

  it("is a Markdown table with the same rows, pipes escaped", () => {
    const markdown = formatMarkdown([{ resource: "a|b", field: "tags", inTencent: "k=x|y", inProgram: "(not set)", action: "update" }]);
    expect(markdown).toContain("| Resource | Field | In tencent | In the program | Next up |");
    expect(markdown).toContain("| a\\|b | `tags` | `k=x\\|y` | (not set) | update |");
  });
});

describe("formatValue", () => {
  it.each([
    [undefined, "(not set)"],
    ["", '""'],
    [[], "(none)"],
    [{}, "(none)"],
    [[3, 1], "3,1"],
    [{ b: "2", a: "1" }, "a=1 b=2"],
    [false, "false"],
  ])("shows %j as %s", (value, text) => {
    expect(formatValue(value)).toBe(text);
  });
});

describe("a preview that cannot be read", () => {
  it.each([
    ["text that is not JSON", "error: no stack selected"],
    ["JSON that is not a preview", '{"resources": []}'],
    ["a failed preview", '{"steps": [], "diagnostics": [{"severity": "error", "message": "program failed: bad members file"}]}'],
    ["broken JSON", '{"steps": ['],
  ])("is refused: %s", (_, text) => {
    expect(() => parsePreview(text)).toThrow(PreviewOutputError);
  });
});

/** The command with files, pulumi and output in memory. */
function commandIo(files: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const written: Record<string, string> = {};
  const calls: string[][] = [];
  let out = "";
  let err = "";
  const io: DriftCommandIo = {
    env,
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
    readStdin: () => files["-"] ?? "",
    runPulumi: (args) => {
      calls.push(args);
      return files.pulumi;
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

describe("the tencentcloud-organization-drift command", () => {
  it("exits 0 on no drift and 1 on drift, printing the table", () => {
    const clean = commandIo({ "preview.json": fixture("no-drift") });
    expect(runDriftCommand(["preview.json"], clean.io)).toBe(EXIT.noDrift);
    expect(clean.output().out).toContain("No drift");
    const drifted = commandIo({ "-": fixture("permissions") });
    expect(runDriftCommand(["-"], drifted.io)).toBe(EXIT.drift);
    expect(drifted.output().out).toContain("permissionIds");
  });

  it("appends the Markdown report to --summary-file, else to GITHUB_STEP_SUMMARY", () => {
    const explicit = commandIo({ "p.json": fixture("name") }, { GITHUB_STEP_SUMMARY: "/gh/summary" });
    runDriftCommand(["p.json", "--summary-file", "summary.md"], explicit.io);
    expect(Object.keys(explicit.written)).toEqual(["summary.md"]);
    expect(explicit.written["summary.md"]).toContain(
      "| renamed (renamed-by-hand) | `name` | `renamed-by-hand` | `drift-renamed` | update |",
    );
    const github = commandIo({ "p.json": fixture("name") }, { GITHUB_STEP_SUMMARY: "/gh/summary" });
    runDriftCommand(["p.json"], github.io);
    expect(Object.keys(github.written)).toEqual(["/gh/summary"]);
  });

  it("with --run runs pulumi preview --refresh --json with the arguments after --", () => {
    const run = commandIo({ pulumi: fixture("deleted") });
    expect(runDriftCommand(["--run", "--", "--stack", "dev"], run.io)).toBe(EXIT.drift);
    expect(run.calls).toEqual([["preview", "--refresh", "--json", "--stack", "dev"]]);
  });

  it.each([
    ["no input", []],
    ["two inputs", ["a.json", "b.json"]],
    ["an unknown option", ["--verbose", "a.json"]],
    ["a missing file", ["missing.json"]],
    ["output that is not a preview", ["bad.json"]],
  ])("exits 2 on %s", (_, argv) => {
    const command = commandIo({ "a.json": fixture("no-drift"), "b.json": fixture("no-drift"), "bad.json": "oops" });
    expect(runDriftCommand(argv, command.io)).toBe(EXIT.usage);
    expect(command.output().err).not.toBe("");
  });
});
