/**
 * The compliance table beside the drift table: from the engine's events — the output of
 * `pulumi policy analyze --json` (one JSON event per line), or the events an Automation API program
 * collects with `onEvent` (a JSON array, or one per line) — to one row per rule violation, as text
 * for the job log and as Markdown for a CI summary.
 *
 * `pulumi preview --json` carries no policy events, hence a second input. Pure functions only;
 * `cli.ts` runs `pulumi policy analyze` and reads files.
 */
import { textTable } from "./table";
import { PolicyEventsError } from "../core/errors/PolicyEventsError";

export { PolicyEventsError };

/** One rule violation the engine reported. */
export interface ViolationRow {
  /** The resource name in the program (the last part of its URN); the stack's name for a violation of the whole stack. */
  resource: string;
  /** The resource's type, its last part (e.g. `OrganizationMember`). */
  type: string;
  /** The rule: the policy's name (e.g. `required-tags`). */
  rule: string;
  /** `mandatory` (stops preview and up) or `advisory` (reported only). */
  level: string;
  /** What is wrong; this package's rules name the member or department by its name in Tencent. */
  message: string;
}

/** The parts of an engine event the report reads (`@pulumi/pulumi/automation` EngineEvent). */
interface EngineEvent {
  policyEvent?: { resourceUrn?: string; message?: string; policyName?: string; enforcementLevel?: string };
  diagnosticEvent?: { severity?: string; message?: string; urn?: string };
}

// Event kinds the engine emits; an object with none of them is not an engine event.
const EVENT_KINDS = [
  "cancelEvent",
  "stdoutEvent",
  "diagnosticEvent",
  "preludeEvent",
  "summaryEvent",
  "resourcePreEvent",
  "resOutputsEvent",
  "resOpFailedEvent",
  "policyEvent",
  "policyRemediationEvent",
  "policyLoadEvent",
  "policyAnalyzeSummaryEvent",
  "policyRemediateSummaryEvent",
  "policyAnalyzeStackSummaryEvent",
  "startDebuggingEvent",
  "progressEvent",
  "errorEvent",
];
// The engine's closing line when an operation fails; with policy events it only repeats that a rule stopped it.
const OPERATION_FAILED = /^(preview|update|refresh|destroy|analysis) failed$|^one or more mandatory policy violations were found$/;
const NO_VIOLATIONS = "No rule violations: every resource follows the organization's rules.";
const MANDATORY = "mandatory";

/**
 * Parses the engine's events.
 * @param text - `pulumi policy analyze --json` output (one event per line), or a JSON array of events
 * @throws PolicyEventsError when it holds no engine events, or the analysis reported errors
 */
export function parsePolicyEvents(text: string): EngineEvent[] {
  const trimmed = text.trim();
  if (trimmed === "") throw new PolicyEventsError("no events in the input: pass the output of `pulumi policy analyze --json`");
  let events: unknown[];
  if (trimmed.startsWith("[")) {
    const list = parseJson(trimmed, "the input");
    if (!Array.isArray(list)) throw new PolicyEventsError("the input is not a list of engine events");
    events = list;
  } else {
    events = trimmed
      .split("\n")
      .map((line, index) => [line.trim(), index] as const)
      .filter(([line]) => line !== "")
      .map(([line, index]) => parseJson(line, `line ${index + 1}`));
  }
  for (const [index, event] of events.entries()) {
    if (typeof event !== "object" || event === null || !EVENT_KINDS.some((kind) => kind in event)) {
      throw new PolicyEventsError(
        `event ${index + 1} is not an engine event: pass the output of \`pulumi policy analyze --json\` (or the Automation API's events)`,
      );
    }
  }
  const errors = (events as EngineEvent[])
    .filter((e) => e.diagnosticEvent?.severity === "error")
    .map((e) => (e.diagnosticEvent?.message ?? "").trim())
    .filter((message) => !OPERATION_FAILED.test(message));
  if (errors.length > 0) throw new PolicyEventsError(`the analysis failed:\n${errors.join("\n")}`);
  return events as EngineEvent[];
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyEventsError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The violations the events report, one row each (a violation reported twice counts once), sorted
 * by resource, rule and message.
 * @param events - from {@link parsePolicyEvents}
 */
export function violationRows(events: readonly EngineEvent[]): ViolationRow[] {
  const rows = new Map<string, ViolationRow>();
  for (const { policyEvent } of events) {
    if (!policyEvent) continue;
    // urn:pulumi:<stack>::<project>::<parent type>$<type>::<name>
    const urnParts = (policyEvent.resourceUrn ?? "").split("::");
    const qualifiedType = urnParts[2] ?? "";
    const row: ViolationRow = {
      resource: urnParts.length >= 4 ? urnParts.slice(3).join("::") : "(stack)",
      type: qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1).replace(/^.*[:/]/, ""),
      rule: policyEvent.policyName ?? "(unnamed)",
      level: policyEvent.enforcementLevel ?? "advisory",
      message: violationText(policyEvent.message ?? ""),
    };
    rows.set(JSON.stringify(row), row);
  }
  return [...rows.values()].sort(
    (a, b) => a.resource.localeCompare(b.resource) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message),
  );
}

/** @pulumi/policy sends the policy's description, a line break, then the violation: the violation is the part to show. */
function violationText(message: string): string {
  const lines = message.trim().split("\n");
  return (lines.length > 1 ? lines.slice(1) : lines).join(" ").trim();
}

/**
 * How many violations stop `pulumi preview` and `pulumi up`.
 * @param rows - from {@link violationRows}
 */
export function mandatoryCount(rows: readonly ViolationRow[]): number {
  return rows.filter((row) => row.level === MANDATORY).length;
}

const HEADER = ["RESOURCE", "RULE", "LEVEL", "VIOLATION"] as const;

function cells(row: ViolationRow): string[] {
  return [row.type ? `${row.resource} (${row.type})` : row.resource, row.rule, row.level, row.message];
}

function headline(rows: readonly ViolationRow[]): string {
  const mandatory = mandatoryCount(rows);
  return (
    `${rows.length} rule violation${rows.length === 1 ? "" : "s"}` +
    (mandatory > 0 ? `, ${mandatory} mandatory (they stop \`pulumi preview\` and \`pulumi up\`)` : ", all advisory")
  );
}

/**
 * The violations as plain text for a job log.
 * @param rows - from {@link violationRows}
 */
export function formatViolationsTable(rows: readonly ViolationRow[]): string {
  if (rows.length === 0) return `${NO_VIOLATIONS}\n`;
  return [`Rules: ${headline(rows)}:`, ...textTable(HEADER, rows.map(cells)), ""].join("\n");
}

/**
 * The violations as Markdown for a CI summary, under their own heading.
 * @param rows - from {@link violationRows}
 * @param title - the heading
 */
export function formatViolationsMarkdown(rows: readonly ViolationRow[], title = "Tencent Cloud Organization rules"): string {
  if (rows.length === 0) return `### ${title}\n\n${NO_VIOLATIONS}\n`;
  const escapeCell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
  const header = HEADER.map((h) => h.charAt(0) + h.slice(1).toLowerCase());
  return [
    `### ${title}`,
    "",
    `${headline(rows)}.`,
    "",
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => {
      const [resource, rule, level, message] = cells(row).map(escapeCell);
      return `| ${resource} | \`${rule}\` | ${level} | ${message} |`;
    }),
    "",
  ].join("\n");
}
