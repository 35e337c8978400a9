/**
 * Benchmarks of the provider against the emulator (Tencent's documented 20 calls/s limit on):
 *   1. read coalescing — DescribeOrganizationMembers calls and time to refresh N of M members;
 *   2. create throughput — N members created concurrently within the rate limit;
 *   3. load cost — time and memory to load the provider's implementation vs the whole SDK.
 * Prints a Markdown report. Run: `npm run bench` (≈ 1–2 minutes).
 */
import { execFileSync } from "node:child_process";
import { resolveSettings } from "../provider/api/settings";
import { checkMember } from "../provider/member/check";
import { MemberLifecycle } from "../provider/member/lifecycle";
import { clearProxyVariables } from "../scripts/lib/proxy";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../test/emulator";

clearProxyVariables();

function configureFor(emulator: RunningEmulator): MemberLifecycle {
  const config: Record<string, string> = {
    "tencentcloud:secretId": DEFAULT_SECRET_ID,
    "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
    "tencentcloud:endpointUrl": emulator.url,
  };
  return MemberLifecycle.fromSettings(resolveSettings((k) => config[k], {}, () => undefined), { logger: { info: () => {} } });
}

async function readCoalescing(): Promise<string[]> {
  const rows = ["| M members | N refreshed | calls (this provider) | bound 2·min(N,⌈M/50⌉)+2 | calls (incumbent, N·⌈M/50⌉) | time (this provider) | time (incumbent at 20/s) |", "|---|---|---|---|---|---|---|"];
  for (const m of [100, 1000, 2500]) {
    const emulator = await startEmulator({ seedMembers: m, memberLimit: 10_000 });
    const all = emulator.admin.members().map((x) => x.memberUin);
    const pages = Math.ceil(m / 50);
    for (const n of [1, 5, 20, 100]) {
      // A new operation is a new provider process: nothing shared, and (as between real
      // operations) the previous run's calls have left Tencent's one-second window.
      await new Promise((r) => setTimeout(r, 1100));
      const provider = configureFor(emulator);
      const before = emulator.admin.counters().DescribeOrganizationMembers ?? 0;
      const started = performance.now();
      await Promise.all(all.slice(0, n).map((uin) => provider.read(String(uin))));
      const seconds = (performance.now() - started) / 1000;
      const calls = (emulator.admin.counters().DescribeOrganizationMembers ?? 0) - before;
      const incumbent = n * pages;
      rows.push(`| ${m} | ${n} | ${calls} | ${2 * Math.min(n, pages) + 2} | ${incumbent} | ${seconds.toFixed(2)} s | ≥ ${((incumbent - 1) / 20).toFixed(1)} s |`);
    }
    await emulator.close();
  }
  return rows;
}

async function createThroughput(): Promise<string[]> {
  const rows = ["| members created at once | wall time | CreateOrganizationMember calls | RequestLimitExceeded answers | members in the organization |", "|---|---|---|---|---|"];
  for (const n of [20, 60]) {
    const emulator = await startEmulator();
    const provider = configureFor(emulator);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const { inputs } = checkMember({}, { name: `bench-${i}`, permissionIds: [1, 2], nodeId: 100001, ownerMarker: `bench/run/m${i}` });
        return provider.create(inputs);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const log = emulator.admin.requestLog();
    const throttled = log.filter((e) => e.errorCode?.startsWith("RequestLimitExceeded")).length;
    rows.push(`| ${n} | ${seconds.toFixed(2)} s | ${emulator.admin.counters().CreateOrganizationMember} | ${throttled} | ${emulator.admin.members().length} |`);
    await emulator.close();
  }
  return rows;
}

function loadCost(): string[] {
  const probe = (modulePath: string) => {
    const script = `const t=process.hrtime.bigint();require(${JSON.stringify(modulePath)});const ms=Number(process.hrtime.bigint()-t)/1e6;` +
      `console.log(JSON.stringify({ms,rss:process.memoryUsage().rss}))`;
    const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { ms: number; rss: number });
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[2];
    return `${median.ms.toFixed(0)} ms | ${(median.rss / 2 ** 20).toFixed(0)} MiB`;
  };
  const baseline = JSON.parse(execFileSync(process.execPath, ["-e", "console.log(JSON.stringify({rss:process.memoryUsage().rss}))"], { encoding: "utf8" })) as { rss: number };
  return [
    "| what is loaded | load time (median of 5) | process RSS after |",
    "|---|---|---|",
    `| nothing (bare node) | – | ${(baseline.rss / 2 ** 20).toFixed(0)} MiB |`,
    `| provider implementation (pulumi-tencentcloud-organization/dist/lifecycle: organization + tag services only) | ${probe("pulumi-tencentcloud-organization/dist/lifecycle")} |`,
    `| the whole SDK (require("tencentcloud-sdk-nodejs")) | ${probe("tencentcloud-sdk-nodejs")} |`,
  ];
}

async function main(): Promise<void> {
  const sections: [string, string[]][] = [
    ["Read coalescing (refresh)", await readCoalescing()],
    ["Create throughput under the 20/s limit", await createThroughput()],
    ["Load cost", loadCost()],
  ];
  console.log(`# Benchmark run ${new Date().toISOString()} — node ${process.version}, ${require("node:os").cpus().length} cores\n`);
  for (const [title, rows] of sections) console.log(`## ${title}\n\n${rows.join("\n")}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
