/**
 * AssumeRoleWithWebIdentity: temporary credentials of a role for an OIDC token its trust policy
 * accepts (sts.ts). Unsigned: "Authorization 需要传入值 SKIP" (Go SDK client.go).
 */
import { defineHandler, STS_VERSION } from "./handler";

/** AssumeRoleWithWebIdentity (sts 2018-08-13). */
export const assumeRoleWithWebIdentity = defineHandler({
  version: STS_VERSION,
  service: "sts",
  unsigned: true,
  action: "AssumeRoleWithWebIdentity",
  params: {
    ProviderId: { type: "string", required: true },
    WebIdentityToken: { type: "string", required: true },
    RoleArn: { type: "string", required: true },
    RoleSessionName: { type: "string", required: true },
    DurationSeconds: { type: "integer", required: false },
  } as const,
  handle: (p, { sts }) => sts.assumeRoleWithWebIdentity(p),
});
