/**
 * Base of every error this provider raises on purpose. Each error builds its message from
 * structured fields — what happened, Tencent's code and RequestId, the member, what to do — so
 * a program can read the fields and a person reads one consistent sentence.
 */

/** The structured parts of an error message. */
export interface ErrorFields {
  /** What happened, without a final period. */
  summary: string;
  /** Tencent's code (or a transport label), when Tencent's answer is the reason. */
  code?: string;
  /** The RequestId of Tencent's answer; quote it to Tencent support. */
  requestId?: string;
  /** More context, a full sentence. */
  detail?: string;
  /** What the user can do about it. */
  hint?: string;
  /** The error that led to this one. */
  cause?: unknown;
}

/** Base class of the provider's errors. */
export class ProviderError extends Error {
  override name = "ProviderError";
  /** Tencent's code, when Tencent's answer is the reason. */
  readonly code?: string;
  /** The RequestId of Tencent's answer, when there was one. */
  readonly requestId?: string;
  /** What the user can do about it (also in the message). */
  readonly hint?: string;

  constructor(fields: ErrorFields) {
    super(composeMessage(fields), fields.cause === undefined ? undefined : { cause: fields.cause });
    this.code = fields.code;
    this.requestId = fields.requestId;
    this.hint = fields.hint;
  }
}

/** `summary (code, RequestId r). detail\n  What to do: hint` */
function composeMessage(fields: ErrorFields): string {
  // The code is quoted once: in the summary when it reads better there, else with the RequestId.
  const code = fields.code && !fields.summary.includes(fields.code) ? fields.code : undefined;
  const references = [code, fields.requestId && `RequestId ${fields.requestId}`].filter(Boolean).join(", ");
  return (
    fields.summary +
    (references ? ` (${references})` : "") +
    "." +
    (fields.detail ? ` ${fields.detail}` : "") +
    (fields.hint ? `\n  What to do: ${fields.hint}` : "")
  );
}
