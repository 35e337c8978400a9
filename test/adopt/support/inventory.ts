/**
 * Named inventories for the adoption tables: members and departments as Tencent reports them
 * (api/model.ts), with only what a test cares about given.
 */
import type { ReportedMember, ReportedNode } from "../../../provider/api/model";
import type { Inventory } from "../../../provider/adopt/inventory";

/** The emulator's root department. */
export const ROOT = 100000;

/** A department under `parentNodeId` (the root by default). */
export function aDepartment(nodeId: number, name: string, fields: Partial<ReportedNode> = {}): ReportedNode {
  return {
    nodeId,
    name,
    parentNodeId: ROOT,
    remark: "",
    tags: {},
    createTime: "2024-01-01 08:00:00",
    updateTime: "2024-01-01 08:00:00",
    ...fields,
  };
}

/** An invited member with permissions 1 and 2, in the root unless `nodeId` says otherwise. */
export function aMember(
  memberUin: number,
  name: string,
  fields: Partial<ReportedMember> & { permissionIds?: number[] } = {},
): ReportedMember {
  const { permissionIds = [1, 2], ...rest } = fields;
  return {
    memberUin,
    name,
    nickName: name,
    nodeId: ROOT,
    nodeName: "Root",
    remark: "",
    payUin: "",
    payName: "",
    memberType: "Invite",
    orgPolicyName: "Financial management",
    permissions: permissionIds.map((id) => ({ id, name: `permission ${id}` })),
    identities: [],
    tags: {},
    isAllowQuit: false,
    bindStatus: "Bound",
    permissionStatus: "Confirmed",
    permissionChangePending: false,
    createTime: "2024-01-01 08:00:00",
    updateTime: "2024-01-01 08:00:00",
    ...rest,
  };
}

/** A live (Tencent) inventory of these departments and members. */
export function liveInventory(departments: ReportedNode[], members: ReportedMember[]): Inventory {
  return { source: { kind: "tencent" }, rootNodeId: ROOT, departments, members, identitiesKnown: true };
}

/**
 * A small organization: Engineering (Platform, Data under it), Finance; members in each, one in
 * the root, one with a payer, one with identities, one whose permission change waits.
 */
export function acmeOrganization(): Inventory {
  return liveInventory(
    [
      aDepartment(200003, "Data", { parentNodeId: 200001, tags: { team: "data" } }),
      aDepartment(200001, "Engineering", { remark: "all engineers" }),
      aDepartment(200004, "Finance", { tags: { "pulumi:owner:3": "abc", cost: "fin" } }),
      aDepartment(200002, "Platform", { parentNodeId: 200001 }),
    ],
    [
      aMember(100000100004, "zoe", { nodeId: 200002, tags: { team: "platform", "pulumi:owner:1": "f00" } }),
      aMember(100000100001, "alice", {
        nodeId: 200002,
        permissionIds: [8, 1, 2],
        tags: { team: "platform", env: "prod" },
        remark: "platform lead",
      }),
      aMember(100000100002, "Bob.Smith", {
        nodeId: 200003,
        identities: [
          { identityId: 2, identityAliasName: "ReadOnly" },
          { identityId: 1, identityAliasName: "Administrator" },
        ],
      }),
      aMember(100000100003, "billing", { nodeId: 200004, permissionIds: [1, 2, 7], payUin: "100000000001", isAllowQuit: true }),
      aMember(100000100005, "root-ops", { isAllowQuit: true }),
      aMember(100000100006, "pending", { nodeId: 200001, permissionChangePending: true, permissionStatus: "UnConfirmed" }),
    ],
  );
}
