import { type RoleRefusal, RoleCredentialError } from "./RoleCredentialError";

/** AssumeRoleWithWebIdentity refused the OIDC token: expired, malformed, or not issued by the named identity provider. */
export class WebIdentityTokenError extends RoleCredentialError {
  override name = "WebIdentityTokenError";
  constructor(refusal: RoleRefusal) {
    super(refusal, "the OIDC token is expired or invalid");
  }
}
