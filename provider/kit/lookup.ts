/**
 * What every look-up function (`getOrganizationMember`, `getOrganizationNode`, …) shares: it runs
 * in the program's process, not in the provider's, so it reads the `tencentcloud:*` settings from
 * the program's own stack config, and it refuses arguments that name no single object.
 */
import * as pulumi from "@pulumi/pulumi";
import { LookupArgumentsError } from "../core/errors";

/** The program's `tencentcloud:*` config, as the provider's `configure` would receive it. */
export function programConfig(): (key: string) => string | undefined {
  const config = new pulumi.Config("tencentcloud");
  return (key) => config.get(key.replace(/^tencentcloud:/, ""));
}

/**
 * Throws unless exactly one of `ways` is given in `args` (a way is one argument name, or several
 * that only go together).
 */
export function requireOneWay(lookup: string, args: object, ways: readonly (readonly string[])[]): void {
  const given = (key: string) => (args as Record<string, unknown>)[key] !== undefined;
  const chosen = ways.filter((way) => given(way[0]));
  const complete = chosen.length === 1 && chosen[0].every(given);
  const named = new Set(ways.flat());
  const stray = Object.keys(args).filter((key) => given(key) && !named.has(key));
  if (!complete || stray.length > 0) throw new LookupArgumentsError(lookup, ways);
}
