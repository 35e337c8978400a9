/**
 * `tencentcloud-organization`: arguments, what adopt writes (the same bytes twice, nothing
 * half-written, a program never overwritten unless asked), the import file's entries, the
 * unmanaged report's exit codes and summary, and the drift command forwarded unchanged.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CommandIo, EXIT, parseAdoptArguments, runCommand } from "../../provider/adopt/cli";
import type { Inventory } from "../../provider/adopt/inventory";
import { acmeOrganization } from "./support/inventory";

const FIXTURES = join(__dirname, "fixtures");

/** A world of files under `cwd`, an organization read from memory, and what was printed. */
function fakeIo(cwd: string, organization: Inventory = acmeOrganization()) {
  const printed = { out: "", err: "", summary: "" };
  const calls = { readOrganization: 0, drift: [] as string[][] };
  const io: CommandIo = {
    env: {},
    cwd,
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => readFileSync(join(FIXTURES, "platform-dev.stack.json"), "utf8"),
    appendFile: (_path, text) => {
      printed.summary += text;
    },
    out: (text) => {
      printed.out += text;
    },
    err: (text) => {
      printed.err += text;
    },
    readOrganization: async () => {
      calls.readOrganization++;
      return organization;
    },
    serializedProviders: async () => ({ member: "member provider text", department: "department provider text" }),
    runDrift: (args) => {
      calls.drift.push(args);
      return EXIT.ok;
    },
  };
  return { io, printed, calls };
}

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "adopt-cli-"));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));

describe("parseAdoptArguments", () => {
  it("reads every option", () => {
    expect(
      parseAdoptArguments([
        "--out",
        "org",
        "--department",
        "Engineering/Platform",
        "--tag",
        "team=data",
        "--tag",
        "env=a=b",
        "--exclude-state",
        "a.json",
        "--exclude-state",
        "b.json",
        "--project",
        "acme",
        "--stack",
        "prod",
        "--force",
      ]),
    ).toEqual({
      out: "org",
      scope: { department: "Engineering/Platform", tags: { team: "data", env: "a=b" } },
      excludeStates: ["a.json", "b.json"],
      project: "acme",
      stack: "prod",
      force: true,
    });
  });

  it("defaults to the whole organization, project tencentcloud-organization, stack dev", () => {
    expect(parseAdoptArguments(["--out", "org", "--scope", "all"])).toEqual({
      out: "org",
      scope: {},
      excludeStates: [],
      project: "tencentcloud-organization",
      stack: "dev",
      force: false,
    });
  });

  it.each([
    [[], "adopt needs --out <dir>"],
    [["--out", "o", "--tag", "team"], '--tag takes key=value, got "team"'],
    [["--out", "o", "--scope", "some"], '--scope takes only "all", got "some"'],
    [["--out", "o", "--scope", "all", "--department", "A"], "--scope all selects the whole organization"],
    [["--out", "o", "--deparment", "A"], "Unknown option '--deparment'"],
    [["--out", "o", "extra"], 'unexpected argument "extra"'],
  ])("refuses %j", (argv, message) => {
    expect(() => parseAdoptArguments(argv)).toThrow(message);
  });
});

describe("adopt", () => {
  it("writes the project, and the same organization gives the same bytes", async () => {
    const first = fakeIo(cwd);
    expect(await runCommand(["adopt", "--out", "one"], first.io)).toBe(EXIT.ok);
    expect(await runCommand(["adopt", "--out", "two"], fakeIo(cwd).io)).toBe(EXIT.ok);
    const one = filesOf(join(cwd, "one"));
    expect(Object.keys(one).sort()).toEqual([
      "ADOPTION.md",
      "Pulumi.yaml",
      "import.json",
      "index.ts",
      "organization.json",
      "package.json",
      "tsconfig.json",
    ]);
    expect(filesOf(join(cwd, "two"))).toEqual(one);
    expect(first.printed.out).toContain("Adopted 3 departments and 5 members into one");
    expect(first.printed.out).toContain(
      'Left out 2 (ADOPTION.md lists them too):\n  department 200004 "Finance": created by a Pulumi stack',
    );
    expect(one["ADOPTION.md"]).toContain("| department | 200004 | Finance | created by a Pulumi stack");
  });

  it("writes an import file whose entries carry what an up of the program would record", async () => {
    await runCommand(["adopt", "--out", "org", "--project", "acme", "--stack", "prod"], fakeIo(cwd).io);
    const { resources } = JSON.parse(readFileSync(join(cwd, "org", "import.json"), "utf8")) as {
      resources: { type: string; name: string; id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }[];
    };
    expect(resources.map((r) => [r.type.split(":").pop(), r.name, r.id])).toEqual([
      ["OrganizationNode", "engineering", "200001"],
      ["OrganizationNode", "data", "200003"],
      ["OrganizationNode", "platform", "200002"],
      ["OrganizationMember", "alice", "100000100001"],
      ["OrganizationMember", "billing", "100000100003"],
      ["OrganizationMember", "bob-smith", "100000100002"],
      ["OrganizationMember", "pending", "100000100006"],
      ["OrganizationMember", "root-ops", "100000100005"],
    ]);
    const alice = resources[3];
    expect(alice.inputs).toEqual({
      __provider: "member provider text",
      name: "alice",
      accountName: "alice",
      policyType: "Financial",
      permissionIds: [1, 2, 8],
      nodeId: 200002,
      remark: "platform lead",
      identityRoleIds: [],
      isAllowQuit: false,
      tags: { env: "prod", team: "platform" },
      deletionPolicy: "retain",
      adoptMemberUin: 100000100001,
      ownerMarker: "acme/prod/alice",
    });
    expect(alice.outputs).toMatchObject({
      __provider: "member provider text",
      memberUin: 100000100001,
      nodeId: 200002,
      ownerTags: {},
      adoptMemberUin: 100000100001,
    });
    expect(resources[1].inputs).toMatchObject({
      __provider: "department provider text",
      parentNodeId: 200001,
      adoptNodeId: 200003,
      ownerMarker: "acme/prod/data",
    });
  });

  it("keeps a package.json the folder already has", async () => {
    writeFileSync(join(cwd, "package.json"), '{"dependencies":{}}\n');
    const run = fakeIo(cwd);
    expect(await runCommand(["adopt", "--out", "."], run.io)).toBe(EXIT.ok);
    expect(readFileSync(join(cwd, "package.json"), "utf8")).toBe('{"dependencies":{}}\n');
    expect(run.printed.out).toContain("(kept the folder's own package.json)");
  });

  it("refuses a folder that holds a program, changing nothing, and replaces it with --force", async () => {
    writeFileSync(join(cwd, "Pulumi.yaml"), "name: mine\n");
    writeFileSync(join(cwd, "index.ts"), "// mine\n");
    const refused = fakeIo(cwd);
    expect(await runCommand(["adopt", "--out", "."], refused.io)).toBe(EXIT.usage);
    expect(refused.printed.err).toContain(`${cwd} already holds a program (Pulumi.yaml, index.ts)`);
    expect(refused.printed.err).toContain("add --force to replace those files");
    expect(readdirSync(cwd).sort()).toEqual(["Pulumi.yaml", "index.ts"]);
    expect(await runCommand(["adopt", "--out", ".", "--force"], fakeIo(cwd).io)).toBe(EXIT.ok);
    expect(readFileSync(join(cwd, "Pulumi.yaml"), "utf8")).toContain("name: tencentcloud-organization");
    expect(readdirSync(cwd).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes nothing for an unknown department path, naming the departments there are", async () => {
    const run = fakeIo(cwd);
    expect(await runCommand(["adopt", "--out", "org", "--department", "Engineering/Web"], run.io)).toBe(EXIT.usage);
    expect(run.printed.err).toContain('unknown department path "Engineering/Web": no department "Web" under "Engineering"');
    expect(existsSync(join(cwd, "org"))).toBe(false);
  });

  it("leaves out what a given state manages", async () => {
    const run = fakeIo(cwd);
    await runCommand(["adopt", "--out", "org", "--exclude-state", join(FIXTURES, "platform-dev.stack.json")], run.io);
    expect(run.printed.out).toContain('member 100000100001 "alice": managed by stack platform/dev');
    expect(readFileSync(join(cwd, "org", "organization.json"), "utf8")).not.toContain('"alice"');
  });

  it.each([
    [["--exclude-state", "missing.json"], "cannot read missing.json"],
    [["--exclude-state", join(FIXTURES, "terraform.tfstate")], "is a Terraform state, not an exported Pulumi stack"],
    [["--from-terraform", join(FIXTURES, "platform-dev.stack.json")], "is an exported Pulumi stack, not a Terraform state"],
  ])("refuses %j and writes nothing", async (extra, message) => {
    const run = fakeIo(cwd);
    expect(await runCommand(["adopt", "--out", "org", ...extra], run.io)).toBe(EXIT.usage);
    expect(run.printed.err).toContain(message);
    expect(existsSync(join(cwd, "org"))).toBe(false);
  });

  it("adopts from a Terraform state without reading Tencent", async () => {
    const run = fakeIo(cwd);
    expect(await runCommand(["adopt", "--out", "org", "--from-terraform", join(FIXTURES, "terraform.tfstate")], run.io)).toBe(EXIT.ok);
    expect(run.calls.readOrganization).toBe(0);
    expect(run.printed.out).toContain("Adopted 5 departments and 6 members into org");
    expect(readFileSync(join(cwd, "org", "Pulumi.yaml"), "utf8")).toContain("adopted from the Terraform state terraform.tfstate");
  });
});

describe("unmanaged", () => {
  const stateFile = join(FIXTURES, "platform-dev.stack.json");

  it("exits 1, prints the table and appends the Markdown to the summary file when something is unmanaged", async () => {
    const run = fakeIo(cwd);
    expect(await runCommand(["unmanaged", "--state", stateFile, "--summary-file", "summary.md"], run.io)).toBe(EXIT.found);
    expect(run.printed.out).toMatch(/^3 members and 2 departments are in the organization but managed by no stack/);
    expect(run.printed.summary).toContain("### Tencent Cloud Organization: what no stack manages");
  });

  it("reads a state from standard input with -", async () => {
    const run = fakeIo(cwd);
    expect(await runCommand(["unmanaged", "--state", "-"], run.io)).toBe(EXIT.found);
    expect(run.printed.out).toContain("checked against stack platform/dev");
  });

  it("exits 0 when every object is managed", async () => {
    const run = fakeIo(cwd, {
      ...acmeOrganization(),
      departments: [],
      members: acmeOrganization().members.filter((m) => m.memberUin === 100000100001),
    });
    expect(await runCommand(["unmanaged", "--state", stateFile], run.io)).toBe(EXIT.ok);
    expect(run.printed.out).toBe(
      "Nothing unmanaged: every member and department is managed by stack platform/dev or carries a stack's ownership marker.\n",
    );
  });

  it("needs at least one state", async () => {
    const run = fakeIo(cwd);
    expect(await runCommand(["unmanaged"], run.io)).toBe(EXIT.usage);
    expect(run.printed.err).toContain("unmanaged needs --state <exported-stack.json>");
    expect(run.calls.readOrganization).toBe(0);
  });
});

describe("drift", () => {
  it("forwards its arguments to tencentcloud-organization-drift unchanged", async () => {
    const run = fakeIo(cwd);
    expect(await runCommand(["drift", "--run", "--summary-file", "s.md", "--", "--stack", "dev"], run.io)).toBe(EXIT.ok);
    expect(run.calls.drift).toEqual([["--run", "--summary-file", "s.md", "--", "--stack", "dev"]]);
    expect(run.calls.readOrganization).toBe(0);
  });

  it("adds the unmanaged report to the same summary given --state, and exits 1 for it", async () => {
    const run = fakeIo(cwd);
    const code = await runCommand(
      ["drift", "preview.json", "--state", join(FIXTURES, "platform-dev.stack.json"), "--summary-file", "s.md"],
      run.io,
    );
    expect(run.calls.drift).toEqual([["preview.json", "--summary-file", "s.md"]]);
    expect(code).toBe(EXIT.found);
    expect(run.printed.summary).toContain("what no stack manages");
  });
});

describe("the command", () => {
  it.each([[[]], [["adpot"]]])("refuses %j with the usage", async (argv) => {
    const run = fakeIo(cwd);
    expect(await runCommand(argv, run.io)).toBe(EXIT.usage);
    expect(run.printed.err).toContain("usage: tencentcloud-organization adopt --out <dir>");
  });
});
