/**
 * An existing organization to adopt, at any size: a department tree (at most 5 levels with the
 * root, as Tencent allows), members spread over it with tags, remarks, invited and created ones, one
 * created by another stack (it carries an ownership marker); then what the seed file cannot hold,
 * set through the API as an administrator would: department tags, access identities, a payer, a
 * permission change an invited member has not confirmed. The end-to-end tests seed 50 members in
 * 10 departments; bench/adopt.ts seeds 1,000 in 100.
 */
import { nodeResourceName } from "../../../provider/api/nodes";
import { ADMIN_UIN, type RunningEmulator } from "../../emulator";
import { orgClient, tagClient } from "../../emulator/clients";

/** The first seeded department id and member UIN (seed-file members must stay below 100000100000). */
export const FIRST_DEPARTMENT = 200001;
export const FIRST_MEMBER = 100000000500;

const NAMES = ["Engineering", "Finance", "Sales", "Operations", "Platform", "Data", "Security", "Payroll", "Marketing", "Support"];
const TOP_LEVEL = 4;
const MAX_DEPTH = 4; // below the root

/** The seed file (test/emulator/seed-file.ts) of an organization of this size. */
export function seedDocument(departments: number, members: number) {
  const depth: number[] = [];
  const departmentList = Array.from({ length: departments }, (_, i) => {
    let parent = i < TOP_LEVEL ? undefined : Math.floor((i - TOP_LEVEL) / 2);
    while (parent !== undefined && depth[parent] >= MAX_DEPTH)
      parent = parent < TOP_LEVEL ? undefined : Math.floor((parent - TOP_LEVEL) / 2);
    depth[i] = parent === undefined ? 1 : depth[parent] + 1;
    return {
      id: FIRST_DEPARTMENT + i,
      name: NAMES[i] ?? `Team-${String(i).padStart(3, "0")}`,
      ...(parent !== undefined ? { parentId: FIRST_DEPARTMENT + parent } : {}),
      ...(i % 3 === 0 ? { remark: `cost center ${100 + i}` } : {}),
    };
  });
  const memberList = Array.from({ length: members }, (_, i) => ({
    name: `user-${String(i).padStart(4, "0")}`,
    uin: FIRST_MEMBER + i,
    departmentId: FIRST_DEPARTMENT + (i % departments),
    permissionIds: i % 4 === 0 ? [1, 2, 8] : [1, 2],
    tags: {
      team: (NAMES[i % departments] ?? `team-${i % departments}`).toLowerCase(),
      ...(i % 2 === 0 ? { env: "prod" } : {}),
      // Created by another Pulumi stack: adopt leaves it out, unmanaged does not report it.
      ...(i === MARKED ? { "pulumi:owner:3": "9f2c4e1a7b" } : {}),
    },
    ...(i % 5 === 0 ? { memberType: "Create" } : {}),
    ...(i % 7 === 0 ? { remark: "legacy account" } : {}),
  }));
  return { departments: departmentList, members: memberList };
}

/** The member another stack created (index in the seed). */
export const MARKED = 4;
/** The member whose bills the administrator pays (created, so its permissions apply at once). */
export const PAID = 5;
/** Members with access identity 2 (ReadOnly). */
export const WITH_IDENTITY = [1, 2];
/** The invited member whose permission change waits for its confirmation. */
export const PENDING = 3;

/** What the seed file cannot hold, set through the API: department tags, identities, a payer, a waiting permission change. */
export async function administer(emulator: RunningEmulator, departments: number): Promise<void> {
  const org = orgClient(emulator, { reqTimeout: 10 });
  const tags = tagClient(emulator, { reqTimeout: 10 });
  for (let i = 0; i < Math.min(departments, 3); i++) {
    await tags.ModifyResourceTags({
      Resource: nodeResourceName("ap-guangzhou", FIRST_DEPARTMENT + i),
      ReplaceTags: [{ TagKey: "cost-center", TagValue: `cc-${100 + i}` }],
    });
  }
  for (const i of WITH_IDENTITY) await org.CreateOrganizationMemberAuthIdentity({ MemberUins: [FIRST_MEMBER + i], IdentityIds: [2] });
  await org.UpdateOrganizationMember({
    MemberUin: FIRST_MEMBER + PAID,
    PayUin: String(ADMIN_UIN),
    PolicyType: "Financial",
    PermissionIds: [1, 2, 7],
  });
  await org.UpdateOrganizationMember({ MemberUin: FIRST_MEMBER + PENDING, PolicyType: "Financial", PermissionIds: [1, 2, 9] });
}
