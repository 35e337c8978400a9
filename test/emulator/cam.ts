/**
 * CAM allow-lists, one syntax for everything that carries one: a key pair (`setAllowedActions`), a
 * role (`sts.ts`) and the session policy an AssumeRole call narrows a role with. An entry is
 * `service:Action`, `service:*` or `*`, as the `action` list of a CAM policy statement.
 */

/** The products whose actions the emulator serves, as CAM prefixes them. */
export const CAM_SERVICES = ["organization", "tag", "sts"] as const;

/** A product the emulator serves. */
export type CamService = (typeof CAM_SERVICES)[number];

const ENTRY = new RegExp(`^(\\*|(${CAM_SERVICES.join("|")}):(\\*|[A-Z][A-Za-z]+))$`);

/**
 * The entries of an allow-list, checked.
 * @param owner - what carries the list, for the message ("SecretId AKID…", "role qcs::cam::…")
 * @throws Error naming the first malformed entry
 */
export function checkAllowList(actions: unknown, owner: string): string[] {
  if (!Array.isArray(actions)) throw new Error(`the allowed actions of ${owner} must be an array of strings`);
  for (const entry of actions) {
    if (typeof entry !== "string" || !ENTRY.test(entry)) {
      throw new Error(
        `allowed action ${JSON.stringify(entry)} of ${owner} is not ` +
          `${CAM_SERVICES.map((service) => `"${service}:<Action>"`).join(", ")}, "<service>:*" or "*"`,
      );
    }
  }
  return [...actions];
}

/** True when an entry of `allowList` grants `cam` ("organization:CreateOrganizationMember"). */
export function permits(allowList: readonly string[], cam: string): boolean {
  const service = cam.slice(0, cam.indexOf(":"));
  return allowList.some((entry) => entry === "*" || entry === cam || entry === `${service}:*`);
}
