import { connect } from "node:net";
import { organization } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization";
import { describe, expect, it } from "vitest";
import {
  agentRoutedOrgClient,
  agentRoutedTagClient,
  aMember,
  codeOf,
  DEFAULT_CREDENTIAL,
  sdkFailureOf,
  orgClient,
  rawRequest,
  useEmulator,
} from "./fixtures";
import type { RunningEmulator } from "./index";

let emulator: RunningEmulator;
useEmulator((started) => {
  emulator = started.emulator;
});

describe("the wire protocol", () => {
  it("answers a signed SDK call with the Response envelope and a RequestId", async () => {
    const answer = await orgClient(emulator).DescribeOrganizationNodes({ Offset: 0, Limit: 10 });
    expect(answer.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.Items?.map((n) => n.Name)).toEqual(["Root", "Engineering", "Finance", "Sandbox"]);
  });

  it("answers errors with HTTP 200 and Error {Code, Message} beside the RequestId", async () => {
    const raw = await rawRequest(emulator, { action: "DescribeOrganizationNodes", body: JSON.stringify({ Offset: 0 }) });
    expect(raw.status).toBe(200);
    expect(raw.response?.Error?.Code).toBe("MissingParameter");
    expect(raw.response?.Error?.Message).toContain("Limit");
    expect(raw.response?.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves clients that keep the real hostname and reach it through an http.Agent", async () => {
    const { Uin } = await agentRoutedOrgClient(emulator).CreateOrganizationMember(aMember());
    await agentRoutedTagClient(emulator).ModifyResourceTags({
      Resource: `qcs::organization:ap-guangzhou:uin/:member/${Uin}`,
      ReplaceTags: [{ TagKey: "route", TagValue: "agent" }],
    });
    const member = emulator.admin.members().find((m) => m.memberUin === Uin);
    expect(member?.tags).toEqual([{ TagKey: "route", TagValue: "agent" }]);
  });

  it("answers a body that is not JSON with InvalidParameter", async () => {
    const raw = await rawRequest(emulator, { action: "DescribeOrganizationNodes", body: "{not json" });
    expect(raw.response?.Error).toEqual({ Code: "InvalidParameter", Message: "The request body is not valid JSON." });
  });

  it("answers a JSON body that is not an object with InvalidParameter", async () => {
    const raw = await rawRequest(emulator, { action: "DescribeOrganizationNodes", body: "[1,2]" });
    expect(raw.response?.Error?.Code).toBe("InvalidParameter");
  });

  it("answers a body over 10 MB with RequestSizeLimitExceeded", async () => {
    const body = `{"Pad":"${"x".repeat(10 * 1024 * 1024)}"}`;
    const raw = await rawRequest(emulator, { action: "DescribeOrganizationNodes", body });
    expect(raw.response?.Error?.Code).toBe("RequestSizeLimitExceeded");
  });

  it("answers a field outside the request model with UnknownParameter", async () => {
    const failure = await sdkFailureOf(orgClient(emulator).request("DescribeOrganizationNodes", { Offset: 0, Limit: 10, Colour: "blue" }));
    expect(failure.code).toBe("UnknownParameter");
    expect(failure.message).toContain("Colour");
  });

  it("answers a missing required field with MissingParameter", async () => {
    expect(await codeOf(orgClient(emulator).request("DescribeOrganizationMembers", { Offset: 0 }))).toBe("MissingParameter");
  });

  it("answers a field of the wrong type with InvalidParameterValue", async () => {
    expect(await codeOf(orgClient(emulator).request("DescribeOrganizationMembers", { Offset: "0", Limit: 10 }))).toBe(
      "InvalidParameterValue",
    );
  });

  it("answers an unknown action with InvalidAction", async () => {
    expect(await codeOf(orgClient(emulator).request("LaunchRocket", {}))).toBe("InvalidAction");
  });

  it("answers a version it does not serve with NoSuchVersion", async () => {
    const legacy = new organization.v20181225.Client({
      credential: DEFAULT_CREDENTIAL,
      region: "",
      profile: { httpProfile: { endpoint: `127.0.0.1:${emulator.port}`, protocol: "http://", reqTimeout: 5 } },
    });
    expect(await codeOf(legacy.GetOrganizationMember({ MemberUin: 1 }))).toBe("NoSuchVersion");
  });

  it("answers a request without X-TC-Action with MissingParameter", async () => {
    const raw = await rawRequest(emulator, { action: "x", headers: { "X-TC-Action": undefined } });
    expect(raw.response?.Error?.Code).toBe("MissingParameter");
  });

  it("answers a GET with a well-formed InvalidParameter envelope", async () => {
    const raw = await rawRequest(emulator, { action: "DescribeOrganizationNodes", method: "GET", body: "" });
    expect(raw.response?.Error?.Code).toBe("InvalidParameter");
  });

  it("survives garbage on the wire and keeps serving", async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(emulator.port, "127.0.0.1", () => socket.write("\u0000\u0001 NOT HTTP\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString();
      });
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
    });
    expect(reply).toContain("400");
    const answer = await orgClient(emulator).DescribeOrganizationNodes({ Offset: 0, Limit: 1 });
    expect(answer.Total).toBe(4);
  });

  it("echoes the SDK's X-TC-TraceId so errors carry it", async () => {
    const raw = await rawRequest(emulator, { action: "LaunchRocket", headers: { "X-TC-TraceId": "trace-123" } });
    expect(raw.headers["x-tc-traceid"]).toBe("trace-123");
  });
});
