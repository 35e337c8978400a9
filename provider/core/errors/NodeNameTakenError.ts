import { ProviderError } from "./ProviderError";

/** Where the department holding a name sits, and whether it is this resource's own (the one a move replaces). */
export interface NameHolder {
  nodeId: number;
  parentNodeId: number;
  /** The department this very resource created under its previous parent. */
  ownPredecessor: boolean;
}

/**
 * A department already has this name, and this resource did not create it under this parent.
 * Taking it over silently could hand one team's department to another, so the user must say so.
 * Tencent's FAQ says department names are unique in the whole organization, so the holder may sit
 * under another parent — then it cannot be adopted here (no API moves a department).
 */
export class NodeNameTakenError extends ProviderError {
  override name = "NodeNameTakenError";
  constructor(
    readonly nodeName: string,
    readonly parentNodeId: number,
    readonly holder: NameHolder | undefined,
    code?: string,
    requestId?: string,
  ) {
    const elsewhere = holder !== undefined && holder.parentNodeId !== parentNodeId;
    super({
      summary:
        `the department name "${nodeName}" is already used` +
        (holder === undefined
          ? ` under department ${parentNodeId}`
          : elsewhere
            ? ` by department ${holder.nodeId} under department ${holder.parentNodeId}`
            : ` under department ${parentNodeId} by department ${holder.nodeId}`) +
        (holder?.ownPredecessor ? ", the department this resource is moving away from" : ", which this resource did not create"),
      code,
      requestId,
      detail: elsewhere ? "Tencent keeps department names unique in the whole organization, not only among siblings." : undefined,
      hint: holder?.ownPredecessor
        ? "a moved department is created under its new parent before the old one is deleted, and the old one keeps the name: " +
          "give the department a new name in the same change (rename it back later if you like), or keep its parent."
        : holder && !elsewhere
          ? `choose another name, or set \`adoptNodeId: ${holder.nodeId}\` to manage that existing department with this resource.`
          : holder
            ? `choose another name; to manage department ${holder.nodeId} instead, declare it with adoptNodeId: ${holder.nodeId} and parentNodeId: ${holder.parentNodeId}.`
            : "choose another name.",
    });
  }
}
