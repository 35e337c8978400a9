/**
 * The send stamp: `whenWritten` reports when an SDK request has been written to the socket, and
 * TencentApi hands that moment to the limiter. Order and counts only; nothing here depends on timing.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallLimiter, CallPermit } from "../../provider/api/call/rateLimiter";
import { resolveSettings } from "../../provider/api/call/settings";
import { TencentApi } from "../../provider/api/call/client";
import { whenWritten } from "../../provider/api/call/transport";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../emulator";

delete process.env.http_proxy;
delete process.env.HTTP_PROXY;

describe("whenWritten", () => {
  let server: http.Server;
  let port: number;
  const events: string[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        events.push(`arrived ${request.headers["x-id"]}`);
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (id: string, agent: http.Agent) =>
    new Promise<string>((resolve, reject) => {
      // As node-fetch does: the request is made a tick later, inside the caller's async context.
      setImmediate(() => {
        const request = http.request({ host: "127.0.0.1", port, method: "POST", agent, headers: { "x-id": id } }, (response) => {
          response.resume();
          response.on("end", () => resolve(id));
        });
        request.on("error", reject);
        request.end("body");
      });
    });

  it("calls the hook once per request, after it was written and before it was answered — also when it waited for a pooled socket", async () => {
    events.length = 0;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 }); // b and c wait for a's socket
    const ids = ["a", "b", "c"];
    await Promise.all(
      ids.map((id) =>
        whenWritten(
          () => events.push(`written ${id}`),
          () => post(id, agent).then((x) => void events.push(`answered ${x}`)),
        ),
      ),
    );
    agent.destroy();
    for (const id of ids) {
      expect(events.filter((e) => e === `written ${id}`)).toHaveLength(1);
      expect(events.indexOf(`written ${id}`)).toBeLessThan(events.indexOf(`answered ${id}`));
    }
    // With one socket, b is written only after a reached the server and freed the socket: the
    // stamp is the write, not the call (all three calls were made at once).
    expect(events.indexOf("written b")).toBeGreaterThan(events.indexOf("arrived a"));
  });

  it("leaves requests made outside it alone", async () => {
    events.length = 0;
    const agent = new http.Agent();
    let hooked = 0;
    await whenWritten(
      () => hooked++,
      () => post("in", agent),
    );
    await post("out", agent);
    agent.destroy();
    expect(hooked).toBe(1);
  });
});

describe("TencentApi reports each request's write to the limiter", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ rateLimitPerSecond: 0 });
  });
  afterAll(() => emulator.close());

  it("every call is written once, before it ends", async () => {
    const log: string[] = [];
    let next = 0;
    const limiter: CallLimiter = {
      acquire: async () => {
        const id = next++;
        const permit: CallPermit = () => void log.push(`ended ${id}`);
        permit.written = () => void log.push(`written ${id}`);
        return permit;
      },
    };
    const settings = resolveSettings(
      (key) =>
        ({
          "tencentcloud:secretId": DEFAULT_SECRET_ID,
          "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
          "tencentcloud:endpointUrl": emulator.url,
        })[key],
      {},
      () => undefined,
    );
    const api = new TencentApi(settings, { limiter, logger: { info: () => {} } });
    await Promise.all(Array.from({ length: 5 }, () => api.call("DescribeOrganizationNodes", { Limit: 10, Offset: 0 })));
    for (let id = 0; id < 5; id++) {
      expect(log.filter((e) => e === `written ${id}`)).toHaveLength(1);
      expect(log.indexOf(`written ${id}`)).toBeLessThan(log.indexOf(`ended ${id}`));
    }
  });
});
