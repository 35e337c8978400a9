#!/usr/bin/env node
// A stand-in for `pulumi` in the pipeline-recipe test, for machines without the Node.js language
// host (see docs/e2e.md): it runs `pulumi up …` and `pulumi preview … [--json]` of the program in
// the current folder through the Automation API's inline-program route — the same CLI and
// engine, started with --client instead of a language host. Anything else goes to the real CLI.
// Environment: PULUMI_REAL_ROOT, a folder with bin/pulumi (the real CLI).
"use strict";
const { spawnSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const args = process.argv.slice(2);
const realPulumi = join(process.env.PULUMI_REAL_ROOT, "bin", "pulumi");
const [operation] = args;
if (operation !== "up" && operation !== "preview") {
  process.exit(spawnSync(realPulumi, args, { stdio: "inherit" }).status ?? 1);
}
const flag = (name) => args.includes(name);
/** Every value of a repeated option (`--policy-pack A --policy-pack B`). */
const values = (name) => args.flatMap((arg, i) => (arg === name && i + 1 < args.length ? [args[i + 1]] : []));
// The policy packs the command names, as the Automation API takes them.
const policy = { policyPacks: values("--policy-pack"), policyPackConfigs: values("--policy-pack-config") };
const stackName = args[args.indexOf("--stack") + 1];
const cwd = process.cwd();
const { LocalWorkspace, PulumiCommand } = require(join(cwd, "node_modules/@pulumi/pulumi/automation"));

(async () => {
  const projectName = /^name:\s*(\S+)/m.exec(readFileSync(join(cwd, "Pulumi.yaml"), "utf8"))[1];
  const pulumiCommand = await PulumiCommand.get({ root: process.env.PULUMI_REAL_ROOT, skipVersionCheck: true });
  // A CLI program is the module itself: its top-level code declares the resources, its exports are the outputs.
  const program = async () => ({ ...require(cwd) });
  const stack = await LocalWorkspace.createOrSelectStack({ stackName, projectName, program }, { workDir: cwd, pulumiCommand });
  const onOutput = (text) => process.stderr.write(text);
  if (operation === "up") {
    await stack.up({ refresh: flag("--refresh"), onOutput, ...policy });
    return;
  }
  if (flag("--json")) {
    const workspace = stack.workspace;
    const serialize = workspace.serializeArgsForOp.bind(workspace);
    workspace.serializeArgsForOp = async (name) => [...(await serialize(name)), "--json"];
    process.stdout.write((await stack.preview({ refresh: flag("--refresh"), ...policy })).stdout);
    return;
  }
  await stack.preview({ refresh: flag("--refresh"), onOutput, ...policy });
})().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
