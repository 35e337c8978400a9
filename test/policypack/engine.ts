/**
 * What the pack's engine tests and the fixture capture share: the program, its policy config, the
 * pack as a user passes it (the executable inside the installed package), and
 * `pulumi policy analyze` on an exported state.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/lib/engine";

/** A department and a member in it, compliant or breaking every rule (config `compliant`). */
export const PROGRAM = "test/policypack/fixtures/program.ts";
/** The policy config the program is judged by. */
export const POLICY_CONFIG = join(REPO_ROOT, "test/policypack/fixtures/policy-config.json");
/** The executable a user passes with `--policy-pack`, resolved as a program resolves the package. */
export const PACK = require.resolve("pulumi-tencentcloud-organization/policypack/pulumi-analyzer-policy", { paths: [REPO_ROOT] });

/** What `pulumi policy analyze` printed, and its exit status (1 when a mandatory rule is broken). */
export interface Analysis {
  status: number;
  stdout: string;
}

/**
 * `pulumi policy analyze --file <state> --json` with the pack.
 * @param stack - the CLI, working directory and environment of an open stack (scripts/lib/engine.ts)
 * @param statePath - a `pulumi stack export` file
 * @param configPath - the policy config
 */
export function analyzeState(
  stack: { cliDir: string; workDir: string; env: Record<string, string> },
  statePath: string,
  configPath = POLICY_CONFIG,
): Analysis {
  const args = ["policy", "analyze", "--file", statePath, "--json", "--policy-pack", PACK, "--policy-pack-config", configPath];
  try {
    const stdout = execFileSync(join(stack.cliDir, "pulumi"), args, {
      cwd: stack.workDir,
      env: { ...process.env, ...stack.env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, stdout };
  } catch (error) {
    const failed = error as { status: number | null; stdout: string };
    return { status: failed.status ?? -1, stdout: failed.stdout };
  }
}
