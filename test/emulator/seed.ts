/**
 * The organization every emulator starts from (and `reset()` returns to), plus the fixed
 * catalogues the API only reads: permissions, access identities and verified-entity relations.
 */
import type { AccessIdentity, AuthRelation, EmulatedMember, EmulatedNode, OrganizationState } from "./model";

/** UIN of the organization's admin account (a valid PayUin, never listed as a member). */
export const ADMIN_UIN = 100000000001;
/** The admin account's nickname: DescribeOrganization's NickName, and PayName when the admin pays for a member (the name is the emulator's). */
export const ADMIN_NAME = "organization-admin";
/** Entity name of the admin (members without AuthRelationId belong to it). */
export const ADMIN_AUTH_NAME = "Emulated Organization Ltd.";
/** First UIN handed to a new member; later ones count up by one. */
export const FIRST_MEMBER_UIN = 100000100000;
/** The root department. */
export const ROOT_NODE_ID = 100000;
/** Creation time of every seed object, fixed so that seed state is reproducible. */
export const SEED_TIME = "2024-01-01 08:00:00";

/** The seed department "Engineering", below the root. */
export const ENGINEERING_NODE_ID = 100001;
/** The seed department "Finance", below the root. */
export const FINANCE_NODE_ID = 100002;

/** Seed departments below the root, in id order. */
export const SEED_DEPARTMENTS: readonly { NodeId: number; Name: string }[] = [
  { NodeId: ENGINEERING_NODE_ID, Name: "Engineering" },
  { NodeId: FINANCE_NODE_ID, Name: "Finance" },
  { NodeId: 100003, Name: "Sandbox" },
];

/** Names of the financial permissions 1–10, English and Chinese (`Lang: "zh"`). */
export const PERMISSION_NAMES: Readonly<Record<number, { en: string; zh: string }>> = {
  1: { en: "View bills", zh: "查看账单" },
  2: { en: "View balance", zh: "查看余额" },
  3: { en: "Fund transfer", zh: "资金划拨" },
  4: { en: "Consolidate bills", zh: "合并出账" },
  5: { en: "Invoice", zh: "开票" },
  6: { en: "Inherit offer", zh: "优惠继承" },
  7: { en: "Pay on behalf", zh: "代付费" },
  8: { en: "Cost explorer", zh: "成本分析" },
  9: { en: "Budget management", zh: "预算管理" },
  10: { en: "Credit limit setting", zh: "信用额度设置" },
};

/** Display name of the only relationship policy. */
export const POLICY_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  Financial: { en: "Financial management", zh: "财务管理" },
};

/** Access identities (ListOrganizationIdentity). Identity 1 is the default for created members. */
export const IDENTITIES: readonly AccessIdentity[] = [
  {
    IdentityId: 1,
    IdentityAliasName: "Administrator",
    IdentityRoleName: "OrganizationAccessControl",
    Description: "Full access to the member account.",
    IdentityType: 1,
    PolicyId: 1,
    PolicyName: "AdministratorAccess",
    UpdateTime: SEED_TIME,
  },
  {
    IdentityId: 2,
    IdentityAliasName: "ReadOnly",
    IdentityRoleName: "OrganizationReadOnly",
    Description: "Read-only access to the member account.",
    IdentityType: 1,
    PolicyId: 2,
    PolicyName: "ReadOnlyAccess",
    UpdateTime: SEED_TIME,
  },
  {
    IdentityId: 3,
    IdentityAliasName: "FinanceAdmin",
    IdentityRoleName: "OrganizationFinance",
    Description: "Billing and finance access.",
    IdentityType: 1,
    PolicyId: 3,
    PolicyName: "QcloudFinanceFullAccess",
    UpdateTime: SEED_TIME,
  },
  {
    IdentityId: 4,
    IdentityAliasName: "Developer",
    IdentityRoleName: "OrganizationDeveloper",
    Description: "A custom identity for developers.",
    IdentityType: 2,
    PolicyId: 0,
    PolicyName: "DeveloperAccess",
    UpdateTime: SEED_TIME,
  },
];

/** Verified-entity relations (DescribeOrganizationAuthNode). */
export const AUTH_RELATIONS: readonly AuthRelation[] = [
  { RelationId: 5001, AuthName: "Emulated Sister Company Ltd.", Manager: { MemberUin: 200000000001, MemberName: "sister-admin" } },
];

function seedNodes(): EmulatedNode[] {
  const root: EmulatedNode = {
    NodeId: ROOT_NODE_ID,
    Name: "Root",
    ParentNodeId: 0,
    Remark: "",
    CreateTime: SEED_TIME,
    UpdateTime: SEED_TIME,
    Tags: [],
  };
  return [
    root,
    ...SEED_DEPARTMENTS.map((d) => ({
      ...d,
      ParentNodeId: ROOT_NODE_ID,
      Remark: "",
      CreateTime: SEED_TIME,
      UpdateTime: SEED_TIME,
      Tags: [],
    })),
  ];
}

/**
 * An invited member as the console would have added it.
 * @param memberUin - its UIN
 * @param fields - name, department, permissions, tags
 * @param time - creation time ("YYYY-MM-DD HH:mm:ss")
 */
export function invitedMember(
  memberUin: number,
  fields: { name: string; nodeId: number; permissionIds: number[]; tags: { TagKey: string; TagValue: string }[] },
  time: string,
): EmulatedMember {
  return {
    memberUin,
    name: fields.name,
    accountName: fields.name,
    nickName: fields.name,
    memberType: "Invite",
    nodeId: fields.nodeId,
    policyType: "Financial",
    permissionIds: [...fields.permissionIds].sort((a, b) => a - b),
    remark: "",
    payUin: "",
    isAllowQuit: "Allow",
    identityIds: [],
    authRelationId: 0,
    tags: fields.tags,
    createTime: time,
    updateTime: time,
  };
}

/**
 * The seed organization: root, three departments and `seedMembers` invited members spread
 * round-robin over the departments (benchmarks use them to make listing expensive).
 * @param seedMembers - how many invited members to pre-create
 */
export function seedState(seedMembers: number): OrganizationState {
  const members: EmulatedMember[] = [];
  for (let i = 0; i < seedMembers; i++) {
    const department = SEED_DEPARTMENTS[i % SEED_DEPARTMENTS.length];
    members.push(
      invitedMember(
        FIRST_MEMBER_UIN + i,
        { name: `seed-${String(i + 1).padStart(5, "0")}`, nodeId: department.NodeId, permissionIds: [1, 2], tags: [] },
        SEED_TIME,
      ),
    );
  }
  return {
    format: "tencent-organization-emulator/1",
    adminUin: ADMIN_UIN,
    nextMemberUin: FIRST_MEMBER_UIN + seedMembers,
    nextNodeId: ROOT_NODE_ID + SEED_DEPARTMENTS.length + 1,
    nextRecordId: 1,
    members,
    nodes: seedNodes(),
    records: [],
    identityGrantTimes: {},
    deregisterAttempts: {},
  };
}
