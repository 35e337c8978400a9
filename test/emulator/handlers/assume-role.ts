/**
 * AssumeRole: temporary credentials of a role, for a key its trust policy names (sts.ts).
 */
import { defineHandler, STS_VERSION } from "./handler";

/** AssumeRole (sts 2018-08-13). */
export const assumeRole = defineHandler({
  version: STS_VERSION,
  service: "sts",
  action: "AssumeRole",
  // The Node SDK 4.1.313 AssumeRoleRequest; Tags (session tags, {Key, Value}) is not modelled and answers UnknownParameter.
  params: {
    RoleArn: { type: "string", required: true },
    RoleSessionName: { type: "string", required: true },
    DurationSeconds: { type: "integer", required: false },
    Policy: { type: "string", required: false },
    ExternalId: { type: "string", required: false },
    SourceIdentity: { type: "string", required: false },
    SerialNumber: { type: "string", required: false },
    TokenCode: { type: "string", required: false },
  } as const,
  // The signature check ran first, so a signed request always has its caller.
  handle: (p, { sts, callerSecretId }) => sts.assumeRole(callerSecretId ?? "", p),
});
