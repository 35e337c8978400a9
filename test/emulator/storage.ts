/**
 * Where the organization lives: a storage interface the handlers use, an in-memory
 * implementation, and optional persistence to a JSON file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { CreationRecord, EmulatedMember, EmulatedNode, OrganizationSettings, OrganizationState, PolicyState, TagPair } from "./model";
import { bindFullAccess, initialPolicyState } from "./policy-rules";

/** The operations handlers need. Everything returned is a copy unless it says it is a read-only view. */
export interface OrganizationStore {
  readonly adminUin: number;
  /** All members, ascending by UIN (which is creation order). Copies. */
  listMembers(): EmulatedMember[];
  /** All members, ascending by UIN: the stored objects, read-only, without copying (listing at scale). */
  memberView(): readonly Readonly<EmulatedMember>[];
  memberCount(): number;
  getMember(memberUin: number): EmulatedMember | undefined;
  /** The UIN of the member with this name, if any (names are unique). */
  memberUinByName(name: string): number | undefined;
  putMember(member: EmulatedMember): void;
  removeMember(memberUin: number): void;
  /** Hands out the next member UIN. */
  allocateMemberUin(): number;

  listNodes(): EmulatedNode[];
  /** All departments in id order: the stored objects, read-only. */
  nodeView(): readonly Readonly<EmulatedNode>[];
  getNode(nodeId: number): EmulatedNode | undefined;
  putNode(node: EmulatedNode): void;
  removeNode(nodeId: number): void;
  allocateNodeId(): number;
  /** How many members a department holds (its own, not its children's). */
  memberCountInNode(nodeId: number): number;

  listRecords(): CreationRecord[];
  getRecord(recordId: number): CreationRecord | undefined;
  putRecord(record: CreationRecord): void;
  allocateRecordId(): number;

  /** When identity `identityId` was granted to `memberUin`, if it was. */
  identityGrantTime(memberUin: number, identityId: number): string | undefined;
  setIdentityGrantTime(memberUin: number, identityId: number, time: string | undefined): void;

  /** How many DeleteAccount calls for this member were already answered "pending". */
  deregisterAttempts(memberUin: number): number;
  setDeregisterAttempts(memberUin: number, attempts: number): void;

  /** Distinct values attached under `key` across members and departments (the Tag service's per-key quota). */
  tagValueCount(key: string): number;
  /** True when `value` is already attached under `key` somewhere. */
  hasTagValue(key: string, value: string): boolean;
  /** Distinct tag keys attached anywhere (the per-account key quota). */
  tagKeyCount(): number;

  readonly settings: OrganizationSettings;
  setSettings(settings: OrganizationSettings): void;

  /** Policies, enabled types and attachments: the stored object, read-only. */
  policyView(): Readonly<PolicyState>;
  /** Replaces the policy state (handlers change a copy, then set it). */
  setPolicyState(state: PolicyState): void;

  /** Replaces the whole state (reset, load). */
  replace(state: OrganizationState): void;
  /** A deep copy of the whole state. */
  snapshot(): OrganizationState;
  /** True when something changed since the last {@link OrganizationStore.markClean}. */
  readonly dirty: boolean;
  markClean(): void;
}

/** Settings of an organization that never changed them: member deletion permission on (the emulator's default; a real organization must enable it in the console). */
export const DEFAULT_SETTINGS: OrganizationSettings = { memberDeletionEnabled: true };

/**
 * The in-memory store: the state object plus indexes (UIN, name, node id, tag values) so that a
 * call costs the same at 5,000 members as at 5, and a dirty flag for persistence.
 */
export class MemoryStore implements OrganizationStore {
  private state!: OrganizationState;
  private changed = false;
  private membersByUin = new Map<number, EmulatedMember>();
  private uinsByName = new Map<string, number>();
  private nodesById = new Map<number, EmulatedNode>();
  private recordsById = new Map<number, CreationRecord>();
  private membersPerNode = new Map<number, number>();
  /** key → value → how many resources carry it. */
  private tagUse = new Map<string, Map<string, number>>();

  /**
   * @param initial - the state to start from
   * @param clock - ms since epoch, for the attachments the store makes itself (FullQcloudAccess of new departments and members)
   */
  constructor(
    initial: OrganizationState,
    private readonly clock: () => number = Date.now,
  ) {
    this.load(initial);
  }

  private load(initial: OrganizationState): void {
    this.state = structuredClone(initial);
    this.state.settings ??= { ...DEFAULT_SETTINGS };
    // Data files and seed files from before the policy actions: nothing enabled (the emulator passes its start options first).
    this.state.policies ??= initialPolicyState(this.state, [], this.clock());
    this.state.members.sort((a, b) => a.memberUin - b.memberUin);
    this.membersByUin = new Map(this.state.members.map((m) => [m.memberUin, m]));
    this.uinsByName = new Map(this.state.members.map((m) => [m.name, m.memberUin]));
    this.nodesById = new Map(this.state.nodes.map((n) => [n.NodeId, n]));
    this.recordsById = new Map(this.state.records.map((r) => [r.recordId, r]));
    this.membersPerNode = new Map();
    this.tagUse = new Map();
    for (const m of this.state.members) {
      this.countNode(m.nodeId, 1);
      this.countTags(m.tags, 1);
    }
    for (const n of this.state.nodes) this.countTags(n.Tags, 1);
  }

  private countNode(nodeId: number, delta: number): void {
    this.membersPerNode.set(nodeId, (this.membersPerNode.get(nodeId) ?? 0) + delta);
  }

  private countTags(tags: readonly TagPair[], delta: number): void {
    for (const { TagKey, TagValue } of tags) {
      const values = this.tagUse.get(TagKey) ?? new Map<string, number>();
      const next = (values.get(TagValue) ?? 0) + delta;
      if (next > 0) values.set(TagValue, next);
      else values.delete(TagValue);
      if (values.size > 0) this.tagUse.set(TagKey, values);
      else this.tagUse.delete(TagKey);
    }
  }

  get adminUin(): number {
    return this.state.adminUin;
  }

  get dirty(): boolean {
    return this.changed;
  }

  markClean(): void {
    this.changed = false;
  }

  listMembers(): EmulatedMember[] {
    return this.state.members.map((m) => structuredClone(m));
  }

  memberView(): readonly Readonly<EmulatedMember>[] {
    return this.state.members;
  }

  memberCount(): number {
    return this.state.members.length;
  }

  getMember(memberUin: number): EmulatedMember | undefined {
    const found = this.membersByUin.get(memberUin);
    return found && structuredClone(found);
  }

  memberUinByName(name: string): number | undefined {
    return this.uinsByName.get(name);
  }

  putMember(member: EmulatedMember): void {
    const copy = structuredClone(member);
    const old = this.membersByUin.get(member.memberUin);
    if (old) {
      this.uinsByName.delete(old.name);
      this.countNode(old.nodeId, -1);
      this.countTags(old.tags, -1);
      this.state.members[this.indexOfMember(old.memberUin)] = copy;
    } else {
      const last = this.state.members.at(-1);
      this.state.members.push(copy);
      // UIN order is the listing order; out-of-band inserts could otherwise break it.
      if (last && last.memberUin > copy.memberUin) this.state.members.sort((a, b) => a.memberUin - b.memberUin);
      this.bindNewTarget([], [copy]);
    }
    this.membersByUin.set(copy.memberUin, copy);
    this.uinsByName.set(copy.name, copy.memberUin);
    this.countNode(copy.nodeId, 1);
    this.countTags(copy.tags, 1);
    this.changed = true;
  }

  // Binary search: members are sorted by UIN.
  private indexOfMember(memberUin: number): number {
    const members = this.state.members;
    let low = 0;
    let high = members.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const uin = members[middle].memberUin;
      if (uin === memberUin) return middle;
      if (uin < memberUin) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  removeMember(memberUin: number): void {
    const old = this.membersByUin.get(memberUin);
    if (old) {
      this.state.members.splice(this.indexOfMember(memberUin), 1);
      this.membersByUin.delete(memberUin);
      this.uinsByName.delete(old.name);
      this.countNode(old.nodeId, -1);
      this.countTags(old.tags, -1);
    }
    for (const key of Object.keys(this.state.identityGrantTimes)) {
      if (key.startsWith(`${memberUin}/`)) delete this.state.identityGrantTimes[key];
    }
    delete this.state.deregisterAttempts[String(memberUin)];
    this.dropAttachments("MEMBER", memberUin);
    this.changed = true;
  }

  /**
   * While SCP is enabled, a department or member created later is bound to FullQcloudAccess (page 1031/51870, reference §3);
   * done here so that every way of adding one (API, invite, record completion) does it.
   */
  private bindNewTarget(nodes: EmulatedNode[], members: EmulatedMember[]): void {
    const policies = this.state.policies;
    if (policies?.enabled.includes("SERVICE_CONTROL_POLICY")) bindFullAccess(policies, nodes, members, this.clock());
  }

  /** A removed member loses its attachments (§3: "all service control policies bound to it will be unbound"); a deleted department too (a guess). */
  private dropAttachments(targetType: "NODE" | "MEMBER", targetId: number): void {
    const policies = this.state.policies;
    if (policies) policies.attachments = policies.attachments.filter((a) => a.targetType !== targetType || a.targetId !== targetId);
  }

  allocateMemberUin(): number {
    this.changed = true;
    return this.state.nextMemberUin++;
  }

  listNodes(): EmulatedNode[] {
    return this.state.nodes.map((n) => structuredClone(n));
  }

  nodeView(): readonly Readonly<EmulatedNode>[] {
    return this.state.nodes;
  }

  getNode(nodeId: number): EmulatedNode | undefined {
    const found = this.nodesById.get(nodeId);
    return found && structuredClone(found);
  }

  putNode(node: EmulatedNode): void {
    const copy = structuredClone(node);
    const old = this.nodesById.get(node.NodeId);
    if (old) {
      this.countTags(old.Tags, -1);
      this.state.nodes[this.state.nodes.indexOf(old)] = copy;
    } else {
      this.state.nodes.push(copy);
      this.bindNewTarget([copy], []);
    }
    this.nodesById.set(copy.NodeId, copy);
    this.countTags(copy.Tags, 1);
    this.changed = true;
  }

  removeNode(nodeId: number): void {
    const old = this.nodesById.get(nodeId);
    if (!old) return;
    this.countTags(old.Tags, -1);
    this.state.nodes = this.state.nodes.filter((n) => n !== old);
    this.nodesById.delete(nodeId);
    this.dropAttachments("NODE", nodeId);
    this.changed = true;
  }

  allocateNodeId(): number {
    this.changed = true;
    return this.state.nextNodeId++;
  }

  memberCountInNode(nodeId: number): number {
    return this.membersPerNode.get(nodeId) ?? 0;
  }

  listRecords(): CreationRecord[] {
    return this.state.records.map((r) => structuredClone(r));
  }

  getRecord(recordId: number): CreationRecord | undefined {
    const found = this.recordsById.get(recordId);
    return found && structuredClone(found);
  }

  putRecord(record: CreationRecord): void {
    const copy = structuredClone(record);
    const old = this.recordsById.get(record.recordId);
    if (old) this.state.records[this.state.records.indexOf(old)] = copy;
    else this.state.records.push(copy);
    this.recordsById.set(copy.recordId, copy);
    this.changed = true;
  }

  allocateRecordId(): number {
    this.changed = true;
    return this.state.nextRecordId++;
  }

  identityGrantTime(memberUin: number, identityId: number): string | undefined {
    return this.state.identityGrantTimes[`${memberUin}/${identityId}`];
  }

  setIdentityGrantTime(memberUin: number, identityId: number, time: string | undefined): void {
    const key = `${memberUin}/${identityId}`;
    if (time === undefined) delete this.state.identityGrantTimes[key];
    else this.state.identityGrantTimes[key] = time;
    this.changed = true;
  }

  deregisterAttempts(memberUin: number): number {
    return this.state.deregisterAttempts[String(memberUin)] ?? 0;
  }

  setDeregisterAttempts(memberUin: number, attempts: number): void {
    this.state.deregisterAttempts[String(memberUin)] = attempts;
    this.changed = true;
  }

  tagValueCount(key: string): number {
    return this.tagUse.get(key)?.size ?? 0;
  }

  hasTagValue(key: string, value: string): boolean {
    return this.tagUse.get(key)?.has(value) ?? false;
  }

  tagKeyCount(): number {
    return this.tagUse.size;
  }

  get settings(): OrganizationSettings {
    return { ...DEFAULT_SETTINGS, ...this.state.settings };
  }

  setSettings(settings: OrganizationSettings): void {
    this.state.settings = { ...settings };
    this.changed = true;
  }

  policyView(): Readonly<PolicyState> {
    // Always set by load().
    return this.state.policies!;
  }

  setPolicyState(state: PolicyState): void {
    this.state.policies = structuredClone(state);
    this.changed = true;
  }

  replace(state: OrganizationState): void {
    this.load(state);
    this.changed = true;
  }

  snapshot(): OrganizationState {
    return structuredClone(this.state);
  }
}

/**
 * Reads a data file written by {@link writeStateFile}.
 * @returns the state, or undefined when the file does not exist
 * @throws Error when the file exists but is not an emulator state file (refusing beats overwriting it)
 */
export function readStateFile(path: string): OrganizationState | undefined {
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (typeof parsed !== "object" || parsed === null || (parsed as { format?: unknown }).format !== "tencent-organization-emulator/1") {
    throw new Error(`${path} is not a Tencent Cloud organization emulator data file`);
  }
  return parsed as OrganizationState;
}

/**
 * Writes the state atomically: a temporary file beside the target, then rename, so a crash
 * mid-write leaves either the old or the new file and never half of one.
 */
export function writeStateFile(path: string, state: OrganizationState): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 2));
  renameSync(temporary, path);
}
