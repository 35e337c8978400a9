/**
 * Removes credential text from anything about to be logged or thrown. Tencent's messages do not
 * echo keys today; this guarantees it stays so whatever an SDK or proxy puts in an error.
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const needles = secrets.filter((s): s is string => typeof s === "string" && s.length >= 4);
  return (text) => needles.reduce((out, needle) => out.split(needle).join("***"), text);
}
