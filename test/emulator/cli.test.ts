import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { aMember, orgClient } from "./fixtures";
import { optionsFromCommandLine } from "./cli";
import type { RunningEmulator } from "./index";

const root = resolve(__dirname, "../..");
// The compiled file the package's `bin` points at (built by `npm run build`; run with plain node,
// since the workspace's .bin link is only made when the file exists at install time).
const BIN = join(root, "test/emulator/dist/cli.js");
const execFileAsync = promisify(execFile);
const run = (file: string, args: string[], options: { cwd: string }) => execFileAsync(process.execPath, [file, ...args], options);
const CLI_CREDENTIAL = { secretId: "AKIDfromenvironment0000000000000000", secretKey: "key-from-environment" };

describe("the command line", () => {
  it("listens, accepts the key pair from the environment, and persists on SIGTERM", async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), "tc-emulator-cli-")), "state.json");
    const child = spawn(
      join(root, "node_modules/.bin/tsx"),
      ["test/emulator/cli.ts", "--port", "0", "--data-file", dataFile, "--rate-limit", "5"],
      {
        cwd: root,
        env: { ...process.env, TENCENTCLOUD_SECRET_ID: CLI_CREDENTIAL.secretId, TENCENTCLOUD_SECRET_KEY: CLI_CREDENTIAL.secretKey },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Tencent Cloud emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) resolveUrl(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`cli exited early with ${code}`)));
      });
      const port = Number(new URL(url).port);
      // Only url and port matter to the client fixture.
      const target = { url, port } as RunningEmulator;
      const { Uin } = await orgClient(target, { credential: CLI_CREDENTIAL }).CreateOrganizationMember(aMember({ Name: "from-cli" }));
      const exited = new Promise<number | null>((resolveExit) => child.once("exit", resolveExit));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const saved = JSON.parse(readFileSync(dataFile, "utf8")) as { members: { memberUin: number; name: string }[] };
      expect(saved.members).toEqual([expect.objectContaining({ memberUin: Uin, name: "from-cli" })]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});

describe("command-line flags", () => {
  it("maps limits, quotas, the allow-list and the strict service scope to options", () => {
    const options = optionsFromCommandLine(
      [
        "--node-limit",
        "20",
        "--node-depth-limit",
        "3",
        "--tag-value-quota",
        "5",
        "--tag-key-quota",
        "6",
        "--allowed-actions",
        "organization:DescribeOrganizationMembers, tag:*",
        "--strict-service-scope",
      ],
      {},
    );
    expect(options).toMatchObject({ nodeLimit: 20, nodeDepthLimit: 3, tagValueQuota: 5, tagKeyQuota: 6, endpointRouteScope: false });
    expect(options.credentials?.[0].allowedActions).toEqual(["organization:DescribeOrganizationMembers", "tag:*"]);
  });

  it("maps the policy flags to options", () => {
    const options = optionsFromCommandLine(
      [
        "--enable-policy-types",
        "SERVICE_CONTROL_POLICY, TAG_POLICY",
        "--policy-limit",
        "7",
        "--tag-policy-limit",
        "8",
        "--policy-attachment-limit",
        "9",
      ],
      {},
    );
    expect(options).toMatchObject({
      enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "TAG_POLICY"],
      policyLimit: 7,
      tagPolicyLimit: 8,
      policyAttachmentLimit: 9,
    });
  });

  it("keeps the endpoint route and every action allowed by default", () => {
    const options = optionsFromCommandLine([], {});
    expect(options.endpointRouteScope).toBeUndefined();
    expect(options.credentials?.[0].allowedActions).toBeUndefined();
  });
});

describe("the installed command", () => {
  it("starts in the background from a seed file, prints its URL, and stop ends it after writing the data file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tc-emulator-detach-"));
    writeFileSync(
      join(dir, "org.json"),
      JSON.stringify({ departments: [{ id: 200001, name: "Engineering" }], members: [{ name: "legacy", departmentId: 200001 }] }),
    );
    const pidFile = join(dir, "emulator.pid");
    const started = await run(
      BIN,
      [
        "--port",
        "0",
        "--data-file",
        "data.json",
        "--seed-file",
        "org.json",
        "--detach",
        "--pid-file",
        pidFile,
        "--log-file",
        "emulator.log",
      ],
      { cwd: dir },
    );
    const url = started.stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const members = (await (await fetch(`${url}/_emulator/members`)).json()) as { name: string; nodeId: number }[];
    expect(members.map((m) => [m.name, m.nodeId])).toEqual([["legacy", 200001]]);

    const stopped = await run(BIN, ["stop", "--pid-file", pidFile], { cwd: dir });
    expect(stopped.stdout).toContain("Tencent Cloud emulator stopped");
    expect(existsSync(pidFile)).toBe(false);
    expect(readFileSync(join(dir, "emulator.log"), "utf8")).toContain("Tencent Cloud emulator stopped (SIGTERM)");
    expect(JSON.parse(readFileSync(join(dir, "data.json"), "utf8")).members).toEqual([expect.objectContaining({ name: "legacy" })]);
  });

  it("refuses a bad seed file with exit code 2, naming the line and field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tc-emulator-seed-"));
    writeFileSync(join(dir, "org.json"), '{\n  "members": [\n    { "name": "m", "departmentId": 7 }\n  ]\n}\n');
    const failure = await run(BIN, ["--seed-file", "org.json"], { cwd: dir }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain("org.json:3: members[0].departmentId: must be the id of the root");
  });
});
