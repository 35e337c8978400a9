/**
 * ListTargetsForPolicy: the departments and members a policy is attached to, in attachment order (a guess), paged by Rp/Page.
 */
import { Errors } from "../errors";
import { policyPage, policyTypeOf, requirePolicy } from "../policy-rules";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** TargetType values (note: not NODE/MEMBER) → the stored target type they keep. */
const TARGET_FILTERS: Readonly<Record<string, (targetType: "NODE" | "MEMBER") => boolean>> = {
  All: () => true,
  User: (t) => t === "MEMBER",
  Node: (t) => t === "NODE",
};

/** ListTargetsForPolicy (organization 2021-03-31). */
export const listTargetsForPolicy = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "ListTargetsForPolicy",
  params: {
    PolicyId: { type: "integer", required: true },
    Rp: { type: "integer", required: false },
    Page: { type: "integer", required: false },
    TargetType: { type: "string", required: false },
    PolicyType: { type: "string", required: false },
    Keyword: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    const { start, end } = policyPage(p.Rp, p.Page);
    if (!Object.hasOwn(TARGET_FILTERS, p.TargetType ?? "All")) throw Errors.invalidParameter("TargetType must be All, User or Node.");
    const keep = TARGET_FILTERS[p.TargetType ?? "All"];
    const state = store.policyView();
    const policy = requirePolicy(state, p.PolicyId, policyTypeOf(p.PolicyType, Errors.invalidParameter));
    // Keyword: the model says "several policy ids separated by spaces", which cannot narrow one policy's targets; the emulator
    // keeps a target when a word equals its id or occurs in its name — a guess.
    const words = (p.Keyword ?? "").split(/\s+/).filter((w) => w !== "");
    const items = state.attachments
      .filter((a) => a.policyId === policy.policyId && keep(a.targetType))
      .map((a) => ({
        Uin: a.targetId,
        RelatedType: a.targetType === "NODE" ? 1 : 2,
        Name: (a.targetType === "NODE" ? store.getNode(a.targetId)?.Name : store.getMember(a.targetId)?.name) ?? "",
        AddTime: a.addTime,
      }))
      .filter((item) => words.length === 0 || words.some((w) => w === String(item.Uin) || item.Name.includes(w)));
    return { TotalNum: items.length, List: items.slice(start, end) };
  },
});
