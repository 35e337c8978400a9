/**
 * Reads members for `read` (refresh) so that N reads in one operation over an organization of M
 * members cost at most 2·min(N, ⌈M/50⌉) + 2 DescribeOrganizationMembers calls.
 *
 * The ski-rental rule: look members up one by one ("rent") while the look-ups so far cost less
 * than one full listing of ⌈M/50⌉ pages; once they cost as much, list everything once ("buy")
 * and answer every later read from that listing. Without knowing N in advance no strategy can
 * guarantee better than twice the optimum. The first read also learns M from an unfiltered page.
 *
 * One reader lives per provider process, i.e. per Pulumi operation. Anything that changes a
 * member calls `invalidate()`, so a listing never answers for a member changed since.
 */
import type { ReportedMember } from "../member/types";
import { PAGE_SIZE, type MemberApi } from "./members";

export class MemberReader {
  private pages: Promise<number> | undefined;
  private lookups = 0;
  private listing: Promise<Map<number, ReportedMember>> | undefined;

  constructor(private readonly members: MemberApi) {}

  /** The member, or undefined when it is no longer in the organization. */
  async read(memberUin: number): Promise<ReportedMember | undefined> {
    this.pages ??= this.forgetOnFailure(
      this.members.describePage({ Offset: 0, Limit: 1 }).then((p) => Math.ceil(p.total / PAGE_SIZE)),
      () => (this.pages = undefined),
    );
    const pages = await this.pages;
    if (!this.listing && this.lookups < pages) {
      // Counted before awaiting, so concurrent reads cannot overshoot the budget.
      this.lookups++;
      return this.members.getByUin(memberUin);
    }
    this.listing ??= this.forgetOnFailure(this.listAll(pages), () => (this.listing = undefined));
    const listed = (await this.listing).get(memberUin);
    // Offset paging can skip a member when another leaves mid-listing; "gone" is final for the
    // resource, so an absence is confirmed by a direct look-up (at most one call per missing member).
    return listed ?? this.members.getByUin(memberUin);
  }

  // A failed call must not answer for every later read of the operation: the next read retries it.
  private forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
    promise.catch(forget);
    return promise;
  }

  /** Forgets what was read; call after any change to a member. */
  invalidate(): void {
    this.listing = undefined;
    this.pages = undefined;
    this.lookups = 0;
  }

  private async listAll(pages: number): Promise<Map<number, ReportedMember>> {
    const byUin = new Map<number, ReportedMember>();
    // Page by the Total each page reports, not by `pages`: the organization may have changed since.
    for (let offset = 0; offset === 0 || offset < pages * PAGE_SIZE; offset += PAGE_SIZE) {
      const page = await this.members.describePage({ Offset: offset, Limit: PAGE_SIZE });
      for (const member of page.items) if (typeof member.memberUin === "number") byUin.set(member.memberUin, member);
      pages = Math.ceil(page.total / PAGE_SIZE);
      if (page.items.length < PAGE_SIZE) break;
    }
    return byUin;
  }
}
