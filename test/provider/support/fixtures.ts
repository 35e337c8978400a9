/** Named fixtures shared by the provider's table tests. */
import type { MemberInputs, MemberOutputs } from "../../../provider/member/types";
import type { NodeInputs, NodeOutputs } from "../../../provider/node/types";

/** The smallest valid declaration, as a program writes it. */
export const minimalDeclaration = { name: "alice", permissionIds: [1, 2], nodeId: 100001 };

/** A checked, normalised input with every optional field set. */
export const fullInputs: MemberInputs = {
  name: "alice",
  accountName: "alice",
  policyType: "Financial",
  permissionIds: [1, 2, 4],
  nodeId: 100001,
  remark: "platform team",
  payUin: "100000000001",
  identityRoleIds: [1, 2],
  isAllowQuit: false,
  tags: { env: "prod", team: "platform" },
  deletionPolicy: "retain",
  ownerMarker: "proj/dev/alice",
};

/** The state a successful create of `fullInputs` leaves. */
export const fullOutputs: MemberOutputs = {
  ...fullInputs,
  memberUin: 100000100000,
  nodeName: "Engineering",
  memberType: "Create",
  orgPolicyName: "Financial management",
  orgPermissions: [
    { id: 1, name: "View bills" },
    { id: 2, name: "View balance" },
    { id: 4, name: "Consolidate bills" },
  ],
  payName: "admin",
  bindStatus: "Unbound",
  permissionStatus: "Confirmed",
  identities: [
    { identityId: 1, identityAliasName: "Administrator" },
    { identityId: 2, identityAliasName: "ReadOnly" },
  ],
  createTime: "2026-11-27 10:00:00",
  updateTime: "2026-11-27 10:00:00",
};

/** A checked department input with every optional field set. */
export const platformInputs: NodeInputs = {
  name: "Platform",
  parentNodeId: 100001,
  remark: "platform team",
  tags: { env: "prod", team: "platform" },
  deletionPolicy: "retain",
  ownerMarker: "proj/dev/platform",
};

/** The state a successful create of `platformInputs` leaves. */
export const platformOutputs: NodeOutputs = {
  ...platformInputs,
  nodeId: 100004,
  createTime: "2026-11-27 10:00:00",
  updateTime: "2026-11-27 10:00:00",
};
