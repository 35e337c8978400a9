/**
 * Bringing members that already exist under Pulumi:
 *  - `adopt`: manage an existing member by UIN (`adoptMemberUin`). No account is created; the
 *    declared name, department, permissions and tags are applied to it from now on.
 *    (`pulumi import` cannot reach dynamic providers, hence this input.)
 *  - `lookup`: read a member by name with `getOrganizationMember`, without managing it, e.g. to
 *    use its UIN elsewhere.
 *
 * Config (namespace `tencentcloud-organization-adoption`):
 *   adopt   {memberUin, name, nodeId, permissionIds, tags?, deletionPolicy?}  (required)
 *   lookup  a member name to look up                                        (optional)
 */
import * as pulumi from "@pulumi/pulumi";
import { getOrganizationMember, OrganizationMember, type DeletionPolicy } from "pulumi-tencentcloud-organization";

/** The member to adopt and the values to hold it to. */
interface AdoptedMember {
  memberUin: number;
  name: string;
  nodeId: number;
  permissionIds: number[];
  tags?: Record<string, string>;
  deletionPolicy?: DeletionPolicy;
}

export = async () => {
  const config = new pulumi.Config();
  const adopt = config.requireObject<AdoptedMember>("adopt");

  // Fail early with a clear message rather than at `up`: the member must exist.
  const existing = await getOrganizationMember({ memberUin: adopt.memberUin });
  if (!existing) {
    throw new Error(`no member ${adopt.memberUin} in the organization: check the "adopt.memberUin" config value`);
  }

  const adopted = new OrganizationMember("adopted", {
    adoptMemberUin: adopt.memberUin,
    name: adopt.name,
    nodeId: adopt.nodeId,
    permissionIds: adopt.permissionIds,
    tags: adopt.tags ?? {},
    // "retain" unless the config says otherwise: destroy then only drops the member from the
    // stack. An adopted member is usually invited, so "removeFromOrganization" can let it go.
    deletionPolicy: adopt.deletionPolicy ?? "retain",
  });

  const lookupName = config.get("lookup");
  const lookedUp = lookupName ? await getOrganizationMember({ name: lookupName }) : undefined;

  return {
    adopted: {
      memberUin: adopted.memberUin,
      name: adopted.name,
      memberType: adopted.memberType,
      nodeName: adopted.nodeName,
      permissionIds: adopted.permissionIds,
      tags: adopted.tags,
      nameBeforeAdoption: existing.name,
    },
    ...(lookupName
      ? {
          lookup: lookedUp
            ? { memberUin: lookedUp.memberUin, name: lookedUp.name, nodeName: lookedUp.nodeName, memberType: lookedUp.memberType }
            : `no member named "${lookupName}"`,
        }
      : {}),
  };
};
