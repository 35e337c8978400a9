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
    return cloneAll(this.state.members);
  }

  getMember(memberUin: number): EmulatedMember | undefined {
    return findClone(this.state.members, (m) => m.memberUin === memberUin);
  }

  putMember(member: EmulatedMember): void {
    if (!upsert(this.state.members, member, (m) => m.memberUin === member.memberUin)) {
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
    return cloneAll(this.state.nodes);
  }

  getNode(nodeId: number): EmulatedNode | undefined {
    return findClone(this.state.nodes, (n) => n.NodeId === nodeId);
  }

  putNode(node: EmulatedNode): void {
    upsert(this.state.nodes, node, (n) => n.NodeId === node.NodeId);
    this.changed = true;
  }

  allocateNodeId(): number {
    this.changed = true;
    return this.state.nextNodeId++;
  }

  listRecords(): CreationRecord[] {
    return cloneAll(this.state.records);
  }

  getRecord(recordId: number): CreationRecord | undefined {
    return findClone(this.state.records, (r) => r.recordId === recordId);
  }

  putRecord(record: CreationRecord): void {
    upsert(this.state.records, record, (r) => r.recordId === record.recordId);
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

// Handlers get and put copies, so a request that fails half-way leaves the stored state untouched.
function cloneAll<T>(items: readonly T[]): T[] {
  return items.map((item) => structuredClone(item));
}

function findClone<T>(items: readonly T[], matches: (item: T) => boolean): T | undefined {
  const found = items.find(matches);
  return found && structuredClone(found);
}

/** Replaces the matching item with a copy of `item`, or appends one. @returns whether it replaced */
function upsert<T>(items: T[], item: T, matches: (stored: T) => boolean): boolean {
  const index = items.findIndex(matches);
  if (index >= 0) items[index] = structuredClone(item);
  else items.push(structuredClone(item));
  return index >= 0;
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
