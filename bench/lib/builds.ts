/**
 * The two provider builds one benchmark run compares: BEFORE (the provider at a git revision,
 * default 12a3f59, override with BENCH_BEFORE_REV) and AFTER (the working tree's provider/dist,
 * built by `npm run build`).
 *
 * How the engine is made to run BEFORE: the stored `__provider` text (provider/shim.ts, the same
 * text in both) does `require("pulumi-tencentcloud-organization/dist/lifecycle")`, and the host
 * (require-from-string) resolves it from the provider process's working directory, which the
 * engine sets to the stack's `<stateDir>/work`. So a stack whose state folder sits under
 * `.pulumi-state/bench/before-<sha>/` finds `before-<sha>/node_modules/pulumi-tencentcloud-organization`
 * (this build's package.json and dist/) before the repository's own, and the build's modules find
 * their dependencies (tencentcloud-sdk-nodejs, @pulumi/pulumi, jsonc-parser) by walking on up to
 * the repository's node_modules — which is why the build lives inside the repository (`.pulumi-state/`
 * is git-ignored). The inline program still runs here and imports the resource class from the
 * working tree; that is sound only while the stored shim text is the same (checked below).
 * bench/lib/peakRss.cjs records which lifecycle module the provider process loaded, and the
 * benchmark refuses a cell that loaded the wrong one.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/lib/engine";

/** Where the benchmark keeps its state folders and the BEFORE build. */
export const BENCH_STATE_DIR = join(REPO_ROOT, ".pulumi-state", "bench");

/** One provider build and where stacks that must load it keep their state. */
export interface ProviderBuild {
  /** "before (12a3f59)" or "after (working tree)", as the report prints it. */
  label: string;
  /** The package folder (package.json, dist/) the provider process loads for stacks under `stacksRoot`. */
  packageDir: string;
  /** State folders of this build's stacks go under `<stacksRoot>/run-<pid>/`. */
  stacksRoot: string;
}

/** The working tree's provider (node_modules/pulumi-tencentcloud-organization is a link to provider/). */
export function afterBuild(): ProviderBuild {
  return { label: "after (working tree)", packageDir: join(REPO_ROOT, "provider"), stacksRoot: BENCH_STATE_DIR };
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim();

/**
 * The provider at `rev`, compiled once per commit with the repository's TypeScript and the
 * revision's own tsconfig.json (as `npm run build` does), then reused from the cache.
 */
export function beforeBuild(rev = process.env.BENCH_BEFORE_REV || "12a3f59"): ProviderBuild {
  const sha = git("rev-parse", "--verify", `${rev}^{commit}`);
  const root = join(BENCH_STATE_DIR, `before-${sha.slice(0, 12)}`);
  const packageDir = join(root, "node_modules", "pulumi-tencentcloud-organization");
  const build = { label: `before (${rev})`, packageDir, stacksRoot: root };
  // The engine cells run this build under the working tree's resource class: only sound while both
  // store the same `__provider` text.
  if (git("show", `${sha}:provider/shim.ts`) !== readFileSync(join(REPO_ROOT, "provider", "shim.ts"), "utf8").trim()) {
    throw new Error(`provider/shim.ts differs between ${rev} and the working tree: the engine cells cannot mix the two`);
  }
  const stamp = join(packageDir, ".built-from");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === sha) return build;

  // Built beside the final folder and renamed into place, so an interrupted build is never reused.
  const work = join(root, `build-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    execFileSync("tar", ["-x", "-C", work], {
      input: execFileSync("git", ["archive", sha, "provider", "tsconfig.json"], { cwd: REPO_ROOT }),
    });
    const out = join(work, "package");
    const tsc = require.resolve("typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", join(work, "tsconfig.json"), "--outDir", join(out, "dist")], { stdio: "inherit" });
    copyFileSync(join(work, "provider", "package.json"), join(out, "package.json"));
    writeFileSync(join(out, ".built-from"), sha);
    rmSync(packageDir, { recursive: true, force: true });
    mkdirSync(join(root, "node_modules"), { recursive: true });
    renameSync(out, packageDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return build;
}

/** The folder of this run's stacks of `build`. */
export function runDirOf(build: ProviderBuild): string {
  return join(build.stacksRoot, `run-${process.pid}`);
}

// ------------------------------------------------------------------ provider only

/** What the provider-only benchmark calls on a build's MemberLifecycle. */
export interface MemberMethods {
  create(inputs: unknown): Promise<{ id: string }>;
  read(id: string): Promise<unknown>;
}

/** A build's member methods, configured for `endpointUrl`, and its `checkMember` (which makes create's inputs). */
export interface MemberProvider {
  lifecycle: MemberMethods;
  check(declaration: Record<string, unknown>): { inputs: unknown };
}

/**
 * `build`'s MemberLifecycle, loaded from its dist/ by absolute path and configured as a provider
 * process would be (the build's own RateLimiter and transport), except that the limiter is new for
 * each call of this function rather than the process's one, so two runs in this process share no
 * budget. Only modules whose paths and exports exist in both compared revisions.
 */
export function memberProvider(build: ProviderBuild, endpointUrl: string, secretId: string, secretKey: string): MemberProvider {
  const dist = join(build.packageDir, "dist");
  const load = <T>(module: string) => require(join(dist, module)) as T;
  const { resolveSettings } = load<{
    resolveSettings: (config: (k: string) => string | undefined, env: object, profile: () => undefined) => unknown;
  }>("api/call/settings.js");
  const { fromSettings } = load<{ fromSettings: (settings: unknown, deps: object) => unknown }>("kit/lifecycle.js");
  const { MemberLifecycle } = load<{ MemberLifecycle: new (source: unknown) => MemberMethods }>("member/lifecycle.js");
  const { checkMember } = load<{ checkMember: (olds: object, news: object) => { inputs: unknown } }>("member/check.js");
  const { RateLimiter } = load<{ RateLimiter: new (perSecond: number) => unknown }>("api/call/rateLimiter.js");
  const config: Record<string, string> = {
    "tencentcloud:secretId": secretId,
    "tencentcloud:secretKey": secretKey,
    "tencentcloud:endpointUrl": endpointUrl,
  };
  const settings = resolveSettings(
    (k) => config[k],
    {},
    () => undefined,
  );
  return {
    // A new limiter per lifecycle, made as the build's processLimiter makes the process's one.
    lifecycle: new MemberLifecycle(
      fromSettings(settings, { logger: { info: () => {} }, limiterFor: (perSecond: number) => new RateLimiter(perSecond) }),
    ),
    check: (declaration) => checkMember({}, declaration),
  };
}
