import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../../../provider/api/call/failure";

describe("failures are classified from what the SDK throws", () => {
  const cases: [string, unknown, { kind: string; code: string }][] = [
    [
      "an API error keeps Tencent's code",
      Object.assign(new Error("slow down"), { code: "RequestLimitExceeded", requestId: "r1" }),
      { kind: "api", code: "RequestLimitExceeded" },
    ],
    [
      "a 502 is an unknown outcome",
      Object.assign(new Error("Bad Gateway"), { httpCode: 502 }),
      { kind: "noAnswer", code: "HttpStatus502" },
    ],
    ["a timeout is an unknown outcome", new Error("network timeout at: http://x/"), { kind: "noAnswer", code: "Timeout" }],
    [
      "a reset socket is an unknown outcome",
      new Error("request to http://x/ failed, reason: socket hang up"),
      { kind: "noAnswer", code: "ConnectionReset" },
    ],
    [
      "a non-JSON body is an unknown outcome",
      Object.assign(new Error("invalid json response body"), { type: "invalid-json" }),
      { kind: "noAnswer", code: "InvalidResponse" },
    ],
    [
      "a body without Response is an unknown outcome",
      new TypeError("Cannot read properties of undefined (reading 'Error')"),
      { kind: "noAnswer", code: "InvalidResponse" },
    ],
    [
      "a Node errno code is not mistaken for Tencent's",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      { kind: "noAnswer", code: "ConnectionReset" },
    ],
  ];
  it.each(cases)("%s", (_t, error, expected) => {
    expect(classifyFailure(error)).toMatchObject(expected);
  });
});
