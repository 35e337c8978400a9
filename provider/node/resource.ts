/**
 * `OrganizationNode`: a department of the organization, as users declare it in their programs.
 */
import type * as pulumi from "@pulumi/pulumi";
import { TencentResource, resourceProps } from "../kit/resource";
import { organizationNodeProvider } from "../shim";
import type { NodeDeletionPolicy, NodeOutputs } from "./types";

/** Inputs of an OrganizationNode. See docs/organization-node.md for every rule `check` enforces. */
export interface OrganizationNodeArgs {
  /** Department name, 1–40 letters, digits, Chinese characters and `+@&._[]-`; unique in the organization (Tencent's FAQ). Updated in place. */
  name: pulumi.Input<string>;
  /**
   * The department it sits under: another OrganizationNode's `nodeId`, or the root's id from
   * `getRootOrganizationNode()`. No API moves a department: changing it replaces the resource
   * (a new department is created under the new parent first).
   */
  parentNodeId: pulumi.Input<number>;
  /** Remark (Tencent documents no length for departments). Omitted means empty. Updated in place. */
  remark?: pulumi.Input<string>;
  /** Tags, at most 49 (Tencent's 50 minus the ownership marker), as for members. Omitted means none. Updated in place (Tag service). */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * What deleting the resource does to the department:
   * `retain` keeps it in the organization and only drops it from the stack;
   * `delete` deletes it, which Tencent refuses while members or sub-departments are inside.
   * @default "retain"
   */
  deletionPolicy?: pulumi.Input<NodeDeletionPolicy>;
  /** Manage this existing department (by id) instead of creating one; it must sit under `parentNodeId`. */
  adoptNodeId?: pulumi.Input<number>;
}

/** A department (organization node) of a Tencent Cloud Organization. */
export class OrganizationNode extends TencentResource {
  /** The department's id (also the resource id); give it to members as `nodeId`. */
  public declare readonly nodeId: pulumi.Output<number>;
  public declare readonly name: pulumi.Output<string>;
  public declare readonly parentNodeId: pulumi.Output<number>;
  public declare readonly remark: pulumi.Output<string | undefined>;
  public declare readonly tags: pulumi.Output<Record<string, string>>;
  public declare readonly deletionPolicy: pulumi.Output<NodeDeletionPolicy>;
  public declare readonly adoptNodeId: pulumi.Output<number | undefined>;
  public declare readonly createTime: pulumi.Output<string>;
  public declare readonly updateTime: pulumi.Output<string>;

  constructor(name: string, args: OrganizationNodeArgs, opts?: pulumi.CustomResourceOptions) {
    // Every output, so each resolves (see kit/resource.ts); the type keeps the list complete.
    const outputs: Record<Exclude<keyof NodeOutputs, "ownerMarker" | "ownerTags">, undefined> = {
      nodeId: undefined,
      name: undefined,
      parentNodeId: undefined,
      remark: undefined,
      tags: undefined,
      deletionPolicy: undefined,
      adoptNodeId: undefined,
      createTime: undefined,
      updateTime: undefined,
    };
    super(organizationNodeProvider, name, resourceProps(name, outputs, args, opts), opts, "OrganizationNode");
  }

  /** Reads an existing department into the program without managing it (`pulumi refresh` keeps it current). */
  static get(name: string, nodeId: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): OrganizationNode {
    return new OrganizationNode(name, {} as OrganizationNodeArgs, { ...opts, id: nodeId });
  }
}
