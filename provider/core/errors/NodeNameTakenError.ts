import { ProviderError } from "./ProviderError";

/**
 * A department with this name already sits under the parent, and this resource did not create
 * it. Taking it over silently could hand one team's department to another, so the user must say so.
 */
export class NodeNameTakenError extends ProviderError {
  override name = "NodeNameTakenError";
  constructor(
    readonly nodeName: string,
    readonly parentNodeId: number,
    readonly existingNodeId: number | undefined,
    code?: string,
    requestId?: string,
  ) {
    super({
      summary:
        `the department name "${nodeName}" is already used under department ${parentNodeId}` +
        (existingNodeId ? ` by department ${existingNodeId}` : "") +
        ", which this resource did not create",
      code,
      requestId,
      hint: existingNodeId
        ? `choose another name, or set \`adoptNodeId: ${existingNodeId}\` to manage that existing department with this resource.`
        : "choose another name.",
    });
  }
}
