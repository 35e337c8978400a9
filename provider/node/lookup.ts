/**
 * `getOrganizationNode` and `getRootOrganizationNode`: look a department up from a program without
 * managing it. Run in the program's process with the same settings as the provider (stack config,
 * then environment, then profile file); one DescribeOrganizationNodes listing per call.
 */
import * as pulumi from "@pulumi/pulumi";
import { NodeLifecycle } from "./lifecycle";
import type { NodeOutputs } from "./types";

/** Which department to find: by id, by name under its parent, or by path of names below the root ("Engineering/Platform"). */
export type GetOrganizationNodeArgs = { nodeId: number } | { name: string; parentNodeId: number } | { path: string };

function programLifecycle(): NodeLifecycle {
  const config = new pulumi.Config("tencentcloud");
  // Its own lifecycle: this runs in the program's process, not in the provider's.
  return NodeLifecycle.fromConfig((key) => config.get(key.replace(/^tencentcloud:/, "")));
}

/** Resolves to the department's outputs, or undefined when no department matches. */
export async function getOrganizationNode(args: GetOrganizationNodeArgs): Promise<NodeOutputs | undefined> {
  const given = (["nodeId", "name", "path"] as const).filter((key) => (args as Record<string, unknown>)[key] !== undefined);
  if (given.length !== 1 || ("name" in args && args.parentNodeId === undefined)) {
    throw new Error("getOrganizationNode: give exactly one of { nodeId }, { name, parentNodeId } or { path }");
  }
  return programLifecycle().lookup(args);
}

/** Resolves to the organization's root department (the one every tree starts from; its parentNodeId is 0). */
export async function getRootOrganizationNode(): Promise<NodeOutputs> {
  const root = await programLifecycle().lookup({ root: true });
  if (!root) throw new Error("getRootOrganizationNode: DescribeOrganizationNodes listed no root department");
  return root;
}
