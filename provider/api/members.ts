/**
 * The organization and tag actions for members, in the provider's terms: requests are built and
 * answers read through wire.ts, so callers never see Tencent's field names.
 */
import { TencentApiError } from "../core/errors/TencentApiError";
import { UnexpectedAnswerError } from "../core/errors/UnexpectedAnswerError";
import type { DescribeMembersRequest } from "./call/actions";
import type { Tags } from "../core/tags";
import type { AccountDeletionCheck, MemberUpdate, NewMember, ReportedMember } from "./model";
import { reactionTo } from "./call/codes";
import type { TencentApi } from "./call/client";
import { modifyResourceTags } from "./tags";
import { toAccountDeletionCheck, toCreateRequest, toReportedMember, toTagKeyFilter, toUpdateRequest } from "./wire";

/** CreateOrganizationMemberAuthIdentity takes at most this many identities per call. */
export const IDENTITIES_PER_CALL = 5;

/** DescribeOrganizationMembers returns at most this many members per page. */
export const PAGE_SIZE = 50;

/** The Tag service's name for an organization member (the convention Tencent's Terraform provider uses). */
export function memberResourceName(region: string, memberUin: number): string {
  return `qcs::organization:${region}:uin/:member/${memberUin}`;
}

/** Typed organization/tag calls for members. */
export class MemberApi {
  constructor(
    readonly api: TencentApi,
    private readonly region: string,
  ) {}

  /** One page of members. */
  async describePage(request: DescribeMembersRequest): Promise<{ items: ReportedMember[]; total: number }> {
    const response = await this.api.call("DescribeOrganizationMembers", {
      Lang: "en",
      ...request,
    });
    return { items: (response.Items ?? []).map((m) => toReportedMember(m, response.RequestId)), total: response.Total ?? 0 };
  }

  /** One page of the members carrying the tag key `tagKey`, whatever its value; `offset` counts members. */
  async describeTaggedPage(tagKey: string, offset: number): Promise<{ items: ReportedMember[]; total: number }> {
    return this.describePage({ Offset: offset, Limit: PAGE_SIZE, Tags: [toTagKeyFilter(tagKey)] });
  }

  /**
   * Members matching `searchKey` (a name or UIN; Tencent matches loosely), filtered to those
   * `accept` keeps. Pages on while Tencent reports more.
   */
  async search(searchKey: string, accept: (member: ReportedMember) => boolean): Promise<ReportedMember[]> {
    const found: ReportedMember[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.describePage({ Offset: offset, Limit: PAGE_SIZE, SearchKey: searchKey });
      found.push(...page.items.filter(accept));
      if (page.items.length < PAGE_SIZE || offset + PAGE_SIZE >= page.total) return found;
    }
  }

  /** The member with this UIN, or undefined when it is not in the organization. Always fresh. */
  async getByUin(memberUin: number): Promise<ReportedMember | undefined> {
    const [member] = await this.search(String(memberUin), (m) => m.memberUin === memberUin);
    return member;
  }

  /** Members whose name is exactly `name` (names are unique, so zero or one). Always fresh. */
  async findByName(name: string): Promise<ReportedMember[]> {
    return this.search(name, (m) => m.name === name);
  }

  /**
   * Sends CreateOrganizationMember once (throttling aside), with the user tags and `ownerTag`.
   * Not retried on an unknown outcome: the caller must look for the member before trying
   * again, or it could create two accounts.
   */
  async create(inputs: NewMember, ownerTag: Tags): Promise<{ memberUin: number; requestId?: string }> {
    const response = await this.api.call("CreateOrganizationMember", toCreateRequest(inputs, ownerTag), { idempotent: false });
    if (typeof response.Uin !== "number") {
      throw new UnexpectedAnswerError("CreateOrganizationMember", "no Uin", response.RequestId);
    }
    return { memberUin: response.Uin, requestId: response.RequestId };
  }

  /** Sets name, remark, policy and permissions, payer, quit permission; values, so safe to repeat. */
  async update(memberUin: number, update: MemberUpdate): Promise<void> {
    await this.api.call("UpdateOrganizationMember", toUpdateRequest(memberUin, update));
  }

  /** Moves the member to another department. */
  async move(memberUin: number, nodeId: number): Promise<void> {
    await this.api.call("MoveOrganizationNodeMembers", { NodeId: nodeId, MemberUin: [memberUin] });
  }

  /** Sets and deletes tags on the member (Tag service; the organization service has no tag action), in batches of 10. */
  async modifyTags(memberUin: number, replace: Tags, remove: readonly string[]): Promise<void> {
    await modifyResourceTags(this.api, memberResourceName(this.region, memberUin), replace, remove);
  }

  /** Grants access identities, in batches the API accepts. */
  async addIdentities(memberUin: number, identityIds: readonly number[]): Promise<void> {
    for (let i = 0; i < identityIds.length; i += IDENTITIES_PER_CALL) {
      await this.api.call("CreateOrganizationMemberAuthIdentity", {
        MemberUins: [memberUin],
        IdentityIds: identityIds.slice(i, i + IDENTITIES_PER_CALL),
      });
    }
  }

  /** Revokes one access identity; one not granted (a retry after a lost answer, or out of band) is done. */
  async removeIdentity(memberUin: number, identityId: number): Promise<void> {
    try {
      await this.api.call("DeleteOrganizationMemberAuthIdentity", {
        MemberUin: memberUin,
        IdentityId: identityId,
      });
    } catch (error) {
      if (!(error instanceof TencentApiError && reactionTo(error.code, error.action) === "identityNotGranted")) throw error;
    }
  }

  /** Removes an invited member from the organization; the account lives on. */
  async removeFromOrganization(memberUin: number): Promise<void> {
    await this.api.call("DeleteOrganizationMembers", { MemberUin: [memberUin] });
  }

  /** Whether Tencent would delete the member's account now, and every reason it would not. Changes nothing. */
  async checkAccountDeletion(memberUin: number): Promise<AccountDeletionCheck> {
    return toAccountDeletionCheck(await this.api.call("CheckAccountDelete", { MemberUin: memberUin }));
  }

  /** Asks Tencent to delete a created member's account. */
  async deleteAccount(memberUin: number): Promise<void> {
    await this.api.call("DeleteAccount", { MemberUin: memberUin });
  }
}
