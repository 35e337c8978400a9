/**
 * Who holds a stack's lock in a local (file) backend. The CLI writes one file per running
 * operation, `<backend>/.pulumi/locks/organization/<project>/<stack>/<uuid>.json`, holding the
 * process id, user and host of the `pulumi` process; a run that is killed leaves it behind.
 */
import { readdirSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/** One lock file and what became of the process that wrote it. */
export interface StackLock {
  file: string;
  pid: number;
  hostname: string;
  username?: string;
  timestamp?: string;
  /**
   * `dead`: written on this host by a process that no longer runs (a killed run: safe to cancel);
   * `alive`: that process still runs (never break it); `elsewhere`: another host, which cannot be checked from here.
   */
  holder: "dead" | "alive" | "elsewhere";
}

/** How to tell whether a process runs; tests pass their own. */
export interface LockProbe {
  hostname: string;
  isAlive(pid: number): boolean;
}

const THIS_HOST: LockProbe = {
  hostname: hostname(),
  isAlive(pid) {
    try {
      process.kill(pid, 0); // signal 0: checks, sends nothing
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  },
};

/**
 * The locks held on a stack of a file backend.
 * @param backendDir - the folder of `file://<folder>`
 * @param project - the project name
 * @param stack - the stack name
 * @param probe - process checks (default: this host)
 */
export function stackLocks(backendDir: string, project: string, stack: string, probe: LockProbe = THIS_HOST): StackLock[] {
  const dirs = [join(backendDir, ".pulumi", "locks", "organization", project, stack), join(backendDir, ".pulumi", "locks", stack)];
  const locks: StackLock[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith(".json"));
    } catch {
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      let content: { pid?: unknown; hostname?: unknown; username?: unknown; timestamp?: unknown };
      try {
        content = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        continue; // being written or removed right now
      }
      const pid = Number(content.pid);
      const host = String(content.hostname ?? "");
      locks.push({
        file,
        pid,
        hostname: host,
        ...(typeof content.username === "string" ? { username: content.username } : {}),
        ...(typeof content.timestamp === "string" ? { timestamp: content.timestamp } : {}),
        holder: host !== probe.hostname ? "elsewhere" : probe.isAlive(pid) ? "alive" : "dead",
      });
    }
  }
  return locks;
}

/**
 * What to tell the user about the locks on a stack, or undefined when it is not locked.
 * @param locks - from {@link stackLocks}
 * @param recoverCommand - the command that runs the documented recovery for this stack
 */
export function lockAdvice(locks: StackLock[], recoverCommand: string): string | undefined {
  if (locks.length === 0) return undefined;
  const describe = (lock: StackLock) =>
    `pid ${lock.pid} on ${lock.hostname || "an unknown host"}${lock.timestamp ? `, since ${lock.timestamp}` : ""}`;
  const alive = locks.filter((lock) => lock.holder === "alive");
  if (alive.length > 0) {
    return `The stack is locked by a run that is still going (${alive.map(describe).join("; ")}). Wait for it to finish; the lock is left alone.`;
  }
  const elsewhere = locks.filter((lock) => lock.holder === "elsewhere");
  if (elsewhere.length > 0) {
    return [
      `The stack is locked by a run on another host (${elsewhere.map(describe).join("; ")}), which cannot be checked from here.`,
      `If you are sure that run is over (a cancelled job), repair the stack with: ${recoverCommand}`,
    ].join("\n");
  }
  return [
    `The stack is locked by a run that no longer exists (${locks.map(describe).join("; ")}): it was killed or cancelled.`,
    'Repair it, then run again (see docs/guides/recovery.md, "A cancelled pulumi up"):',
    `  ${recoverCommand}`,
    "which runs `pulumi cancel` (removes the lock), `pulumi refresh --clear-pending-creates` (drops the creations",
    "the killed run left unfinished) and `pulumi up` (creates what is missing; an account the killed run had",
    "already created is found by its ownership marker and reused, never created twice).",
  ].join("\n");
}
