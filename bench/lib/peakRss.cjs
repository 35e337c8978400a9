// Loaded into every Node process the Pulumi CLI starts (NODE_OPTIONS=--require): in the dynamic
// provider process it records the peak resident set size (KiB) and the provider lifecycle module(s)
// it loaded (`…/dist/lifecycle.js`, which tells the BEFORE build from the AFTER one) to
// $BENCH_RSS_DIR/<pid>.json, every 200 ms and at exit (the engine may kill the process without an
// exit event).
if (process.env.BENCH_RSS_DIR && process.argv.some((a) => a.includes("dynamic-provider"))) {
  const { writeFileSync } = require("node:fs");
  const { join } = require("node:path");
  const file = join(process.env.BENCH_RSS_DIR, `${process.pid}.json`);
  const record = () => {
    try {
      const lifecycle = Object.keys(require.cache).filter((path) => path.endsWith("/dist/lifecycle.js"));
      writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, lifecycle }));
    } catch {}
  };
  setInterval(record, 200).unref();
  process.on("exit", record);
}
