/**
 * One engine operation on one stack, from the command line (used by the interrupted-`up` test
 * and handy by hand):
 *
 *   npx tsx scripts/stack.ts <up|preview|refresh|destroy|cancel|outputs|locks> --program examples/basic \
 *     --state-dir .pulumi-state/by-hand [--project NAME] [--stack dev] [--endpoint URL] \
 *     [--config key=value ...] [--refresh] [--expect-no-changes] [--clear-pending-creates] [--json]
 *
 * `locks` says who holds the stack's lock (a live run, or a killed one that `cancel` may clear).
 * `preview --json` prints `pulumi preview --json` (for tencentcloud-organization-drift).
 *
 * --endpoint sends the provider's calls to an emulator (credentials: TENCENTCLOUD_SECRET_ID /
 * TENCENTCLOUD_SECRET_KEY, else the emulator's defaults); without it they go to Tencent Cloud.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../test/emulator";
import { basename, join, resolve } from "node:path";
import { openStack } from "./lib/engine";
import { lockAdvice, stackLocks } from "./lib/locks";

const OPERATIONS = ["up", "preview", "refresh", "destroy", "cancel", "outputs", "locks"] as const;
type Operation = (typeof OPERATIONS)[number];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      program: { type: "string" },
      "state-dir": { type: "string" },
      project: { type: "string" },
      stack: { type: "string", default: "dev" },
      endpoint: { type: "string" },
      config: { type: "string", multiple: true, default: [] },
      refresh: { type: "boolean", default: false },
      "expect-no-changes": { type: "boolean", default: false },
      "clear-pending-creates": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const operation = positionals[0] as Operation;
  if (!OPERATIONS.includes(operation) || !values.program || !values["state-dir"]) {
    throw new Error(`usage: stack.ts <${OPERATIONS.join("|")}> --program DIR --state-dir DIR [options]`);
  }
  const projectName = values.project ?? `tencentcloud-organization-${basename(values.program)}`;
  if (operation === "locks") {
    const locks = stackLocks(join(resolve(values["state-dir"]), "backend"), projectName, values.stack);
    console.log(
      lockAdvice(locks, `npx tsx scripts/stack.ts cancel … then refresh --clear-pending-creates, then up`) ?? "The stack is not locked.",
    );
    process.exitCode = locks.length > 0 ? 3 : 0;
    return;
  }
  const endpointUrl = values.endpoint;
  const secretId = process.env.TENCENTCLOUD_SECRET_ID ?? (endpointUrl ? DEFAULT_SECRET_ID : undefined);
  const secretKey = process.env.TENCENTCLOUD_SECRET_KEY ?? (endpointUrl ? DEFAULT_SECRET_KEY : undefined);
  const config = Object.fromEntries(
    values.config.map((pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new Error(`--config takes key=value, got "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  const stack = await openStack({
    program: values.program,
    projectName,
    stackName: values.stack,
    stateDir: values["state-dir"],
    target: { ...(endpointUrl ? { endpointUrl } : {}), ...(secretId && secretKey ? { secretId, secretKey } : {}) },
    config,
  });
  const onOutput = (out: string) => process.stdout.write(out);
  switch (operation) {
    case "up":
      await stack.up({ refresh: values.refresh, onOutput });
      break;
    case "preview":
      if (values.json) {
        process.stdout.write(await stack.previewJson({ refresh: values.refresh }));
        break;
      }
      await stack.preview({ refresh: values.refresh, expectNoChanges: values["expect-no-changes"], onOutput });
      break;
    case "refresh":
      await stack.refresh({ clearPendingCreates: values["clear-pending-creates"], onOutput });
      break;
    case "cancel":
      await stack.cancel();
      console.log("The stack's lock is removed.");
      break;
    case "destroy":
      await stack.destroy({ onOutput });
      break;
    case "outputs":
      console.log(JSON.stringify(await stack.outputs(), null, 2));
      break;
  }
}

main().catch((error: unknown) => {
  // CommandError carries the CLI's output; its message already holds stdout and stderr.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
