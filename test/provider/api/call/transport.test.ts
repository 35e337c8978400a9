/**
 * The send stamp: `whenWritten` reports when an SDK request has been written to the socket (TencentApi
 * hands that moment to the limiter: client.test.ts). Order and counts only; nothing here depends on timing.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whenWritten } from "../../../../provider/api/call/transport";

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
