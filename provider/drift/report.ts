/**
 * The drift report: from the output of `pulumi preview --refresh --json` to one row per
 * difference between Tencent and the program — member, field, value in Tencent, value in the
 * program — as a text table for the job log and as Markdown for a CI summary.
 *
 * Pure functions only; `cli.ts` reads files, runs `pulumi` and writes the summary.
 */
import { textTable } from "./table";
import { PreviewOutputError } from "../core/errors/PreviewOutputError";

export { PreviewOutputError };

/** One difference between what Tencent holds (after the refresh) and what the program declares. */
export interface DriftRow {
  /** The resource name in the program (the last part of its URN). */
  resource: string;
  /** The member's or department's name in Tencent (or in the program when Tencent has none). */
  memberName?: string;
  /** The input that differs, or `(member)` / `(department)` when the whole resource is missing on one side. */
  field: string;
  /** The value Tencent reports, formatted for reading. */
  inTencent: string;
  /** The value the program declares, formatted for reading. */
  inProgram: string;
  /** What the next `pulumi up` does about it. */
  action: "update" | "replace" | "create" | "delete";
}

/** A resource state in a step (`oldState` / `newState`). */
interface StepState {
  type?: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** One step of the preview document. */
interface PreviewStep {
  op: string;
  urn: string;
  oldState?: StepState;
  newState?: StepState;
  diffReasons?: string[];
  replaceReasons?: string[];
  detailedDiff?: Record<string, unknown>;
}

/** The parts of `pulumi preview --json` the report reads. */
export interface PreviewDocument {
  steps: PreviewStep[];
  diagnostics?: { severity?: string; message?: string; urn?: string }[];
  changeSummary?: Record<string, number>;
}

// Inputs that are the provider's bookkeeping, not something a person declared.
const INTERNAL_FIELDS = new Set(["__provider"]);
// Step kinds that change nothing at Tencent.
const NO_CHANGE_OPS = new Set(["same", "read", "refresh", "discard", "remove-pending-replace"]);
const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "read-replacement", "import-replacement"]);
// Types that belong to Pulumi itself: the stack and provider resources.
const PULUMI_TYPE = /^pulumi:(pulumi:Stack|providers:)/;
// The field shown when a whole resource is missing on one side, by the type its class registers.
const WHOLE_RESOURCE: Readonly<Record<string, string>> = {
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationMember": "(member)",
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationNode": "(department)",
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationPolicy": "(policy)",
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationPolicyAttachment": "(policy attachment)",
  "pulumi-nodejs:dynamic/tencentcloud:OrganizationPolicyType": "(policy type)",
};
const NO_DRIFT = "No drift: every department, member, policy and attachment matches the program.";

/**
 * Parses the text `pulumi preview --json` printed.
 * @param text - the whole output (a line of text before the JSON document is tolerated)
 * @throws PreviewOutputError when it is not a preview document, or the preview reported errors
 */
export function parsePreview(text: string): PreviewDocument {
  const start = text.search(/^\{/m);
  if (start < 0) throw new PreviewOutputError("no JSON document in the input: pass the output of `pulumi preview --refresh --json`");
  let document: unknown;
  try {
    document = JSON.parse(text.slice(start));
  } catch (error) {
    throw new PreviewOutputError(`the input is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new PreviewOutputError("the input is not a `pulumi preview --json` document (expected an object with steps)");
  }
  const preview = document as PreviewDocument;
  const errors = (preview.diagnostics ?? []).filter((d) => d.severity === "error").map((d) => (d.message ?? "").trim());
  if (errors.length > 0) throw new PreviewOutputError(`the preview failed:\n${errors.join("\n")}`);
  if (!Array.isArray(preview.steps)) {
    throw new PreviewOutputError("the input is not a `pulumi preview --json` document (it has no steps)");
  }
  for (const [index, step] of preview.steps.entries()) {
    if (typeof step?.op !== "string" || typeof step.urn !== "string") throw new PreviewOutputError(`steps[${index}] has no op or urn`);
  }
  return preview;
}

/**
 * The differences a preview proposes to resolve, one row per member and field, sorted by
 * resource name (the engine's step order varies with parallelism). Pulumi's own resources (the
 * stack, providers) are left out.
 * @param preview - a parsed preview document
 */
export function driftRows(preview: PreviewDocument): DriftRow[] {
  const byUrn = new Map<string, PreviewStep[]>();
  for (const step of preview.steps) {
    if (NO_CHANGE_OPS.has(step.op) || PULUMI_TYPE.test(typeOf(step))) continue;
    byUrn.set(step.urn, [...(byUrn.get(step.urn) ?? []), step]);
  }
  const rows: DriftRow[] = [];
  for (const [urn, steps] of byUrn) {
    const resource = urn.slice(urn.lastIndexOf("::") + 2);
    const replace = steps.find((s) => REPLACE_OPS.has(s.op));
    const step = replace ?? steps[0];
    const before = step.oldState?.inputs ?? steps.find((s) => s.oldState)?.oldState?.inputs;
    const after = step.newState?.inputs ?? steps.find((s) => s.newState)?.newState?.inputs;
    const memberName = textOf(before?.name) ?? textOf(after?.name);
    const whole = WHOLE_RESOURCE[typeOf(step)] ?? "(resource)";
    if (step.op === "create" || !before) {
      rows.push({
        resource,
        memberName,
        field: whole,
        inTencent: "(missing: deleted outside Pulumi, or never created)",
        inProgram: "(declared)",
        action: "create",
      });
      continue;
    }
    if (step.op === "delete" || !after) {
      rows.push({ resource, memberName, field: whole, inTencent: "(exists)", inProgram: "(not declared)", action: "delete" });
      continue;
    }
    for (const field of changedFields(step, before, after)) {
      rows.push({
        resource,
        memberName,
        field,
        inTencent: formatValue(before[field]),
        inProgram: formatValue(after[field]),
        action: replace ? "replace" : "update",
      });
    }
  }
  return rows.sort((a, b) => a.resource.localeCompare(b.resource));
}

/** The top-level inputs that differ: those the engine names, else those whose values differ. */
function changedFields(step: PreviewStep, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const named = [...(step.diffReasons ?? []), ...(step.replaceReasons ?? []), ...Object.keys(step.detailedDiff ?? {})].map(topLevel);
  const differing = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => canonical(before[field]) !== canonical(after[field]),
  );
  const fields = named.length > 0 ? named : differing;
  return [...new Set(fields)].filter((field) => !INTERNAL_FIELDS.has(field)).sort();
}

/** `tags.team` / `permissionIds[2]` / `tags["a.b"]` → the input it belongs to. */
function topLevel(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

/** JSON with object keys sorted, so that key order never counts as a difference. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
    ) ?? "undefined"
  );
}

/**
 * A value as a person reads it: lists joined by commas, maps as `key=value` sorted by key,
 * `(not set)` for a missing value.
 * @param value - an input value from the state or the program
 */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "(not set)";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(formatValue).join(",");
  if (typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return entries.length === 0 ? "(none)" : entries.map(([k, v]) => `${k}=${formatValue(v)}`).join(" ");
  }
  if (typeof value === "string") return value === "" ? '""' : value;
  return String(value);
}

const HEADER = ["RESOURCE", "FIELD", "IN TENCENT", "IN THE PROGRAM", "NEXT UP"] as const;

function cells(row: DriftRow): string[] {
  const member = row.memberName && row.memberName !== row.resource ? `${row.resource} (${row.memberName})` : row.resource;
  return [member, row.field, row.inTencent, row.inProgram, row.action];
}

/**
 * The report as plain text for a job log.
 * @param rows - from {@link driftRows}
 */
export function formatTable(rows: DriftRow[]): string {
  if (rows.length === 0) return `${NO_DRIFT}\n`;
  return [
    `Drift: ${rows.length} difference${rows.length === 1 ? "" : "s"} between Tencent and the program (run \`pulumi up --refresh\` to apply the program):`,
    ...textTable(HEADER, rows.map(cells)),
    "",
  ].join("\n");
}

/**
 * The report as Markdown for a CI summary (e.g. GITHUB_STEP_SUMMARY).
 * @param rows - from {@link driftRows}
 * @param title - the heading
 */
export function formatMarkdown(rows: DriftRow[], title = "Tencent Cloud Organization drift"): string {
  if (rows.length === 0) return `### ${title}\n\n${NO_DRIFT}\n`;
  const escapeCell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
  const code = (text: string) => (text.startsWith("(") ? escapeCell(text) : `\`${escapeCell(text).replace(/`/g, "'")}\``);
  const header = HEADER.map((h) => h.charAt(0) + h.slice(1).toLowerCase());
  return [
    `### ${title}`,
    "",
    `${rows.length} difference${rows.length === 1 ? "" : "s"} between Tencent and the program; \`pulumi up --refresh\` applies the program.`,
    "",
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => {
      const [member, field, inTencent, inProgram, action] = cells(row);
      return `| ${escapeCell(member)} | ${code(field)} | ${code(inTencent)} | ${code(inProgram)} | ${action} |`;
    }),
    "",
  ].join("\n");
}

function typeOf(step: PreviewStep): string {
  // urn:pulumi:<stack>::<project>::<parent type>$<type>::<name>
  const qualified = step.newState?.type ?? step.oldState?.type ?? step.urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
