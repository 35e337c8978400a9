/**
 * The department's diff, as a table and a property.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNKNOWN, type MaybeUnknown } from "../../../provider/core/unknown";
import { ownerTag } from "../../../provider/core/ownership";
import { nodeOwnerMarker } from "../../../provider/node/ownership";
import { checkNode, NODE_INPUT_NAMES } from "../../../provider/node/check";
import { diffNode, NODE_DIFF_TABLE } from "../../../provider/node/diff";
import { toNodeOutputs, toRefreshedNodeInputs } from "../../../provider/node/state";
import type { NodeInputs } from "../../../provider/node/types";
import { platformInputs, platformOutputs } from "../support/fixtures";

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

  it("has one row per input, the marker's row only writing a missing marker again", () => {
    expect(NODE_DIFF_TABLE.map((r) => r.field).sort()).toEqual([...NODE_INPUT_NAMES].sort());
    expect(NODE_DIFF_TABLE.find((r) => r.field === "ownerMarker")?.effect).toBe("modifyTags");
  });

  it.each([
    ["a marker read back is no change", { "pulumi:owner:0": "MARK" }, false],
    ["a state from before the marker tags were recorded is no change", undefined, false],
    ["a marker missing at the last read is written again", {}, true],
  ] as const)("%s", (_name, ownerTags, restores) => {
    const marker = nodeOwnerMarker(platformOutputs);
    const seen = ownerTags && "pulumi:owner:0" in ownerTags ? ownerTag(marker) : ownerTags;
    const { changed } = diffNode({ ...platformOutputs, ownerTags: seen }, platformInputs);
    expect(changed).toEqual(restores ? [{ field: "ownerMarker", effect: "modifyTags" }] : []);
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
