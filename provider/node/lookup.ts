/**
 * `getOrganizationNode` and `getRootOrganizationNode`: look a department up from a program without
 * managing it. Run in the program's process with the same settings as the provider (stack config,
 * then environment, then profile file); one DescribeOrganizationNodes listing per call.
 */
import { UnexpectedAnswerError } from "../core/errors";
import { fromConfig } from "../kit/lifecycle";
import { programConfig, requireOneWay } from "../kit/lookup";
import { NodeLifecycle } from "./lifecycle";
import type { NodeOutputs } from "./types";

/** Which department to find: by id, by name under its parent, or by path of names below the root ("Engineering/Platform"). */
export type GetOrganizationNodeArgs = { nodeId: number } | { name: string; parentNodeId: number } | { path: string };

/** Resolves to the department's outputs, or undefined when none matches. */
export async function getOrganizationNode(args: GetOrganizationNodeArgs): Promise<NodeOutputs | undefined> {
  requireOneWay("getOrganizationNode", args, [["nodeId"], ["name", "parentNodeId"], ["path"]]);
  return new NodeLifecycle(fromConfig(programConfig())).lookup(args);
}

/** The organization's root department (the parent of top-level departments). */
export async function getRootOrganizationNode(): Promise<NodeOutputs> {
  const root = await new NodeLifecycle(fromConfig(programConfig())).lookup({ root: true });
  if (!root) throw new UnexpectedAnswerError("DescribeOrganizationNodes", "no root department in its listing");
  return root;
}
