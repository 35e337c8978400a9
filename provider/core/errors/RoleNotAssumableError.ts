import { type RoleRefusal, RoleCredentialError } from "./RoleCredentialError";

/** The role the settings name cannot be assumed: the account has no such role, or Tencent refuses it as a role. */
export class RoleNotAssumableError extends RoleCredentialError {
  override name = "RoleNotAssumableError";
  constructor(refusal: RoleRefusal) {
    super(refusal, "the role cannot be assumed");
  }
}
