/**
 * Where the organization lives: a storage interface the handlers use, an in-memory
 * implementation, and optional persistence to a JSON file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { CreationRecord, EmulatedMember, EmulatedNode, OrganizationState } from "./model";

/** The operations handlers need. Everything returned is a copy: callers change state only through put/remove. */
export interface OrganizationStore {
  readonly adminUin: number;
  /** All members, ascending by UIN (which is creation order). */
  listMembers(): EmulatedMember[];
  getMember(memberUin: number): EmulatedMember | undefined;
  putMember(member: EmulatedMember): void;
  removeMember(memberUin: number): void;
  /** Hands out the next member UIN. */
  allocateMemberUin(): number;

  listNodes(): EmulatedNode[];
  getNode(nodeId: number): EmulatedNode | undefined;
  putNode(node: EmulatedNode): void;
  allocateNodeId(): number;

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

  /** Replaces the whole state (reset, load). */
  replace(state: OrganizationState): void;
  /** A deep copy of the whole state. */
  snapshot(): OrganizationState;
  /** True when something changed since the last {@link OrganizationStore.markClean}. */
  readonly dirty: boolean;
  markClean(): void;
}

/** The in-memory store: the state object plus a dirty flag for persistence. */
export class MemoryStore implements OrganizationStore {
  private state: OrganizationState;
  private changed = false;

  constructor(initial: OrganizationState) {
    this.state = structuredClone(initial);
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

  getMember(memberUin: number): EmulatedMember | undefined {
    const found = this.state.members.find((m) => m.memberUin === memberUin);
    return found && structuredClone(found);
  }

  putMember(member: EmulatedMember): void {
    const copy = structuredClone(member);
    const index = this.state.members.findIndex((m) => m.memberUin === member.memberUin);
    if (index >= 0) this.state.members[index] = copy;
    else {
      this.state.members.push(copy);
      // UIN order is the listing order; out-of-band inserts could otherwise break it.
      this.state.members.sort((a, b) => a.memberUin - b.memberUin);
    }
    this.changed = true;
  }

  removeMember(memberUin: number): void {
    this.state.members = this.state.members.filter((m) => m.memberUin !== memberUin);
    for (const key of Object.keys(this.state.identityGrantTimes)) {
      if (key.startsWith(`${memberUin}/`)) delete this.state.identityGrantTimes[key];
    }
    delete this.state.deregisterAttempts[String(memberUin)];
    this.changed = true;
  }

  allocateMemberUin(): number {
    this.changed = true;
    return this.state.nextMemberUin++;
  }

  listNodes(): EmulatedNode[] {
    return this.state.nodes.map((n) => structuredClone(n));
  }

  getNode(nodeId: number): EmulatedNode | undefined {
    const found = this.state.nodes.find((n) => n.NodeId === nodeId);
    return found && structuredClone(found);
  }

  putNode(node: EmulatedNode): void {
    const copy = structuredClone(node);
    const index = this.state.nodes.findIndex((n) => n.NodeId === node.NodeId);
    if (index >= 0) this.state.nodes[index] = copy;
    else this.state.nodes.push(copy);
    this.changed = true;
  }

  allocateNodeId(): number {
    this.changed = true;
    return this.state.nextNodeId++;
  }

  listRecords(): CreationRecord[] {
    return this.state.records.map((r) => structuredClone(r));
  }

  getRecord(recordId: number): CreationRecord | undefined {
    const found = this.state.records.find((r) => r.recordId === recordId);
    return found && structuredClone(found);
  }

  putRecord(record: CreationRecord): void {
    const copy = structuredClone(record);
    const index = this.state.records.findIndex((r) => r.recordId === record.recordId);
    if (index >= 0) this.state.records[index] = copy;
    else this.state.records.push(copy);
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

  replace(state: OrganizationState): void {
    this.state = structuredClone(state);
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
