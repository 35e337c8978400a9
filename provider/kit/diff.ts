/**
 * `diff` by table, for every resource: each row names an input, how its change is carried out
 * (an effect of the resource's own, or `replace`) and when it differs. Pure: (old outputs from the
 * state, new checked inputs) → changes, replacements, changed fields. Outputs hold what Tencent
 * reported at the last read, so comparing against them also reports drift found by a refresh.
 */
import { containsUnknown, type MaybeUnknown } from "../core/unknown";

/** One row of a resource's diff table. `E` is the resource's set of effects; `replace` forces a new object. */
export interface FieldRule<I, O, E extends string> {
  field: keyof I & string;
  effect: E;
  /** Whether the declared value differs from the state. Only called with known values. */
  differs(olds: Partial<O>, news: I): boolean;
}

/** What a table says about one change of inputs. */
export interface TableDiff<I, E extends string> {
  changes: boolean;
  /** Fields that force a replacement. */
  replaces: string[];
  /** Every changed field, with how it is carried out. */
  changed: { field: keyof I & string; effect: E }[];
}

/** Diffs old outputs against new inputs by `table`. A value unknown at preview counts as a change. */
export function diffByTable<I, O, E extends string>(
  table: readonly FieldRule<I, O, E>[],
  olds: Partial<O>,
  news: MaybeUnknown<I>,
): TableDiff<I, E> {
  // A rule compares only fields known by now, so to it the inputs are plain ones.
  const known = news as I;
  const flagged = table.filter((rule) => containsUnknown(news[rule.field]) || rule.differs(olds, known));
  // A field may have rows for several effects (in place when possible, else replace); a value
  // unknown at preview flags them all, and then only the replacement is what may happen.
  const replaced = new Set(flagged.filter((rule) => rule.effect === "replace").map((rule) => rule.field));
  const changed = flagged
    .filter((rule) => rule.effect === "replace" || !replaced.has(rule.field))
    .map(({ field, effect }) => ({ field, effect }));
  const replaces = changed.filter((c) => c.effect === "replace").map((c) => c.field);
  return { changes: changed.length > 0, replaces, changed };
}

/**
 * The known fields of `news` whose change from `olds` forces a replacement, by `table`. A
 * resource's `check` asks this, so a new replace row reaches its preview guard without a second list.
 */
export function replacingFields<I, O, E extends string>(
  table: readonly FieldRule<I, O, E>[],
  olds: Partial<O>,
  news: I,
): (keyof I & string)[] {
  return table
    .filter((rule) => rule.effect === "replace" && !containsUnknown(news[rule.field]) && rule.differs(olds, news))
    .map((rule) => rule.field);
}

/** The fields of a diff, for plans that ask "did this field change?". */
export function changedFields<I, E extends string>(diff: TableDiff<I, E>): Set<keyof I & string> {
  return new Set(diff.changed.map((c) => c.field));
}
