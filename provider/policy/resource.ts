/**
 * `OrganizationPolicy`: a service control policy or a tag policy of the organization, as users
 * declare it in their programs.
 */
import type * as pulumi from "@pulumi/pulumi";
import { TencentResource, resourceProps } from "../kit/resource";
import { organizationPolicyProvider } from "../shim";
import type { PolicyDeletionPolicy, PolicyOutputs, PolicyType } from "./types";

/** Inputs of an OrganizationPolicy. See docs/organization-policy.md for every rule `check` enforces. */
export interface OrganizationPolicyArgs {
  /**
   * `SERVICE_CONTROL_POLICY` (what the member accounts may do at all) or `TAG_POLICY` (which tag
   * values their resources may carry). Its type must be enabled (`OrganizationPolicyType`).
   * Changing it replaces the policy. @default "SERVICE_CONTROL_POLICY"
   */
  type?: pulumi.Input<PolicyType>;
  /** 1–128 letters, digits, `_` and Chinese characters; unique among the policies of its type. Updated in place. */
  name: pulumi.Input<string>;
  /** At most 300 bytes of UTF-8, less the 26 of the ownership marker on a policy the stack creates. Omitted means empty. Updated in place. */
  description?: pulumi.Input<string>;
  /**
   * The policy document: an object, or its JSON text. Checked at preview against Tencent's syntax
   * for the type, and compared by meaning: key order, white space and escaping never make a diff.
   * Updated in place.
   */
  content: pulumi.Input<string | Record<string, unknown>>;
  /**
   * What deleting the resource does to the policy: `delete` deletes it (Tencent refuses while it is
   * still attached; attachments of the same stack are detached first), `retain` keeps it in the
   * organization and only drops it from the stack. @default "delete"
   */
  deletionPolicy?: pulumi.Input<PolicyDeletionPolicy>;
  /** Manage this existing policy (by id) instead of creating one; its name, description and content become the declared ones. */
  adoptPolicyId?: pulumi.Input<number>;
}

/** A service control or tag policy of a Tencent Cloud Organization. */
export class OrganizationPolicy extends TencentResource {
  /** The policy's id (also the resource id); give it to attachments as `policyId`. */
  public declare readonly policyId: pulumi.Output<number>;
  public declare readonly type: pulumi.Output<PolicyType>;
  public declare readonly name: pulumi.Output<string>;
  public declare readonly description: pulumi.Output<string | undefined>;
  /** The document's canonical text: compact JSON, keys sorted. */
  public declare readonly content: pulumi.Output<string>;
  public declare readonly deletionPolicy: pulumi.Output<PolicyDeletionPolicy>;
  public declare readonly adoptPolicyId: pulumi.Output<number | undefined>;
  public declare readonly addTime: pulumi.Output<string>;
  public declare readonly updateTime: pulumi.Output<string>;

  constructor(name: string, args: OrganizationPolicyArgs, opts?: pulumi.CustomResourceOptions) {
    // Every output, so each resolves (see kit/resource.ts); the type keeps the list complete.
    const outputs: Record<Exclude<keyof PolicyOutputs, "ownerMarker" | "ownerMarkerSeen">, undefined> = {
      policyId: undefined,
      type: undefined,
      name: undefined,
      description: undefined,
      content: undefined,
      deletionPolicy: undefined,
      adoptPolicyId: undefined,
      addTime: undefined,
      updateTime: undefined,
    };
    super(organizationPolicyProvider, name, resourceProps(name, outputs, args, opts), opts, "OrganizationPolicy");
  }

  /** Reads an existing policy into the program without managing it (`pulumi refresh` keeps it current). */
  static get(name: string, policyId: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): OrganizationPolicy {
    return new OrganizationPolicy(name, {} as OrganizationPolicyArgs, { ...opts, id: policyId });
  }
}
