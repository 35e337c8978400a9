import { ProviderError } from "./ProviderError";

/** What STS answered when a role could not be assumed. */
export interface RoleRefusal {
  /** The role the settings name. */
  roleArn: string;
  /** `AssumeRole` or `AssumeRoleWithWebIdentity`. */
  action: string;
  /** Tencent's code. */
  code: string;
  /** Tencent's message, already scrubbed of credentials and tokens. */
  apiMessage: string;
  requestId?: string;
  /** What to fix, naming the config key or environment variable it came from. */
  hint: string;
}

/**
 * Base of the refusals to hand out a role's temporary credential (credentials.ts): the role as
 * named cannot be assumed, the OIDC token is refused, or CAM denies the assumption. Never retried:
 * the answer stands until someone changes the settings, the role or the token.
 */
export class RoleCredentialError extends ProviderError {
  override name = "RoleCredentialError";
  readonly roleArn: string;
  /** The STS action that refused. */
  readonly action: string;
  declare readonly code: string;

  constructor(refusal: RoleRefusal, what: string) {
    super({
      summary: `${refusal.action} of role ${refusal.roleArn} failed: ${what} (${refusal.code}: ${refusal.apiMessage.replace(/[.\s]+$/, "")})`,
      code: refusal.code,
      requestId: refusal.requestId,
      hint: refusal.hint,
    });
    this.roleArn = refusal.roleArn;
    this.action = refusal.action;
  }
}
