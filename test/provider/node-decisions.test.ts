/**
 * The department's pure decisions: check, diff, plan and the tree look-ups, as tables and properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNKNOWN, type MaybeUnknown } from "../../provider/core/unknown";
import { checkMember } from "../../provider/member/check";
import { checkNode, NODE_INPUT_NAMES } from "../../provider/node/check";
import { diffNode, NODE_DIFF_TABLE } from "../../provider/node/diff";
import { isEmptyNodePlan, planNodeUpdate } from "../../provider/node/plan";
import { toNodeOutputs, toRefreshedNodeInputs } from "../../provider/node/state";
import { PATH_SEPARATOR, ROOT_PARENT_ID } from "../../provider/node/rules";
import { findByPath, rootOf } from "../../provider/node/tree";
import type { NodeInputs, NodeOutputs, ReportedNode } from "../../provider/node/types";

const platformInputs: NodeInputs = {
  name: "Platform",
  parentNodeId: 100001,
  remark: "platform team",
  tags: { env: "prod", team: "platform" },
  deletionPolicy: "retain",
  ownerMarker: "proj/dev/platform",
};
const platformOutputs: NodeOutputs = {
  ...platformInputs,
  nodeId: 100004,
  createTime: "2026-11-27 10:00:00",
  updateTime: "2026-11-27 10:00:00",
};
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
    ["a remark of 41 characters", { ...minimal, remark: "r".repeat(41) }, "remark", /at most 40 characters \(got 41/],
    [
      "ten tags (the marker takes a slot)",
      { ...minimal, ownerMarker: "p/s/n", tags: Object.fromEntries([...Array(10)].map((_, i) => [`k${i}`, "v"])) },
      "tags",
      /at most 9/,
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
  it("a created department may move: it is replaced by a new one under the new parent", () => {
    const old = { ...minimal, deletionPolicy: "delete" };
    expect(checkNode(old, { ...old, parentNodeId: 100003 }).failures).toEqual([]);
  });
});

describe("diff: one table of in-place updates and replacements", () => {
  const cases: [string, Partial<MaybeUnknown<NodeInputs>>, { replaces: string[]; effects: string[] }][] = [
    ["a rename is UpdateOrganizationNode", { name: "Platform2" }, { replaces: [], effects: ["updateNode"] }],
    ["a new remark is UpdateOrganizationNode", { remark: "new" }, { replaces: [], effects: ["updateNode"] }],
    ["removing the remark is UpdateOrganizationNode", { remark: undefined }, { replaces: [], effects: ["updateNode"] }],
    ["another tag value is ModifyResourceTags", { tags: { env: "dev", team: "platform" } }, { replaces: [], effects: ["modifyTags"] }],
    ["dropping all tags is ModifyResourceTags", { tags: undefined }, { replaces: [], effects: ["modifyTags"] }],
    ["another deletion policy only updates the state", { deletionPolicy: "delete" }, { replaces: [], effects: ["stateOnly"] }],
    ["another parent replaces the department", { parentNodeId: 100003 }, { replaces: ["parentNodeId"], effects: ["replace"] }],
    ["adopting another department replaces the resource", { adoptNodeId: 100002 }, { replaces: ["adoptNodeId"], effects: ["replace"] }],
    ["adopting the department it already manages is no change", { adoptNodeId: 100004 }, { replaces: [], effects: [] }],
    ["another ownership marker is no change", { ownerMarker: "other/stack/platform" }, { replaces: [], effects: [] }],
    ["reordered tags are no change", { tags: { team: "platform", env: "prod" } }, { replaces: [], effects: [] }],
    [
      "an unknown parent at preview is a possible replacement",
      { parentNodeId: UNKNOWN },
      { replaces: ["parentNodeId"], effects: ["replace"] },
    ],
    ["an unknown name at preview is a possible update", { name: UNKNOWN }, { replaces: [], effects: ["updateNode"] }],
  ];
  it.each(cases)("%s", (_title, change, expected) => {
    const result = diffNode(platformOutputs, { ...platformInputs, ...change });
    expect(result.changes).toBe(expected.effects.length > 0);
    expect(result.replaces).toEqual(expected.replaces);
    expect(result.changed.map((c) => c.effect)).toEqual(expected.effects);
    // A replacement has another parent (or adopts): the new department is created first.
    expect(result.deleteBeforeReplace).toBe(false);
  });

  it("has one row per input a program manages, and none for the marker", () => {
    expect(NODE_DIFF_TABLE.map((r) => r.field).sort()).toEqual(NODE_INPUT_NAMES.filter((n) => n !== "ownerMarker").sort());
  });

  it("diff(x, x) reports no change, for any valid department", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9+@&._[\]-]{1,40}$/);
    const tags = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.string({ maxLength: 30 }), { maxKeys: 9 });
    fc.assert(
      fc.property(
        name,
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        tags,
        fc.constantFrom("retain", "delete"),
        (n, parent, remark, t, policy) => {
          const { inputs, failures } = checkNode({}, { name: n, parentNodeId: parent, remark, tags: t, deletionPolicy: policy });
          fc.pre(failures.length === 0);
          const outputs = toNodeOutputs(
            {
              nodeId: 7,
              name: inputs.name,
              parentNodeId: inputs.parentNodeId,
              remark: inputs.remark ?? "",
              tags: inputs.tags ?? {},
              createTime: "",
              updateTime: "",
            },
            inputs,
          );
          expect(diffNode(outputs, inputs).changes).toBe(false);
          // A refresh records inputs that check accepts and that diff against the state as no change.
          const refreshed = checkNode({}, toRefreshedNodeInputs(outputs));
          expect(refreshed.failures).toEqual([]);
          expect(diffNode(outputs, refreshed.inputs).changes).toBe(false);
        },
      ),
    );
  });
});

describe("plan: only the calls the changed fields need", () => {
  const cases: [string, Partial<NodeInputs>, ReturnType<typeof planNodeUpdate>][] = [
    ["nothing changed: no call", {}, {}],
    ["a rename: one UpdateOrganizationNode with the name only", { name: "Infra" }, { updateNode: { name: "Infra" } }],
    ["remark removed: UpdateOrganizationNode with an empty remark", { remark: undefined }, { updateNode: { remark: "" } }],
    ["name and remark: one call with both", { name: "Infra", remark: "x" }, { updateNode: { name: "Infra", remark: "x" } }],
    ["a tag changed and one dropped", { tags: { env: "dev" } }, { tags: { replace: { env: "dev" }, remove: ["team"] } }],
    ["a deletion policy: no call", { deletionPolicy: "delete" }, {}],
  ];
  it.each(cases)("%s", (_title, change, expected) => {
    const plan = planNodeUpdate(platformOutputs, { ...platformInputs, ...change });
    expect(plan).toEqual(expected);
    expect(isEmptyNodePlan(plan)).toBe(Object.keys(expected).length === 0);
  });

  it("never plans a tag call for the ownership marker", () => {
    const withMarker = { ...platformOutputs, tags: { ...platformOutputs.tags, "pulumi:owner:3": "abc" } };
    expect(planNodeUpdate(withMarker, platformInputs)).toEqual({});
  });
});

describe("the department tree", () => {
  const node = (nodeId: number, name: string, parentNodeId: number): ReportedNode => ({
    nodeId,
    name,
    parentNodeId,
    remark: "",
    tags: {},
    createTime: "",
    updateTime: "",
  });
  const tree = [node(1, "Root", 0), node(2, "Engineering", 1), node(3, "Platform", 2), node(4, "Platform", 1), node(5, "Finance", 1)];
  it.each([
    ["", 1],
    ["Engineering", 2],
    ["Engineering/Platform", 3],
    ["Platform", 4],
    [" Engineering / Platform ", 3],
    ["Engineering/Nope", undefined],
    ["Finance/Platform", undefined],
  ] as const)("path %j is department %s", (path, expected) => {
    expect(findByPath(tree, path)?.nodeId).toBe(expected);
  });
  it("the root is the department without a parent", () => {
    expect(rootOf(tree)?.nodeId).toBe(1);
  });
  it("pathOf is the inverse of findByPath", () => {
    for (const n of tree) expect(findByPath(tree, pathOf(tree, n.nodeId)!)?.nodeId).toBe(n.nodeId);
  });
});

/** The test's oracle for findByPath: the names from the root's child down to `nodeId`, joined by "/". */
function pathOf(nodes: readonly Pick<ReportedNode, "nodeId" | "parentNodeId" | "name">[], nodeId: number): string | undefined {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const names: string[] = [];
  for (let node = byId.get(nodeId); node && node.parentNodeId !== ROOT_PARENT_ID; node = byId.get(node.parentNodeId)) {
    names.unshift(node.name);
    if (names.length > nodes.length) return undefined; // a cycle: not a tree
  }
  return byId.has(nodeId) ? names.join(PATH_SEPARATOR) : undefined;
}
