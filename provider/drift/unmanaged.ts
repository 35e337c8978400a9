/**
 * The report of what no stack manages: the members and departments of the organization that none
 * of the given stacks holds and that carry no ownership marker — the set-level drift a per-resource
 * refresh never shows ("2 members were created by hand since the last run"). How an object is known
 * to be managed is adopt/managed.ts: a given state holding it (created or adopted), else its
 * ownership marker (created by some stack whose state was not given). As text for a job log and as
 * Markdown for a CI summary ($GITHUB_STEP_SUMMARY).
 *
 * Pure; `tencentcloud-organization unmanaged` (adopt/cli.ts) reads the organization and the states.
 */
import { textTable } from "./table";
import type { ReportedNode } from "../api/model";
import type { Inventory } from "../adopt/inventory";
import { managerOf, type StackManagement } from "../adopt/managed";
import { compareText } from "../adopt/naming";

/** One object no stack manages (or, in `markedOnly`, one only its marker says a stack manages). */
export interface UnmanagedRow {
  kind: "member" | "department";
  id: number;
  name: string;
  /** The department it is in (a member) or under (a department), as a path from the top level; "(root)" for the root. */
  where: string;
  /** As Tencent reports it (empty when the source does not say). */
  createTime: string;
}

/** The report. */
export interface UnmanagedReport {
  /** In no given state, no ownership marker: created or invited by hand, or adopted by no stack. Departments first. */
  unmanaged: UnmanagedRow[];
  /** In no given state, but carrying an ownership marker: created by a stack whose state was not given (or retained by one). */
  markedOnly: UnmanagedRow[];
  /** The stacks read, as `project/stack`. */
  stacks: string[];
  /** How many objects the given states hold. */
  managedByState: number;
}

/** The report for `inventory` against the exported `stacks`. The root department is never listed: no stack can manage it. */
export function unmanagedReport(inventory: Inventory, stacks: readonly StackManagement[]): UnmanagedReport {
  const pathOf = departmentPaths(inventory.departments, inventory.rootNodeId);
  const rows: { row: UnmanagedRow; by?: "state" | "marker" }[] = [
    ...inventory.departments.map((d) => ({
      row: { kind: "department" as const, id: d.nodeId, name: d.name, where: pathOf(d.parentNodeId), createTime: d.createTime },
      by: managerOf(stacks, "department", d.nodeId, d.tags)?.by,
    })),
    ...inventory.members.map((m) => ({
      row: { kind: "member" as const, id: m.memberUin, name: m.name, where: pathOf(m.nodeId), createTime: m.createTime },
      by: managerOf(stacks, "member", m.memberUin, m.tags)?.by,
    })),
  ];
  const order = (a: UnmanagedRow, b: UnmanagedRow) =>
    a.kind !== b.kind ? (a.kind === "department" ? -1 : 1) : compareText(a.where, b.where) || compareText(a.name, b.name) || a.id - b.id;
  return {
    unmanaged: rows
      .filter((r) => r.by === undefined)
      .map((r) => r.row)
      .sort(order),
    markedOnly: rows
      .filter((r) => r.by === "marker")
      .map((r) => r.row)
      .sort(order),
    stacks: stacks.map((s) => s.stack),
    managedByState: rows.filter((r) => r.by === "state").length,
  };
}

/** "2 members and 1 department" (kinds with none left out; "nothing" when both are empty). */
export function countText(rows: readonly UnmanagedRow[]): string {
  const count = (kind: UnmanagedRow["kind"], plural: string) => {
    const n = rows.filter((r) => r.kind === kind).length;
    return n === 0 ? undefined : `${n} ${n === 1 ? kind : plural}`;
  };
  return [count("member", "members"), count("department", "departments")].filter(Boolean).join(" and ") || "nothing";
}

/** The headline both formats open with. */
function headline(report: UnmanagedReport): string {
  const given = report.stacks.length === 1 ? `stack ${report.stacks[0]}` : `the ${report.stacks.length} stacks given`;
  if (report.unmanaged.length === 0) {
    return `Nothing unmanaged: every member and department is managed by ${given} or carries a stack's ownership marker.`;
  }
  const n = report.unmanaged.length;
  return (
    `${countText(report.unmanaged)} ${n === 1 ? "is" : "are"} in the organization but managed by no stack ` +
    `(created or invited by hand, or never adopted; checked against ${given}):`
  );
}

/** What the rows only a marker claims have in common. */
function markedHeadline(rows: readonly UnmanagedRow[]): string {
  const one = rows.length === 1;
  return `${countText(rows)} ${one ? "carries" : "carry"} a stack's ownership marker but ${one ? "is" : "are"} in none of the states given`;
}

const HEADER = ["KIND", "ID", "NAME", "IN", "CREATED"] as const;
const cells = (row: UnmanagedRow) => [row.kind, String(row.id), row.name, row.where, row.createTime || "-"];

/** The report as plain text for a job log. */
export function formatUnmanagedText(report: UnmanagedReport): string {
  const lines = [headline(report)];
  const table = (rows: readonly UnmanagedRow[]) => textTable(HEADER, rows.map(cells));
  if (report.unmanaged.length > 0) {
    lines.push(...table(report.unmanaged));
    lines.push(
      "Adopt them: tencentcloud-organization adopt --out <folder> --exclude-state <each stack's export>; or remove them in the console.",
    );
  }
  if (report.markedOnly.length > 0) {
    lines.push(
      `${markedHeadline(report.markedOnly)} (their stack's state was not given, or it retained them on destroy):`,
      ...table(report.markedOnly),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The report as Markdown for a CI summary.
 * @param title - the heading
 */
export function formatUnmanagedMarkdown(report: UnmanagedReport, title = "Tencent Cloud Organization: what no stack manages"): string {
  const escapeCell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
  const table = (rows: readonly UnmanagedRow[]) => [
    `| ${HEADER.map((h) => h.charAt(0) + h.slice(1).toLowerCase()).join(" | ")} |`,
    `|${HEADER.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${cells(row).map(escapeCell).join(" | ")} |`),
  ];
  const lines = [`### ${title}`, "", headline(report)];
  if (report.unmanaged.length > 0) lines.push("", ...table(report.unmanaged));
  if (report.markedOnly.length > 0) {
    lines.push("", `${markedHeadline(report.markedOnly)}:`, "", ...table(report.markedOnly));
  }
  return `${lines.join("\n")}\n`;
}

/** The path of names from the top level to each department ("Engineering/Platform"); "(root)" for the root. */
function departmentPaths(departments: readonly ReportedNode[], rootNodeId: number | undefined): (nodeId: number) => string {
  const byId = new Map(departments.map((d) => [d.nodeId, d]));
  return (nodeId) => {
    if (nodeId === rootNodeId) return "(root)";
    const names: string[] = [];
    const seen = new Set<number>();
    for (let node = byId.get(nodeId); node && !seen.has(node.nodeId); node = byId.get(node.parentNodeId)) {
      seen.add(node.nodeId);
      names.unshift(node.name);
    }
    return names.length > 0 ? names.join("/") : `(department ${nodeId})`;
  };
}
