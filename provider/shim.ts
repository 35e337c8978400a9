/**
 * The objects Pulumi serializes into the state of every resource of this package
 * (`__provider`): one per resource type, each a single method.
 *
 * Its text is stored twice per resource (inputs and outputs), rewritten with the whole state after
 * every step, and run — as stored, whatever version wrote it — for read and delete. So it is as
 * small as the engine's closure serializer allows and holds nothing secret.
 *
 * What the serializer charges (measured, @pulumi/pulumi 3.248): 254 bytes for an empty object, and
 * about 217 bytes per forwarding method, because every function it meets gets its own `with`
 * scaffold — 2038 bytes for the seven forwarders of 0.1.0. So the stored object has ONE method,
 * `configure`. The dynamic-provider host deserializes the text once per process and calls
 * `configure` on that very object before any other method (every host since `configure` exists,
 * 3.139; the peer range starts at 3.216), and caches the object as soon as it is made — so
 * `configure` copies the other methods onto it synchronously, before its first `await`, and a
 * concurrent RPC that finds the object in the cache finds them too.
 *
 * PERMANENT PROMISE (every state ever written runs its stored text): the module
 * "pulumi-tencentcloud-organization/dist/lifecycle" exists in every future version and exports
 * `configure`, `check`, `diff`, `create`, `read`, `update` and `delete` with the dynamic-provider
 * signatures. 0.1.0 shims (test/provider/fixtures/provider-0.1.0.txt) call all seven through it;
 * this one calls `configure` and copies the other six. If the implementation moves, keep
 * dist/lifecycle (provider/lifecycle.ts) as a module that re-exports those seven.
 *
 * Credentials are read by `configure` from the stack config at call time, never captured here.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * The dynamic provider of OrganizationMember. Only `configure` exists until the host calls it;
 * then it has every method of `dynamic.ResourceProvider` the implementation offers.
 */
export const organizationMemberProvider = {
  // One line, no comment inside, short names: the compiled text is what is stored, twice per member.
  // biome-ignore format: one line is what the engine stores, twice per resource
  configure(req: dynamic.ConfigureRequest): Promise<void> { const l = require("pulumi-tencentcloud-organization/dist/lifecycle"); for (const m of ["check", "diff", "create", "read", "update", "delete"]) (this as Record<string, unknown>)[m] = l[m]; return l.configure(req); },
} as unknown as dynamic.ResourceProvider;

/**
 * The dynamic provider of OrganizationNode: the same one-method pattern. PERMANENT PROMISE, as for
 * members: "pulumi-tencentcloud-organization/dist/nodeLifecycle" (provider/nodeLifecycle.ts) exists
 * in every future version and exports the seven dynamic-provider methods.
 */
export const organizationNodeProvider = {
  // biome-ignore format: one line is what the engine stores, twice per resource
  configure(req: dynamic.ConfigureRequest): Promise<void> { const l = require("pulumi-tencentcloud-organization/dist/nodeLifecycle"); for (const m of ["check", "diff", "create", "read", "update", "delete"]) (this as Record<string, unknown>)[m] = l[m]; return l.configure(req); },
} as unknown as dynamic.ResourceProvider;

/**
 * The dynamic providers of governance, the same one-method pattern. PERMANENT PROMISE, as above:
 * "pulumi-tencentcloud-organization/dist/policyLifecycle", ".../dist/policyAttachmentLifecycle" and
 * ".../dist/policyTypeLifecycle" exist in every future version and export the seven methods.
 */
export const organizationPolicyProvider = {
  // biome-ignore format: one line is what the engine stores, twice per resource
  configure(req: dynamic.ConfigureRequest): Promise<void> { const l = require("pulumi-tencentcloud-organization/dist/policyLifecycle"); for (const m of ["check", "diff", "create", "read", "update", "delete"]) (this as Record<string, unknown>)[m] = l[m]; return l.configure(req); },
} as unknown as dynamic.ResourceProvider;

export const organizationPolicyAttachmentProvider = {
  // biome-ignore format: one line is what the engine stores, twice per resource
  configure(req: dynamic.ConfigureRequest): Promise<void> { const l = require("pulumi-tencentcloud-organization/dist/policyAttachmentLifecycle"); for (const m of ["check", "diff", "create", "read", "update", "delete"]) (this as Record<string, unknown>)[m] = l[m]; return l.configure(req); },
} as unknown as dynamic.ResourceProvider;

export const organizationPolicyTypeProvider = {
  // biome-ignore format: one line is what the engine stores, twice per resource
  configure(req: dynamic.ConfigureRequest): Promise<void> { const l = require("pulumi-tencentcloud-organization/dist/policyTypeLifecycle"); for (const m of ["check", "diff", "create", "read", "update", "delete"]) (this as Record<string, unknown>)[m] = l[m]; return l.configure(req); },
} as unknown as dynamic.ResourceProvider;
