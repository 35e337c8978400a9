/**
 * The emulator's moving parts in one place: storage, faults, limiter, latency, counters and
 * persistence. The HTTP layer (`server.ts`) and the admin interface (`admin.ts`) both drive it.
 */
import { ApiError } from "./errors";
import { FaultQueue } from "./faults";
import type { HandlerContext } from "./handlers";
import { Observability } from "./observability";
import type { ResolvedOptions } from "./options";
import { RateLimiter } from "./rate-limiter";
import { seedState } from "./seed";
import { MemoryStore, readStateFile, writeStateFile, type OrganizationStore } from "./storage";

/** State and policies shared by the API and admin paths. */
export class Emulator {
  readonly store: OrganizationStore;
  readonly faults = new FaultQueue();
  readonly limiter: RateLimiter;
  readonly observability = new Observability();
  private globalLatencyMs: number;
  private readonly actionLatencyMs = new Map<string, number>();

  constructor(readonly options: ResolvedOptions) {
    const saved = options.dataFile ? readStateFile(options.dataFile) : undefined;
    this.store = new MemoryStore(saved ?? this.startState());
    this.limiter = new RateLimiter(options.rateLimitPerSecond);
    this.globalLatencyMs = options.latencyMs;
    // A fresh data file is written at once, so that it exists as soon as the emulator listens.
    if (options.dataFile && !saved) writeStateFile(options.dataFile, this.store.snapshot());
  }

  /** The organization a fresh start (or `reset()`) begins with: the given seed, else the built-in one. */
  private startState() {
    return this.options.seed ? structuredClone(this.options.seed) : seedState(this.options.seedMembers);
  }

  /** Added delay for `action`: its own setting if any, else the global one. */
  latencyFor(action: string): number {
    return this.actionLatencyMs.get(action) ?? this.globalLatencyMs;
  }

  /** Sets the global delay, or one action's delay (which then replaces the global one for it). */
  setLatency(ms: number, action?: string): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("latency must be a non-negative number of milliseconds");
    if (action === undefined) this.globalLatencyMs = ms;
    else this.actionLatencyMs.set(action, ms);
  }

  /** The context handlers run in; `allowCreateFailure` is false for out-of-band completions. */
  handlerContext(action: string, allowCreateFailure = true): HandlerContext {
    return {
      store: this.store,
      now: () => this.options.clock(),
      memberLimit: this.options.memberLimit,
      deregisterPendingCalls: this.options.deregisterPendingCalls,
      takeCreateAccountFailure: () => allowCreateFailure && this.faults.take(action, (mode) => mode === "createAccountFailure") !== undefined,
    };
  }

  /** Writes the data file if one is configured and something changed. */
  persist(): void {
    if (this.options.dataFile && this.store.dirty) writeStateFile(this.options.dataFile, this.store.snapshot());
    this.store.markClean();
  }

  /** Back to the seed organization with the start options; clears faults, latency overrides, limiter, counters and log. */
  reset(): void {
    this.store.replace(this.startState());
    this.faults.clear();
    this.limiter.clear();
    this.observability.clear();
    this.actionLatencyMs.clear();
    this.globalLatencyMs = this.options.latencyMs;
    this.persist();
  }
}

/** True for errors the API answers as an error envelope (anything else is a bug → InternalError). */
export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
