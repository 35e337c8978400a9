/**
 * create / read / update / delete of one member: the orchestration between the pure decisions
 * (check, diff, plan, state) and the API. One `MemberLifecycle` serves every member of a provider
 * process (one Pulumi operation): it is built once from the configuration and given its
 * collaborators, so tests build their own.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { MemberApi } from "../api/members";
import { MemberReader } from "../api/reader";
import { hintFor, meaningOf, reactionTo } from "../api/codes";
import { backoffDelayMs, DEREGISTRATION_BACKOFF, withRetry, type Clock } from "../api/retry";
import { loadSettings, type ProviderSettings } from "../api/settings";
import { CONSOLE_LOGGER, LOG_PREFIX, TencentApi, type Logger, type TencentApiDeps } from "../api/tencentApi";
import {
  CreateAccountFailedError,
  CreateRecordNotFoundError,
  DeletionRefusedError,
  DeregistrationPendingError,
  MemberNameTakenError,
  MemberNotFoundError,
  ResourceInitError,
  TencentApiError,
} from "../core/errors";
import { carriesMarker, ownerTag } from "../core/ownership";
import { checkMember, type CheckOutcome, type Declaration } from "./check";
import { diffMember } from "./diff";
import { isEmptyPlan, planUpdate, type UpdatePlan } from "./plan";
import { memberOwnerMarker } from "./ownership";
import { toOutputs, toRefreshedInputs, unreportedInputs } from "./state";
import type { MemberInputs, MemberOutputs, ReportedMember } from "./types";

/** What a member lifecycle works with. */
export interface MemberLifecycleParts {
  /** The rate-limited, retrying API client (also the logger and the clock of the process). */
  api: TencentApi;
  members: MemberApi;
  reader: MemberReader;
  /** How long `delete` waits for an account deletion under review. */
  deleteAccountWaitSeconds: number;
}

/**
 * What `read` returns. The SDK types `ReadResult.inputs` as the outputs type; a refresh records
 * inputs, so this says so.
 */
export type MemberReadResult = Omit<dynamic.ReadResult<MemberOutputs>, "inputs"> & { inputs?: Partial<MemberInputs> };

/** The engine's contract for OrganizationMember, typed with the member's inputs and outputs. */
export type MemberProvider = Omit<dynamic.ResourceProvider<MemberInputs, MemberOutputs>, "check" | "create" | "read" | "update"> & {
  /** Receives the program's declaration, not yet checked: anything may be in it. */
  check(olds: Declaration, news: Declaration): Promise<CheckOutcome>;
  /** Always returns outputs (the SDK's CreateResult allows none). */
  create(inputs: MemberInputs): Promise<Required<dynamic.CreateResult<MemberOutputs>>>;
  /** Any state the engine kept, possibly from an older version: every field may be missing. */
  read(id: string, props?: Partial<MemberOutputs>): Promise<MemberReadResult>;
  update(id: string, olds: MemberOutputs, news: MemberInputs): Promise<Required<dynamic.UpdateResult<MemberOutputs>>>;
};

/** The collaborators of a member lifecycle, built from settings. */
export function connect(settings: ProviderSettings, deps: TencentApiDeps = {}): MemberLifecycleParts {
  const api = new TencentApi(settings, deps);
  const members = new MemberApi(api, settings.region);
  return { api, members, reader: new MemberReader(members), deleteAccountWaitSeconds: settings.deleteAccountWaitSeconds };
}

/**
 * The dynamic provider of OrganizationMember. Its collaborators are built on first use, so a
 * preview that calls no API (and a delete with `retain`) needs no credentials.
 */
export class MemberLifecycle implements MemberProvider {
  private parts: MemberLifecycleParts | undefined;

  constructor(
    private readonly connectParts: () => MemberLifecycleParts,
    private readonly logger: Logger = CONSOLE_LOGGER,
  ) {}

  /** From settings already resolved; `deps` replaces collaborators (tests, benchmarks). */
  static fromSettings(settings: ProviderSettings, deps: TencentApiDeps = {}): MemberLifecycle {
    return new MemberLifecycle(() => connect(settings, deps), deps.logger);
  }

  /** From the stack config the engine passes to `configure`; settings are read at the first API call. */
  static fromConfig(config: (key: string) => string | undefined, deps: TencentApiDeps = {}): MemberLifecycle {
    return new MemberLifecycle(() => connect(loadSettings(config), deps), deps.logger);
  }

  private get connected(): MemberLifecycleParts {
    return (this.parts ??= this.connectParts());
  }
  private get api(): TencentApi {
    return this.connected.api;
  }
  private get members(): MemberApi {
    return this.connected.members;
  }
  private get reader(): MemberReader {
    return this.connected.reader;
  }
  private get clock(): Clock {
    return this.connected.api.clock;
  }

  // ---------------------------------------------------------------- check, diff (pure)

  /** Validates and normalises inputs (see check.ts). */
  async check(olds: Declaration, news: Declaration): Promise<CheckOutcome> {
    return checkMember(olds, news);
  }

  /** Diffs the state against new inputs (see diff.ts), and says at preview what waits or is restored. */
  async diff(id: string, olds: MemberOutputs, news: MemberInputs): Promise<dynamic.DiffResult> {
    const { changes, replaces, changed, deleteBeforeReplace } = diffMember(olds, news);
    const fields = new Set(changed.map((c) => c.field));
    if (olds.pendingPermissionIds) {
      this.logger.info(
        `${LOG_PREFIX} member ${id}: ${pendingText(olds.pendingPermissionIds)}` +
          (fields.has("permissionIds")
            ? `; Tencent refuses another permission change until the member answers (FailedOperation.ChangePermissionRecordExist)`
            : "; nothing is sent for the permissions meanwhile"),
      );
    }
    if (fields.has("ownerMarker")) {
      this.logger.info(`${LOG_PREFIX} member ${id} lost its ownership marker tag (removed outside Pulumi): the update writes it again`);
    }
    return { changes, replaces, deleteBeforeReplace };
  }

  // ---------------------------------------------------------------- create

  /** Creates (or adopts) the member and returns its UIN and outputs. */
  async create(inputs: MemberInputs): Promise<Required<dynamic.CreateResult<MemberOutputs>>> {
    const memberUin = inputs.adoptMemberUin !== undefined ? await this.adopt(inputs.adoptMemberUin) : await this.createOrFind(inputs);
    this.reader.invalidate();
    // From here on the account exists: a failure must carry its id, or the engine would forget it.
    let outs: MemberOutputs | undefined;
    try {
      outs = toOutputs(await this.mustRead(memberUin), inputs);
      return { id: String(memberUin), outs: await this.reconcile(outs, inputs) };
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      // `__provider` must be among the recorded outputs, or the engine could not call read/update later.
      const engineKeys = "__provider" in inputs ? { __provider: (inputs as { __provider?: unknown }).__provider } : {};
      throw new ResourceInitError(String(memberUin), { ...(outs ?? { memberUin }), ...unreportedInputs(inputs), ...engineKeys }, cause);
    }
  }

  private async adopt(memberUin: number): Promise<number> {
    const member = await this.members.getByUin(memberUin);
    if (!member) throw new MemberNotFoundError(memberUin, "adoptMemberUin");
    this.api.log(
      `adopting existing member ${memberUin} ("${member.name}", RequestId ${member.requestId ?? "unknown"}); no account is created`,
    );
    return memberUin;
  }

  /**
   * Sends CreateOrganizationMember so that no outcome creates a second account: after any answer
   * that leaves the outcome unknown, and after "name used", it looks for the member it may have
   * created (same name, carrying this resource's ownership marker) before doing anything else.
   */
  private async createOrFind(inputs: MemberInputs): Promise<number> {
    const marker = memberOwnerMarker(inputs);
    const policy = this.api.policy;
    try {
      return await withRetry(
        async () => {
          try {
            const { memberUin, requestId } = await this.members.create(inputs, ownerTag(marker));
            this.api.log(`created member ${memberUin} ("${inputs.name}") (RequestId ${requestId ?? "unknown"})`);
            return memberUin;
          } catch (error) {
            // The create may have run: the member it made, if any, answers before anything else.
            if (error instanceof TencentApiError && error.outcomeUnknown) {
              const own = await this.findOwn(inputs.name, marker);
              if (own) {
                this.api.log(`${error.code} on create, but member ${own} ("${inputs.name}") was created by this resource: using it`);
                return own;
              }
            }
            throw error;
          }
        },
        {
          retryable: (error) => error instanceof TencentApiError && error.outcomeUnknown,
          exhausted: (attempt) => attempt >= policy.maxAttempts,
          delayMs: (attempt) => backoffDelayMs(attempt, policy, this.api.random),
          onRetry: (error, attempt) =>
            this.api.log(
              `${(error as TencentApiError).code} on create and no member "${inputs.name}" exists yet: retrying (attempt ${attempt + 1})`,
            ),
        },
        this.clock,
      );
    } catch (error) {
      if (!(error instanceof TencentApiError) || error.outcomeUnknown) throw error;
      return this.resolveCreateFailure(inputs, marker, error);
    }
  }

  private async resolveCreateFailure(inputs: MemberInputs, marker: string | undefined, error: TencentApiError): Promise<number> {
    switch (reactionTo(error.code, error.action)) {
      case "createAccountFailed": {
        const own = await this.findOwn(inputs.name, marker);
        if (own) return own;
        throw new CreateAccountFailedError(inputs.name, error.requestId);
      }
      case "createRecordAlreadySucceeded": {
        // The record finished earlier (resumed in the console, or this resource was created from it
        // and later deleted). Its member is ours only if it carries our marker; otherwise the record
        // is spent, and a plain creation is what the program asks for.
        const own = await this.findOwn(inputs.name, marker);
        if (own) return own;
        this.api.log(
          `creation record ${inputs.recordId} already succeeded (RequestId ${error.requestId ?? "unknown"}) ` +
            `and no member "${inputs.name}" of this resource exists: creating it without the record`,
        );
        return this.createOrFind({ ...inputs, recordId: undefined });
      }
      case "createdWithoutTags": {
        // The answer came to this very call, and names are unique (a member made earlier under this
        // name would have been refused as "name used"): a member of this name now is the one it
        // created. It is taken; reconciling then writes its tags and its ownership marker.
        const [member] = await this.members.findByName(inputs.name);
        if (!member) throw error;
        this.api.log(
          `${error.code} on create (RequestId ${error.requestId ?? "unknown"}): member ${member.memberUin} ("${inputs.name}") ` +
            `was created without its tags; taking it and writing its tags and ownership marker`,
        );
        return member.memberUin;
      }
      case "createRecordNotFound":
        throw new CreateRecordNotFoundError(inputs.recordId ?? 0, error.requestId);
      case "nameUsed": {
        const [member] = await this.members.findByName(inputs.name);
        if (member && carriesMarker(member.tags, marker)) {
          this.api.log(
            `member ${member.memberUin} ("${inputs.name}") was created earlier by this resource: using it ` +
              `(${error.code}, RequestId ${error.requestId ?? "unknown"})`,
          );
          return member.memberUin;
        }
        throw new MemberNameTakenError(inputs.name, member?.memberUin, error.code, error.requestId);
      }
      default:
        throw error;
    }
  }

  private async findOwn(name: string, marker: string | undefined): Promise<number | undefined> {
    const [member] = await this.members.findByName(name);
    if (!member || !carriesMarker(member.tags, marker)) return undefined;
    this.api.log(
      `found member ${member.memberUin} ("${name}") carrying this resource's ownership marker (RequestId ${member.requestId ?? "unknown"})`,
    );
    return member.memberUin;
  }

  // ---------------------------------------------------------------- read

  /** Reads the member for a refresh. No id in the result means it is gone. */
  async read(id: string, props?: Partial<MemberOutputs>): Promise<MemberReadResult> {
    const member = await this.reader.read(Number(id));
    if (!member) {
      this.api.log(`member ${id} is no longer in the organization: the resource is gone`);
      return {};
    }
    const outs = toOutputs(member, props ?? {}, props?.pendingPermissionIds);
    if (outs.pendingPermissionIds) this.api.log(`member ${id}: ${pendingText(outs.pendingPermissionIds)}`);
    return { id, props: outs, inputs: toRefreshedInputs(outs) };
  }

  /** Looks a member up by UIN or exact name, for `getOrganizationMember`. */
  async lookup(by: { memberUin?: number; name?: string }): Promise<MemberOutputs | undefined> {
    const member =
      by.memberUin !== undefined
        ? await this.members.getByUin(by.memberUin)
        : by.name
          ? (await this.members.findByName(by.name))[0]
          : undefined;
    return member ? toOutputs(member, {}) : undefined;
  }

  // ---------------------------------------------------------------- update

  /** Makes only the calls the changed fields need, then reads the member back. */
  async update(id: string, olds: MemberOutputs, news: MemberInputs): Promise<Required<dynamic.UpdateResult<MemberOutputs>>> {
    return { outs: await this.reconcile({ ...olds, memberUin: Number(id) }, news) };
  }

  private async reconcile(current: MemberOutputs, desired: MemberInputs): Promise<MemberOutputs> {
    const plan = planUpdate(current, desired);
    if (isEmptyPlan(plan)) return { ...current, ...unreportedInputs(desired) };
    await this.apply(current.memberUin, plan);
    this.reader.invalidate();
    const outputs = toOutputs(
      await this.mustRead(current.memberUin),
      desired,
      plan.updateMember?.permissionIds ?? current.pendingPermissionIds,
    );
    if (outputs.pendingPermissionIds) this.api.log(`member ${current.memberUin}: ${pendingText(outputs.pendingPermissionIds)}`);
    return outputs;
  }

  private async apply(memberUin: number, plan: UpdatePlan): Promise<void> {
    if (plan.moveToNodeId !== undefined) await this.members.move(memberUin, plan.moveToNodeId);
    if (plan.updateMember) await this.members.update(memberUin, plan.updateMember);
    if (plan.restoredMarker) {
      this.api.log(`member ${memberUin}: writing its ownership marker tag ${Object.keys(plan.restoredMarker).join(", ")} again`);
    }
    if (plan.tags) await this.members.modifyTags(memberUin, plan.tags.replace, plan.tags.remove);
    if (plan.identities) {
      if (plan.identities.add.length > 0) await this.members.addIdentities(memberUin, plan.identities.add);
      for (const identityId of plan.identities.remove) await this.members.removeIdentity(memberUin, identityId);
    }
  }

  private async mustRead(memberUin: number): Promise<ReportedMember> {
    const member = await this.members.getByUin(memberUin);
    if (!member) throw new MemberNotFoundError(memberUin, "memberUin");
    return member;
  }

  // ---------------------------------------------------------------- delete

  /** Carries out the member's `deletionPolicy`. A member already gone counts as deleted. */
  async delete(id: string, props: MemberOutputs): Promise<void> {
    const policy = props.deletionPolicy ?? "retain";
    const memberUin = Number(id);
    if (policy === "retain") {
      this.logger.info(
        `${LOG_PREFIX} member ${id} retained (deletionPolicy "retain"): dropped from the stack; the account and its membership are unchanged`,
      );
      return;
    }
    this.reader.invalidate();
    try {
      if (policy === "removeFromOrganization") {
        await this.members.removeFromOrganization(memberUin);
        this.api.log(`member ${memberUin} removed from the organization; the account itself still exists`);
      } else {
        await this.deleteAccount(memberUin);
        this.api.log(`account of member ${memberUin} deleted`);
      }
    } catch (error) {
      if (!(error instanceof TencentApiError)) throw error;
      // Tencent documents no "not a member" answer for DeleteOrganizationMembers, so whether the
      // member is already gone is decided by looking, not by guessing a code.
      if (!(await this.members.getByUin(memberUin))) {
        this.api.log(`member ${id} is already gone (${error.code})`);
        return;
      }
      if (reactionTo(error.code, error.action) === "deletionRefused") {
        const asked = policy === "deleteAccount" ? "deleting its account" : "removing it from the organization";
        const reason = `${meaningOf(error.code)} (deletionPolicy "${policy}": ${asked})`;
        throw new DeletionRefusedError(memberUin, reason, error.code, error.requestId, hintFor(error.code));
      }
      throw error;
    }
  }

  /** DeleteAccount, asked again while Tencent reviews the deletion, up to the configured wait. */
  private deleteAccount(memberUin: number): Promise<void> {
    const waitMs = this.connected.deleteAccountWaitSeconds * 1000;
    return withRetry(
      () => this.members.deleteAccount(memberUin),
      {
        retryable: (error) => error instanceof TencentApiError && reactionTo(error.code, error.action) === "deregisterPending",
        exhausted: (_attempt, elapsedMs) => elapsedMs >= waitMs,
        delayMs: (attempt, elapsedMs) =>
          Math.max(1, Math.min(backoffDelayMs(attempt, DEREGISTRATION_BACKOFF, this.api.random), waitMs - elapsedMs)),
        onRetry: (error, _attempt, delay) =>
          this.api.log(
            `deletion of member ${memberUin} is under review (RequestId ${(error as TencentApiError).requestId ?? "unknown"}); checking again in ${delay} ms`,
          ),
        giveUp: (error, attempts, elapsedMs) =>
          error instanceof TencentApiError && reactionTo(error.code, error.action) === "deregisterPending"
            ? new DeregistrationPendingError(memberUin, Math.round(elapsedMs / 1000), attempts, error.requestId)
            : error,
      },
      this.clock,
    );
  }
}

/** What waits for an invited member's confirmation, in words. */
function pendingText(permissionIds: readonly number[]): string {
  return `the permission change to [${permissionIds.join(", ")}] awaits the member's confirmation (permissionStatus UnConfirmed); Tencent reports the old permissions until the member confirms it in its own console`;
}
