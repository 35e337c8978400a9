/**
 * The plain-text table every report of this folder prints in a job log (drift, rule violations,
 * what no stack manages): a header, a rule of dashes, one row per line, columns padded to the
 * widest cell and two spaces apart. Pure.
 */

/** The table's lines (no trailing newline): header, dashes, rows. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}
