/**
 * Injected faults: what the next calls of an action do instead of (or after) their normal work.
 */
import { isDocumentedFor } from "./codes";
import { HANDLERS } from "./handlers";

/** How an injected fault breaks a call. */
export type FaultMode = "error" | "createAccountFailure" | "tagResourcesError" | "timeout" | "reset" | "http502" | "nonJson";

/** The modes a handler consumes itself, from inside the creation. */
export const CREATION_FAULT_MODES: readonly FaultMode[] = ["createAccountFailure", "tagResourcesError"];

/** A fault to inject (EmulatorAdmin.injectFault, POST /_emulator/faults). */
export interface FaultSpec {
  /** Action name, e.g. "CreateOrganizationMember". */
  action: string;
  /**
   * - `error`: answer `code` (default InternalError) with `message`; `code` must be documented for the action (codes.ts)
   * - `createAccountFailure`: CreateOrganizationMember only; validate, then fail with FailedOperation.CreateAccount leaving a Failed creation record
   * - `tagResourcesError`: CreateOrganizationMember or AddOrganizationNode; create the member/department without its tags, then answer FailedOperation.TagResourcesError
   * - `timeout`: hold the socket open and never answer
   * - `reset`: destroy the socket
   * - `http502`: HTTP 502 with an HTML body
   * - `nonJson`: HTTP 200 with a body that is not JSON
   */
  mode: FaultMode;
  /** Error code for mode `error`. @default "InternalError" */
  code?: string;
  /** Error message for mode `error`. @default "An internal error occurred." */
  message?: string;
  /** How many calls the fault affects. @default 1 */
  count?: number;
  /** Perform the action first, then break the response ("commit, then lose the response"). @default false */
  commit?: boolean;
}

/** A fault as queued, with its remaining count. */
export interface PendingFault {
  action: string;
  mode: FaultMode;
  code: string;
  message: string;
  remaining: number;
  commit: boolean;
}

const MODES: readonly FaultMode[] = ["error", "createAccountFailure", "tagResourcesError", "timeout", "reset", "http502", "nonJson"];

/**
 * Checks an untrusted fault spec (the admin HTTP body) and fills in defaults.
 * @throws Error describing the first invalid field
 */
export function normaliseFault(spec: unknown): PendingFault {
  if (typeof spec !== "object" || spec === null) throw new Error("fault must be an object");
  const f = spec as Record<string, unknown>;
  if (typeof f.action !== "string" || !HANDLERS.some((h) => h.action === f.action))
    throw new Error(`unknown action ${JSON.stringify(f.action)}`);
  if (typeof f.mode !== "string" || !MODES.includes(f.mode as FaultMode)) throw new Error(`mode must be one of ${MODES.join(", ")}`);
  const mode = f.mode as FaultMode;
  if (mode === "createAccountFailure" && f.action !== "CreateOrganizationMember")
    throw new Error("createAccountFailure applies to CreateOrganizationMember only");
  if (mode === "tagResourcesError" && f.action !== "CreateOrganizationMember" && f.action !== "AddOrganizationNode") {
    throw new Error("tagResourcesError applies to CreateOrganizationMember and AddOrganizationNode only");
  }
  const count = f.count ?? 1;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) throw new Error("count must be a positive integer");
  if (f.code !== undefined && typeof f.code !== "string") throw new Error("code must be a string");
  if (typeof f.code === "string" && !isDocumentedFor(f.action, f.code)) {
    throw new Error(`${f.code} is not documented for ${f.action}: Tencent never answers it there (see test/emulator/codes.ts)`);
  }
  if (f.message !== undefined && typeof f.message !== "string") throw new Error("message must be a string");
  if (f.commit !== undefined && typeof f.commit !== "boolean") throw new Error("commit must be a boolean");
  return {
    action: f.action,
    mode,
    code: (f.code as string | undefined) ?? "InternalError",
    message: (f.message as string | undefined) ?? "An internal error occurred.",
    remaining: count,
    commit: f.commit === true,
  };
}

/** Pending faults, first in first out per action. */
export class FaultQueue {
  private pending: PendingFault[] = [];

  /** Queues a fault behind any already pending for the same action. */
  add(fault: PendingFault): void {
    this.pending.push(fault);
  }

  /**
   * Consumes one use of the first pending fault for `action` whose mode passes `accept`.
   * Faults are looked at in order: a createAccountFailure queued first is not skipped by a timeout queued later.
   */
  take(action: string, accept: (mode: FaultMode) => boolean): PendingFault | undefined {
    const first = this.pending.find((f) => f.action === action);
    if (!first || !accept(first.mode)) return undefined;
    first.remaining -= 1;
    if (first.remaining <= 0) this.pending = this.pending.filter((f) => f !== first);
    return { ...first };
  }

  /** Faults still pending (for the admin interface). */
  list(): PendingFault[] {
    return this.pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this.pending = [];
  }
}
