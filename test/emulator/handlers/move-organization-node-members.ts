/**
 * MoveOrganizationNodeMembers: moves members to another department.
 */
import { Errors } from "../errors";
import { formatApiTime } from "../rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** MoveOrganizationNodeMembers (organization 2021-03-31). */
export const moveOrganizationNodeMembers = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "MoveOrganizationNodeMembers",
  params: {
    NodeId: { type: "integer", required: true },
    MemberUin: { type: "integerList", required: true },
  } as const,
  handle(p, { store, now }) {
    if (p.MemberUin.length === 0) throw Errors.invalidParameterValue("MemberUin", "at least one member is required");
    if (!store.getNode(p.NodeId)) throw Errors.nodeNotExist(p.NodeId);
    const strangers = p.MemberUin.filter((uin) => !store.getMember(uin));
    if (strangers.length > 0) throw Errors.someUinsNotInOrganization(strangers);
    const time = formatApiTime(now());
    for (const uin of new Set(p.MemberUin)) {
      const member = store.getMember(uin);
      if (member) store.putMember({ ...member, nodeId: p.NodeId, updateTime: time });
    }
    return {};
  },
});
