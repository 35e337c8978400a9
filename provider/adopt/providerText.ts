/**
 * The serialized providers (`__provider`) an import file carries: the same text a program's
 * OrganizationMember and OrganizationNode store, made the same way @pulumi/pulumi's dynamic
 * `Resource` makes it — the closure serializer over `() => provider` (the captured variable's name
 * is part of the text). @pulumi/pulumi is the package's peer dependency, loaded only here.
 */
import { organizationMemberProvider, organizationNodeProvider } from "../shim";

/** The `__provider` texts of members and departments. */
export async function serializedProviders(): Promise<{ member: string; department: string }> {
  const { runtime } = await import("@pulumi/pulumi");
  const serialize = async (provider: unknown) => (await runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
  const [member, department] = await Promise.all([serialize(organizationMemberProvider), serialize(organizationNodeProvider)]);
  return { member, department };
}
