/**
 * UpdateOrganizationMember: changes name, remark, permissions, quit policy and payer in place.
 */
import { Errors } from "../errors";
import { checkMemberName, checkNameFree, checkPayUin, checkPolicyType, formatApiTime, normalisePermissionIds, requireMember } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

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
    if (p.Name !== undefined) {
      checkMemberName("Name", p.Name);
      checkNameFree(store, p.Name, member.memberUin);
      member.name = p.Name;
    }
    if (p.Remark !== undefined) {
      if ([...p.Remark].length > 40) throw Errors.invalidParameterValue("Remark", "at most 40 characters");
      member.remark = p.Remark;
    }
    if (p.PolicyType !== undefined && p.PermissionIds !== undefined) {
      checkPolicyType(p.PolicyType);
      member.policyType = p.PolicyType;
      member.permissionIds = normalisePermissionIds(p.PermissionIds);
    }
    if (p.IsAllowQuit !== undefined) {
      if (p.IsAllowQuit !== "Allow" && p.IsAllowQuit !== "Denied") throw Errors.invalidParameterValue("IsAllowQuit", "must be Allow or Denied");
      member.isAllowQuit = p.IsAllowQuit;
    }
    if (p.PayUin !== undefined) {
      if (p.PayUin !== "") checkPayUin(store, p.PayUin);
      member.payUin = p.PayUin;
    }
    if (p.IsModifyNickName !== undefined) {
      if (p.IsModifyNickName !== 0 && p.IsModifyNickName !== 1) throw Errors.invalidParameterValue("IsModifyNickName", "must be 0 or 1");
      if (p.IsModifyNickName === 1) member.nickName = member.name;
    }
    member.updateTime = formatApiTime(now());
    store.putMember(member);
    return {};
  },
});
