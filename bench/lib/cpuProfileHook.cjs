// Loaded into every Node process the Pulumi CLI starts (NODE_OPTIONS=--require) when
// $BENCH_CPU_PROFILE_DIR is set: profiles the dynamic provider process's CPU from its start to its
// end and writes <pid>.cpuprofile (the format of `node --cpu-prof`, which Node 20 refuses in
// NODE_OPTIONS) and <pid>.usage.json (the process's own CPU time, to check the profile against).
//
// The profile can only be taken at a normal exit, and the engine ends the provider with SIGINT,
// whose default action kills Node without an exit event: so SIGINT and SIGTERM exit normally here.
// The inspector session's `post` runs synchronously in this thread, so the exit handler can write.
if (process.env.BENCH_CPU_PROFILE_DIR && process.argv.some((a) => a.includes("dynamic-provider"))) {
  const { writeFileSync } = require("node:fs");
  const { join } = require("node:path");
  const { Session } = require("node:inspector");
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 }); // µs, as --cpu-prof
  session.post("Profiler.start");
  const startedAt = performance.now();
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      const usage = process.cpuUsage();
      writeFileSync(
        join(dir, `${process.pid}.usage.json`),
        JSON.stringify({ userMs: usage.user / 1000, systemMs: usage.system / 1000, wallMs: performance.now() - startedAt }),
      );
    });
  };
  process.on("exit", write);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(0));
}
