import { describe, expect, it } from "vitest";
import { redactor } from "../../../../provider/api/call/redact";

describe("credentials never leave in text", () => {
  it("replaces every occurrence of the secret id, key and token", () => {
    const redact = redactor(["AKIDsecretid", "supersecretkey", undefined]);
    expect(redact("id AKIDsecretid key supersecretkey again supersecretkey")).toBe("id *** key *** again ***");
  });
});
