/**
 * The generated program compiles under the settings it is written with (strict), against the
 * package's published types — Pulumi type-checks a TypeScript program before it runs it — and the
 * project files carry no date or absolute path (the same organization gives the same bytes).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { planAdoption } from "../../provider/adopt/plan";
import { PROGRAM_TEXT, projectFiles, TSCONFIG_TEXT } from "../../provider/adopt/program";
import { REPO_ROOT } from "../../scripts/lib/engine";
import { acmeOrganization } from "./support/inventory";

// Under the repository, so the program resolves the package (provider/dist: `npm run build` first) as it would in a project.
const folder = join(REPO_ROOT, ".pulumi-state", `adopt-typecheck-${process.pid}`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the generated program", () => {
  it("compiles with strict TypeScript against the package's types", () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "index.ts"), PROGRAM_TEXT);
    const { options } = ts.convertCompilerOptionsFromJson(JSON.parse(TSCONFIG_TEXT).compilerOptions, folder);
    const program = ts.createProgram([join(folder, "index.ts")], { ...options, noEmit: true, types: ["node"] });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  }, 60_000);

  it("is written with files that depend only on the organization and the names given", () => {
    const plan = planAdoption(acmeOrganization(), { scope: {}, stacks: [] });
    const files = projectFiles(plan, { kind: "tencent" }, { project: "acme", stack: "prod", packageVersion: "0.1.0" }, "{}", "{}");
    for (const file of files) {
      expect(file.text, file.path).not.toMatch(/\d{4}-\d{2}-\d{2}T|\/work\/|\/tmp\//);
    }
    expect(files.map((f) => [f.path, f.onlyIfAbsent ?? false])).toEqual([
      ["Pulumi.yaml", false],
      ["index.ts", false],
      ["organization.json", false],
      ["import.json", false],
      ["ADOPTION.md", false],
      ["package.json", true],
      ["tsconfig.json", true],
    ]);
  });
});
