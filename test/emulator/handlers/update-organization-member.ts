/**
 * UpdateOrganizationMember: changes name, remark, permissions, quit policy and payer in place.
 */
import { Errors } from "../errors";
import {
  checkMemberName,
  checkNameFree,
  checkPayerForPermissions,
  checkPayUin,
  checkPolicyType,
  formatApiTime,
  normalisePermissionIds,
  requireMember,
} from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

const sameIds = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/** UpdateOrganizationMember (organization 2021-03-31). */
export const updateOrganizationMember = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "UpdateOrganizationMember",
  params: {
    MemberUin: { type: "integer", required: true },
    Name: { type: "string", required: false },
    Remark: { type: "string", required: false },
    PolicyType: { type: "string", required: false },
    PermissionIds: { type: "integerList", required: false },
    IsAllowQuit: { type: "string", required: false },
    PayUin: { type: "string", required: false },
    IsModifyNickName: { type: "integer", required: false },
  } as const,
  handle(p, { store, now }) {
    const member = requireMember(store, p.MemberUin);
    // The model documents each of PolicyType and PermissionIds as requiring the other.
    if (p.PolicyType !== undefined && p.PermissionIds === undefined) throw Errors.missingParameter("PermissionIds");
    if (p.PermissionIds !== undefined && p.PolicyType === undefined) throw Errors.missingParameter("PolicyType");
    // Every rule is checked before anything changes: a refused call changes nothing.
    if (p.Name !== undefined) {
      checkMemberName("Name", p.Name);
      checkNameFree(store, p.Name, member.memberUin);
    }
    if (p.Remark !== undefined && [...p.Remark].length > 40) throw Errors.invalidParameterValue("Remark", "at most 40 characters");
    if (p.IsModifyNickName !== undefined && p.IsModifyNickName !== 0 && p.IsModifyNickName !== 1) {
      throw Errors.invalidParameterValue("IsModifyNickName", "must be 0 or 1");
    }
    const payUin = p.PayUin ?? member.payUin;
    if (p.PayUin !== undefined && p.PayUin !== "") checkPayUin(store, p.PayUin, member.authRelationId);
    let permissionIds: number[] | undefined;
    if (p.PolicyType !== undefined && p.PermissionIds !== undefined) {
      checkPolicyType(p.PolicyType);
      permissionIds = normalisePermissionIds(p.PermissionIds);
    }
    checkPayerForPermissions(permissionIds ?? member.pendingPermissions?.permissionIds ?? member.permissionIds, payUin);
    if (p.IsAllowQuit !== undefined) {
      if (p.IsAllowQuit !== "Allow" && p.IsAllowQuit !== "Denied")
        throw Errors.invalidParameterValue("IsAllowQuit", "must be Allow or Denied");
      if (p.IsAllowQuit === "Allow" && member.memberType === "Create") throw Errors.memberNotAllowQuit(member.memberUin);
      if (p.IsAllowQuit === "Allow" && payUin !== "") throw Errors.allowQuitIllegal(member.memberUin);
    }
    const permissionsChange =
      permissionIds !== undefined && (p.PolicyType !== member.policyType || !sameIds(permissionIds, member.permissionIds));
    // An invited member confirms permission changes; until then the change waits and blocks another.
    if (permissionsChange && member.memberType === "Invite" && member.pendingPermissions)
      throw Errors.changePermissionRecordExist(member.memberUin);

    if (p.Name !== undefined) member.name = p.Name;
    if (p.Remark !== undefined) member.remark = p.Remark;
    if (permissionsChange && p.PolicyType !== undefined && permissionIds !== undefined) {
      if (member.memberType === "Invite") member.pendingPermissions = { policyType: p.PolicyType, permissionIds };
      else {
        member.policyType = p.PolicyType;
        member.permissionIds = permissionIds;
      }
    }
    if (p.IsAllowQuit !== undefined) member.isAllowQuit = p.IsAllowQuit as "Allow" | "Denied";
    if (p.PayUin !== undefined) member.payUin = p.PayUin;
    if (p.IsModifyNickName === 1) member.nickName = member.name;
    member.updateTime = formatApiTime(now());
    store.putMember(member);
    return {};
  },
});
