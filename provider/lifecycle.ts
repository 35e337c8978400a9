/**
 * create / read / update / delete for one member: the orchestration between the pure decisions
 * (check, diff, plan) and the API. Loaded by the provider shim at call time; module state here is
 * per provider process, i.e. per Pulumi operation, and shared by all its resources.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { MemberApi, type CreateOrganizationMemberRequest, type OrgMember } from "./api/memberApi";
import { MemberReader } from "./api/memberReader";
import {
  ENV_VARS,
  parseProfileFile,
  resolveSettings,
  type ProviderSettings,
} from "./api/settings";
import { TencentApi, type TencentApiDeps } from "./api/tencentApi";
import { checkMember, type CheckOutcome } from "./check";
import { diffMember } from "./diff";
import {
  CreateAccountFailedError,
  CreateRecordNotFoundError,
  DeletionRefusedError,
  DeregistrationPendingError,
  MemberNameTakenError,
  MemberNotFoundError,
  ResourceInitError,
  TencentApiError,
} from "./errors";
import { carriesMarker, OWNER_TAG_KEY, ownerTagValue } from "./ownership";
import { isEmptyPlan, planUpdate, type UpdatePlan } from "./plan";
import { toOutputs, toRefreshedInputs, unreportedInputs } from "./state";
import type { MemberInputs, MemberOutputs } from "./types";

/** Codes that mean "this member is not in the organization (any more)". */
export const MEMBER_GONE_CODES: ReadonlySet<string> = new Set([
  "ResourceNotFound.MemberNotExist",
  "ResourceNotFound.OrganizationMemberNotExist",
  "InvalidParameter.OrganizationMemberNotExist",
  "FailedOperation.SomeUinsNotInOrganization",
]);

/** Codes that say the member name is taken. */
export const NAME_USED_CODES: ReadonlySet<string> = new Set([
  "FailedOperation.OrganizationMemberNameUsed",
  "FailedOperation.MemberNameUsed",
]);

interface Context {
  settings: ProviderSettings;
  api: TencentApi;
  members: MemberApi;
  reader: MemberReader;
}

let context: Context | undefined;
let configSource: (key: string) => string | undefined = () => undefined;

/** Called once per provider process by the engine with the whole stack config. */
export async function configure(req: { config: { get(key: string): string | undefined } }): Promise<void> {
  configSource = (key) => req.config.get(key);
  context = undefined; // built on first use, so a preview without API calls needs no credentials
}

/** For tests and benchmarks: use these settings (and collaborators) instead of config. */
export function useSettings(settings: ProviderSettings, deps: TencentApiDeps = {}): Context {
  const api = new TencentApi(settings, deps);
  const members = new MemberApi(api, settings.region);
  context = { settings, api, members, reader: new MemberReader(members) };
  return context;
}

function ctx(): Context {
  if (!context) {
    const settings = resolveSettings(configSource, process.env, readProfile);
    useSettings(settings);
  }
  return context!;
}

function readProfile(profile: string) {
  const file = process.env[ENV_VARS.credentialsFile] ?? join(homedir(), ".tencentcloud", "credentials");
  try {
    return parseProfileFile(readFileSync(file, "utf8"), profile);
  } catch {
    return undefined; // no profile file is a normal case, reported as "no credentials" if nothing else has them
  }
}

// ---------------------------------------------------------------- check, diff

/** Validates and normalises inputs (see check.ts). */
export async function check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckOutcome> {
  return checkMember(olds, news);
}

/** Diffs the state against new inputs (see diff.ts). */
export async function diff(_id: string, olds: Partial<MemberOutputs>, news: MemberInputs) {
  const result = diffMember(olds, news);
  return { changes: result.changes, replaces: result.replaces, deleteBeforeReplace: result.deleteBeforeReplace };
}

// ---------------------------------------------------------------- create

/** Creates (or adopts) the member and returns its UIN and outputs. */
export async function create(inputs: MemberInputs): Promise<{ id: string; outs: MemberOutputs }> {
  const c = ctx();
  const memberUin = inputs.adoptMemberUin !== undefined ? await adopt(c, inputs.adoptMemberUin) : await createOrFind(c, inputs);
  c.reader.invalidate();
  // From here on the account exists: a failure must carry its id, or the engine would forget it.
  let outs: MemberOutputs | undefined;
  try {
    const member = await mustRead(c, memberUin);
    outs = toOutputs(member, inputs);
    return { id: String(memberUin), outs: await reconcile(c, outs, inputs) };
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    // `__provider` must be among the recorded outputs, or the engine could not call read/update later.
    const engineKeys = "__provider" in inputs ? { __provider: (inputs as { __provider?: unknown }).__provider } : {};
    throw new ResourceInitError(String(memberUin), { ...(outs ?? { memberUin }), ...unreportedInputs(inputs), ...engineKeys }, cause);
  }
}

async function adopt(c: Context, memberUin: number): Promise<number> {
  const member = await c.members.getByUin(memberUin);
  if (!member) throw new MemberNotFoundError(memberUin, "adoptMemberUin");
  c.api.log(`adopting existing member ${memberUin} ("${member.Name}", RequestId ${c.members.requestIdOf(member)}); no account is created`);
  return memberUin;
}

/**
 * Sends CreateOrganizationMember so that no outcome creates a second account: after any answer
 * that leaves the outcome unknown, and after "name used", it looks for the member it may have
 * created (same name, carrying this resource's ownership marker) before doing anything else.
 */
async function createOrFind(c: Context, inputs: MemberInputs): Promise<number> {
  const marker = ownerTagValue(inputs);
  const request = createRequest(inputs, marker);
  for (let attempt = 1; ; attempt++) {
    try {
      const { memberUin, requestId } = await c.members.create(request);
      c.api.log(`created member ${memberUin} ("${inputs.name}") (RequestId ${requestId ?? "unknown"})`);
      return memberUin;
    } catch (error) {
      if (!(error instanceof TencentApiError)) throw error;
      if (error.outcomeUnknown) {
        const own = await findOwn(c, inputs.name, marker);
        if (own) {
          c.api.log(`${error.code} on create, but member ${own} ("${inputs.name}") was created by this resource: using it`);
          return own;
        }
        if (attempt >= c.api.maxAttempts) throw error;
        c.api.log(`${error.code} on create and no member "${inputs.name}" exists yet: retrying (attempt ${attempt + 1})`);
        await c.api.backoff(attempt);
        continue;
      }
      return resolveCreateFailure(c, inputs, marker, error);
    }
  }
}

async function resolveCreateFailure(
  c: Context,
  inputs: MemberInputs,
  marker: string | undefined,
  error: TencentApiError,
): Promise<number> {
  if (error.code === "FailedOperation.CreateAccount") {
    const own = await findOwn(c, inputs.name, marker);
    if (own) return own;
    throw new CreateAccountFailedError(inputs.name, error.requestId);
  }
  if (error.code === "FailedOperation.CreateRecordAlreadySuccess") {
    // The record finished earlier (resumed in the console, or this resource was created from it
    // and later deleted). Its member is ours only if it carries our marker; otherwise the record
    // is spent, and a plain creation is what the program asks for.
    const own = await findOwn(c, inputs.name, marker);
    if (own) return own;
    c.api.log(
      `creation record ${inputs.recordId} already succeeded (RequestId ${error.requestId ?? "unknown"}) ` +
        `and no member "${inputs.name}" of this resource exists: creating it without the record`,
    );
    return createOrFind(c, { ...inputs, recordId: undefined });
  }
  if (error.code === "FailedOperation.CreateRecordNotExist") {
    throw new CreateRecordNotFoundError(inputs.recordId ?? 0, error.requestId);
  }
  if (NAME_USED_CODES.has(error.code)) {
    const [member] = await c.members.findByName(inputs.name);
    if (member?.MemberUin && carriesMarker(member, marker)) {
      c.api.log(
        `member ${member.MemberUin} ("${inputs.name}") was created earlier by this resource: using it ` +
          `(${error.code}, RequestId ${error.requestId ?? "unknown"})`,
      );
      return member.MemberUin;
    }
    throw new MemberNameTakenError(inputs.name, member?.MemberUin);
  }
  throw error;
}

async function findOwn(c: Context, name: string, marker: string | undefined): Promise<number | undefined> {
  const [member] = await c.members.findByName(name);
  if (!member?.MemberUin || !carriesMarker(member, marker)) return undefined;
  c.api.log(`found member ${member.MemberUin} ("${name}") carrying this resource's ownership marker (RequestId ${c.members.requestIdOf(member)})`);
  return member.MemberUin;
}

function createRequest(inputs: MemberInputs, marker: string | undefined): CreateOrganizationMemberRequest {
  const tags = Object.entries(inputs.tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  if (marker) tags.push({ TagKey: OWNER_TAG_KEY, TagValue: marker });
  return {
    Name: inputs.name,
    AccountName: inputs.accountName,
    PolicyType: inputs.policyType,
    PermissionIds: inputs.permissionIds,
    NodeId: inputs.nodeId,
    ...(inputs.remark !== undefined ? { Remark: inputs.remark } : {}),
    ...(inputs.recordId !== undefined ? { RecordId: inputs.recordId } : {}),
    ...(inputs.payUin !== undefined ? { PayUin: inputs.payUin } : {}),
    ...(inputs.identityRoleIds !== undefined ? { IdentityRoleID: inputs.identityRoleIds } : {}),
    ...(inputs.authRelationId !== undefined ? { AuthRelationId: inputs.authRelationId } : {}),
    ...(tags.length > 0 ? { Tags: tags } : {}),
  };
}

// ---------------------------------------------------------------- read

/** Reads the member for a refresh. No id in the result means it is gone. */
export async function read(
  id: string,
  props: Partial<MemberOutputs>,
): Promise<{ id?: string; props?: MemberOutputs; inputs?: Partial<MemberInputs> }> {
  const c = ctx();
  const memberUin = Number(id);
  const member = await c.reader.read(memberUin);
  if (!member) {
    c.api.log(`member ${id} is no longer in the organization: the resource is gone`);
    return {};
  }
  const outs = toOutputs(member, props);
  return { id, props: outs, inputs: toRefreshedInputs(outs) };
}

// ---------------------------------------------------------------- update

/** Makes only the calls the changed fields need, then reads the member back. */
export async function update(id: string, olds: MemberOutputs, news: MemberInputs): Promise<{ outs: MemberOutputs }> {
  const c = ctx();
  const current = { ...olds, memberUin: Number(id) };
  return { outs: await reconcile(c, current, news) };
}

async function reconcile(c: Context, current: MemberOutputs, desired: MemberInputs): Promise<MemberOutputs> {
  const plan = planUpdate(current, desired);
  if (isEmptyPlan(plan)) return { ...current, ...unreportedInputs(desired) };
  await apply(c, current.memberUin, plan);
  c.reader.invalidate();
  return toOutputs(await mustRead(c, current.memberUin), desired);
}

async function apply(c: Context, memberUin: number, plan: UpdatePlan): Promise<void> {
  if (plan.moveToNodeId !== undefined) await c.members.move(memberUin, plan.moveToNodeId);
  if (plan.updateMember) await c.members.update({ MemberUin: memberUin, ...plan.updateMember });
  if (plan.tags) await c.members.modifyTags(memberUin, plan.tags.replace, plan.tags.remove);
  if (plan.identities) {
    if (plan.identities.add.length > 0) await c.members.addIdentities(memberUin, plan.identities.add);
    for (const identityId of plan.identities.remove) await c.members.removeIdentity(memberUin, identityId);
  }
}

async function mustRead(c: Context, memberUin: number): Promise<OrgMember> {
  const member = await c.members.getByUin(memberUin);
  if (!member) throw new MemberNotFoundError(memberUin, "memberUin");
  return member;
}

// ---------------------------------------------------------------- delete

/** Carries out the member's `deletionPolicy`. A member already gone counts as deleted. */
async function remove(id: string, props: Partial<MemberOutputs>): Promise<void> {
  const policy = props.deletionPolicy ?? "retain";
  const memberUin = Number(id);
  if (policy === "retain") {
    console.log(
      `[tencentcloud-organization] member ${id} retained (deletionPolicy "retain"): dropped from the stack; ` +
        "the account and its membership are unchanged",
    );
    return;
  }
  const c = ctx();
  c.reader.invalidate();
  try {
    if (policy === "removeFromOrganization") await removeFromOrganization(c, memberUin);
    else await deleteAccount(c, memberUin);
  } catch (error) {
    if (error instanceof TencentApiError && MEMBER_GONE_CODES.has(error.code)) {
      c.api.log(`member ${id} is already gone (${error.code})`);
      return;
    }
    throw error;
  }
}

async function removeFromOrganization(c: Context, memberUin: number): Promise<void> {
  try {
    await c.members.removeFromOrganization(memberUin);
    c.api.log(`member ${memberUin} removed from the organization; the account itself still exists`);
  } catch (error) {
    if (error instanceof TencentApiError && error.code === "UnsupportedOperation.CreateMemberNotAllowDelete") {
      throw new DeletionRefusedError(
        `member ${memberUin} was created by the organization, and Tencent Cloud never removes created members from it ` +
          `(UnsupportedOperation.CreateMemberNotAllowDelete, RequestId ${error.requestId ?? "unknown"}).`,
        'set deletionPolicy: "retain" to keep the account and drop it from the stack, or deletionPolicy: "deleteAccount" ' +
          "to delete the account; run `pulumi up` so the state records the new policy, then destroy again.",
      );
    }
    throw error;
  }
}

async function deleteAccount(c: Context, memberUin: number): Promise<void> {
  const waitMs = c.settings.deleteAccountWaitSeconds * 1000;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await c.members.deleteAccount(memberUin);
      c.api.log(`account of member ${memberUin} deleted`);
      return;
    } catch (error) {
      if (!(error instanceof TencentApiError)) throw error;
      if (error.code === "FailedOperation.MemberAccountDeregisterPending") {
        const elapsed = Date.now() - started;
        if (elapsed >= waitMs) throw new DeregistrationPendingError(memberUin, Math.round(elapsed / 1000));
        const pause = Math.min(2 ** (attempt - 1) * 1000, 15_000, waitMs - elapsed);
        c.api.log(`deletion of member ${memberUin} is under review (RequestId ${error.requestId ?? "unknown"}); checking again in ${pause} ms`);
        await new Promise((r) => setTimeout(r, pause));
        continue;
      }
      if (error.code === "UnsupportedOperation.DeleteAccountDisabled" || error.code === "UnsupportedOperation.MemberAccountExistResource") {
        throw new DeletionRefusedError(
          `Tencent Cloud refused to delete the account of member ${memberUin}: ${error.apiMessage} (${error.code}).`,
          error.code === "UnsupportedOperation.MemberAccountExistResource"
            ? "release the account's remaining resources first (CheckAccountDelete lists why), or set deletionPolicy: \"retain\"."
            : 'an invited member\'s account cannot be deleted by the organization: use deletionPolicy "removeFromOrganization" or "retain".',
        );
      }
      throw error;
    }
  }
}

/** Looks a member up by UIN or exact name, for `getOrganizationMember`. */
export async function lookup(by: { memberUin?: number; name?: string }): Promise<MemberOutputs | undefined> {
  const c = ctx();
  const member =
    by.memberUin !== undefined ? await c.members.getByUin(by.memberUin) : by.name ? (await c.members.findByName(by.name))[0] : undefined;
  return member ? toOutputs(member, {}) : undefined;
}

// `delete` is a reserved word for a function name, not for an export: the engine calls `delete`.
export { remove as delete };
