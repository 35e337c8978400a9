/**
 * `OrganizationMember`: the resource users declare in their Pulumi programs.
 */
import type * as pulumi from "@pulumi/pulumi";
import { TencentResource, resourceProps } from "../kit/resource";
import { organizationMemberProvider } from "../shim";
import type { DeletionPolicy, MemberIdentity, MemberOutputs, MemberPermission } from "./types";

/** Inputs of an OrganizationMember. See docs/organization-member.md for every rule `check` enforces. */
export interface OrganizationMemberArgs {
  /** Member name, 1–25 letters, digits, Chinese characters and `+@&._[]-:,`. Updated in place. */
  name: pulumi.Input<string>;
  /**
   * Account name of the created account; same rule. @default name (at creation). Changed to the
   * member's `name`, it is updated in place (the name is copied to the account's nickname);
   * changed to anything else, it replaces the member with a new account.
   */
  accountName?: pulumi.Input<string>;
  /** Relationship policy. @default "Financial" (the only value the API accepts) */
  policyType?: pulumi.Input<"Financial">;
  /** Financial permissions 1–10; must include 1 and 2. Order and duplicates do not matter. Updated in place. */
  permissionIds: pulumi.Input<pulumi.Input<number>[]>;
  /** Department (organization node) id. Changing it moves the member, in place. */
  nodeId: pulumi.Input<number>;
  /** Remark, at most 40 characters. Omitted means empty. Updated in place. */
  remark?: pulumi.Input<string>;
  /** Creation record id to resume a creation that failed with FailedOperation.CreateAccount. Ignored after creation. */
  recordId?: pulumi.Input<number>;
  /** UIN of the payer (with permission 7). Managed only when set. Updated in place. */
  payUin?: pulumi.Input<string>;
  /** Access identity ids (ListOrganizationIdentity). Managed only when set. Updated in place. */
  identityRoleIds?: pulumi.Input<pulumi.Input<number>[]>;
  /** Verified-entity relation id for a member under another entity. Changing it replaces the member. */
  authRelationId?: pulumi.Input<number>;
  /** Whether the member may leave the organization by itself. Managed only when set. Updated in place. */
  isAllowQuit?: pulumi.Input<boolean>;
  /** Tags, at most 49 (Tencent's 50 minus the provider's ownership marker); more than 9 are written after creation in batches of 10. Omitted means none. Updated in place. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * What deleting the resource does to the account:
   * `retain` keeps the account and its membership and only drops it from the stack;
   * `removeFromOrganization` removes an invited member from the organization (the account lives on);
   * `deleteAccount` deletes the member's account (waiting while Tencent reviews the deletion).
   * @default "retain"
   */
  deletionPolicy?: pulumi.Input<DeletionPolicy>;
  /**
   * Manage this existing member (by UIN) instead of creating one; the declared properties are
   * then applied to it. Adopting never creates an account. (`pulumi import` cannot reach dynamic providers.)
   */
  adoptMemberUin?: pulumi.Input<number>;
}

/** A member account of a Tencent Cloud Organization. */
export class OrganizationMember extends TencentResource {
  /** The member's UIN (also the resource id). */
  public declare readonly memberUin: pulumi.Output<number>;
  public declare readonly name: pulumi.Output<string>;
  public declare readonly accountName: pulumi.Output<string>;
  /** The account's nickname as Tencent reports it (its account name at creation; the member name after an in-place rename). */
  public declare readonly nickName: pulumi.Output<string | undefined>;
  public declare readonly policyType: pulumi.Output<string>;
  public declare readonly permissionIds: pulumi.Output<number[]>;
  public declare readonly nodeId: pulumi.Output<number>;
  public declare readonly remark: pulumi.Output<string | undefined>;
  public declare readonly payUin: pulumi.Output<string | undefined>;
  public declare readonly identityRoleIds: pulumi.Output<number[] | undefined>;
  public declare readonly authRelationId: pulumi.Output<number | undefined>;
  public declare readonly isAllowQuit: pulumi.Output<boolean>;
  public declare readonly tags: pulumi.Output<Record<string, string>>;
  public declare readonly deletionPolicy: pulumi.Output<DeletionPolicy>;
  /** Department name. */
  public declare readonly nodeName: pulumi.Output<string>;
  /** `Create` (made by the organization) or `Invite` (joined by invitation). */
  public declare readonly memberType: pulumi.Output<string>;
  public declare readonly orgPolicyName: pulumi.Output<string>;
  public declare readonly orgPermissions: pulumi.Output<MemberPermission[]>;
  public declare readonly payName: pulumi.Output<string>;
  public declare readonly bindStatus: pulumi.Output<string>;
  public declare readonly permissionStatus: pulumi.Output<string>;
  /** Permissions requested but not yet confirmed by the (invited) member; `permissionIds` keeps Tencent's current ones meanwhile. */
  public declare readonly pendingPermissionIds: pulumi.Output<number[] | undefined>;
  public declare readonly identities: pulumi.Output<MemberIdentity[]>;
  public declare readonly createTime: pulumi.Output<string>;
  public declare readonly updateTime: pulumi.Output<string>;

  constructor(name: string, args: OrganizationMemberArgs, opts?: pulumi.CustomResourceOptions) {
    // Every output, so each resolves (see kit/resource.ts); the type keeps the list complete.
    const outputs: Record<Exclude<keyof MemberOutputs, "ownerMarker" | "ownerTags" | "recordId" | "adoptMemberUin">, undefined> = {
      memberUin: undefined,
      nickName: undefined,
      name: undefined,
      accountName: undefined,
      policyType: undefined,
      permissionIds: undefined,
      nodeId: undefined,
      remark: undefined,
      payUin: undefined,
      identityRoleIds: undefined,
      authRelationId: undefined,
      isAllowQuit: undefined,
      tags: undefined,
      deletionPolicy: undefined,
      nodeName: undefined,
      memberType: undefined,
      orgPolicyName: undefined,
      orgPermissions: undefined,
      payName: undefined,
      bindStatus: undefined,
      permissionStatus: undefined,
      pendingPermissionIds: undefined,
      identities: undefined,
      createTime: undefined,
      updateTime: undefined,
    };
    super(organizationMemberProvider, name, resourceProps(name, outputs, args, opts), opts, "OrganizationMember");
  }

  /**
   * Reads an existing member into the program without managing it (`pulumi refresh` keeps it
   * current). Tested with the CLI 3.274.1 and @pulumi/pulumi 3.248 and 3.276 (the two CI legs): every field resolves
   * (test/e2e/get.test.ts).
   */
  static get(name: string, memberUin: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): OrganizationMember {
    return new OrganizationMember(name, {} as OrganizationMemberArgs, { ...opts, id: memberUin });
  }
}
