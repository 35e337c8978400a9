import { ProviderError } from "./ProviderError";

/**
 * `adoptNodeId` names a department that sits under another parent than `parentNodeId` declares.
 * No API moves a department, so the declaration must follow the department, not the other way.
 */
export class NodeParentMismatchError extends ProviderError {
  override name = "NodeParentMismatchError";
  constructor(
    readonly nodeId: number,
    readonly nodeName: string,
    readonly actualParentNodeId: number,
    readonly declaredParentNodeId: number,
  ) {
    super({
      summary: `adoptNodeId: department ${nodeId} ("${nodeName}") sits under ${actualParentNodeId}, not under parentNodeId ${declaredParentNodeId}`,
      hint: `no API moves a department: declare parentNodeId: ${actualParentNodeId} to adopt it, or drop adoptNodeId to create a new department under ${declaredParentNodeId}.`,
    });
  }
}
