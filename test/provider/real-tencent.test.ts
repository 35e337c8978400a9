/**
 * Read-only checks against real Tencent Cloud. They run only when TENCENTCLOUD_SECRET_ID (and
 * TENCENTCLOUD_SECRET_KEY) are set and TENCENTCLOUD_ENDPOINT_URL is not; they create nothing.
 */
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../provider/api/call/settings";
import { MemberLifecycle } from "../../provider/member/lifecycle";

const real = Boolean(process.env.TENCENTCLOUD_SECRET_ID) && !process.env.TENCENTCLOUD_ENDPOINT_URL;
if (!real) {
  console.log("real Tencent Cloud tests skipped: TENCENTCLOUD_SECRET_ID is not set (or TENCENTCLOUD_ENDPOINT_URL points elsewhere)");
}

describe.skipIf(!real)("against real Tencent Cloud (read-only)", () => {
  it("lists the organization's members with the configured credential", async () => {
    // Environment and profile file, as the provider process reads them when the stack config has no credential.
    const provider = MemberLifecycle.fromSettings(loadSettings(() => undefined));
    const result = await provider.lookup({ name: "a-member-name-that-does-not-exist-0" });
    expect(result).toBeUndefined();
  });
});
