/**
 * The module every stored OrganizationNode calls. Do not move or rename it, nor its exports.
 *
 * Like lifecycle.ts for members: the serialized provider in the state of every department (see
 * shim.ts) does `require("pulumi-tencentcloud-organization/dist/nodeLifecycle")[method](...)` for
 * configure, check, diff, create, read, update and delete, and `read` and `delete` run the *stored*
 * text. This path and these names are therefore a promise to every stack that holds a department;
 * the module only forwards to the one instance of this process, and the implementation is in node/.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { processLimiter } from "./api/rateLimiter";
import type { NodeDeclaration } from "./node/check";
import { NodeLifecycle } from "./node/lifecycle";
import type { NodeInputs, NodeOutputs } from "./node/types";

// One instance per provider process (one Pulumi operation), shared by all its departments, so they
// share one reader; the rate limiter is the process's one (processLimiter), shared with every
// other resource type, since Tencent counts all their calls against one budget per action.
// Built from the stack config given to `configure`.
let instance = NodeLifecycle.fromConfig(() => undefined, { limiterFor: processLimiter });

/** Called once per provider process by the engine with the whole stack config. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  instance = NodeLifecycle.fromConfig((key) => req.config.get(key), { limiterFor: processLimiter });
}

/** See NodeLifecycle.check. */
export const check = (olds: NodeDeclaration, news: NodeDeclaration) => instance.check(olds, news);
/** See NodeLifecycle.diff. */
export const diff = (id: string, olds: NodeOutputs, news: NodeInputs) => instance.diff(id, olds, news);
/** See NodeLifecycle.create. */
export const create = (inputs: NodeInputs) => instance.create(inputs);
/** See NodeLifecycle.read. */
export const read = (id: string, props?: Partial<NodeOutputs>) => instance.read(id, props);
/** See NodeLifecycle.update. */
export const update = (id: string, olds: NodeOutputs, news: NodeInputs) => instance.update(id, olds, news);
/** See NodeLifecycle.delete. */
const remove = (id: string, props: NodeOutputs) => instance.delete(id, props);

// `delete` is a reserved word for a variable, not for an export: the engine calls `delete`.
export { remove as delete };
