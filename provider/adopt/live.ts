/**
 * Reads the live organization for the commands: every department and every member, with the
 * fewest listing calls Tencent allows — ⌈departments/50⌉ DescribeOrganizationNodes plus
 * ⌈members/50⌉ DescribeOrganizationMembers (1,000 members in 100 departments: 22 calls). Members
 * come with their tags, identities, payer and quit setting in the same answer, so no per-member call
 * is needed. Read-only: the two actions in READ_ACTIONS are all the credential needs.
 */
import type { TencentApi } from "../api/call/client";
import type { ReportedMember } from "../api/model";
import { MemberApi, PAGE_SIZE } from "../api/members";
import { NodeApi } from "../api/nodes";
import { ROOT_PARENT_ID } from "../node/rules";
import type { Inventory } from "./inventory";

/**
 * The CAM actions the commands call (`adopt` from Tencent, `unmanaged`): a credential whose policy
 * allows only these can run them. A missing one fails with an error that quotes the line to add.
 */
export const READ_ACTIONS = ["organization:DescribeOrganizationNodes", "organization:DescribeOrganizationMembers"] as const;

/** Reads the whole organization through `api` (its rate limiter paces the pages). */
export async function readLiveOrganization(api: TencentApi, region: string): Promise<Inventory> {
  const [nodes, members] = await Promise.all([new NodeApi(api, region).listAll(), listMembers(new MemberApi(api, region))]);
  const root = nodes.find((node) => node.parentNodeId === ROOT_PARENT_ID);
  return {
    source: { kind: "tencent" },
    ...(root ? { rootNodeId: root.nodeId } : {}),
    departments: nodes.filter((node) => node !== root),
    members,
    identitiesKnown: true,
  };
}

/**
 * Every member: the first page says how many there are, the other pages are then asked for
 * together. A member listed twice (the organization changed while paging) is kept once.
 */
async function listMembers(members: MemberApi): Promise<ReportedMember[]> {
  const first = await members.describePage({ Offset: 0, Limit: PAGE_SIZE });
  const offsets: number[] = [];
  for (let offset = PAGE_SIZE; offset < first.total; offset += PAGE_SIZE) offsets.push(offset);
  const rest = await Promise.all(offsets.map((Offset) => members.describePage({ Offset, Limit: PAGE_SIZE })));
  const byUin = new Map<number, ReportedMember>();
  for (const page of [first, ...rest]) for (const member of page.items) byUin.set(member.memberUin, member);
  return [...byUin.values()];
}
