/**
 * The module every stored OrganizationPolicy calls. Do not move or rename it, nor its exports.
 *
 * Like lifecycle.ts for members: the serialized provider in the state of every policy (see
 * shim.ts) does `require("pulumi-tencentcloud-organization/dist/policyLifecycle")[method](...)`, and
 * `read` and `delete` run the *stored* text. This path and these names are therefore a promise to
 * every stack that holds a policy; the module only forwards (kit/forward.ts); the implementation is in policy/.
 */
import { forwardingMethods } from "./kit/forward";
import { fromConfig } from "./kit/lifecycle";
import { PolicyLifecycle } from "./policy/lifecycle";

const methods = forwardingMethods((config, deps) => new PolicyLifecycle(fromConfig(config, deps)));

export const { configure, check, diff, create, read, update } = methods;
// `delete` is a reserved word for a variable, not for an export: the engine calls `delete`.
const remove = methods.delete;
export { remove as delete };
