/**
 * What every resource class (`OrganizationMember`, `OrganizationNode`, …) hands the engine.
 */
import * as pulumi from "@pulumi/pulumi";
import { declaredOwnerMarker } from "../core/ownership";

/**
 * The props of a new resource: every output listed as undefined, then the declared inputs, then —
 * unless the program reads an existing object with `get` (`opts.id`) — the ownership marker that
 * identifies this resource (project/stack/name; see core/ownership.ts).
 *
 * Pulumi creates an output property only for keys present in props, so every output is listed;
 * otherwise an output of a resource declared without that input, or any field of `get`, would
 * never resolve.
 */
export function resourceProps(
  name: string,
  outputs: Readonly<Record<string, undefined>>,
  args: object,
  opts: pulumi.CustomResourceOptions | undefined,
): Record<string, unknown> {
  return opts?.id
    ? { ...outputs, ...args }
    : { ...outputs, ...args, ownerMarker: declaredOwnerMarker(pulumi.getProject(), pulumi.getStack(), name) };
}

/**
 * The base of every resource class of this package: a dynamic resource of module `tencentcloud`,
 * constructed with the stack traces Pulumi captures switched off.
 *
 * Why: the SDK tags every promise it makes with `new Error().stack` for its report of leaked
 * promises (runtime/debuggable.ts): two or three per property, and a member has 27. Under source
 * maps — how TypeScript programs run (ts-node, tsx, source-map-support) — formatting each trace
 * maps every frame, and a program builds its resources synchronously before the first
 * registration leaves, so that time delays every `up` and `preview` (measured: bench/REPORT.md,
 * "Where the time goes"). Those traces would show only the SDK's own frames
 * (transferProperties), never the program's line; the leak report keeps each promise's context.
 * An error thrown meanwhile gets the trace of the constructor it surfaces from.
 */
export abstract class TencentResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    type: string,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(provider, name, props, opts, "tencentcloud", type);
    } catch (error) {
      Error.stackTraceLimit = limit;
      if (error instanceof Error) Error.captureStackTrace(error);
      throw error;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
