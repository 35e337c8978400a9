import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockAdvice, stackLocks, type LockProbe } from "../../scripts/lib/locks";

const PROBE: LockProbe = { hostname: "ci-runner-1", isAlive: (pid) => pid === 4242 };

/** A file backend holding one lock file per entry, as the CLI writes them. */
function backendWithLocks(...locks: { pid: number; hostname: string }[]): string {
  const backend = mkdtempSync(join(tmpdir(), "locks-"));
  const dir = join(backend, ".pulumi", "locks", "organization", "proj", "dev");
  mkdirSync(dir, { recursive: true });
  for (const [i, lock] of locks.entries()) {
    writeFileSync(join(dir, `lock-${i}.json`), JSON.stringify({ ...lock, username: "root", timestamp: "2026-11-29T02:00:00Z" }));
  }
  return backend;
}

describe("stack locks in a file backend", () => {
  it("are none when no run holds the stack", () => {
    expect(stackLocks(backendWithLocks(), "proj", "dev", PROBE)).toEqual([]);
    expect(lockAdvice([], "recover")).toBeUndefined();
  });

  it.each([
    ["a process on this host that no longer runs", { pid: 999, hostname: "ci-runner-1" }, "dead"],
    ["a process on this host that still runs", { pid: 4242, hostname: "ci-runner-1" }, "alive"],
    ["a process on another host", { pid: 4242, hostname: "ci-runner-2" }, "elsewhere"],
  ] as const)("held by %s are told apart", (_, lock, holder) => {
    expect(stackLocks(backendWithLocks(lock), "proj", "dev", PROBE)).toEqual([expect.objectContaining({ pid: lock.pid, holder })]);
  });

  it("left by a killed run lead to the documented repair", () => {
    const advice = lockAdvice(
      stackLocks(backendWithLocks({ pid: 999, hostname: "ci-runner-1" }), "proj", "dev", PROBE),
      "bash scripts/main.sh --recover",
    );
    expect(advice).toContain("no longer exists");
    expect(advice).toContain("bash scripts/main.sh --recover");
    expect(advice).toMatch(/pulumi cancel.*pulumi refresh --clear-pending-creates.*pulumi up/s);
  });

  it("held by a live run are left alone, even beside a dead one", () => {
    const locks = stackLocks(
      backendWithLocks({ pid: 999, hostname: "ci-runner-1" }, { pid: 4242, hostname: "ci-runner-1" }),
      "proj",
      "dev",
      PROBE,
    );
    const advice = lockAdvice(locks, "bash scripts/main.sh --recover")!;
    expect(advice).toContain("still going (pid 4242");
    expect(advice).not.toContain("--recover");
  });

  it("from another host are not called dead, only repairable if the user knows that run is over", () => {
    const advice = lockAdvice(stackLocks(backendWithLocks({ pid: 1, hostname: "ci-runner-2" }), "proj", "dev", PROBE), "recover")!;
    expect(advice).toContain("cannot be checked from here");
    expect(advice).toContain("If you are sure");
  });
});
