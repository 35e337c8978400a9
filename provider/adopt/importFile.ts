/**
 * The `pulumi import` file of a plan (`import.json`), for `pulumi import --file import.json`.
 *
 * Since CLI 3.254 an import file may carry each resource's inputs and outputs; the engine then
 * records them as they are and never calls the provider's `read` — the call that keeps dynamic
 * resources out of plain `pulumi import` (pulumi/pulumi#16175): a dynamic provider's code travels
 * in its state (`__provider`), which a resource being imported does not have yet. So each entry
 * carries exactly what a `pulumi up` of the generated program records: the inputs as the provider's
 * `check` returns them (the ownership marker of the project and stack included) and the outputs
 * the provider builds from what Tencent reported (member/state.ts, node/state.ts), both with the
 * serialized provider. The program then previews with no changes, and a refresh changes nothing.
 * Pure.
 */
import { checkMember } from "../member/check";
import { toOutputs } from "../member/state";
import { checkNode } from "../node/check";
import { toNodeOutputs } from "../node/state";
import { declaredOwnerMarker } from "../core/ownership";
import { MANAGING_TYPES } from "./managed";
import { type AdoptionPlan, inputsOf } from "./plan";

/** One resource of an import file (the CLI's `importSpec` with inputs and outputs). */
export interface ImportResource {
  type: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** What the entries need besides the plan. */
export interface ImportTarget {
  /** The Pulumi project and stack the file is for: the ownership marker input names them. */
  project: string;
  stack: string;
  /** The serialized providers (`__provider`), as the resource classes store them (providerText.ts). */
  providers: { member: string; department: string };
}

/** The import file's content. */
export function importFileOf(plan: AdoptionPlan, target: ImportTarget): { resources: ImportResource[] } {
  const marker = (key: string) => declaredOwnerMarker(target.project, target.stack, key);
  const departments = plan.departments.map(({ entry, reported }): ImportResource => {
    const inputs = checkNode(
      {},
      { ...inputsOf(entry, entry.key), parentNodeId: reported.parentNodeId, ownerMarker: marker(entry.key) },
    ).inputs;
    const provider = { __provider: target.providers.department };
    return {
      type: MANAGING_TYPES.department,
      name: entry.key,
      id: String(reported.nodeId),
      inputs: { ...inputs, ...provider },
      outputs: { ...toNodeOutputs(reported, inputs), ...provider },
    };
  });
  const members = plan.members.map(({ entry, reported }): ImportResource => {
    const inputs = checkMember({}, { ...inputsOf(entry, entry.key), nodeId: reported.nodeId, ownerMarker: marker(entry.key) }).inputs;
    const provider = { __provider: target.providers.member };
    return {
      type: MANAGING_TYPES.member,
      name: entry.key,
      id: String(reported.memberUin),
      inputs: { ...inputs, ...provider },
      outputs: { ...toOutputs(reported, inputs), ...provider },
    };
  });
  return { resources: [...departments, ...members] };
}
