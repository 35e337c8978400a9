/**
 * Removes credential text from anything about to be logged or thrown. Tencent's messages do not
 * echo keys today; this guarantees it stays so whatever an SDK or proxy puts in an error.
 *
 * The list grows during a run (a role's temporary keys and tokens, each renewal's, and the OIDC
 * token read from its file): longer secrets are replaced first, so one that contains another
 * (a token embedding a key id) is never left half-replaced.
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const needles = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => needles.reduce((out, needle) => out.split(needle).join("***"), text);
}
