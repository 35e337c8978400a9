/**
 * How "managed" is known: a given stack's state holds the object (created or adopted; a `get` does
 * not manage), else it carries a stack's ownership marker.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeManager, managerOf, readStackExport } from "../../provider/adopt/managed";
import { AdoptionError } from "../../provider/core/errors";

const exported = readFileSync(join(__dirname, "fixtures", "platform-dev.stack.json"), "utf8");

describe("readStackExport", () => {
  const platform = readStackExport(exported, "platform-dev.stack.json");

  it("names the stack project/stack, from its resources", () => {
    expect(platform.stack).toBe("platform/dev");
  });

  it("holds the members the stack created or adopted, not those it only reads (get) or is deleting", () => {
    expect([...platform.members].sort()).toEqual([100000100001, 100000100002]);
    expect([...platform.departments]).toEqual([200002]);
  });

  it.each([
    ["text that is not JSON", "{", "s.json is not JSON"],
    [
      "a Terraform state",
      JSON.stringify({ version: 4, terraform_version: "1.9.8", resources: [] }),
      "s.json is a Terraform state, not an exported Pulumi stack",
    ],
    ["a document without a deployment", JSON.stringify({ version: 3 }), 's.json is not an exported Pulumi stack (it has no "deployment")'],
    [
      "another format version",
      JSON.stringify({ version: 2, deployment: {} }),
      "s.json is an exported Pulumi stack of format version 2; version 3 is read",
    ],
  ])("refuses %s", (_, text, message) => {
    expect(() => readStackExport(text, "s.json")).toThrow(AdoptionError);
    expect(() => readStackExport(text, "s.json")).toThrow(message);
  });
});

describe("managerOf", () => {
  const stacks = [readStackExport(exported, "platform-dev.stack.json")];
  it.each([
    ["a member a given state holds", "member", 100000100001, {}, { by: "state", stack: "platform/dev" }],
    ["an adopted member a given state holds (it carries no marker)", "member", 100000100002, {}, { by: "state", stack: "platform/dev" }],
    ["a department a given state holds", "department", 200002, { "pulumi:owner:4": "x" }, { by: "state", stack: "platform/dev" }],
    ["a member only read by the stack, with no marker", "member", 100000100003, {}, undefined],
    [
      "a member in no state carrying a marker",
      "member",
      100000100009,
      { team: "a", "pulumi:owner:5": "x" },
      { by: "marker", tagKey: "pulumi:owner:5" },
    ],
    ["a member carrying the 0.1.0 marker key", "member", 100000100009, { "pulumi:owner": "x" }, { by: "marker", tagKey: "pulumi:owner" }],
    ["a member in no state with user tags only", "member", 100000100009, { team: "a", "pulumi:ownerX": "x" }, undefined],
    ["a department whose id a member of the state has", "department", 100000100001, {}, undefined],
  ] as const)("%s", (_, kind, id, tags, manager) => {
    expect(managerOf(stacks, kind, id, tags)).toEqual(manager);
  });

  it("says who manages in words", () => {
    expect(describeManager({ by: "state", stack: "platform/dev" })).toBe("managed by stack platform/dev");
    expect(describeManager({ by: "marker", tagKey: "pulumi:owner:5" })).toBe(
      "created by a Pulumi stack (it carries the ownership marker pulumi:owner:5) whose state was not given",
    );
  });
});
