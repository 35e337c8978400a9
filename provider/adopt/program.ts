/**
 * The files `adopt` writes besides the data file: the Pulumi project (`Pulumi.yaml`, `index.ts`,
 * and `package.json` and `tsconfig.json` when the folder has none), the import file, and `ADOPTION.md`, which says what
 * was declared, what was left out and why, and what could not be read back. Pure: the same plan
 * gives the same bytes (no dates, no absolute paths).
 */
import type { AdoptionPlan } from "./plan";
import type { InventorySource } from "./inventory";

/** One file to write, relative to the output folder. */
export interface GeneratedFile {
  path: string;
  text: string;
  /** Written only when the folder has no such file (a project's own package.json is kept). */
  onlyIfAbsent?: boolean;
}

/** Names the generated project needs. */
export interface ProjectNames {
  /** The Pulumi project name (Pulumi.yaml). */
  project: string;
  /** The stack the import file is for. */
  stack: string;
  /** This package's version, for the dependency in package.json. */
  packageVersion: string;
}

/** The data file the program reads. */
export const DATA_FILE = "organization.json";
/** The import file. */
export const IMPORT_FILE = "import.json";

/**
 * The program. It declares exactly what the data file holds; the file's order (a parent before its
 * children) lets each department's `nodeId` output exist when a child or a member names it by key.
 */
export const PROGRAM_TEXT = `/**
 * The organization's departments and members, declared from ${DATA_FILE} (written by
 * \`tencentcloud-organization adopt\`). Each entry with adoptNodeId / adoptMemberUin manages an object
 * that already exists; entries without them are created. Keep an entry's \`key\`: it is the resource's
 * name, so a new name with the same key is an in-place rename.
 *
 * Config: \`organizationFile\` — the data file, relative to this folder. @default "${DATA_FILE}"
 */
import * as pulumi from "@pulumi/pulumi";
import { resolve } from "node:path";
import { loadOrganizationFile, OrganizationMember, OrganizationNode } from "pulumi-tencentcloud-organization";

export = async () => {
  const config = new pulumi.Config();
  const organization = loadOrganizationFile(resolve(__dirname, config.get("organizationFile") ?? "${DATA_FILE}"));

  // A department names its parent by key (declared above it in the file) or by id (the root, or a
  // department this program does not declare); a member names its department the same way.
  const nodeIds: Record<string, pulumi.Output<number>> = {};
  const nodeIdOf = (key: string | undefined, id: number | undefined): pulumi.Input<number> =>
    key === undefined ? (id as number) : nodeIds[key];

  for (const { key, parent, parentNodeId, ...department } of organization.departments) {
    nodeIds[key] = new OrganizationNode(key, { ...department, parentNodeId: nodeIdOf(parent, parentNodeId) }).nodeId;
  }
  const memberUins: Record<string, pulumi.Output<number>> = {};
  for (const { key, department, nodeId, ...member } of organization.members) {
    memberUins[key] = new OrganizationMember(key, { ...member, nodeId: nodeIdOf(department, nodeId) }).memberUin;
  }
  return { departments: nodeIds, members: memberUins };
};
`;

/** The TypeScript settings of the program (Pulumi's templates' own). */
export const TSCONFIG_TEXT = `${JSON.stringify(
  {
    compilerOptions: {
      strict: true,
      target: "es2020",
      module: "commonjs",
      moduleResolution: "node",
      esModuleInterop: true,
      skipLibCheck: true,
      sourceMap: true,
    },
    files: ["index.ts"],
  },
  null,
  2,
)}\n`;

/** Every file of the project, data and import files given. */
export function projectFiles(
  plan: AdoptionPlan,
  source: InventorySource,
  names: ProjectNames,
  data: string,
  imports: string,
): GeneratedFile[] {
  return [
    { path: "Pulumi.yaml", text: pulumiYaml(names.project, source) },
    { path: "index.ts", text: PROGRAM_TEXT },
    { path: DATA_FILE, text: data },
    { path: IMPORT_FILE, text: imports },
    { path: "ADOPTION.md", text: adoptionReport(plan, source, names) },
    { path: "package.json", text: packageJson(names), onlyIfAbsent: true },
    { path: "tsconfig.json", text: TSCONFIG_TEXT, onlyIfAbsent: true },
  ];
}

function sourceText(source: InventorySource): string {
  return source.kind === "tencent" ? "the live organization" : `the Terraform state ${baseName(source.file)}`;
}

function pulumiYaml(project: string, source: InventorySource): string {
  return [
    `name: ${project}`,
    `description: Tencent Cloud Organization departments and members, adopted from ${sourceText(source)} by tencentcloud-organization adopt.`,
    "runtime: nodejs",
    "",
  ].join("\n");
}

function packageJson(names: ProjectNames): string {
  const manifest = {
    name: names.project,
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": ">=3.216.0 <4", "pulumi-tencentcloud-organization": `^${names.packageVersion}` },
    devDependencies: { "@types/node": "^20.11.0", typescript: "~5.9.0" },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * What cannot be read back, and why none of it changes anything on the first `up`: one list, for
 * ADOPTION.md and for docs/guides/adoption.md.
 */
export const NOT_READ_BACK: readonly { value: string; why: string }[] = [
  {
    value: "accountName",
    why:
      "Tencent reports a member's nickname, not the account name it was created with. It is not declared: the provider " +
      "then records the member's name, and never changes the account of an adopted member (a different accountName would " +
      "mean a new account, and the preview would say so).",
  },
  {
    value: "authRelationId",
    why: "DescribeOrganizationMembers does not report a member's verified-entity relation. Not declared: an undeclared value is no change.",
  },
  {
    value: "recordId",
    why: "only resumes a creation that failed; the members exist. Not declared.",
  },
  {
    value: "permissions waiting for an invited member's confirmation",
    why:
      "Tencent reports the permissions in force until the member confirms; those are declared, so the first up asks for nothing " +
      "(ADOPTION.md names each such member).",
  },
  {
    value: "identityRoleIds (from a Terraform state)",
    why: "the Terraform resource has no identities attribute. Not declared, so the provider leaves identities unmanaged.",
  },
];

function adoptionReport(plan: AdoptionPlan, source: InventorySource, names: ProjectNames): string {
  const lines = [
    "# Adopted organization",
    "",
    `Written by \`tencentcloud-organization adopt\` from ${sourceText(source)}: ${plan.departments.length} departments and ` +
      `${plan.members.length} members in \`${DATA_FILE}\`, each adopting the object that exists (\`adoptNodeId\`, ` +
      '`adoptMemberUin`) with the values it has now, and `deletionPolicy: "retain"`: `pulumi destroy` only forgets them.',
    "",
    "## Next",
    "",
    "```sh",
    `pulumi stack init ${names.stack}`,
    "pulumi up --yes                                # adopts everything, changes nothing at Tencent",
    "pulumi preview --refresh --expect-no-changes",
    "```",
    "",
    `Or, instead of \`pulumi up\`, record the same state without any call to Tencent (Pulumi CLI 3.254 or later; ` +
      `\`${IMPORT_FILE}\` is for stack \`${names.stack}\` of project \`${names.project}\`):`,
    "",
    "```sh",
    `pulumi import --file ${IMPORT_FILE} --generate-code=false --yes`,
    "```",
    "",
    "Imported resources are protected: `pulumi state unprotect --all --yes` before a `pulumi destroy`.",
    "",
  ];
  lines.push(`## Left out (${plan.leftOut.length})`, "");
  if (plan.leftOut.length === 0) lines.push("Nothing: every department and member in scope is declared.", "");
  else {
    lines.push("| kind | id | name | why |", "|---|---|---|---|");
    for (const o of plan.leftOut)
      lines.push(`| ${o.kind} | ${o.id} | ${o.name.replace(/\|/g, "\\|")} | ${o.reason.replace(/\|/g, "\\|")} |`);
    lines.push("");
  }
  if (plan.notes.length > 0) lines.push("## Notes", "", ...plan.notes.map((n) => `- ${n}`), "");
  lines.push("## Not read back", "", ...NOT_READ_BACK.map((n) => `- **${n.value}**: ${n.why}`), "");
  return lines.join("\n");
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
