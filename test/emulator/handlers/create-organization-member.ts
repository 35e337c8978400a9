/**
 * CreateOrganizationMember: creates a member account, or resumes a failed creation by RecordId.
 */
import { Errors } from "../errors";
import type { CreationRecord, EmulatedMember } from "../model";
import {
  checkCreateTags,
  checkMemberName,
  checkNameFree,
  checkPayerForPermissions,
  checkPayUin,
  checkPolicyType,
  formatApiTime,
  normalisePermissionIds,
  tagQuotaBreak,
  toTagPairs,
} from "../rules";
import { AUTH_RELATIONS, IDENTITIES } from "../seed";
import { validateParams } from "../validation";
import { defineHandler, ORGANIZATION_VERSION, type HandlerContext } from "./handler";

// Name … AccountName are required by the model, but a retry with RecordId may omit them: the
// record's original request supplies them. They are therefore checked after the merge below.
const params = {
  Name: { type: "string", required: false },
  PolicyType: { type: "string", required: false },
  PermissionIds: { type: "integerList", required: false },
  NodeId: { type: "integer", required: false },
  AccountName: { type: "string", required: false },
  Remark: { type: "string", required: false },
  RecordId: { type: "integer", required: false },
  PayUin: { type: "string", required: false },
  IdentityRoleID: { type: "integerList", required: false },
  AuthRelationId: { type: "integer", required: false },
  Tags: { type: "tagList", required: false },
} as const;

const REQUIRED = ["Name", "PolicyType", "PermissionIds", "NodeId", "AccountName"] as const;

/** Finds the record a retry names, refusing unknown and already-successful ones. */
function resumableRecord(context: HandlerContext, recordId: number): CreationRecord {
  const record = context.store.getRecord(recordId);
  if (!record) throw Errors.createRecordNotExist(recordId);
  if (record.status === "Succeeded") throw Errors.createRecordAlreadySuccess(recordId, record.memberUin ?? 0);
  return record;
}

/** CreateOrganizationMember (organization 2021-03-31). */
export const createOrganizationMember = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "CreateOrganizationMember",
  params,
  handle(given, context) {
    const { store } = context;
    const { RecordId: recordId, ...fields } = given;
    const record = recordId === undefined ? undefined : resumableRecord(context, recordId);
    // A retry's own fields win over the record's: the caller may have fixed what made it fail.
    const request = record ? validateParams(params, { ...record.request, ...fields }) : fields;
    for (const name of REQUIRED) {
      if (request[name] === undefined) throw Errors.missingParameter(name);
    }
    const { Name: name, AccountName: accountName, PolicyType: policyType, NodeId: nodeId } = request as Required<typeof request>;

    checkMemberName("Name", name);
    checkMemberName("AccountName", accountName);
    checkPolicyType(policyType);
    const permissionIds = normalisePermissionIds(request.PermissionIds ?? []);
    if (!store.getNode(nodeId)) throw Errors.nodeNotExist(nodeId);
    checkNameFree(store, name);
    const tags = toTagPairs(request.Tags ?? []);
    checkCreateTags(tags);
    const identityIds = [...new Set(request.IdentityRoleID ?? [1])];
    for (const id of identityIds) {
      if (!IDENTITIES.some((identity) => identity.IdentityId === id)) {
        throw Errors.invalidParameterValue("IdentityRoleID", `identity ${id} does not exist (see ListOrganizationIdentity)`);
      }
    }
    const authRelationId = request.AuthRelationId ?? 0;
    if (authRelationId !== 0 && !AUTH_RELATIONS.some((r) => r.RelationId === authRelationId))
      throw Errors.authRelationNotExist(authRelationId);
    const payUin = request.PayUin ?? "";
    if (payUin !== "") checkPayUin(store, payUin, authRelationId);
    checkPayerForPermissions(permissionIds, payUin);
    if (store.memberCount() >= context.limits.memberLimit) throw Errors.memberOverLimit(context.limits.memberLimit);

    const savedRequest: Record<string, unknown> = structuredClone(request);
    const fault = context.takeCreationFault();
    if (fault === "createAccountFailure") {
      const failedId = record?.recordId ?? store.allocateRecordId();
      store.putRecord({ recordId: failedId, name, status: "Failed", request: savedRequest });
      throw Errors.createAccount(failedId);
    }

    const time = formatApiTime(context.now());
    const memberUin = store.allocateMemberUin();
    const member: EmulatedMember = {
      memberUin,
      name,
      accountName,
      nickName: accountName,
      memberType: "Create",
      nodeId,
      policyType,
      permissionIds,
      remark: request.Remark ?? "",
      payUin: request.PayUin ?? "",
      isAllowQuit: "Denied",
      identityIds,
      authRelationId,
      tags: [],
      createTime: time,
      updateTime: time,
    };
    // Tencent tags the new account in a second step; when that step fails the account exists
    // without its tags and the answer is FailedOperation.TagResourcesError (injected, or a tag quota).
    const quota = tagQuotaBreak(store, tags, context.limits);
    const tagFailure =
      fault === "tagResourcesError"
        ? "injected fault"
        : quota
          ? quota.quota === "values"
            ? `tag key ${JSON.stringify(quota.key)} has reached its value quota`
            : "the tag key quota is reached"
          : undefined;
    if (tagFailure === undefined) member.tags = tags;
    store.putMember(member);
    for (const id of identityIds) store.setIdentityGrantTime(memberUin, id, time);
    store.putRecord({
      recordId: record?.recordId ?? store.allocateRecordId(),
      name,
      status: "Succeeded",
      memberUin,
      request: savedRequest,
    });
    if (tagFailure !== undefined) throw Errors.tagResourcesError(`member ${memberUin} was created without its tags (${tagFailure})`);
    return { Uin: memberUin };
  },
});
