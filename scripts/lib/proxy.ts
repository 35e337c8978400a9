/**
 * The Tencent SDK honours `http_proxy` (and its variants), but the emulator is on loopback and
 * must be reached directly. Every process that talks to an emulator — tests (every test file, through
 * vitest's setup file test/setup.ts), scripts, and the engine's provider process through `engineEnv` —
 * clears these, and only from here.
 */

/** The proxy variables the SDK or Node's agents may honour. */
export const PROXY_VARIABLES = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"] as const;

/** Removes the proxy variables from this process's environment. */
export function clearProxyVariables(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of PROXY_VARIABLES) delete env[name];
}

/** The same, as environment entries for a child process (set empty, since a child inherits). */
export function directConnectionEnv(): Record<string, string> {
  return { ...Object.fromEntries(PROXY_VARIABLES.map((name) => [name, ""])), NO_PROXY: "127.0.0.1,localhost" };
}
