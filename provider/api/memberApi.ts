/**
 * The organization and tag actions the lifecycle needs, typed with the SDK's own models.
 * Only this folder imports the SDK.
 */
import type {
  CreateOrganizationMemberRequest,
  CreateOrganizationMemberResponse,
  DescribeOrganizationMembersRequest,
  DescribeOrganizationMembersResponse,
  OrgMember,
  Tag,
  UpdateOrganizationMemberRequest,
} from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_models";
import { TencentApiError } from "../errors/TencentApiError";
import type { TencentApi } from "./tencentApi";

export type { OrgMember, Tag, CreateOrganizationMemberRequest, UpdateOrganizationMemberRequest };

/** ModifyResourceTags takes at most this many ReplaceTags and DeleteTags per call. */
export const TAGS_PER_CALL = 10;

/** Codes meaning the identity is not (any more) granted to the member. */
export const IDENTITY_GONE_CODES: ReadonlySet<string> = new Set([
  "ResourceNotFound.MemberIdentityNotExist",
  "ResourceNotFound.IdentityNotExist",
]);

/** DescribeOrganizationMembers returns at most this many members per page. */
export const PAGE_SIZE = 50;

/** The Tag service's name for an organization member (the convention Tencent's Terraform provider uses). */
export function memberResourceName(region: string, memberUin: number): string {
  return `qcs::organization:${region}:uin/:member/${memberUin}`;
}

/** Typed organization/tag calls for members. */
export class MemberApi {
  // Which DescribeOrganizationMembers answer reported each member, so logs can quote its RequestId.
  private readonly reportedBy = new WeakMap<OrgMember, string>();

  constructor(
    readonly api: TencentApi,
    private readonly region: string,
  ) {}

  /** One page of members. */
  async describePage(request: DescribeOrganizationMembersRequest): Promise<{ items: OrgMember[]; total: number }> {
    const response = await this.api.call<DescribeOrganizationMembersResponse>(
      "organization",
      "DescribeOrganizationMembers",
      { Lang: "en", ...request },
    );
    const items = response.Items ?? [];
    if (response.RequestId) for (const member of items) this.reportedBy.set(member, response.RequestId);
    return { items, total: response.Total ?? 0 };
  }

  /** The RequestId of the answer that reported `member`, for logs. */
  requestIdOf(member: OrgMember): string {
    return this.reportedBy.get(member) ?? "unknown";
  }

  /**
   * Members matching `searchKey` (a name or UIN; Tencent matches loosely), filtered to those
   * `accept` keeps. Pages on while Tencent reports more.
   */
  async search(searchKey: string, accept: (member: OrgMember) => boolean): Promise<OrgMember[]> {
    const found: OrgMember[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.describePage({ Offset: offset, Limit: PAGE_SIZE, SearchKey: searchKey });
      found.push(...page.items.filter(accept));
      if (page.items.length < PAGE_SIZE || offset + PAGE_SIZE >= page.total) return found;
    }
  }

  /** The member with this UIN, or undefined when it is not in the organization. Always fresh. */
  async getByUin(memberUin: number): Promise<OrgMember | undefined> {
    const [member] = await this.search(String(memberUin), (m) => m.MemberUin === memberUin);
    return member;
  }

  /** Members whose name is exactly `name` (names are unique, so zero or one). Always fresh. */
  async findByName(name: string): Promise<OrgMember[]> {
    return this.search(name, (m) => m.Name === name);
  }

  /**
   * Sends CreateOrganizationMember once (throttling aside). Not retried on an unknown outcome:
   * the caller must look for the member before trying again, or it could create two accounts.
   */
  async create(request: CreateOrganizationMemberRequest): Promise<{ memberUin: number; requestId?: string }> {
    const response = await this.api.call<CreateOrganizationMemberResponse>("organization", "CreateOrganizationMember", request, {
      idempotent: false,
    });
    if (typeof response.Uin !== "number") {
      throw new Error(`CreateOrganizationMember answered without a Uin (RequestId ${response.RequestId ?? "unknown"})`);
    }
    return { memberUin: response.Uin, requestId: response.RequestId };
  }

  /** Sets name, remark, policy and permissions, payer, quit permission; values, so safe to repeat. */
  async update(request: UpdateOrganizationMemberRequest): Promise<void> {
    await this.api.call("organization", "UpdateOrganizationMember", request);
  }

  /** Moves the member to another department. */
  async move(memberUin: number, nodeId: number): Promise<void> {
    await this.api.call("organization", "MoveOrganizationNodeMembers", { NodeId: nodeId, MemberUin: [memberUin] });
  }

  /**
   * Replaces and deletes tags on the member (Tag service; the organization service has no tag
   * action). ModifyResourceTags takes at most 10 of each per call, and tags set out of band can be
   * more than that, so the work is split.
   */
  async modifyTags(memberUin: number, replace: Tag[], remove: string[]): Promise<void> {
    for (let i = 0; i < Math.max(replace.length, remove.length); i += TAGS_PER_CALL) {
      const replaceTags = replace.slice(i, i + TAGS_PER_CALL);
      const deleteTags = remove.slice(i, i + TAGS_PER_CALL).map((TagKey) => ({ TagKey }));
      await this.api.call("tag", "ModifyResourceTags", {
        Resource: memberResourceName(this.region, memberUin),
        ...(replaceTags.length > 0 ? { ReplaceTags: replaceTags } : {}),
        ...(deleteTags.length > 0 ? { DeleteTags: deleteTags } : {}),
      });
    }
  }

  /** Grants access identities (at most 5 per call, the API's limit). */
  async addIdentities(memberUin: number, identityIds: number[]): Promise<void> {
    for (let i = 0; i < identityIds.length; i += 5) {
      await this.api.call("organization", "CreateOrganizationMemberAuthIdentity", {
        MemberUins: [memberUin],
        IdentityIds: identityIds.slice(i, i + 5),
      });
    }
  }

  /** Revokes one access identity; one already revoked (a retry after a lost answer, or out of band) is done. */
  async removeIdentity(memberUin: number, identityId: number): Promise<void> {
    try {
      await this.api.call("organization", "DeleteOrganizationMemberAuthIdentity", {
        MemberUin: memberUin,
        IdentityId: identityId,
      });
    } catch (error) {
      if (!(error instanceof TencentApiError && IDENTITY_GONE_CODES.has(error.code))) throw error;
    }
  }

  /** Removes an invited member from the organization; the account lives on. */
  async removeFromOrganization(memberUin: number): Promise<void> {
    await this.api.call("organization", "DeleteOrganizationMembers", { MemberUin: [memberUin] });
  }

  /** Asks Tencent to delete a created member's account. */
  async deleteAccount(memberUin: number): Promise<void> {
    await this.api.call("organization", "DeleteAccount", { MemberUin: memberUin });
  }
}
