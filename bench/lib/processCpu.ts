/**
 * CPU seconds each process of an operation spent, read from /proc (Linux): the Go engine
 * (`pulumi`), the dynamic-provider host (`pulumi-resource-pulumi-nodejs`, a node process), the
 * program host (this process: Automation API inline programs run here) and the emulator. Sampled
 * every `everyMs` while the operation runs, so processes that start and end in between are caught
 * (their last sample counts; at most `everyMs` of their CPU is missed).
 */
import { readdirSync, readFileSync } from "node:fs";

/** Which part of the run a process is. */
export type ProcessRole = "engine (pulumi, Go)" | "provider host (node)" | "program host (this process)" | "emulator (node)" | "other";

const TICKS_PER_SECOND = 100;

function roleOf(pid: number, cmdline: string): ProcessRole {
  if (pid === process.pid) return "program host (this process)";
  if (/pulumi-resource-pulumi-nodejs|dynamic-provider|@pulumi\/pulumi\/cmd\/dynamic-provider/.test(cmdline)) return "provider host (node)";
  if (/emulatorProcess/.test(cmdline)) return "emulator (node)";
  if (/(^|\/)pulumi(\s|\0|$)/.test(cmdline) || /(^|\/)pulumi-language-/.test(cmdline)) return "engine (pulumi, Go)";
  return "other";
}

/** utime + stime of `pid` in seconds, or undefined when it is gone. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Runs `operation`, returning its result and the CPU seconds per role of every process seen meanwhile. */
export async function withProcessCpu<T>(
  operation: () => Promise<T>,
  everyMs = 100,
): Promise<{ result: T; cpu: Record<ProcessRole, number> }> {
  const start = new Map<number, number>();
  const last = new Map<number, { role: ProcessRole; seconds: number }>();
  const sample = (first: boolean) => {
    for (const entry of readdirSync("/proc")) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      const seconds = cpuSeconds(pid);
      if (seconds === undefined) continue;
      if (first) {
        start.set(pid, seconds);
        continue;
      }
      if (!last.has(pid)) {
        let cmdline = "";
        try {
          cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        } catch {}
        last.set(pid, { role: roleOf(pid, cmdline), seconds });
      } else last.get(pid)!.seconds = seconds;
    }
  };
  sample(true);
  const timer = setInterval(() => sample(false), everyMs);
  try {
    const result = await operation();
    sample(false);
    const cpu: Record<ProcessRole, number> = {
      "engine (pulumi, Go)": 0,
      "provider host (node)": 0,
      "program host (this process)": 0,
      "emulator (node)": 0,
      other: 0,
    };
    for (const [pid, { role, seconds }] of last) cpu[role] += seconds - (start.get(pid) ?? 0);
    return { result, cpu };
  } finally {
    clearInterval(timer);
  }
}
