/**
 * OrganizationMember's dynamic provider: the kit's lifecycle skeleton run with the member's kind
 * (kind.ts), plus the look-up of `getOrganizationMember`. One instance serves every member of a
 * provider process (one Pulumi operation); tests and benchmarks build their own.
 */
import type { ReportedMember } from "../api/model";
import { type LifecycleSource, ResourceLifecycle } from "../kit/lifecycle";
import type { ChangeEffect } from "./diff";
import { type MemberConnection, MEMBER_KIND } from "./kind";
import type { UpdatePlan } from "./plan";
import { toOutputs } from "./state";
import type { MemberInputs, MemberOutputs } from "./types";

/** The dynamic provider of OrganizationMember. */
export class MemberLifecycle extends ResourceLifecycle<
  MemberInputs,
  MemberOutputs,
  ReportedMember,
  UpdatePlan,
  MemberConnection,
  ChangeEffect
> {
  constructor(source: LifecycleSource) {
    super(MEMBER_KIND, source);
  }

  /** Looks a member up by UIN or exact name, for `getOrganizationMember`. */
  async lookup(by: { memberUin?: number; name?: string }): Promise<MemberOutputs | undefined> {
    const { members } = this.connected;
    const member =
      by.memberUin !== undefined ? await members.getByUin(by.memberUin) : by.name ? (await members.findByName(by.name))[0] : undefined;
    return member ? toOutputs(member, {}) : undefined;
  }
}
