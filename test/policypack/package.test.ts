/**
 * The pack as the package ships it (`npm run build` first): `npm pack` of the provider holds the
 * pack's folder (PulumiPolicy.yaml and an executable `pulumi-analyzer-policy`) and its compiled
 * code, not its sources; the executable starts the pack's analyzer server — the CLI then reads the
 * port it prints — in both ways a CLI starts it, and leaves another Node.js pack to Pulumi's shim.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/engine";
import { PACK } from "./engine";

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) child.kill();
});

/**
 * Starts the executable — by its path, or by its name on PATH as an older CLI finds its
 * `pulumi-analyzer-policy` — and resolves with the first line it prints.
 */
function firstLine(args: string[], cwd: string, how: "by path" | "on PATH" = "by path"): Promise<string> {
  const child =
    how === "by path"
      ? spawn(PACK, args, { cwd, stdio: ["ignore", "pipe", "pipe"] })
      : spawn("pulumi-analyzer-policy", args, {
          cwd,
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, PATH: `${dirname(PACK)}:${process.env.PATH}` },
        });
  started.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]);
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`exited ${code} before printing a line: ${err}`)));
  });
}

describe("the policy pack in the provider's package", () => {
  it("ships the pack's folder and compiled code, the executable executable, and no pack sources", () => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "-w", "provider"], { cwd: REPO_ROOT, encoding: "utf8" }),
    ) as {
      files: { path: string; mode: number }[];
    }[];
    const modes = new Map(packed.files.map((f) => [f.path, f.mode]));
    expect(modes.get("policypack/pulumi-analyzer-policy")! & 0o111).toBe(0o111);
    expect(modes.has("policypack/PulumiPolicy.yaml")).toBe(true);
    expect(modes.has("dist/policypack/index.js")).toBe(true);
    expect([...modes.keys()].filter((path) => path.startsWith("policypack/") && path.endsWith(".ts"))).toEqual([]);
  });

  it("starts the pack when given the engine's address, from any working directory (a CLI given the executable)", async () => {
    expect(await firstLine(["127.0.0.1:1"], tmpdir())).toMatch(/^[0-9]+$/);
  });

  it("starts the pack when found on PATH and given the address and '.' in the pack's folder (an older CLI)", async () => {
    expect(await firstLine(["127.0.0.1:1", "."], dirname(PACK), "on PATH")).toMatch(/^[0-9]+$/);
  });

  it("runs another pack from its own folder when an older CLI finds it on PATH for that pack", async () => {
    const other = mkdtempSync(join(tmpdir(), "other-pack-"));
    try {
      writeFileSync(join(other, "PulumiPolicy.yaml"), "runtime: nodejs\n");
      const runner = join(other, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
      mkdirSync(runner, { recursive: true });
      writeFileSync(join(runner, "index.js"), 'console.log(["other pack", ...process.argv.slice(2)].join(" "));\n');
      expect(await firstLine(["127.0.0.1:1", "."], other, "on PATH")).toBe("other pack 127.0.0.1:1 .");
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
