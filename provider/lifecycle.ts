/**
 * The module every stored OrganizationMember calls. Do not move or rename it, nor its exports.
 *
 * The engine stores the serialized provider (see shim.ts) in the state of every member, and that
 * stored text does `require("pulumi-tencentcloud-organization/dist/lifecycle")[method](...)` for
 * configure, check, diff, create, read, update and delete. `read` and `delete` run the *stored*
 * text, so stacks written by every earlier version depend on this path and these names. It only
 * forwards (kit/forward.ts) to the one instance of this process; the implementation is in member/.
 */
import { forwardingMethods } from "./kit/forward";
import { fromConfig } from "./kit/lifecycle";
import { MemberLifecycle } from "./member/lifecycle";

const methods = forwardingMethods((config, deps) => new MemberLifecycle(fromConfig(config, deps)));

export const { configure, check, diff, create, read, update } = methods;
// `delete` is a reserved word for a variable, not for an export: the engine calls `delete`.
const remove = methods.delete;
export { remove as delete };
