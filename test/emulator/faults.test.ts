import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { aMember, codeOf, sdkFailureOf, orgClient, useEmulator, withEmulator } from "./fixtures";
import { startEmulator, type FaultMode, type RunningEmulator } from "./index";

let emulator: RunningEmulator;
let client: ReturnType<typeof orgClient>;
useEmulator((started) => {
  emulator = started.emulator;
  client = orgClient(emulator, { reqTimeout: 1 });
});

const listMembers = () => client.DescribeOrganizationMembers({ Offset: 0, Limit: 50 });

describe("injected faults", () => {
  it("answers InternalError by default for mode error, once, then recovers", async () => {
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "error" });
    expect(await codeOf(listMembers())).toBe("InternalError");
    await expect(listMembers()).resolves.toHaveProperty("Total", 0);
  });

  it("answers the given code and message for count calls", async () => {
    emulator.admin.injectFault({
      action: "DescribeOrganizationMembers",
      mode: "error",
      code: "RequestLimitExceeded.UinLimitExceeded",
      message: "slow down",
      count: 2,
    });
    expect(await sdkFailureOf(listMembers())).toMatchObject({ code: "RequestLimitExceeded.UinLimitExceeded", message: "slow down" });
    expect(await codeOf(listMembers())).toBe("RequestLimitExceeded.UinLimitExceeded");
    await expect(listMembers()).resolves.toHaveProperty("Total");
  });

  it("only affects the named action", async () => {
    emulator.admin.injectFault({ action: "CreateOrganizationMember", mode: "error" });
    await expect(listMembers()).resolves.toHaveProperty("Total");
    expect(emulator.admin.faults()).toHaveLength(1);
  });

  it("holds the socket for mode timeout until the client gives up", async () => {
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "timeout" });
    const started = performance.now();
    const failure = await sdkFailureOf(listMembers());
    expect(failure.code).toBeUndefined();
    expect(failure.message).toMatch(/timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("destroys the socket for mode reset", async () => {
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "reset" });
    const failure = await sdkFailureOf(listMembers());
    expect(failure.code).toBeUndefined();
    expect(failure.message).toMatch(/socket hang up|ECONNRESET/);
  });

  it("answers HTTP 502 with an HTML body for mode http502", async () => {
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "http502" });
    const failure = await sdkFailureOf(listMembers());
    expect(failure.httpCode).toBe(502);
    expect(failure.code).toBeUndefined();
  });

  it("answers HTTP 200 with a body that is not JSON for mode nonJson", async () => {
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "nonJson" });
    const failure = await sdkFailureOf(listMembers());
    expect(failure.code).toBeUndefined();
    expect(failure.httpCode).toBeUndefined();
    expect(failure.message).toMatch(/json/i);
  });

  it.each<FaultMode>(["timeout", "reset", "http502", "nonJson"])(
    "does not create the member when %s loses the response without commit",
    async (mode) => {
      emulator.admin.injectFault({ action: "CreateOrganizationMember", mode });
      await sdkFailureOf(client.CreateOrganizationMember(aMember({ Name: "lost" })));
      expect(emulator.admin.members()).toEqual([]);
    },
  );

  it.each<FaultMode>(["timeout", "reset", "http502", "nonJson", "error"])(
    "creates the member, then loses the response, for %s with commit",
    async (mode) => {
      emulator.admin.injectFault({ action: "CreateOrganizationMember", mode, commit: true });
      await sdkFailureOf(client.CreateOrganizationMember(aMember({ Name: "committed" })));
      expect(emulator.admin.members().map((m) => m.name)).toEqual(["committed"]);
      // The retry a provider would make now meets the committed member.
      expect(await codeOf(client.CreateOrganizationMember(aMember({ Name: "committed" })))).toBe(
        "FailedOperation.OrganizationMemberNameUsed",
      );
    },
  );

  it("counts faulted calls and logs the fault mode", async () => {
    emulator.admin.injectFault({ action: "DescribeOrganizationMembers", mode: "http502" });
    await sdkFailureOf(listMembers());
    expect(emulator.admin.counters().DescribeOrganizationMembers).toBe(1);
    expect(emulator.admin.requestLog().at(-1)).toMatchObject({ action: "DescribeOrganizationMembers", fault: "http502" });
  });

  it("refuses a fault for an unknown action or createAccountFailure on another action", () => {
    expect(() => emulator.admin.injectFault({ action: "Nope", mode: "error" })).toThrow(/unknown action/);
    expect(() => emulator.admin.injectFault({ action: "DeleteAccount", mode: "createAccountFailure" })).toThrow(/CreateOrganizationMember/);
  });

  it("destroys held sockets on close so that close() does not wait for the client", async () => {
    // Not withEmulator: closing is what this test measures.
    const scratch = await startEmulator();
    scratch.admin.injectFault({ action: "DescribeOrganizationNodes", mode: "timeout" });
    const pending = sdkFailureOf(orgClient(scratch, { reqTimeout: 30 }).DescribeOrganizationNodes({ Offset: 0, Limit: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await scratch.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await pending).code).toBeUndefined();
  });
});

describe("added latency", () => {
  const timed = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    return performance.now() - started;
  };

  it("delays every call by the global latency", async () => {
    emulator.admin.setLatency(200);
    expect(await timed(listMembers)).toBeGreaterThanOrEqual(190);
  });

  it("delays only the named action when set per action", async () => {
    emulator.admin.setLatency(500, "DescribeOrganizationNodes");
    expect(await timed(() => client.DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBeGreaterThanOrEqual(490);
    expect(await timed(listMembers)).toBeLessThan(300);
  });

  it("applies the latencyMs start option, and reset() returns to it", async () => {
    await withEmulator({ latencyMs: 150 }, async (slow) => {
      slow.admin.setLatency(0);
      slow.admin.reset();
      expect(await timed(() => orgClient(slow).DescribeOrganizationNodes({ Offset: 0, Limit: 1 }))).toBeGreaterThanOrEqual(140);
    });
  });
});
