import { type RoleRefusal, RoleCredentialError } from "./RoleCredentialError";

/**
 * CAM denied the assumption: the key pair's policy lacks `sts:AssumeRole`, or the role's trust
 * policy does not name the caller (the key's user, or the OIDC provider for
 * `sts:AssumeRoleWithWebIdentity`). Tencent answers both with UnauthorizedOperation.
 */
export class AssumeRoleDeniedError extends RoleCredentialError {
  override name = "AssumeRoleDeniedError";
  /** The CAM action denied: `sts:AssumeRole` or `sts:AssumeRoleWithWebIdentity`. */
  readonly camAction: string;
  constructor(refusal: RoleRefusal & { camAction: string }) {
    super(refusal, `${refusal.camAction} is not allowed`);
    this.camAction = refusal.camAction;
  }
}
