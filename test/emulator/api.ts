/**
 * One API request, from headers to answer:
 * size → action lookup → signature → count → CAM → rate limit → latency → fault → JSON → handler → persist.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { isUnsigned, verifyRequest } from "./authentication";
import { isApiError, type Emulator } from "./emulator";
import { UndocumentedCodeError } from "./codes";
import { ApiError, Errors } from "./errors";
import { CREATION_FAULT_MODES, type PendingFault } from "./faults";
import { findHandler } from "./handlers";
import { redactSecrets } from "./observability";

/** The request as the HTTP layer read it. */
export interface ApiRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** True when the body passed the 10 MB limit (the body is then truncated). */
  oversize: boolean;
}

/** How the answer leaves: the HTTP layer implements these on the socket. */
export interface ApiTransport {
  /** Writes a complete HTTP response. */
  send(status: number, contentType: string, body: string): void;
  /** Keeps the socket open without answering, until the client gives up or the emulator closes. */
  hold(): void;
  /** Destroys the socket (the client sees a connection reset). */
  reset(): void;
  /** True once the emulator is closing: late answers are dropped. */
  readonly closed: boolean;
}

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
};

/** The rate limiter's key for unsigned requests, which have no SecretId. */
const UNSIGNED_CALLER = "(unsigned)";

const envelope = (requestId: string, fields: Record<string, unknown>): string =>
  JSON.stringify({ Response: { ...fields, RequestId: requestId } });

function parseJsonBody(body: Buffer): unknown {
  // An empty body is an empty request, as for an action without parameters.
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw Errors.invalidParameter("The request body is not valid JSON.");
  }
}

/** Breaks the answer the way an injected fault says; returns the error code answered, if any. */
function deliverFault(fault: PendingFault, transport: ApiTransport, requestId: string): string | undefined {
  switch (fault.mode) {
    case "timeout":
      transport.hold();
      return undefined;
    case "reset":
      transport.reset();
      return undefined;
    case "http502":
      transport.send(
        502,
        "text/html",
        "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>emulated fault</p></body></html>",
      );
      return undefined;
    case "nonJson":
      transport.send(200, "text/html", "<html><body>Service temporarily unavailable (emulated non-JSON answer)</body></html>");
      return undefined;
    case "error":
    case "createAccountFailure":
    case "tagResourcesError":
      transport.send(200, "application/json", envelope(requestId, { Error: { Code: fault.code, Message: fault.message } }));
      return fault.code;
  }
}

/**
 * Answers one API request. Never throws: every failure becomes an error envelope, and an
 * unexpected exception becomes InternalError (and is printed, since it is an emulator bug).
 */
export async function handleApiRequest(emulator: Emulator, request: ApiRequest, transport: ApiTransport): Promise<void> {
  const started = performance.now();
  const requestId = randomUUID();
  const action = header(request.headers, "x-tc-action");
  const version = header(request.headers, "x-tc-version");
  let secretId: string | undefined;
  let params: unknown = {};
  let faultMode: string | undefined;
  let errorCode: string | undefined;

  const answer = (fields: Record<string, unknown>): void => {
    if (!transport.closed) transport.send(200, "application/json", envelope(requestId, fields));
  };

  try {
    if (request.oversize) throw Errors.requestSizeLimitExceeded();
    if (request.method !== "POST") throw Errors.invalidParameter("The emulator accepts POST requests with a JSON body only.");
    if (action === "") throw Errors.missingParameter("X-TC-Action");
    if (version === "") throw Errors.missingParameter("X-TC-Version");
    const lookup = findHandler(version, action);
    if ("error" in lookup) throw lookup.error === "NoSuchVersion" ? Errors.noSuchVersion(version) : Errors.invalidAction(action, version);
    const handler = lookup.found;
    const debug = process.env.TC_EMULATOR_DEBUG ? (line: string) => console.error(`[emulator] ${line}`) : undefined;
    const serviceRule = { expected: handler.service, endpointRoute: emulator.options.endpointRouteScope };
    // An unsigned action (AssumeRoleWithWebIdentity) has no caller: its token is checked by the handler.
    if (!(handler.unsigned && isUnsigned(request.headers))) {
      secretId = verifyRequest(request, (id) => emulator.credentialOf(id), emulator.options.clock(), serviceRule, debug).secretId;
    }

    emulator.observability.count(action);
    const cam = `${handler.service}:${action}`;
    if (secretId !== undefined && !emulator.authorizes(secretId, cam)) throw Errors.unauthorizedOperation(cam);
    if (!emulator.limiter.admit(secretId ?? UNSIGNED_CALLER, action)) {
      throw Errors.requestLimitExceeded(action, emulator.limiter.limitFor(action));
    }
    const latency = emulator.latencyFor(action);
    if (latency > 0) await delay(latency);
    if (transport.closed) return;

    const fault = emulator.faults.take(action, (mode) => !CREATION_FAULT_MODES.includes(mode));
    faultMode = fault?.mode;
    if (fault && !fault.commit) {
      errorCode = deliverFault(fault, transport, requestId);
      return;
    }
    const body = parseJsonBody(request.body);
    // A redacted deep copy, taken before the handler runs: handlers may normalise their input in place.
    params = redactSecrets(body);
    let result: Record<string, unknown> | ApiError;
    try {
      result = handler.run(body, emulator.handlerContext(action, true, secretId));
    } catch (error) {
      if (!isApiError(error)) throw error;
      result = error;
    } finally {
      emulator.persist();
    }
    if (fault) {
      // Committed: the state changed above; now the caller loses the answer.
      errorCode = deliverFault(fault, transport, requestId);
      return;
    }
    if (result instanceof ApiError) throw result;
    answer(result);
  } catch (error) {
    const apiError = isApiError(error) ? error : Errors.internalError(error instanceof UndocumentedCodeError ? error.message : undefined);
    if (!isApiError(error)) console.error("[emulator] unexpected error", error);
    errorCode = apiError.code;
    answer({ Error: { Code: apiError.code, Message: apiError.message } });
  } finally {
    const roleArn = secretId === undefined ? undefined : emulator.sts.roleOf(secretId);
    emulator.observability.record({
      time: new Date(emulator.options.clock()).toISOString(),
      action,
      version,
      ...(secretId === undefined ? {} : { secretId }),
      ...(roleArn === undefined ? {} : { roleArn }),
      params: typeof params === "object" && params !== null ? params : { body: params },
      ...(errorCode === undefined ? {} : { errorCode }),
      ...(faultMode === undefined ? {} : { fault: faultMode }),
      latencyMs: Math.round(performance.now() - started),
      requestId,
    });
  }
}
