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
