import { ProviderError } from "./ProviderError";

/** A department id the user named (to adopt, as a parent, or to look up) is not a department of the organization. */
export class NodeNotFoundError extends ProviderError {
  override name = "NodeNotFoundError";
  constructor(
    readonly nodeId: number,
    /** The input that named it. */
    readonly field: string,
    detail?: string,
  ) {
    super({
      summary: `${field}: department ${nodeId} is not a department of this organization`,
      detail,
      hint: "check the id in the Organization console (Departments) or with getOrganizationNode / getRootOrganizationNode.",
    });
  }
}
