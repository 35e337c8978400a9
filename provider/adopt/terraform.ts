/**
 * Reads a Terraform state (format version 4, what Terraform 0.12 and later write) holding the
 * TencentCloud provider's `tencentcloud_organization_org_member` and `tencentcloud_organization_org_node`
 * resources into an inventory, so a team moves from Terraform without a call to Tencent. Pure.
 *
 * Every attribute of both resources (terraform-provider-tencentcloud,
 * tencentcloud/services/tco/resource_tc_organization_org_{member,node}.go) is in TERRAFORM_ATTRIBUTES
 * with the input it becomes, or why it is not carried. The state holds what Terraform last read:
 * run `terraform apply -refresh-only` (or `terraform plan`) first, or the first `pulumi up` brings
 * Tencent back to the values the state remembers — `pulumi preview` shows any such difference first.
 */
import type { ReportedMember, ReportedNode } from "../api/model";
import { AdoptionError } from "../core/errors/AdoptionError";
import type { Tags } from "../core/tags";
import type { Inventory } from "./inventory";

/** The Terraform resource types read, by the kind of object. */
export const TERRAFORM_TYPES = {
  member: "tencentcloud_organization_org_member",
  department: "tencentcloud_organization_org_node",
} as const;

/** The format version of the state files read. */
export const TERRAFORM_STATE_VERSION = 4;

/** What becomes of one Terraform attribute. */
export interface AttributeMapping {
  resource: (typeof TERRAFORM_TYPES)[keyof typeof TERRAFORM_TYPES];
  attribute: string;
  /** The input (or, for computed attributes, the output) it becomes. */
  becomes?: string;
  /** Why it is not carried. */
  notCarried?: string;
}

const MEMBER = TERRAFORM_TYPES.member;
const NODE = TERRAFORM_TYPES.department;

/** Every attribute of both resources, and what becomes of it (docs/guides/adoption.md prints this table). */
export const TERRAFORM_ATTRIBUTES: readonly AttributeMapping[] = [
  { resource: MEMBER, attribute: "id", becomes: "adoptMemberUin (the member's UIN)" },
  { resource: MEMBER, attribute: "name", becomes: "name" },
  { resource: MEMBER, attribute: "policy_type", becomes: "policyType (Financial, the only value; left to its default)" },
  { resource: MEMBER, attribute: "permission_ids", becomes: "permissionIds" },
  { resource: MEMBER, attribute: "node_id", becomes: "nodeId (by key when the department is in the state too)" },
  { resource: MEMBER, attribute: "remark", becomes: "remark" },
  { resource: MEMBER, attribute: "pay_uin", becomes: "payUin" },
  { resource: MEMBER, attribute: "tags", becomes: "tags" },
  { resource: MEMBER, attribute: "is_allow_quit", becomes: "isAllowQuit (Allow → true, Denied → false)" },
  {
    resource: MEMBER,
    attribute: "force_delete_account",
    notCarried:
      "deletionPolicy is always retain: the adoption never deletes or removes anything by itself (choose deleteAccount or removeFromOrganization in the file once adopted)",
  },
  {
    resource: MEMBER,
    attribute: "record_id",
    notCarried: "it only resumes a creation that failed; the member exists",
  },
  {
    resource: MEMBER,
    attribute: "is_modify_nick_name",
    notCarried: "it only acts when a name changes; the provider never renames an adopted member's account",
  },
  { resource: MEMBER, attribute: "node_name", becomes: "output nodeName" },
  { resource: MEMBER, attribute: "member_type", becomes: "output memberType" },
  { resource: MEMBER, attribute: "org_policy_name", becomes: "output orgPolicyName" },
  { resource: MEMBER, attribute: "org_permission", becomes: "output orgPermissions" },
  { resource: MEMBER, attribute: "pay_name", becomes: "output payName" },
  { resource: MEMBER, attribute: "create_time", becomes: "output createTime" },
  { resource: MEMBER, attribute: "update_time", becomes: "output updateTime" },
  { resource: NODE, attribute: "id", becomes: "adoptNodeId (the department's id)" },
  { resource: NODE, attribute: "name", becomes: "name" },
  { resource: NODE, attribute: "parent_node_id", becomes: "parentNodeId (by key when the parent is in the state too)" },
  { resource: NODE, attribute: "remark", becomes: "remark" },
  { resource: NODE, attribute: "tags", becomes: "tags" },
  { resource: NODE, attribute: "create_time", becomes: "output createTime" },
  { resource: NODE, attribute: "update_time", becomes: "output updateTime" },
];

/** A resource instance of the state, as far as this reads it. */
interface StateInstance {
  index_key?: string | number;
  attributes?: Record<string, unknown>;
}

/** A resource block of the state. */
interface StateResource {
  module?: string;
  mode?: string;
  type?: string;
  name?: string;
  instances?: StateInstance[];
}

/**
 * The inventory a Terraform state holds.
 * @param file - the name used in messages
 * @throws AdoptionError for a file that is not a version-4 Terraform state holding these resources, listing every bad instance
 */
export function inventoryFromTerraform(text: string, file: string): Inventory {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AdoptionError(`${file} is not JSON (${(error as Error).message})`, TERRAFORM_HINT);
  }
  const state = isObject(document) ? document : {};
  if (isObject(state.deployment)) {
    throw new AdoptionError(`${file} is an exported Pulumi stack, not a Terraform state`, "give exported stacks with --exclude-state.");
  }
  if (typeof state.terraform_version !== "string")
    throw new AdoptionError(`${file} is not a Terraform state (it has no "terraform_version")`, TERRAFORM_HINT);
  if (state.version !== TERRAFORM_STATE_VERSION) {
    throw new AdoptionError(
      `${file} is a Terraform state of format version ${JSON.stringify(state.version)}; version ${TERRAFORM_STATE_VERSION} is read`,
      "run any `terraform plan` with Terraform 0.12 or later, which rewrites the state in version 4, then try again.",
    );
  }
  const resources = (Array.isArray(state.resources) ? state.resources : []).filter(isObject) as StateResource[];
  const problems: string[] = [];
  const instancesOf = (type: string) =>
    resources
      .filter((r) => r.mode === "managed" && r.type === type)
      .flatMap((r) => (r.instances ?? []).map((instance) => ({ address: addressOf(r, instance), attributes: instance.attributes ?? {} })));

  const departments = instancesOf(NODE).flatMap(({ address, attributes }): ReportedNode[] => {
    const a = new Attributes(attributes, address, problems);
    const nodeId = a.id();
    const name = a.text("name", true);
    const parentNodeId = a.integer("parent_node_id");
    if (nodeId === undefined || name === undefined || parentNodeId === undefined) return [];
    return [
      {
        nodeId,
        name,
        parentNodeId,
        remark: a.text("remark") ?? "",
        tags: a.tags(),
        createTime: a.text("create_time") ?? "",
        updateTime: a.text("update_time") ?? "",
      },
    ];
  });

  const members = instancesOf(MEMBER).flatMap(({ address, attributes }): ReportedMember[] => {
    const a = new Attributes(attributes, address, problems);
    const memberUin = a.id();
    const name = a.text("name", true);
    const nodeId = a.integer("node_id");
    const permissionIds = a.integers("permission_ids");
    if (memberUin === undefined || name === undefined || nodeId === undefined || permissionIds === undefined) return [];
    const permissionNames = new Map(a.permissionNames().map((p) => [p.id, p.name]));
    return [
      {
        memberUin,
        name,
        nickName: "",
        nodeId,
        nodeName: a.text("node_name") ?? "",
        remark: a.text("remark") ?? "",
        payUin: a.text("pay_uin") ?? "",
        payName: a.text("pay_name") ?? "",
        memberType: a.text("member_type") ?? "",
        orgPolicyName: a.text("org_policy_name") ?? "",
        permissions: [...new Set(permissionIds)].sort((x, y) => x - y).map((id) => ({ id, name: permissionNames.get(id) ?? "" })),
        identities: [],
        tags: a.tags(),
        isAllowQuit: a.text("is_allow_quit") === "Allow",
        bindStatus: "",
        permissionStatus: "",
        permissionChangePending: false,
        createTime: a.text("create_time") ?? "",
        updateTime: a.text("update_time") ?? "",
      },
    ];
  });

  if (problems.length > 0) throw new AdoptionError(`${file} holds ${problems.length} instance(s) that cannot be read`, undefined, problems);
  if (departments.length === 0 && members.length === 0) {
    throw new AdoptionError(
      `${file} holds no ${MEMBER} or ${NODE} resource`,
      "give the state of the Terraform configuration that manages the organization's members and departments.",
    );
  }
  return { source: { kind: "terraform", file }, departments, members, identitiesKnown: false };
}

const TERRAFORM_HINT = "give the terraform.tfstate file (or `terraform state pull > terraform.tfstate` for a remote backend).";

/** `module.org.tencentcloud_organization_org_member.alice["x"]`: how Terraform names an instance. */
function addressOf(resource: StateResource, instance: StateInstance): string {
  const index = instance.index_key === undefined ? "" : `[${JSON.stringify(instance.index_key)}]`;
  return `${resource.module ? `${resource.module}.` : ""}${resource.type}.${resource.name}${index}`;
}

/** Typed reads of one instance's attributes; each problem names the instance and attribute. */
class Attributes {
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly address: string,
    private readonly problems: string[],
  ) {}

  private problem(attribute: string, what: string): undefined {
    this.problems.push(`${this.address}: ${attribute} ${what}, got ${JSON.stringify(this.values[attribute])}`);
    return undefined;
  }

  /** The resource id: Terraform keeps it as text. */
  id(): number | undefined {
    const raw = this.values.id;
    const id = typeof raw === "string" && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : typeof raw === "number" ? raw : undefined;
    return id !== undefined && Number.isSafeInteger(id) && id > 0 ? id : this.problem("id", "must be the object's numeric id");
  }

  text(attribute: string, required = false): string | undefined {
    const value = this.values[attribute];
    if (typeof value === "string" && (value !== "" || !required)) return value;
    return value === undefined || value === null
      ? required
        ? this.problem(attribute, "is required")
        : undefined
      : this.problem(attribute, "must be text");
  }

  integer(attribute: string): number | undefined {
    const value = this.values[attribute];
    return typeof value === "number" && Number.isSafeInteger(value) ? value : this.problem(attribute, "must be an integer");
  }

  integers(attribute: string): number[] | undefined {
    const value = this.values[attribute];
    return Array.isArray(value) && value.every((n) => Number.isSafeInteger(n))
      ? (value as number[])
      : this.problem(attribute, "must be a list of integers");
  }

  tags(): Tags {
    const value = this.values.tags;
    if (value === undefined || value === null) return {};
    if (isObject(value) && Object.values(value).every((v) => typeof v === "string")) return value as Tags;
    this.problem("tags", "must map tag keys to text");
    return {};
  }

  permissionNames(): { id: number; name: string }[] {
    const value = this.values.org_permission;
    return Array.isArray(value)
      ? value.filter(isObject).flatMap((p) => (typeof p.id === "number" && typeof p.name === "string" ? [{ id: p.id, name: p.name }] : []))
      : [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
