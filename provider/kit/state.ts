/**
 * What every resource's state mapping needs: the engine cannot encode `undefined` inside state,
 * so absent fields are left out, never set. Pure.
 */

/** The fields of `from` named in `keys` that are defined. */
export function pickDefined<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]])) as Partial<Pick<T, K>>;
}
