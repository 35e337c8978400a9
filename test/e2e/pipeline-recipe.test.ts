/**
 * The pipeline recipe of docs/guides/pipelines.md, run as a user runs it: an empty folder, the
 * provider and the emulator installed from their packed tarballs (`npm pack`), a Pulumi program
 * and a seed file written there, then the page's shell block verbatim — emulator in the
 * background, `pulumi up`, the drift check with the package's `tencentcloud-organization-drift`,
 * the emulator stopped. Then one change behind Pulumi's back, and the drift command must report it.
 *
 * This machine has no Node.js language host (docs/e2e.md), so `pulumi up` / `pulumi preview`
 * go through recipe/pulumi-inline.js: the same CLI and engine, started by the Automation API
 * with the program inline. Every other command is the real one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { organization } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../emulator";
import { REPO_ROOT, resolveCli } from "../../scripts/lib/engine";
import { clearProxyVariables } from "../../scripts/lib/proxy";
import { actionsFor } from "../../provider/api/call/permissions";
import { execAsync as exec, succeed } from "../support/exec";

/** The shell block between the recipe markers of docs/guides/pipelines.md. */
function readmeRecipe(): string {
  const readme = readFileSync(join(REPO_ROOT, "docs", "guides", "pipelines.md"), "utf8");
  const block = /<!-- recipe:begin -->\s*```sh\n([\s\S]*?)```\s*<!-- recipe:end -->/.exec(readme);
  if (!block) throw new Error("docs/guides/pipelines.md has no recipe block between <!-- recipe:begin --> and <!-- recipe:end -->");
  return block[1];
}

/** The recipe's example files in docs/guides/pipelines.md, by name (```json org.json … blocks). */
function readmeFile(name: string): string {
  const readme = readFileSync(join(REPO_ROOT, "docs", "guides", "pipelines.md"), "utf8");
  const block = new RegExp(`\`\`\`\\w+ title="${name.replace(".", "\\.")}"\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!block) throw new Error(`docs/guides/pipelines.md has no block titled ${name}`);
  return block[1];
}

let folder: string;
let env: NodeJS.ProcessEnv;
const run = (command: string, args: string[]) => exec(command, args, folder, env);

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "pipeline-recipe-"));
  // Pack both packages as a release would, and install them with the SDK this repository runs.
  const packs = join(folder, ".packs");
  mkdirSync(packs);
  const pack = async (workspace: string) =>
    join(
      packs,
      (await succeed("npm", ["pack", "--silent", "--pack-destination", packs, "--workspace", workspace], REPO_ROOT))
        .trim()
        .split("\n")
        .pop()!,
    );
  const provider = await pack("provider");
  const emulator = await pack("test/emulator");
  const sdk = JSON.parse(readFileSync(join(REPO_ROOT, "node_modules/@pulumi/pulumi/package.json"), "utf8")).version as string;
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "my-org-pipeline", private: true, main: "index.js" }, null, 2));
  await succeed("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", provider, `@pulumi/pulumi@${sdk}`], folder);
  await succeed("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--save-dev", emulator], folder);
  rmSync(packs, { recursive: true });

  for (const name of ["Pulumi.yaml", "index.js", "org.json", "roles.json", "rules.json"])
    writeFileSync(join(folder, name), readmeFile(name));

  // The real CLI as PulumiCommand wants it (<root>/bin/pulumi), and the stand-in first on PATH.
  const cli = resolveCli();
  mkdirSync(join(folder, ".cli", "bin"), { recursive: true });
  symlinkSync(join(cli, "pulumi"), join(folder, ".cli", "bin", "pulumi"));
  mkdirSync(join(folder, ".standin"));
  copyFileSync(join(__dirname, "recipe", "pulumi-inline.js"), join(folder, ".standin", "pulumi"));
  chmodSync(join(folder, ".standin", "pulumi"), 0o755);
  env = {
    ...process.env,
    PATH: `${join(folder, ".standin")}:${cli}:${process.env.PATH}`,
    PULUMI_REAL_ROOT: join(folder, ".cli"),
    PULUMI_HOME: join(folder, ".pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: "",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    NO_PROXY: "127.0.0.1,localhost",
    GITHUB_STEP_SUMMARY: join(folder, "step-summary.md"),
  };
  // The recipe's commands reach the emulator directly (proxy variables cleared, scripts/lib/proxy.ts)
  // and find no credential but the recipe's own.
  clearProxyVariables(env);
  for (const name of ["TENCENTCLOUD_ENDPOINT_URL", "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"]) delete env[name];
}, 300_000);

afterAll(async () => {
  if (folder) await exec("npx", ["tencentcloud-organization-emulator", "stop", "--pid-file", "emulator.pid"], folder, env);
  if (folder && !process.env.KEEP_RECIPE_FOLDER) rmSync(folder, { recursive: true, force: true });
});

describe("the pipeline recipe (docs/guides/pipelines.md), from packed packages in an empty folder", () => {
  it("the role of roles.json holds exactly the least-privilege policy", () => {
    const roles = JSON.parse(readmeFile("roles.json")) as { roles: { allowedActions: string[] }[] };
    expect(roles.roles[0].allowedActions).toEqual(actionsFor("retain"));
  });

  it("starts the emulator, deploys, finds no drift and stops the emulator", async () => {
    writeFileSync(join(folder, "recipe.sh"), readmeRecipe());
    const result = await run("bash", ["-e", "recipe.sh"]);
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/emulator listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toContain("No drift: every department, member, policy and attachment matches the program.");
    expect(result.stdout).toContain("No rule violations: every resource follows the organization's rules.");
    expect(readFileSync(join(folder, "step-summary.md"), "utf8")).toContain("No drift");
    expect(existsSync(join(folder, "emulator.pid")), "the emulator was stopped").toBe(false);
    expect(readFileSync(join(folder, "emulator.log"), "utf8")).toContain("Tencent Cloud emulator stopped (SIGTERM)");
    // The pipeline's key may only assume the role (--allowed-actions sts:AssumeRole): every change
    // was made with the role's temporary key, and the provider said so.
    expect(output).toContain("temporary credential of qcs::cam::uin/100000000001:roleName/ci-deployer");
    expect(output).not.toMatch(/UnauthorizedOperation/);

    const saved = JSON.parse(readFileSync(join(folder, "emulator-data.json"), "utf8")) as {
      members: { name: string; nodeId: number; memberType: string }[];
    };
    expect(saved.members.map((m) => [m.name, m.nodeId, m.memberType]).sort()).toEqual([
      ["legacy-billing", 200002, "Invite"],
      ["platform-ci", 200001, "Create"],
    ]);
  }, 300_000);

  it("reports a member renamed behind Pulumi's back, in the log and the step summary, with exit code 1", async () => {
    const started = await run("npx", [
      "tencentcloud-organization-emulator",
      "--port",
      "0",
      "--data-file",
      "emulator-data.json",
      "--detach",
      "--pid-file",
      "emulator.pid",
    ]);
    expect(started.status, started.stderr).toBe(0);
    const url = new URL(started.stdout.trim());
    const org = new organization.v20210331.Client({
      credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
      region: "ap-guangzhou",
      profile: { httpProfile: { endpoint: url.host, protocol: "http://", reqTimeout: 10 } },
    });
    const { Items } = await org.DescribeOrganizationMembers({ Offset: 0, Limit: 50 });
    const member = Items!.find((m) => m.Name === "platform-ci")!;
    await org.UpdateOrganizationMember({
      MemberUin: member.MemberUin!,
      Name: "renamed-by-hand",
      PolicyType: "Financial",
      PermissionIds: member.OrgPermission!.map((p) => p.Id!),
    });

    // As the recipe exports them for its pulumi commands.
    Object.assign(env, {
      TENCENTCLOUD_ENDPOINT_URL: url.origin,
      TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY,
    });
    const preview = await run("pulumi", ["preview", "--refresh", "--json", "--stack", "dev"]);
    expect(preview.status, preview.stderr).toBe(0);
    writeFileSync(join(folder, "preview.json"), preview.stdout);
    const report = await run("npx", ["tencentcloud-organization-drift", "preview.json", "--summary-file", "drift.md"]);
    expect(report.status, report.stderr).toBe(1);
    expect(report.stdout).toMatch(/platform-ci \(renamed-by-hand\)\s+name\s+renamed-by-hand\s+platform-ci\s+update/);
    expect(readFileSync(join(folder, "drift.md"), "utf8")).toContain(
      "| platform-ci (renamed-by-hand) | `name` | `renamed-by-hand` | `platform-ci` | update |",
    );
  }, 300_000);
});
