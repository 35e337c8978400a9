/**
 * The department's update plan, as a table.
 */
import { describe, expect, it } from "vitest";
import { isEmptyNodePlan, planNodeUpdate } from "../../../provider/node/plan";
import type { NodeInputs } from "../../../provider/node/types";
import { platformInputs, platformOutputs } from "../support/fixtures";

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
