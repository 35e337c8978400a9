/**
 * What went wrong with one API call, classified from whatever the SDK threw.
 *
 * The SDK (tencentcloud-sdk-nodejs 4.x) makes one attempt per call and reports failures in four
 * shapes: an API error (`code` set, HTTP 200), a non-200 status (`httpCode` set), a transport
 * failure (neither set), or a raw fetch/TypeError when a 200 carries no JSON envelope.
 */
export interface SdkFailure {
  /** `api`: Tencent answered with an error code. `noAnswer`: we cannot know whether the call ran. */
  kind: "api" | "noAnswer";
  /** Tencent's code, or a transport label for `noAnswer` (`Timeout`, `ConnectionReset`, `HttpStatus502`, `InvalidResponse`). */
  code: string;
  message: string;
  requestId?: string;
}

interface SdkErrorShape {
  code?: unknown;
  httpCode?: unknown;
  requestId?: unknown;
  message?: unknown;
  type?: unknown;
}

/** Classifies anything the SDK threw. Pure. */
export function classifyFailure(error: unknown): SdkFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const message = typeof e.message === "string" ? e.message : String(error);
  const requestId = typeof e.requestId === "string" && e.requestId !== "" ? e.requestId : undefined;
  // Tencent codes are CamelCase ("InternalError", "AuthFailure.SignatureExpire"); Node errno codes are ALLCAPS.
  if (typeof e.code === "string" && /^[A-Z][a-z]/.test(e.code)) {
    return { kind: "api", code: e.code, message, requestId };
  }
  if (typeof e.httpCode === "number") {
    return { kind: "noAnswer", code: `HttpStatus${e.httpCode}`, message, requestId };
  }
  return { kind: "noAnswer", code: transportLabel(message, e), message };
}

// Node's socket errors arrive as plain text in the SDK's wrapper ("request to … failed, reason: socket hang up").
function transportLabel(message: string, e: SdkErrorShape): string {
  if (/timeout|timed out|ETIMEDOUT/i.test(message)) return "Timeout";
  if (/ECONNRESET|socket hang up|ECONNREFUSED|EPIPE|network/i.test(message)) return "ConnectionReset";
  if (e.type === "invalid-json" || /JSON|Unexpected token|Cannot read properties of undefined/i.test(message)) {
    return "InvalidResponse";
  }
  return "TransportError";
}
