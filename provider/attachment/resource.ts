/**
 * `OrganizationPolicyAttachment`: a policy on a department (the root included) or a member.
 */
import type * as pulumi from "@pulumi/pulumi";
import { TencentResource } from "../kit/resource";
import { organizationPolicyAttachmentProvider } from "../shim";
import type { AttachmentDeletionPolicy, AttachmentOutputs, PolicyType, TargetType } from "./types";

/** Inputs of an OrganizationPolicyAttachment. See docs/organization-policy.md. */
export interface OrganizationPolicyAttachmentArgs {
  /** The policy: an OrganizationPolicy's `policyId`, or a preset's from getOrganizationPolicy. Changing it replaces the attachment. */
  policyId: pulumi.Input<number>;
  /** The policy's type. @default "SERVICE_CONTROL_POLICY" */
  policyType?: pulumi.Input<PolicyType>;
  /** `NODE` for a department (the root: getRootOrganizationNode()), `MEMBER` for a member account. */
  targetType: pulumi.Input<TargetType>;
  /** The department's `nodeId` or the member's `memberUin`; may be another resource's output. Changing it replaces the attachment. */
  targetId: pulumi.Input<number>;
  /**
   * What deleting the resource does: `detach` detaches the policy, `retain` leaves it attached and
   * only drops it from the stack. @default "detach"
   */
  deletionPolicy?: pulumi.Input<AttachmentDeletionPolicy>;
}

/** A policy attached to a department or member of a Tencent Cloud Organization. */
export class OrganizationPolicyAttachment extends TencentResource {
  public declare readonly policyId: pulumi.Output<number>;
  public declare readonly policyType: pulumi.Output<PolicyType>;
  public declare readonly targetType: pulumi.Output<TargetType>;
  public declare readonly targetId: pulumi.Output<number>;
  public declare readonly deletionPolicy: pulumi.Output<AttachmentDeletionPolicy>;

  constructor(name: string, args: OrganizationPolicyAttachmentArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs: Record<keyof AttachmentOutputs, undefined> = {
      policyId: undefined,
      policyType: undefined,
      targetType: undefined,
      targetId: undefined,
      deletionPolicy: undefined,
    };
    // No ownership marker: an attachment is identified by what it relates.
    super(organizationPolicyAttachmentProvider, name, { ...outputs, ...args }, opts, "OrganizationPolicyAttachment");
  }

  /** Reads an existing attachment (id `TYPE#policyId#NODE|MEMBER#targetId`, Terraform's import id) without managing it. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): OrganizationPolicyAttachment {
    return new OrganizationPolicyAttachment(name, {} as OrganizationPolicyAttachmentArgs, { ...opts, id });
  }
}
