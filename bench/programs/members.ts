/**
 * Benchmark program: `count` OrganizationMembers (names `<prefix>m<i>`) in one seed department.
 * Config `shim: legacy` stores the 0.1.0 provider shim instead of today's, for the state-size
 * before/after (the same seven forwarders 0.1.0 serialized; see provider/shim.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { OrganizationMember } from "pulumi-tencentcloud-organization";

// The 0.1.0 shim, verbatim: seven methods forwarding by name to the permanent module.
const f = (m: string, a: unknown[]) => require("pulumi-tencentcloud-organization/dist/lifecycle")[m](...a);
const legacyShim = {
  configure: (...a: unknown[]) => f("configure", a),
  check: (...a: unknown[]) => f("check", a),
  diff: (...a: unknown[]) => f("diff", a),
  create: (...a: unknown[]) => f("create", a),
  read: (...a: unknown[]) => f("read", a),
  update: (...a: unknown[]) => f("update", a),
  delete: (...a: unknown[]) => f("delete", a),
};

export = async () => {
  const config = new pulumi.Config();
  const count = config.requireNumber("count");
  const prefix = config.get("prefix") ?? "";
  if (config.get("shim") === "legacy") {
    // resource.js reads this export at construction time; bench-only substitution.
    (require("pulumi-tencentcloud-organization/dist/shim") as Record<string, unknown>).organizationMemberProvider = legacyShim;
  }
  for (let i = 0; i < count; i++) {
    new OrganizationMember(`m${i}`, { name: `${prefix}m${i}`, nodeId: 100001, permissionIds: [1, 2] });
  }
};
