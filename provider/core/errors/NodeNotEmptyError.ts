import { ProviderError } from "./ProviderError";

/**
 * Tencent refused to delete a department (deletionPolicy "delete") because members or
 * sub-departments are still inside (FailedOperation.NodeNotEmpty / OrganizationNodeNotEmpty).
 * Says what is inside and what to do.
 */
export class NodeNotEmptyError extends ProviderError {
  override name = "NodeNotEmptyError";
  constructor(
    readonly nodeId: number,
    /**
     * What is inside, in words ("2 members (alice, bob) and 1 sub-department (Platform 100007)");
     * undefined when a look-up found nothing inside any more.
     */
    readonly contents: string | undefined,
    /** What Tencent's code means, said when the contents are unknown. */
    meaning: string,
    code: string,
    requestId: string | undefined,
    hint: string | undefined,
  ) {
    super({
      summary: `Tencent Cloud refused to delete department ${nodeId}: ${contents ? `it still holds ${contents}` : meaning}`,
      code,
      requestId,
      detail: "Nothing was deleted; the department stays in the stack.",
      hint,
    });
  }
}
