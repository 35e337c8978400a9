/**
 * The department's check, as tables.
 */
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../../provider/core/unknown";
import { checkMember } from "../../../provider/member/check";
import { checkNode } from "../../../provider/node/check";

const minimal = { name: "Platform", parentNodeId: 100001 };

describe("check refuses bad department inputs at preview, naming the field", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing name", { parentNodeId: 100001 }, "name", /name is required/],
    ["a missing parent", { name: "Platform" }, "parentNodeId", /parentNodeId is required/],
    ["a name of 41 characters", { ...minimal, name: "a".repeat(41) }, "name", /1 to 40 characters/],
    ["a name with a space", { ...minimal, name: "Platform team" }, "name", /letters, digits, Chinese/],
    ["a name with a colon (allowed for members, not departments)", { ...minimal, name: "a:b" }, "name", /\+@&\._\[\]-/],
    ["an empty name", { ...minimal, name: "" }, "name", /1 to 40/],
    ["a parent of 0 (the root has no parent, departments do)", { ...minimal, parentNodeId: 0 }, "parentNodeId", /positive integer/],
    ["a remark that is not text", { ...minimal, remark: 41 }, "remark", /remark must be a string \(got 41\)/],
    [
      "fifty tags (the marker takes a slot)",
      { ...minimal, ownerMarker: "p/s/n", tags: Object.fromEntries([...Array(50)].map((_, i) => [`k${i}`, "v"])) },
      "tags",
      /at most 49/,
    ],
    ["a tag under the marker's prefix", { ...minimal, tags: { "pulumi:owner:3": "x" } }, "tags", /reserved for the provider/],
    ["a reserved Tencent tag key", { ...minimal, tags: { "qcloud:x": "y" } }, "tags", /reserves/],
    ["an unknown deletion policy", { ...minimal, deletionPolicy: "deleteAccount" }, "deletionPolicy", /retain, delete/],
    ["an adoption id that is no id", { ...minimal, adoptNodeId: -3 }, "adoptNodeId", /positive integer/],
    ["a misspelt input", { ...minimal, parentNodeID: 1 }, "parentNodeID", /unknown input/],
  ];
  it.each(cases)("%s", (_title, declaration, property, reason) => {
    const { failures } = checkNode({}, declaration);
    expect(failures).toEqual([expect.objectContaining({ property, reason: expect.stringMatching(reason) })]);
  });

  it("accepts every character class of the rule: Chinese, digits and +@&._[]-", () => {
    expect(checkNode({}, { ...minimal, name: "平台+@&._[]-9" }).failures).toEqual([]);
  });

  it("defaults deletionPolicy to retain", () => {
    expect(checkNode({}, minimal).inputs).toEqual({ ...minimal, deletionPolicy: "retain" });
  });

  it("accepts the parent id as a numeric string, as a config value gives it", () => {
    expect(checkNode({}, { ...minimal, parentNodeId: "100001" }).inputs.parentNodeId).toBe(100001);
  });

  it("passes a parent unknown at preview (another department's nodeId) through without failing", () => {
    const { inputs, failures } = checkNode({}, { ...minimal, parentNodeId: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs.parentNodeId).toBe(UNKNOWN);
  });

  it("lets a member refer to a department not created yet: its unknown nodeId passes the member's check", () => {
    const { inputs, failures } = checkMember({}, { name: "alice", permissionIds: [1, 2], nodeId: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs.nodeId).toBe(UNKNOWN);
  });
});

describe("check refuses replacements that cannot work", () => {
  const adopted = { ...minimal, adoptNodeId: 100002, parentNodeId: 100000, deletionPolicy: "retain" };
  it("an adopted department cannot move: parentNodeId is refused with what to do", () => {
    const { failures } = checkNode(adopted, { ...adopted, parentNodeId: 100003 });
    expect(failures).toEqual([
      expect.objectContaining({ property: "parentNodeId", reason: expect.stringMatching(/no Tencent API moves a department/) }),
    ]);
  });
  it("switching adoptNodeId with deletionPolicy delete would delete the department adopted before: refused", () => {
    const old = { ...adopted, deletionPolicy: "delete" };
    const { failures } = checkNode(old, { ...old, adoptNodeId: 100003 });
    expect(failures).toEqual([
      expect.objectContaining({ property: "adoptNodeId", reason: expect.stringMatching(/would delete the latter/) }),
    ]);
  });
  it("switching adoptNodeId with retain is allowed (the old one stays)", () => {
    expect(checkNode(adopted, { ...adopted, adoptNodeId: 100003 }).failures).toEqual([]);
  });
  it("dropping adoptNodeId to move, as the refusal advises: with retain the adopted one stays and a new one is made there", () => {
    const { adoptNodeId: _dropped, ...created } = adopted;
    expect(checkNode(adopted, { ...created, parentNodeId: 100003 }).failures).toEqual([]);
  });
  it("dropping adoptNodeId to move with delete is refused: the adopted department would be deleted", () => {
    const old = { ...adopted, deletionPolicy: "delete" };
    const { adoptNodeId: _dropped, ...created } = old;
    expect(checkNode(old, { ...created, parentNodeId: 100003 }).failures).toEqual([
      expect.objectContaining({ property: "parentNodeId", reason: expect.stringMatching(/would be deleted \(deletionPolicy "delete"\)/) }),
    ]);
  });
  it("a created department may move: it is replaced by a new one under the new parent", () => {
    const old = { ...minimal, deletionPolicy: "delete" };
    expect(checkNode(old, { ...old, parentNodeId: 100003 }).failures).toEqual([]);
  });
});
