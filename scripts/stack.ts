/**
 * One engine operation on one stack, from the command line (used by the interrupted-`up` test
 * and handy by hand):
 *
 *   npx tsx scripts/stack.ts <up|preview|refresh|destroy|outputs> --program examples/basic \
 *     --state-dir .pulumi-state/by-hand [--project NAME] [--stack dev] [--endpoint URL] \
 *     [--config key=value ...] [--refresh] [--expect-no-changes] [--clear-pending-creates]
 *
 * --endpoint sends the provider's calls to an emulator (credentials: TENCENTCLOUD_SECRET_ID /
 * TENCENTCLOUD_SECRET_KEY, else the emulator's defaults); without it they go to Tencent Cloud.
 */
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../test/emulator";
import { openStack } from "./lib/engine";

const OPERATIONS = ["up", "preview", "refresh", "destroy", "outputs"] as const;
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
    },
  });
  const operation = positionals[0] as Operation;
  if (!OPERATIONS.includes(operation) || !values.program || !values["state-dir"]) {
    throw new Error(`usage: stack.ts <${OPERATIONS.join("|")}> --program DIR --state-dir DIR [options]`);
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
    projectName: values.project ?? `tencentcloud-organization-${basename(values.program)}`,
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
      await stack.preview({ refresh: values.refresh, expectNoChanges: values["expect-no-changes"], onOutput });
      break;
    case "refresh":
      await stack.refresh({ clearPendingCreates: values["clear-pending-creates"], onOutput });
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
