/**
 * The organization rules policy pack through the real engine, given to the CLI as the package's
 * executable (`policypack/pulumi-analyzer-policy`) with test/policypack/fixtures/policy-config.json:
 * a violating program is stopped at `preview` and at `up` with no call to Tencent, every rule named
 * with the member's or department's name in Tencent; a compliant one goes through; and
 * `pulumi policy analyze` on the exported state of a stack deployed without the pack reports the
 * same violations, which the drift command turns into its second table and exit code.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DriftCommandIo, EXIT, runDriftCommand } from "../../provider/drift/cli";
import { parsePolicyEvents, type ViolationRow, violationRows } from "../../provider/drift/violations";
import { analyzeState, PACK, POLICY_CONFIG, PROGRAM } from "../policypack/engine";
import { engineFailureOf, type EngineHarness, startEngineHarness } from "./harness";

const WITH_PACK = { policyPacks: [PACK], policyPackConfigs: [POLICY_CONFIG], color: "never" as const };

/** What every violation of the violating program says: rule, resource, message. */
const EXPECTED_VIOLATIONS = [
  [
    "ci",
    "deletion-in-stacks",
    'member "CI_Bot" (OrganizationMember "ci") declares deletionPolicy "deleteAccount", which stack "prod" forbids',
  ],
  [
    "ci",
    "department-paths",
    'member "CI_Bot" (OrganizationMember "ci") sits in the department "lab-team", outside the allowed paths: Engineering.',
  ],
  ["ci", "member-permissions", 'member "CI_Bot" (OrganizationMember "ci") holds permission 6, which this organization forbids.'],
  [
    "ci",
    "member-permissions",
    'member "CI_Bot" (OrganizationMember "ci") holds permission 8, which needs the tag finops=approved; it has none.',
  ],
  ["ci", "naming", 'member "CI_Bot" (OrganizationMember "ci"): the name does not match the member naming pattern ^[a-z][a-z0-9-]*$.'],
  ["ci", "required-tags", 'member "CI_Bot" (OrganizationMember "ci") has no tag "owner"; it is required.'],
  [
    "ci",
    "required-tags",
    'member "CI_Bot" (OrganizationMember "ci") has the tag team=marketing, which is not allowed (allowed values: platform, data).',
  ],
  [
    "lab",
    "department-paths",
    'department "lab-team" (OrganizationNode "lab") would be at "lab-team", outside the allowed paths: Engineering.',
  ],
  [
    "lab",
    "naming",
    'department "lab-team" (OrganizationNode "lab"): the name does not match the department naming pattern ^[A-Z][A-Za-z]*$.',
  ],
  ["lab", "required-tags", 'department "lab-team" (OrganizationNode "lab") has no tag "team"; it is required.'],
] as const;

const summary = (rows: ViolationRow[]) => rows.map((row) => [row.resource, row.rule, row.message]);
const matchesExpected = (rows: ViolationRow[]) => {
  expect(rows.every((row) => row.level === "mandatory")).toBe(true);
  expect(summary(rows)).toHaveLength(EXPECTED_VIOLATIONS.length);
  for (const [index, [resource, rule, start]] of EXPECTED_VIOLATIONS.entries()) {
    expect(summary(rows)[index]).toEqual([resource, rule, expect.stringContaining(start)]);
  }
};

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness("policypack");
});
afterAll(async () => h?.close());

describe.sequential("the organization rules policy pack", () => {
  let previewViolations: ViolationRow[];

  it("stops a violating preview before any call to Tencent, naming every broken rule and resource", async () => {
    const stack = await h.open(PROGRAM, { stackName: "prod", config: { compliant: "false" } });
    const events: EngineEvent[] = [];
    const before = h.emulator.admin.counters();
    const output = await engineFailureOf(stack.stack.preview({ ...WITH_PACK, onEvent: (event) => events.push(event) }));
    expect(h.callsSince(before)).toEqual({});
    expect(output).toContain("tencentcloud-organization@v0.1.0");
    // The member's department is not created yet: its nodeId is unknown, and no rule guesses (no
    // "can't run policy during preview" either); its path comes from the department it depends on.
    previewViolations = violationRows(events);
    matchesExpected(previewViolations);
  });

  it("stops a violating up at its first resource, before any call to Tencent", async () => {
    const stack = await h.open(PROGRAM, { stackName: "prod", config: { compliant: "false" } });
    const before = h.emulator.admin.counters();
    const output = await engineFailureOf(stack.stack.up(WITH_PACK));
    expect(h.callsSince(before)).toEqual({});
    expect(output).toContain('department "lab-team" (OrganizationNode "lab") has no tag "team"');
    expect(h.emulator.admin.nodes().map((n) => n.Name)).not.toContain("lab-team");
  });

  it("lets a compliant up through, with no violation reported", async () => {
    const stack = await h.open(PROGRAM, { stackName: "staging", config: { compliant: "true" } });
    const events: EngineEvent[] = [];
    const result = await stack.stack.up({ ...WITH_PACK, onEvent: (event) => events.push(event) });
    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toMatchObject({ create: 3 }); // the stack, the department, the member
    expect(violationRows(events)).toEqual([]);
    expect(h.emulator.admin.members().map((m) => m.name)).toContain("ci-bot");
  });

  it("pulumi policy analyze on the exported state reports the same violations, and the drift command tables them", async () => {
    // A deployment that did not use the pack: the violating program reaches Tencent.
    const stack = await h.open(PROGRAM, { stackName: "prod", config: { compliant: "false" } });
    await stack.stack.up({ color: "never" });
    const statePath = join(h.stateRoot, "prod-state.json");
    writeFileSync(statePath, JSON.stringify(await stack.exportStack()));
    const before = h.emulator.admin.counters();
    const analysis = analyzeState(stack, statePath);
    expect(h.callsSince(before)).toEqual({});
    expect(analysis.status).toBe(1); // mandatory violations
    const analyzed = violationRows(parsePolicyEvents(analysis.stdout));
    matchesExpected(analyzed);
    expect(analyzed).toEqual(previewViolations);

    const written: Record<string, string> = {};
    let out = "";
    const io: DriftCommandIo = {
      env: {},
      readFile: (path) => ({ "preview.json": '{"steps": []}', "rules.jsonl": analysis.stdout })[path] ?? "",
      readStdin: () => "",
      runPulumi: () => "",
      appendFile: (path, text) => {
        written[path] = (written[path] ?? "") + text;
      },
      out: (text) => {
        out += text;
      },
      err: () => {},
    };
    expect(runDriftCommand(["preview.json", "--policy-events", "rules.jsonl", "--summary-file", "summary.md"], io)).toBe(EXIT.violations);
    expect(out).toContain("Rules: 10 rule violations, 10 mandatory");
    expect(written["summary.md"]).toContain("### Tencent Cloud Organization drift");
    expect(written["summary.md"]).toContain(
      '| lab (OrganizationNode) | `naming` | mandatory | department "lab-team" (OrganizationNode "lab"): the name does not match',
    );
  });
});
