/**
 * Runs a command in a child process and collects its output. Asynchronous on purpose: a
 * synchronous child of a minute blocks the test worker's event loop (vitest then loses touch with
 * the worker), and a program run through the Automation API's language host is answered from this
 * very event loop.
 */
import { spawn } from "node:child_process";

/** How a command ended. */
export interface Exited {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function execAsync(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs a command and returns its standard output; fails with all its output when the command does. */
export async function succeed(command: string, args: readonly string[], cwd: string): Promise<string> {
  const { status, stdout, stderr } = await execAsync(command, args, cwd);
  if (status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${status}):\n${stdout}${stderr}`);
  return stdout;
}
