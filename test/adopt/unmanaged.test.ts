/**
 * The report of what no stack manages: never what a given state holds (created or adopted), nor
 * what carries a stack's ownership marker; the root is never listed. Text for the job log,
 * Markdown for the CI summary.
 */
import { describe, expect, it } from "vitest";
import type { StackManagement } from "../../provider/adopt/managed";
import { countText, formatUnmanagedMarkdown, formatUnmanagedText, unmanagedReport } from "../../provider/drift/unmanaged";
import { aDepartment, aMember, liveInventory } from "./support/inventory";

const platform: StackManagement = { stack: "platform/dev", members: new Set([100000100001, 100000100002]), departments: new Set([200001]) };
const organization = liveInventory(
  [
    aDepartment(200001, "Engineering"),
    aDepartment(200002, "Platform", { parentNodeId: 200001 }),
    aDepartment(200003, "Sandbox", { tags: { "pulumi:owner:2": "m" } }),
  ],
  [
    aMember(100000100001, "created-by-stack", { tags: { "pulumi:owner:1": "m" } }),
    aMember(100000100002, "adopted-by-stack", { nodeId: 200001 }),
    aMember(100000100003, "made-by-hand", { nodeId: 200002, createTime: "2026-12-01 09:30:00" }),
    aMember(100000100004, "another-stacks", { tags: { "pulumi:owner:6": "m" } }),
    aMember(100000100005, "invited-by-hand"),
  ],
);

describe("unmanagedReport", () => {
  const report = unmanagedReport(organization, [platform]);

  it("lists what no given state holds and no marker claims, departments first, with where it is", () => {
    expect(report.unmanaged).toEqual([
      { kind: "department", id: 200002, name: "Platform", where: "Engineering", createTime: "2024-01-01 08:00:00" },
      { kind: "member", id: 100000100005, name: "invited-by-hand", where: "(root)", createTime: "2024-01-01 08:00:00" },
      { kind: "member", id: 100000100003, name: "made-by-hand", where: "Engineering/Platform", createTime: "2026-12-01 09:30:00" },
    ]);
  });

  it("lists apart what only a marker says a stack manages", () => {
    expect(report.markedOnly.map((r) => r.name)).toEqual(["Sandbox", "another-stacks"]);
    expect(report.managedByState).toBe(3);
  });

  it("lists nothing when every object is managed", () => {
    const all: StackManagement = { stack: "all/prod", members: new Set([100000100003, 100000100005]), departments: new Set([200002]) };
    expect(unmanagedReport(organization, [platform, all]).unmanaged).toEqual([]);
  });
});

describe("the report's text", () => {
  it.each([
    [[], "nothing"],
    [[{ kind: "member" }], "1 member"],
    [[{ kind: "member" }, { kind: "member" }, { kind: "department" }], "2 members and 1 department"],
  ] as const)("counts %j as %j", (rows, text) => {
    expect(countText(rows.map((r) => ({ ...r, id: 1, name: "", where: "", createTime: "" })))).toBe(text);
  });

  it("names each unmanaged object in a table for the job log", () => {
    expect(formatUnmanagedText(unmanagedReport(organization, [platform]))).toBe(
      [
        "2 members and 1 department are in the organization but managed by no stack (created or invited by hand, or never adopted; checked against stack platform/dev):",
        "KIND        ID            NAME             IN                    CREATED",
        "----------  ------------  ---------------  --------------------  -------------------",
        "department  200002        Platform         Engineering           2024-01-01 08:00:00",
        "member      100000100005  invited-by-hand  (root)                2024-01-01 08:00:00",
        "member      100000100003  made-by-hand     Engineering/Platform  2026-12-01 09:30:00",
        "Adopt them: tencentcloud-organization adopt --out <folder> --exclude-state <each stack's export>; or remove them in the console.",
        "1 member and 1 department carry a stack's ownership marker but are in none of the states given (their stack's state was not given, or it retained them on destroy):",
        "KIND        ID            NAME            IN      CREATED",
        "----------  ------------  --------------  ------  -------------------",
        "department  200003        Sandbox         (root)  2024-01-01 08:00:00",
        "member      100000100004  another-stacks  (root)  2024-01-01 08:00:00",
        "",
      ].join("\n"),
    );
  });

  it("says nothing is unmanaged in one line", () => {
    const managed = liveInventory([], [aMember(100000100001, "created-by-stack")]);
    expect(formatUnmanagedText(unmanagedReport(managed, [platform]))).toBe(
      "Nothing unmanaged: every member and department is managed by stack platform/dev or carries a stack's ownership marker.\n",
    );
  });

  it("writes Markdown for the CI summary, with cells escaped", () => {
    const piped = liveInventory([], [aMember(100000100009, "a|b")]);
    expect(formatUnmanagedMarkdown(unmanagedReport(piped, [platform]))).toBe(
      [
        "### Tencent Cloud Organization: what no stack manages",
        "",
        "1 member is in the organization but managed by no stack (created or invited by hand, or never adopted; checked against stack platform/dev):",
        "",
        "| Kind | Id | Name | In | Created |",
        "|---|---|---|---|---|",
        "| member | 100000100009 | a\\|b | (root) | 2024-01-01 08:00:00 |",
        "",
      ].join("\n"),
    );
  });
});
