/**
 * The organization as a source reports it, in the provider's own words (api/model.ts): what the
 * adoption plans from, whether it was read from Tencent (live.ts) or from a Terraform state
 * (terraform.ts). Everything after this point is the same for both sources.
 */
import type { ReportedMember, ReportedNode } from "../api/model";

/** Where an inventory came from. */
export type InventorySource = { kind: "tencent" } | { kind: "terraform"; file: string };

/** Every department and member a source holds. */
export interface Inventory {
  source: InventorySource;
  /**
   * The root department's id, when the source knows it. Tencent lists the root (the department
   * without a parent); a Terraform state never holds it (no Terraform resource declares the root).
   * The root is never declared: no API creates, moves or deletes it.
   */
  rootNodeId?: number;
  /** Departments below the root, in any order. */
  departments: ReportedNode[];
  members: ReportedMember[];
  /**
   * Whether the members' access identities are known. Tencent lists them with each member; a
   * Terraform state does not hold them (the Terraform resource has no such attribute), so they are
   * then left undeclared, which the provider treats as unmanaged: the first `up` cannot change them.
   */
  identitiesKnown: boolean;
}

/** "member 100000100001 ("alice")" / "department 200001 ("Platform")": how messages name an object. */
export function describeObject(kind: "member" | "department", id: number, name: string): string {
  return `${kind} ${id} (${JSON.stringify(name)})`;
}
