/**
 * The organization rules policy pack: the module `@pulumi/pulumi/cmd/run-policy-pack` loads when
 * the CLI starts the pack (through `pulumi-analyzer-policy` beside PulumiPolicy.yaml, in the
 * package's `policypack/` folder). Constructing the PolicyPack starts its gRPC server, so nothing
 * else imports this module; the rules are in rules/, their wiring in policies.ts.
 */
import { PolicyPack } from "@pulumi/policy";
import { DEFAULT_ENFORCEMENT_LEVEL, POLICIES, POLICY_PACK_NAME } from "./policies";

// @pulumi/policy reads the pack's version from ./package.json of the working directory, which the
// executable sets to the package's root: the pack's version is the provider's.
new PolicyPack(POLICY_PACK_NAME, { policies: POLICIES, enforcementLevel: DEFAULT_ENFORCEMENT_LEVEL });
