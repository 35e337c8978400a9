/**
 * The module every stored OrganizationNode calls. Do not move or rename it, nor its exports.
 *
 * Like lifecycle.ts for members: the serialized provider in the state of every department (see
 * shim.ts) does `require("pulumi-tencentcloud-organization/dist/nodeLifecycle")[method](...)` for
 * configure, check, diff, create, read, update and delete, and `read` and `delete` run the *stored*
 * text. This path and these names are therefore a promise to every stack that holds a department;
 * the module only forwards (kit/forward.ts) to the one instance of this process; the implementation is in node/.
 */
import { forwardingMethods } from "./kit/forward";
import { fromConfig } from "./kit/lifecycle";
import { NodeLifecycle } from "./node/lifecycle";

const methods = forwardingMethods((config, deps) => new NodeLifecycle(fromConfig(config, deps)));

export const { configure, check, diff, create, read, update } = methods;
// `delete` is a reserved word for a variable, not for an export: the engine calls `delete`.
const remove = methods.delete;
export { remove as delete };
