/**
 * The object Pulumi serializes into the state of every OrganizationMember (`__provider`).
 *
 * It must stay tiny and hold nothing secret: the engine stores its code twice per resource and
 * runs the stored code for read and delete. So each method `require()`s the implementation from
 * the installed package when called — an upgraded package then takes effect for old resources
 * too — and credentials come from the config given to `configure` (or the environment), never
 * captured here.
 *
 * The required path (`dist/lifecycle`) and the method names are stored in every existing stack:
 * provider/lifecycle.ts must keep forwarding them whatever moves behind it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

// Every method forwards to the implementation, looked up by name when called. Names are short
// on purpose: this text is stored twice per resource (budget: 2 KB).
const f = (m: string, a: unknown[]) => require("pulumi-tencentcloud-organization/dist/lifecycle")[m](...a);

/** The dynamic provider of OrganizationMember. */
export const organizationMemberProvider: dynamic.ResourceProvider = {
  configure: (...a: unknown[]) => f("configure", a),
  check: (...a: unknown[]) => f("check", a),
  diff: (...a: unknown[]) => f("diff", a),
  create: (...a: unknown[]) => f("create", a),
  read: (...a: unknown[]) => f("read", a),
  update: (...a: unknown[]) => f("update", a),
  delete: (...a: unknown[]) => f("delete", a),
};

// Departments: the same pattern, their own permanent module (`dist/nodeLifecycle`, a promise to
// every stack holding an OrganizationNode, kept by provider/nodeLifecycle.ts).
const g = (m: string, a: unknown[]) => require("pulumi-tencentcloud-organization/dist/nodeLifecycle")[m](...a);

/** The dynamic provider of OrganizationNode. */
export const organizationNodeProvider: dynamic.ResourceProvider = {
  configure: (...a: unknown[]) => g("configure", a),
  check: (...a: unknown[]) => g("check", a),
  diff: (...a: unknown[]) => g("diff", a),
  create: (...a: unknown[]) => g("create", a),
  read: (...a: unknown[]) => g("read", a),
  update: (...a: unknown[]) => g("update", a),
  delete: (...a: unknown[]) => g("delete", a),
};
