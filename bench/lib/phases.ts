/**
 * Where an engine `up` spends its time, as phases read from the engine's events and the emulator's
 * log, and the CPU seconds each process of the run spent (processCpu.ts): the engine's start
 * (program, plugins, provider process) until the first resource step, the creation phase (first
 * call to the last CreateOrganizationMember answered, beside its floor), the tail (last answer to
 * the summary), and the engine's end (summary to the command's exit).
 */
import type { EngineStack } from "../../scripts/lib/engine";
import type { EmulatorProcess } from "./engineBench";
import { type ProcessRole, withProcessCpu } from "./processCpu";

export interface Phases {
  seconds: number;
  /** Until the first step of a resource of the program (a member, or a do-nothing resource). */
  untilFirstStep: number;
  /** First call to the last CreateOrganizationMember answered (members only). */
  creation?: number;
  /** The last resource's outputs to the summary event. */
  untilSummary: number;
  /** The summary event to the end of the command. */
  afterSummary: number;
  calls: number;
  cpu: Record<ProcessRole, number>;
}

/** Runs `up` on `stack` (whose emulator is `emulator`, if it calls one) and splits its time. */
export async function upPhases(stack: EngineStack, emulator: EmulatorProcess | undefined): Promise<Phases> {
  const events: { t: number; kind: string; type?: string }[] = [];
  const startedIso = new Date().toISOString();
  const started = Date.now();
  const onEvent = (event: object) => {
    const kind = Object.keys(event).find((k) => k.endsWith("Event")) ?? "?";
    const type = (event as Record<string, { metadata?: { type?: string } }>)[kind]?.metadata?.type;
    events.push({ t: (Date.now() - started) / 1000, kind, type });
  };
  const { cpu } = await withProcessCpu(() => stack.stack.up({ onEvent }));
  const seconds = (Date.now() - started) / 1000;
  const ofProgram = (e: { type?: string }) => /OrganizationMember|Noop/.test(e.type ?? "");
  const firstStep = events.find((e) => e.kind === "resourcePreEvent" && ofProgram(e))?.t ?? 0;
  const lastOutputs = events.filter((e) => e.kind === "resOutputsEvent" && ofProgram(e)).pop()?.t ?? 0;
  const summary = events.find((e) => e.kind === "summaryEvent")?.t ?? seconds;
  const log = emulator ? (await emulator.log()).filter((e) => e.time >= startedIso) : [];
  const at = (time: string) => (Date.parse(time) - started) / 1000;
  const creates = log.filter((e) => e.action === "CreateOrganizationMember").map((e) => at(e.time));
  const firstCall = log.length > 0 ? Math.min(...log.map((e) => at(e.time))) : undefined;
  return {
    seconds,
    untilFirstStep: firstStep,
    ...(creates.length > 0 && firstCall !== undefined ? { creation: Math.max(...creates) - firstCall } : {}),
    untilSummary: summary - lastOutputs,
    afterSummary: seconds - summary,
    calls: log.length,
    cpu,
  };
}
