/**
 * The module every stored OrganizationPolicyAttachment calls (see policyLifecycle.ts and shim.ts). Do not
 * move or rename it, nor its exports: `read` and `delete` of every stored state run through it.
 */
import { forwardingMethods } from "./kit/forward";
import { fromConfig } from "./kit/lifecycle";
import { AttachmentLifecycle } from "./attachment/lifecycle";

const methods = forwardingMethods((config, deps) => new AttachmentLifecycle(fromConfig(config, deps)));

export const { configure, check, diff, create, read, update } = methods;
// `delete` is a reserved word for a variable, not for an export: the engine calls `delete`.
const remove = methods.delete;
export { remove as delete };
