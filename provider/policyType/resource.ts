/**
 * `OrganizationPolicyType`: a policy type enabled for the organization. Policies and attachments
 * of that type need it: give it in their `dependsOn`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { TencentResource } from "../kit/resource";
import { organizationPolicyTypeProvider } from "../shim";
import type { PolicyType, PolicyTypeDeletionPolicy, PolicyTypeOutputs } from "./types";

/** Inputs of an OrganizationPolicyType. See docs/organization-policy.md. */
export interface OrganizationPolicyTypeArgs {
  /** `SERVICE_CONTROL_POLICY` or `TAG_POLICY`. Enabling SCP binds every department and member to FullQcloudAccess (Tencent's rule). */
  type: pulumi.Input<PolicyType>;
  /**
   * What deleting the resource does: `retain` leaves the type enabled (disabling detaches governance
   * from every member), `disable` disables it. @default "retain"
   */
  deletionPolicy?: pulumi.Input<PolicyTypeDeletionPolicy>;
}

/** A policy type enabled for a Tencent Cloud Organization. */
export class OrganizationPolicyType extends TencentResource {
  public declare readonly type: pulumi.Output<PolicyType>;
  public declare readonly deletionPolicy: pulumi.Output<PolicyTypeDeletionPolicy>;
  /** The organization's id (DescribeOrganization). */
  public declare readonly organizationId: pulumi.Output<number>;

  constructor(name: string, args: OrganizationPolicyTypeArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs: Record<keyof PolicyTypeOutputs, undefined> = { type: undefined, deletionPolicy: undefined, organizationId: undefined };
    super(organizationPolicyTypeProvider, name, { ...outputs, ...args }, opts, "OrganizationPolicyType");
  }
}
