/**
 * The module every stored OrganizationMember calls. Do not move or rename it, nor its exports.
 *
 * The engine stores the serialized provider (see shim.ts) in the state of every member, and that
 * stored text does `require("pulumi-tencentcloud-organization/dist/lifecycle")[method](...)` for
 * configure, check, diff, create, read, update and delete. `read` and `delete` run the *stored*
 * text, so stacks written by every earlier version depend on this path and these names. It only
 * forwards to the one provider instance of this process; the implementation is in member/.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { processLimiter } from "./api/rateLimiter";
import { MemberLifecycle } from "./member/lifecycle";
import type { MemberInputs, MemberOutputs } from "./member/types";

// One instance per provider process (one Pulumi operation), shared by all its members, so they
// share one reader; the rate limiter is the process's one (processLimiter), shared with every
// other resource type, since Tencent counts all their calls against one budget per action.
// Built from the stack config given to `configure`.
let instance = MemberLifecycle.fromConfig(() => undefined, { limiterFor: processLimiter });

/** Called once per provider process by the engine with the whole stack config. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  instance = MemberLifecycle.fromConfig((key) => req.config.get(key), { limiterFor: processLimiter });
}

/** See MemberLifecycle.check. */
export const check = (olds: Record<string, unknown>, news: Record<string, unknown>) => instance.check(olds, news);
/** See MemberLifecycle.diff. */
export const diff = (id: string, olds: MemberOutputs, news: MemberInputs) => instance.diff(id, olds, news);
/** See MemberLifecycle.create. */
export const create = (inputs: MemberInputs) => instance.create(inputs);
/** See MemberLifecycle.read. */
export const read = (id: string, props?: Partial<MemberOutputs>) => instance.read(id, props);
/** See MemberLifecycle.update. */
export const update = (id: string, olds: MemberOutputs, news: MemberInputs) => instance.update(id, olds, news);
/** See MemberLifecycle.delete. */
const remove = (id: string, props: MemberOutputs) => instance.delete(id, props);

// `delete` is a reserved word for a variable, not for an export: the engine calls `delete`.
export { remove as delete };
