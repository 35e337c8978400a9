/**
 * The HTTP layer: reads bodies (bounded), routes `/_emulator/` to the admin interface and
 * everything else to the API, and owns the sockets that timeout faults hold open.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { routeAdminRequest, type EmulatorAdmin } from "./admin";
import { handleApiRequest, type ApiTransport } from "./api";
import type { Emulator } from "./emulator";

/** Largest body the API accepts (RequestSizeLimitExceeded beyond). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const ADMIN_PREFIX = "/_emulator/";

/** A listening HTTP server plus the sockets it must destroy on close. */
export interface EmulatorServer {
  server: Server;
  /** Stops listening, destroys held and idle sockets. */
  close(): Promise<void>;
}

/** Reads the whole body, keeping at most MAX_BODY_BYTES; the rest is drained and dropped. */
function readBody(request: IncomingMessage): Promise<{ body: Buffer; oversize: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let oversize = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) oversize = true;
      // Draining instead of closing lets the client finish sending and read the error envelope.
      else chunks.push(chunk);
    });
    request.on("end", () => resolve({ body: Buffer.concat(chunks), oversize }));
    request.on("error", reject);
  });
}

const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));

/** Starts the HTTP server for an emulator (not yet listening). */
export function createEmulatorServer(emulator: Emulator, admin: EmulatorAdmin): EmulatorServer {
  const held = new Set<Socket>();
  let closed = false;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { body, oversize } = await readBody(request);
    const url = request.url ?? "/";
    if (url.startsWith(ADMIN_PREFIX)) {
      // The admin interface has no authentication: refuse anything that is not local.
      if (!isLoopback(request.socket.remoteAddress)) {
        response.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ error: "admin interface is loopback-only" }));
        return;
      }
      let parsed: unknown;
      try {
        parsed = body.length > 0 ? JSON.parse(body.toString("utf8")) : undefined;
      } catch {
        response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "body is not valid JSON" }));
        return;
      }
      const answer = routeAdminRequest(admin, request.method ?? "GET", new URL(url, "http://emulator.invalid").pathname, parsed);
      response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
      return;
    }
    const traceId = request.headers["x-tc-traceid"];
    const transport: ApiTransport = {
      send(status, contentType, text) {
        if (response.destroyed || response.headersSent) return;
        const headers: Record<string, string> = { "content-type": contentType, "content-length": String(Buffer.byteLength(text)) };
        if (typeof traceId === "string") headers["x-tc-traceid"] = traceId;
        response.writeHead(status, headers).end(text);
      },
      hold() {
        const socket = request.socket;
        held.add(socket);
        socket.once("close", () => held.delete(socket));
      },
      reset() {
        // resetAndDestroy sends a TCP RST, the closest thing to a dropped connection.
        request.socket.resetAndDestroy();
      },
      get closed() {
        return closed;
      },
    };
    await handleApiRequest(emulator, { method: request.method ?? "", url, headers: request.headers, body, oversize }, transport);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Last line of defence: the server must answer something and keep running.
      console.error("[emulator] request failed", error);
      if (!response.headersSent && !response.destroyed) response.writeHead(500).end();
    });
  });
  // Garbage on the wire: answer 400 and drop the connection instead of emitting an unhandled error.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const socket of held) socket.destroy();
        held.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
