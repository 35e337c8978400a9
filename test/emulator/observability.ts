/**
 * Counters and the request log. Neither ever holds credentials: the log keeps only the action's
 * parameters, with any key that looks secret removed.
 */

/** One API request as logged. */
export interface RequestLogEntry {
  /** ISO time the request arrived. */
  time: string;
  action: string;
  version: string;
  secretId?: string;
  /** The role a temporary key acts as (STS, `sts.ts`). */
  roleArn?: string;
  /** Request body fields (secret-looking keys removed). */
  params: object;
  /** The error code answered, if any. */
  errorCode?: string;
  /** The injected fault mode that shaped the answer, if any. */
  fault?: string;
  /** Time from arrival to answer (or to the fault), including added latency. */
  latencyMs: number;
  requestId: string;
}

// Key names that could carry a credential. TagKey and the like are not secrets and must survive.
const SECRET_KEY_NAME = /secret|token|password|passwd|authorization|signature|credential|^key$|privatekey|accesskey/i;
/** Entries kept; older ones are dropped so long benchmark runs stay bounded in memory. */
export const REQUEST_LOG_LIMIT = 10_000;

/** A deep copy of `value` without keys that look like they hold secrets. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!SECRET_KEY_NAME.test(key)) copy[key] = redactSecrets(inner);
    }
    return copy;
  }
  return value;
}

/** Per-action counters and the bounded request log. */
export class Observability {
  private readonly counts = new Map<string, number>();
  private log: RequestLogEntry[] = [];

  /** Counts one request that reached dispatch. */
  count(action: string): void {
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
  }

  record(entry: RequestLogEntry): void {
    this.log.push(entry);
    if (this.log.length > REQUEST_LOG_LIMIT) this.log = this.log.slice(-REQUEST_LOG_LIMIT);
  }

  counters(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  entries(): RequestLogEntry[] {
    return this.log.map((e) => structuredClone(e));
  }

  clear(): void {
    this.counts.clear();
    this.log = [];
  }
}
