/**
 * Running docs/guides/adoption.md's command blocks verbatim, as a user runs them in a project
 * folder: `npx tencentcloud-organization …` from the folder's own node_modules, and the real
 * `pulumi` CLI.
 *
 * This machine has no `pulumi-language-nodejs` (docs/e2e.md), so the Node.js language host the CLI
 * needs for `up`, `preview` and `import` is served from this process: the Automation API's own
 * language server (what `LocalWorkspace` serves inline programs with), running the folder's
 * `index.ts` as the Node.js host would, plus the `Handshake` the CLI asks an attached host for; the
 * CLI is pointed at it with PULUMI_DEBUG_LANGUAGES. Every command line is the page's, unchanged.
 */
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { engineEnv, REPO_ROOT, resolveCli } from "../../../scripts/lib/engine";
import { clearProxyVariables } from "../../../scripts/lib/proxy";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../../emulator";
import { type Exited, execAsync } from "../../support/exec";

const GUIDE = join(REPO_ROOT, "docs", "guides", "adoption.md");

/** The command lines of the ```sh block after `<!-- walkthrough:<name> -->` in the adoption guide. */
export function guideBlock(name: string): string[] {
  const text = readFileSync(GUIDE, "utf8");
  const block = new RegExp(`<!-- walkthrough:${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (!block) throw new Error(`docs/guides/adoption.md has no block after <!-- walkthrough:${name} -->`);
  return block[1].split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
}

/** A finished command line. */
export interface Finished extends Exited {
  command: string;
}

/**
 * Installs the package into `folder` the way `npm install pulumi-tencentcloud-organization` lays it
 * out, from this repository's build: the package linked, its bin in node_modules/.bin. (The main
 * walk-through installs the packed tarball instead: test/e2e/adopt.test.ts.)
 */
export function linkPackage(folder: string): void {
  mkdirSync(join(folder, "node_modules", ".bin"), { recursive: true });
  writeFileSync(
    join(folder, "package.json"),
    `${JSON.stringify({ dependencies: { "pulumi-tencentcloud-organization": "*" } }, null, 2)}\n`,
  );
  symlinkSync(join(REPO_ROOT, "provider"), join(folder, "node_modules", "pulumi-tencentcloud-organization"));
  // npm links the bin to dist/adopt/cli.js and makes it executable; a one-line script does the same
  // without changing the build's file modes.
  const bin = join(folder, "node_modules", ".bin", "tencentcloud-organization");
  writeFileSync(bin, `#!/bin/sh\nexec node "${join(REPO_ROOT, "provider", "dist", "adopt", "cli.js")}" "$@"\n`);
  chmodSync(bin, 0o755);
}

/** A project folder whose guide commands run against an emulator, with a language host served from here. */
export interface Walkthrough {
  folder: string;
  env: NodeJS.ProcessEnv;
  /** Runs each line in the folder (a `cd` moves it), in order, whatever their exit codes. */
  run(lines: readonly string[]): Promise<Finished[]>;
  close(): void;
}

/**
 * Serves the folder's program and prepares the environment the guide's commands run in: the built
 * CLI on PATH, a file backend and Pulumi home under `stateDir`, the emulator's endpoint and key
 * pair in the variables the command and the provider read.
 */
export async function startWalkthrough(folder: string, stateDir: string, emulatorUrl: string): Promise<Walkthrough> {
  const host = await serveProgram(folder);
  mkdirSync(join(stateDir, "backend"), { recursive: true });
  mkdirSync(join(stateDir, "home"), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...engineEnv(stateDir, resolveCli()),
    PULUMI_DEBUG_LANGUAGES: `nodejs:${host.port}`,
    TENCENTCLOUD_ENDPOINT_URL: emulatorUrl,
    TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY,
    GITHUB_STEP_SUMMARY: join(stateDir, "step-summary.md"),
  };
  clearProxyVariables(env);
  let cwd = folder;
  return {
    folder,
    env,
    async run(lines) {
      const finished: Finished[] = [];
      for (const command of lines) {
        const cd = /^cd\s+(\S+)$/.exec(command.trim());
        if (cd) cwd = resolve(cwd, cd[1]);
        else finished.push(await exec(command, cwd, env));
      }
      return finished;
    },
    close: host.close,
  };
}

/** One command line, run by bash (the guide's lines are shell). */
async function exec(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Finished> {
  return { command, ...(await execAsync("bash", ["-c", command], cwd, env)) };
}

/** The types of the Automation API's modules this uses (untyped deep paths). */
interface LanguageModules {
  server: { LanguageServer: new (program: () => Promise<unknown>) => Record<string, unknown> };
  grpc: typeof import("@grpc/grpc-js");
  rpc: { LanguageRuntimeService: import("@grpc/grpc-js").ServiceDefinition };
  proto: { LanguageHandshakeResponse: new () => unknown };
}

/**
 * The folder's program served as a Node.js language host. Modules are loaded from the folder, as
 * its program loads them, so the host and the program share one @pulumi/pulumi; TypeScript through
 * tsx's require hook, as scripts/lib/engine.ts runs the examples.
 */
async function serveProgram(folder: string): Promise<{ port: number; close(): void }> {
  const load = createRequire(join(folder, "package.json"));
  const modules: LanguageModules = {
    server: load("@pulumi/pulumi/automation/server"),
    grpc: load("@grpc/grpc-js"),
    rpc: load("@pulumi/pulumi/proto/language_grpc_pb"),
    proto: load("@pulumi/pulumi/proto/language_pb"),
  };
  const repoRequire = createRequire(join(REPO_ROOT, "package.json"));
  if (!repoRequire.extensions[".ts"]) (repoRequire("tsx/cjs/api") as { register: () => void }).register();
  const program = async () => {
    // Each run loads the program afresh: a later command sees an edited data file.
    for (const key of Object.keys(load.cache)) if (key.startsWith(folder) && !key.includes("node_modules")) delete load.cache[key];
    const loaded = load(join(folder, "index.ts")) as unknown;
    const run = (typeof loaded === "function" ? loaded : (loaded as { default: unknown }).default) as () => Promise<unknown>;
    return run();
  };
  const host = new modules.server.LanguageServer(program);
  // An attached language host must answer Handshake (the Automation API's, made for --client, does not).
  host.handshake = (_call: unknown, callback: (error: null, response: unknown) => void) =>
    callback(null, new modules.proto.LanguageHandshakeResponse());
  const server = new modules.grpc.Server();
  server.addService(modules.rpc.LanguageRuntimeService, host as never);
  const port = await new Promise<number>((done, fail) =>
    server.bindAsync("127.0.0.1:0", modules.grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? fail(error) : done(bound))),
  );
  return { port, close: () => server.forceShutdown() };
}
