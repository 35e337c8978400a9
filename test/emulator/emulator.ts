/**
 * The emulator's moving parts in one place: storage, faults, limiter, latency, counters and
 * persistence. The HTTP layer (`server.ts`) and the admin interface (`admin.ts`) both drive it.
 */
import type { EmulatorCredential } from "./authentication";
import { checkAllowList, permits } from "./cam";
import { ApiError } from "./errors";
import { FaultQueue } from "./faults";
import type { CreationFault } from "./handlers/handler";
import type { HandlerContext } from "./handlers";
import { Observability } from "./observability";
import type { ResolvedOptions } from "./options";
import { ActionThrottle } from "./action-throttle";
import { CREATION_FAULT_MODES } from "./faults";
import type { OrganizationState } from "./model";
import { initialPolicyState } from "./policy-rules";
import { seedState } from "./seed";
import { MemoryStore, readStateFile, writeStateFile, type OrganizationStore } from "./storage";
import { StsService } from "./sts";

/** State and policies shared by the API and admin paths. */
export class Emulator {
  readonly store: OrganizationStore;
  readonly faults = new FaultQueue();
  readonly limiter: ActionThrottle;
  readonly observability = new Observability();
  /** Roles, identity providers, web-identity tokens and the temporary keys STS issued. */
  readonly sts: StsService;
  private globalLatencyMs: number;
  private readonly actionLatencyMs = new Map<string, number>();
  /** SecretId → CAM allow-list; absent = every action allowed. */
  private readonly allowLists = new Map<string, readonly string[]>();

  constructor(readonly options: ResolvedOptions) {
    const saved = options.dataFile ? readStateFile(options.dataFile) : undefined;
    this.store = new MemoryStore(saved ? this.withPolicies(saved) : this.startState(), () => options.clock());
    this.limiter = new ActionThrottle(options.rateLimitPerSecond);
    this.sts = new StsService({ roles: options.roles, oidcProviders: options.oidcProviders }, () => options.clock());
    this.resetAllowLists();
    this.globalLatencyMs = options.latencyMs;
    // A fresh data file is written at once, so that it exists as soon as the emulator listens.
    if (options.dataFile && !saved) writeStateFile(options.dataFile, this.store.snapshot());
  }

  /** The organization a fresh start (or `reset()`) begins with: the given seed, else the built-in one. */
  private startState(): OrganizationState {
    return this.withPolicies(this.options.seed ? structuredClone(this.options.seed) : seedState(this.options.seedMembers));
  }

  /** A state without policies (seed, seed file, older data file) gets the start option's enabled policy types. */
  private withPolicies(state: OrganizationState): OrganizationState {
    state.policies ??= initialPolicyState(state, this.options.enabledPolicyTypes, this.options.clock());
    return state;
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

  /**
   * The context handlers run in; `allowCreationFaults` is false for out-of-band completions;
   * `callerSecretId` is the key that signed the request (none for an unsigned one).
   */
  handlerContext(action: string, allowCreationFaults = true, callerSecretId?: string): HandlerContext {
    return {
      store: this.store,
      sts: this.sts,
      ...(callerSecretId === undefined ? {} : { callerSecretId }),
      now: () => this.options.clock(),
      // The resolved options hold every limit; handlers see them through the OrganizationLimits type.
      limits: this.options,
      deregisterPendingCalls: this.options.deregisterPendingCalls,
      takeCreationFault: () =>
        allowCreationFaults
          ? (this.faults.take(action, (mode) => CREATION_FAULT_MODES.includes(mode))?.mode as CreationFault | undefined)
          : undefined,
    };
  }

  /** The key pair of `secretId`: a configured one, or a temporary one STS issued. */
  credentialOf(secretId: string): EmulatorCredential | undefined {
    return this.options.credentials.find((c) => c.secretId === secretId) ?? this.sts.credentialOf(secretId);
  }

  /**
   * True when `secretId` may call `cam` ("organization:CreateOrganizationMember"): a temporary key
   * by its role's allow-list (sts.ts), a configured one by its own.
   */
  authorizes(secretId: string, cam: string): boolean {
    const asRole = this.sts.authorizes(secretId, cam);
    if (asRole !== undefined) return asRole;
    const allowed = this.allowLists.get(secretId);
    return allowed === undefined || permits(allowed, cam);
  }

  /**
   * Sets (or with undefined removes) the CAM allow-list of a configured SecretId.
   * @throws Error for an unknown SecretId or a malformed entry
   */
  setAllowedActions(secretId: string, actions: readonly string[] | undefined): void {
    if (!this.options.credentials.some((c) => c.secretId === secretId)) throw new Error(`unknown SecretId ${JSON.stringify(secretId)}`);
    if (actions === undefined) {
      this.allowLists.delete(secretId);
      return;
    }
    this.allowLists.set(secretId, checkAllowList(actions, `SecretId ${secretId}`));
  }

  /** The allow-lists in force, by SecretId (keys without a list allow everything). */
  allowedActions(): Record<string, string[]> {
    return Object.fromEntries([...this.allowLists].map(([id, list]) => [id, [...list]]));
  }

  private resetAllowLists(): void {
    this.allowLists.clear();
    for (const c of this.options.credentials) if (c.allowedActions) this.setAllowedActions(c.secretId, c.allowedActions);
  }

  /** Writes the data file if one is configured and something changed. */
  persist(): void {
    if (this.options.dataFile && this.store.dirty) writeStateFile(this.options.dataFile, this.store.snapshot());
    this.store.markClean();
  }

  /**
   * Back to the seed organization with the start options; clears faults, latency overrides, limiter,
   * counters and log; STS back to its start roles and providers, its tokens and sessions forgotten.
   */
  reset(): void {
    this.store.replace(this.startState());
    this.faults.clear();
    this.limiter.clear();
    this.observability.clear();
    this.actionLatencyMs.clear();
    this.globalLatencyMs = this.options.latencyMs;
    this.resetAllowLists();
    this.sts.reset();
    this.persist();
  }
}

/** True for errors the API answers as an error envelope (anything else is a bug → InternalError). */
export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
