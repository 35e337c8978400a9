/**
 * Read-only checks against real Tencent Cloud. They run only when TENCENTCLOUD_SECRET_ID (and
 * TENCENTCLOUD_SECRET_KEY) are set and TENCENTCLOUD_ENDPOINT_URL is not; they create nothing.
 */
import { describe, expect, it } from "vitest";
import * as lifecycle from "../../provider/lifecycle";
import { parseProfileFile, resolveSettings } from "../../provider/api/settings";

const real = Boolean(process.env.TENCENTCLOUD_SECRET_ID) && !process.env.TENCENTCLOUD_ENDPOINT_URL;
if (!real) {
  console.log("real Tencent Cloud tests skipped: TENCENTCLOUD_SECRET_ID is not set (or TENCENTCLOUD_ENDPOINT_URL points elsewhere)");
}

describe.skipIf(!real)("against real Tencent Cloud (read-only)", () => {
  it("lists the organization's members with the configured credential", async () => {
    lifecycle.useSettings(resolveSettings(() => undefined, process.env, (p) => parseProfileFile("", p)));
    const result = await lifecycle.lookup({ name: "a-member-name-that-does-not-exist-0" });
    expect(result).toBeUndefined();
  });
});
