/**
 * The lifecycle skeleton every resource runs, and the engine's contract:
 *
 *     check → diff by table → create-or-find-my-own → read → update by plan → delete by policy
 *
 * A resource supplies a `ResourceKind` (its folder's kind.ts): its pure decisions (check, diff,
 * plan, the mapping to and from what Tencent reports) and its calls (create, find by name, read,
 * apply a plan, delete by policy). This class owns what every resource must get right the same
 * way: a create that no lost answer or crash can run twice, a failure after the object exists
 * that carries its id (or the engine would forget a real object), a deletion that counts "already
 * gone" as done by looking rather than by guessing a code, one log, collaborators built on first
 * use from the stack config (a preview that calls nothing needs no credentials).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { TencentApi, type TencentApiDeps } from "../api/call/client";
import { reactionTo } from "../api/call/codes";
import { ProviderLog } from "../api/call/log";
import { backoffDelayMs, withRetry } from "../api/call/retry";
import { loadSettings, type ProviderSettings } from "../api/call/settings";
import { ResourceInitError, TencentApiError } from "../core/errors";
import type { MaybeUnknown } from "../core/unknown";
import type { CheckOutcome, Declaration } from "./check";
import { changedFields, type TableDiff } from "./diff";

/** What every reported object has: the kit finds "my own" by name, then asks the kind whether it carries the marker. */
export interface Reported {
  name: string;
  /** The RequestId of the answer that reported it, for logs. */
  requestId?: string;
}

/** What a resource's calls work with: the client, plus whatever its kind builds on it. */
export interface Connection {
  api: TencentApi;
}

/** Helpers the kit hands to a kind's handling of a refused create. */
export interface CreateRecovery<I> {
  /** This resource's object, if one exists now (same name, carrying the ownership marker). Always fresh. */
  findOwn(): Promise<number | undefined>;
  /** Runs the whole create again with other inputs (a spent creation record dropped, for one). */
  createAgain(inputs: I): Promise<number>;
}

/**
 * Everything that is a resource's own. `I` inputs, `O` outputs (the state), `R` what Tencent
 * reports, `P` an update plan, `C` its connection, `E` the effects of its diff table.
 */
export interface ResourceKind<I extends object, O extends I, R extends Reported, P, C extends Connection, E extends string> {
  /** The object in words, for logs and errors: "member", "department". */
  readonly noun: string;

  // ---- pure decisions
  check(olds: Declaration<I>, news: Declaration<I>): CheckOutcome<I>;
  diff(olds: Partial<O>, news: MaybeUnknown<I>): TableDiff<I, E> & { deleteBeforeReplace: boolean };
  /** The calls that bring `current` to `desired`; `undefined` when none is needed. */
  plan(current: Partial<O>, desired: I): P | undefined;
  /**
   * The state for what Tencent reports, keeping from `declared` what Tencent does not report;
   * `updated` is the update that was just applied, when there was one.
   */
  toOutputs(reported: R, declared: Partial<O>, updated?: { current: Partial<O>; plan: P }): O;
  /** The input-only fields, as declared, to carry into the state when nothing was read. */
  unreported(inputs: I): Partial<O>;
  /** The outputs known from the id alone, for a failure before the first read. */
  idOutputs(id: number): Partial<O>;
  /** The inputs a refresh records: the declared fields with the values Tencent reports now. */
  toRefreshedInputs(outputs: O): Partial<I>;
  /** The ownership marker written at creation (from inputs, or from a state). */
  ownerMarker(inputs: Partial<I>): string | undefined;
  /** Whether the object carries `marker` where this kind writes it (a tag, a description): then it is this resource's. */
  ownedBy(reported: R, marker: string | undefined): boolean;
  /** The object's id in Tencent. */
  idOf(reported: R): number;
  /** `"name"`: how logs name what is being created. */
  describe(inputs: I): string;
  /** What a preview should say beside the diff (waiting changes, a marker to write again, what a replacement means). */
  explainDiff?(id: string, olds: O, news: I, changed: ReadonlySet<string>, replaced: ReadonlySet<string>): string[];
  /**
   * What a preview should warn of that only Tencent can tell (a replacement that would delete an
   * object Tencent refuses to delete). Asked only when the diff replaces; a failure is a warning too.
   */
  previewWarnings?(c: C, id: string, olds: O): Promise<string[]>;
  /** What a read should say beside the state (a change waiting for someone). */
  explainRead?(id: string, outputs: O): string[];

  // ---- Tencent
  /** Builds the kind's API collaborators on the process's client. */
  connect(api: TencentApi, settings: ProviderSettings): C;
  /** The id of the existing object the inputs adopt, if they adopt one. */
  adoptedId(inputs: I): number | undefined;
  /** The object to adopt, checked against the inputs; throws when it cannot be adopted. */
  adopt(c: C, id: number, inputs: I): Promise<R>;
  /**
   * Sends the create once (throttling aside), writing `marker` where `ownedBy` looks for it: never
   * repeated on an unknown outcome by the call path.
   */
  send(c: C, inputs: I, marker: string | undefined): Promise<{ id: number; requestId?: string }>;
  /** The object named as the inputs name it (same name, and parent where names are per parent). Always fresh. */
  findByName(c: C, inputs: I): Promise<R | undefined>;
  /** The error for a name taken by an object that is not this resource's. */
  nameTaken(inputs: I, holder: R | undefined, error: TencentApiError): Error;
  /** A refusal of the create that only this kind knows how to meet; returns an id or throws. */
  createRefused?(c: C, inputs: I, error: TencentApiError, recovery: CreateRecovery<I>): Promise<number>;
  /** Reads one object for a refresh (shared reads of the operation); undefined when gone. `known` is the state, if any. */
  read(c: C, id: number, known: Partial<O>): Promise<R | undefined>;
  /**
   * Reads one object right after the provider changed it, through the operation's shared reads
   * (only what is fetched after the change answers it); throws when it is missing.
   */
  readBack(c: C, id: number, why: "created" | "updated", known: Partial<O>): Promise<R>;
  /**
   * Announces a change whose read-back follows, so the shared reads can gather the read-backs of
   * changes answered together into one step. Returns what to call once the read-back is asked (with
   * the change's latency in ms) or the change failed.
   */
  expectReadBack?(c: C): (latencyMs?: number) => void;
  /** Makes the calls of `plan`; an error is the kind's own (`updateRefused` explains Tencent's). */
  apply(c: C, id: number, plan: P, current: Partial<O>, desired: I): Promise<void>;
  /** Explains a refused update, or returns undefined to surface Tencent's error as it is. */
  updateRefused?(c: C, error: TencentApiError, current: Partial<O>, desired: I): Promise<Error | undefined>;
  /** The state's deletion policy; `retain` only drops the object from the stack. */
  deletionPolicy(outputs: O): string;
  /** What retaining leaves behind, in words. */
  retained(id: string, outputs: O): string;
  /** Carries out a deletion policy other than `retain`; returns what was done, for the log. */
  remove(c: C, id: number, outputs: O): Promise<string>;
  /**
   * After a refused deletion: what is there now (undefined when the object is already gone —
   * Tencent documents no "not found" code for these deletions, so the kit looks).
   */
  lookAfterRefusal(c: C, id: number, outputs: O): Promise<unknown | undefined>;
  /** Explains a refused deletion of an object still there, or undefined to surface it as is. */
  deletionRefused?(c: C, id: number, outputs: O, error: TencentApiError, found: unknown): Promise<Error | undefined>;
  /** Forgets what this operation read; called around every change. */
  invalidate(c: C): void;
}

/** What `read` returns: a refresh records inputs, so this says so (the SDK types them as outputs). */
export type ReadResult<I, O> = Omit<dynamic.ReadResult<O>, "inputs"> & { inputs?: Partial<I> };

/** The engine's contract for one resource, typed with its inputs and outputs. */
export type ResourceProviderOf<I, O> = Omit<dynamic.ResourceProvider<I, O>, "check" | "create" | "read" | "update"> & {
  /** Receives the program's declaration, not yet checked: anything may be in it. */
  check(olds: Declaration<I>, news: Declaration<I>): Promise<CheckOutcome<I>>;
  /** Always returns outputs (the SDK's CreateResult allows none). */
  create(inputs: I): Promise<Required<dynamic.CreateResult<O>>>;
  /** Any state the engine kept, possibly from an older version: every field may be missing. */
  read(id: string, props?: Partial<O>): Promise<ReadResult<I, O>>;
  update(id: string, olds: O, news: I): Promise<Required<dynamic.UpdateResult<O>>>;
};

/** How a lifecycle reaches Tencent: settings (now or from config at the first call) and injectable collaborators. */
export interface LifecycleSource {
  settings: () => ProviderSettings;
  deps?: TencentApiDeps;
}

/** From settings already resolved; `deps` replaces collaborators (tests, benchmarks). */
export function fromSettings(settings: ProviderSettings, deps: TencentApiDeps = {}): LifecycleSource {
  return { settings: () => settings, deps };
}

/** From the stack config the engine passes to `configure`; settings are read at the first API call. */
export function fromConfig(config: (key: string) => string | undefined, deps: TencentApiDeps = {}): LifecycleSource {
  return { settings: () => loadSettings(config), deps };
}

/**
 * What every dynamic provider of this package holds: one log, and its collaborators built on first
 * use from `source` (a preview that calls nothing needs no credentials). Resources whose objects
 * have a name and an ownership marker run ResourceLifecycle below; those that are a relation or a
 * setting (a policy attachment, an enabled policy type) extend this directly.
 */
export abstract class ConnectedProvider<C extends Connection> {
  private connection: C | undefined;
  /** The one log of this provider instance (prefixed; scrubbed of credentials once they are loaded). */
  protected readonly log: ProviderLog;

  constructor(
    private readonly connect: (api: TencentApi, settings: ProviderSettings) => C,
    private readonly source: LifecycleSource,
  ) {
    this.log = source.deps?.log ?? new ProviderLog(source.deps?.logger);
  }

  /** The collaborators, built on first use. */
  protected get connected(): C {
    if (!this.connection) {
      const settings = this.source.settings();
      this.connection = this.connect(new TencentApi(settings, { ...this.source.deps, log: this.log }), settings);
    }
    return this.connection;
  }
}

/**
 * The dynamic provider of one resource type. One instance serves every object of its type in a
 * provider process (one Pulumi operation), so they share one reader; the client and its limiter
 * come from `source` on first use.
 */
export class ResourceLifecycle<I extends object, O extends I, R extends Reported, P, C extends Connection, E extends string>
  extends ConnectedProvider<C>
  implements ResourceProviderOf<I, O>
{
  constructor(
    protected readonly kind: ResourceKind<I, O, R, P, C, E>,
    source: LifecycleSource,
  ) {
    super((api, settings) => kind.connect(api, settings), source);
  }

  // ---------------------------------------------------------------- check, diff (pure)

  /** Validates and normalises inputs (the kind's check.ts). */
  async check(olds: Declaration<I>, news: Declaration<I>): Promise<CheckOutcome<I>> {
    return this.kind.check(olds, news);
  }

  /** Diffs the state against new inputs by the kind's table, and says at preview what else it sees. */
  async diff(id: string, olds: O, news: I): Promise<dynamic.DiffResult> {
    const diff = this.kind.diff(olds, news);
    const { changes, replaces, deleteBeforeReplace } = diff;
    const notes = this.kind.explainDiff?.(id, olds, news, changedFields(diff), new Set(replaces)) ?? [];
    if (replaces.length > 0 && this.kind.previewWarnings) {
      try {
        notes.push(...(await this.kind.previewWarnings(this.connected, id, olds)));
      } catch (error) {
        // A preview is not the place to fail on a question asked only to warn earlier.
        notes.push(`${this.kind.noun} ${id}: could not ask Tencent whether the replacement can proceed (${(error as Error).message})`);
      }
    }
    for (const note of notes) this.log.info(note);
    return { changes, replaces, deleteBeforeReplace };
  }

  // ---------------------------------------------------------------- create

  /** Creates (or adopts) the object and returns its id and outputs. */
  async create(inputs: I): Promise<Required<dynamic.CreateResult<O>>> {
    const c = this.connected;
    const adoptedId = this.kind.adoptedId(inputs);
    const adopted = adoptedId !== undefined ? await this.adopt(c, adoptedId, inputs) : undefined;
    // Adopting changes nothing (yet: the reconcile below reads back what it changes), so adoptions
    // keep sharing the operation's reads; a new object is read back by what is fetched after it.
    const { id, reported } = adopted
      ? { id: this.kind.idOf(adopted), reported: Promise.resolve(adopted) }
      : await this.createAndReadBack(c, inputs);
    // From here on the object exists: a failure must carry its id, or the engine would forget it.
    let outs: O | undefined;
    try {
      outs = this.kind.toOutputs(await reported, inputs as Partial<O>);
      return { id: String(id), outs: await this.reconcile(c, id, outs, inputs) };
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      // `__provider` must be among the recorded outputs, or the engine could not call read/update later.
      const engineKeys = "__provider" in inputs ? { __provider: (inputs as { __provider?: unknown }).__provider } : {};
      const known = { ...(outs ?? this.kind.idOutputs(id)), ...this.kind.unreported(inputs), ...engineKeys };
      throw new ResourceInitError(String(id), known, cause, this.kind.noun);
    }
  }

  /**
   * Creates the object and asks for its read-back, which the shared reads answer together with the
   * read-backs of the objects created at the same time: the create's only call of its own is the
   * create. The read-back is returned unawaited: its failure must carry the id (see `create`).
   */
  private async createAndReadBack(c: C, inputs: I): Promise<{ id: number; reported: Promise<R> }> {
    const asked = this.kind.expectReadBack?.(c);
    const started = c.api.clock.now();
    let id: number;
    try {
      id = await this.createOrFind(c, inputs);
    } catch (error) {
      asked?.();
      throw error;
    }
    // A new object makes what this operation read stale.
    this.kind.invalidate(c);
    const reported = this.kind.readBack(c, id, "created", inputs as Partial<O>);
    // Handled by `create`; until then an early rejection must not count as unhandled.
    reported.catch(() => {});
    asked?.(c.api.clock.now() - started);
    return { id, reported };
  }

  private async adopt(c: C, id: number, inputs: I): Promise<R> {
    const found = await this.kind.adopt(c, id, inputs);
    this.log.info(
      `adopting existing ${this.kind.noun} ${id} ("${found.name}", RequestId ${found.requestId ?? "unknown"}); no ${this.kind.noun} is created`,
    );
    return found;
  }

  /**
   * Sends the create so that no outcome makes a second object: after any answer that leaves the
   * outcome unknown, and after "name used", it looks for the object it may have made (same name,
   * carrying this resource's ownership marker) before doing anything else.
   */
  private async createOrFind(c: C, inputs: I): Promise<number> {
    const marker = this.kind.ownerMarker(inputs);
    const noun = this.kind.noun;
    const findOwn = () => this.findOwn(c, inputs, marker);
    try {
      return await withRetry(
        async () => {
          try {
            const { id, requestId } = await this.kind.send(c, inputs, marker);
            this.log.info(`created ${noun} ${id} (${this.kind.describe(inputs)}) (RequestId ${requestId ?? "unknown"})`);
            return id;
          } catch (error) {
            // The create may have run: the object it made, if any, answers before anything else.
            if (error instanceof TencentApiError && error.outcomeUnknown) {
              const own = await findOwn();
              if (own !== undefined) {
                this.log.info(
                  `${error.code} on create, but ${noun} ${own} (${this.kind.describe(inputs)}) was created by this resource: using it`,
                );
                return own;
              }
            }
            throw error;
          }
        },
        {
          retryable: (error) => error instanceof TencentApiError && error.outcomeUnknown,
          exhausted: (attempt) => attempt >= c.api.policy.maxAttempts,
          delayMs: (attempt) => backoffDelayMs(attempt, c.api.policy, c.api.random),
          onRetry: (error, attempt) =>
            this.log.info(
              `${(error as TencentApiError).code} on create and no ${noun} ${this.kind.describe(inputs)} exists yet: retrying (attempt ${attempt + 1})`,
            ),
        },
        c.api.clock,
      );
    } catch (error) {
      if (!(error instanceof TencentApiError) || error.outcomeUnknown) throw error;
      return this.createRefused(c, inputs, marker, error);
    }
  }

  /** A create Tencent refused: taken by name where that is safe, explained otherwise. */
  private async createRefused(c: C, inputs: I, marker: string | undefined, error: TencentApiError): Promise<number> {
    const noun = this.kind.noun;
    switch (reactionTo(error.code, error.action)) {
      case "nameUsed": {
        const holder = await this.kind.findByName(c, inputs);
        if (holder && this.kind.ownedBy(holder, marker)) {
          this.log.info(
            `${noun} ${this.kind.idOf(holder)} (${this.kind.describe(inputs)}) was created earlier by this resource: using it ` +
              `(${error.code}, RequestId ${error.requestId ?? "unknown"})`,
          );
          return this.kind.idOf(holder);
        }
        throw this.kind.nameTaken(inputs, holder, error);
      }
      case "createdWithoutTags": {
        // The answer came to this very call, and names are unique (an object made earlier under
        // this name would have been refused as "name used"): an object of this name now is the one
        // it created. It is taken; reconciling then writes its tags and its ownership marker.
        const created = await this.kind.findByName(c, inputs);
        if (!created) throw error;
        this.log.info(
          `${error.code} on create (RequestId ${error.requestId ?? "unknown"}): ${noun} ${this.kind.idOf(created)} ` +
            `(${this.kind.describe(inputs)}) was created without its tags; taking it and writing its tags and ownership marker`,
        );
        return this.kind.idOf(created);
      }
      default:
        if (!this.kind.createRefused) throw error;
        return this.kind.createRefused(c, inputs, error, {
          findOwn: () => this.findOwn(c, inputs, marker),
          createAgain: (next) => this.createOrFind(c, next),
        });
    }
  }

  /** The object this resource created, if any: same name, carrying the marker. Always fresh. */
  private async findOwn(c: C, inputs: I, marker: string | undefined): Promise<number | undefined> {
    const found = await this.kind.findByName(c, inputs);
    if (!found || !this.kind.ownedBy(found, marker)) return undefined;
    this.log.info(
      `found ${this.kind.noun} ${this.kind.idOf(found)} (${this.kind.describe(inputs)}) carrying this resource's ownership marker ` +
        `(RequestId ${found.requestId ?? "unknown"})`,
    );
    return this.kind.idOf(found);
  }

  // ---------------------------------------------------------------- read

  /** Reads the object for a refresh. No id in the result means it is gone. */
  async read(id: string, props?: Partial<O>): Promise<ReadResult<I, O>> {
    const reported = await this.kind.read(this.connected, Number(id), props ?? {});
    if (!reported) {
      this.log.info(`${this.kind.noun} ${id} is no longer in the organization: the resource is gone`);
      return {};
    }
    const outs = this.kind.toOutputs(reported, props ?? {});
    for (const note of this.kind.explainRead?.(id, outs) ?? []) this.log.info(note);
    return { id, props: outs, inputs: this.kind.toRefreshedInputs(outs) };
  }

  // ---------------------------------------------------------------- update

  /** Makes only the calls the changed fields need, then reads the object back. */
  async update(id: string, olds: O, news: I): Promise<Required<dynamic.UpdateResult<O>>> {
    return { outs: await this.reconcile(this.connected, Number(id), { ...olds, ...this.kind.idOutputs(Number(id)) }, news) };
  }

  private async reconcile(c: C, id: number, current: O, desired: I): Promise<O> {
    const plan = this.kind.plan(current, desired);
    if (plan === undefined) return { ...current, ...this.kind.unreported(desired) };
    const asked = this.kind.expectReadBack?.(c);
    const started = c.api.clock.now();
    try {
      await this.kind.apply(c, id, plan, current, desired);
    } catch (error) {
      asked?.();
      const explained = error instanceof TencentApiError ? await this.kind.updateRefused?.(c, error, current, desired) : undefined;
      throw explained ?? error;
    } finally {
      this.kind.invalidate(c);
    }
    const reading = this.kind.readBack(c, id, "updated", { ...current, ...desired });
    asked?.(c.api.clock.now() - started);
    const outputs = this.kind.toOutputs(await reading, desired as Partial<O>, {
      current,
      plan,
    });
    for (const note of this.kind.explainRead?.(String(id), outputs) ?? []) this.log.info(note);
    return outputs;
  }

  // ---------------------------------------------------------------- delete

  /** Carries out the state's deletion policy. An object already gone counts as deleted. */
  async delete(id: string, props: O): Promise<void> {
    if (this.kind.deletionPolicy(props) === "retain") {
      this.log.info(this.kind.retained(id, props));
      return;
    }
    const c = this.connected;
    this.kind.invalidate(c);
    try {
      this.log.info(await this.kind.remove(c, Number(id), props));
    } catch (error) {
      if (!(error instanceof TencentApiError)) throw error;
      // Tencent documents no "not found" answer for these deletions: whether the object is
      // already gone is decided by looking, not by guessing a code.
      const found = await this.kind.lookAfterRefusal(c, Number(id), props);
      if (found === undefined) {
        this.log.info(`${this.kind.noun} ${id} is already gone (${error.code})`);
        return;
      }
      throw (await this.kind.deletionRefused?.(c, Number(id), props, error, found)) ?? error;
    } finally {
      this.kind.invalidate(c);
    }
  }
}
