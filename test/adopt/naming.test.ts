/**
 * Resource names of adopted objects: readable, unique within a kind, and stable — the same set of
 * objects gives the same names whatever order a listing returned them in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareText, resourceNames, slugOf } from "../../provider/adopt/naming";

describe("slugOf", () => {
  it.each([
    ["alice", "alice"],
    ["Bob Smith", "bob-smith"],
    ["data.platform[ci]", "data-platform-ci"],
    ["--edge--", "edge"],
    ["财务部", "财务部"],
    ["Ｆｕｌｌ＋width", "full-width"],
    ["+@&", ""],
  ])("%j reads as %j", (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});

describe("resourceNames", () => {
  it("takes each object's slug when it is unique", () => {
    expect(
      resourceNames(
        [
          { id: 2, name: "Bob Smith" },
          { id: 1, name: "alice" },
        ],
        "member",
      ),
    ).toEqual(
      new Map([
        [1, "alice"],
        [2, "bob-smith"],
      ]),
    );
  });

  it("gives every object sharing a slug its id, so none takes the plain name by arriving first", () => {
    const names = resourceNames(
      [
        { id: 7, name: "Alice" },
        { id: 3, name: "alice" },
        { id: 9, name: "carol" },
      ],
      "member",
    );
    expect([...names.entries()].sort(([a], [b]) => a - b)).toEqual([
      [3, "alice-3"],
      [7, "alice-7"],
      [9, "carol"],
    ]);
  });

  it("names an object whose name gives no slug by its kind and id", () => {
    expect(resourceNames([{ id: 200001, name: "+@&" }], "department").get(200001)).toBe("department-200001");
  });

  it("still gives unique names when a name reads like another's suffixed name", () => {
    const names = resourceNames(
      [
        { id: 1, name: "alice-7" },
        { id: 7, name: "alice" },
        { id: 8, name: "ALICE" },
      ],
      "member",
    );
    expect(names.get(1)).toBe("alice-7");
    expect(names.get(7)).toBe("alice-7-2");
    expect(names.get(8)).toBe("alice-8");
  });

  it("property: names are unique and do not depend on the order of the objects", () => {
    const objects = fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 1e6 }), name: fc.constantFrom("a", "A", "a-2", "b", "b b", "+", "a-1", "财") }),
      { selector: (o) => o.id, maxLength: 12 },
    );
    fc.assert(
      fc.property(objects, (list) => {
        const forward = resourceNames(list, "member");
        const backward = resourceNames([...list].reverse(), "member");
        expect(new Set(forward.values()).size).toBe(list.length);
        expect([...backward.entries()].sort(([a], [b]) => a - b)).toEqual([...forward.entries()].sort(([a], [b]) => a - b));
      }),
    );
  });
});

describe("compareText", () => {
  it("orders by code unit, the same in every locale", () => {
    expect(["b", "B", "a", "Z"].sort(compareText)).toEqual(["B", "Z", "a", "b"]);
  });
});
