/**
 * ListPolicies: the policies of one type, paged by Rp/Page, in id order (order undocumented — a guess).
 */
import { Errors } from "../errors";
import { policyPage, policyTypeOf } from "../policy-rules";
import { toListPolicyNode } from "../wire";
import { defineHandler, ORGANIZATION_VERSION } from "./handler";

/** Scope values: every policy, presets (Type 2) only, custom (Type 1) only. */
const SCOPES: Readonly<Record<string, (kind: 1 | 2) => boolean>> = {
  All: () => true,
  QCS: (kind) => kind === 2,
  Local: (kind) => kind === 1,
};

/** ListPolicies (organization 2021-03-31). */
export const listPolicies = defineHandler({
  version: ORGANIZATION_VERSION,
  action: "ListPolicies",
  params: {
    Rp: { type: "integer", required: false },
    Page: { type: "integer", required: false },
    Scope: { type: "string", required: false },
    Keyword: { type: "string", required: false },
    PolicyType: { type: "string", required: false },
  } as const,
  handle(p, { store }) {
    const { start, end } = policyPage(p.Rp, p.Page);
    if (!Object.hasOwn(SCOPES, p.Scope ?? "All")) throw Errors.invalidParameter("Scope must be All, QCS or Local.");
    const scope = SCOPES[p.Scope ?? "All"];
    const type = policyTypeOf(p.PolicyType, Errors.invalidParameter);
    const state = store.policyView();
    // Keyword: a substring of the name (exact vs substring is undocumented — a guess).
    const matches = state.policies.filter((x) => x.type === type && scope(x.kind) && (!p.Keyword || x.name.includes(p.Keyword)));
    return {
      TotalNum: matches.length,
      List: matches.slice(start, end).map((x) => toListPolicyNode(x, state.attachments.filter((a) => a.policyId === x.policyId).length)),
    };
  },
});
