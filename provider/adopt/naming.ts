/**
 * The Pulumi resource names (the data file's `key`s) of adopted objects: readable (taken from the
 * object's name), unique within their kind, and stable — they depend only on the set of objects,
 * never on the order a listing returned them in, so the same organization always gives the same
 * names. Pure.
 */

/** One object to name. */
export interface Nameable {
  id: number;
  name: string;
}

/**
 * The readable part of a name: lower case, every run of characters other than letters and digits
 * (of any script: Chinese names stay readable) turned into one `-`, none at either end.
 * Empty when the name holds no letter or digit.
 */
export function slugOf(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A unique name for each object of one kind, by id:
 * - its slug, when no other object of the set has the same slug;
 * - `<slug>-<id>` for every object sharing a slug ("Alice" and "alice"), so neither takes the plain
 *   name and which one got it never depends on order;
 * - `<kind>-<id>` when the name gives no slug;
 * - and, should one of those still be taken (a name that reads like another's suffixed one), `-2`,
 *   `-3`… in id order.
 * @param kind - "member" or "department", for names that give no slug
 */
export function resourceNames(objects: readonly Nameable[], kind: string): Map<number, string> {
  const slugs = new Map(objects.map((o) => [o.id, slugOf(o.name)]));
  const uses = new Map<string, number>();
  for (const slug of slugs.values()) uses.set(slug, (uses.get(slug) ?? 0) + 1);
  const wanted = (o: Nameable): string => {
    const slug = slugs.get(o.id) ?? "";
    if (slug === "") return `${kind}-${o.id}`;
    return (uses.get(slug) ?? 0) > 1 ? `${slug}-${o.id}` : slug;
  };
  const names = new Map<number, string>();
  const taken = new Set<string>();
  for (const object of [...objects].sort((a, b) => a.id - b.id)) {
    let name = wanted(object);
    for (let n = 2; taken.has(name); n++) name = `${wanted(object)}-${n}`;
    taken.add(name);
    names.set(object.id, name);
  }
  return names;
}

/** Code-unit order: the same in every locale, so generated files are byte-identical everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
