/**
 * Reads policies and their targets for one Pulumi operation, so every resource of the operation
 * shares what was read: a policy's document (DescribePolicy — ListPolicies carries no document, so
 * a refresh of N policies costs N calls), the targets of each policy (one ListTargetsForPolicy
 * listing per policy, however many of its attachments the stack declares), the policies of a type
 * by name (one ListPolicies listing, fresh after the last change: the read-backs of policies created
 * together share it, freshListing.ts), and the organization's id (DescribeOrganization, once per
 * process: it never changes). Anything that changes a policy or an attachment calls `invalidate()`.
 */
import { type Clock, SYSTEM_CLOCK } from "./call/clock";
import { FreshListing } from "./freshListing";
import { Gathering } from "./gathering";
import type { ListedPolicy, OrganizationFacts, PolicyTarget, PolicyType, ReportedPolicy } from "./model";
import type { PolicyApi } from "./policies";

/** A shared read: the first caller's promise answers every later one, and a failure is not kept. */
class Shared<K, V> {
  private readonly entries = new Map<K, Promise<V>>();

  get(key: K, load: () => Promise<V>): Promise<V> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = load();
      this.entries.set(key, entry);
      const stored = entry;
      // A failed read must not answer for every later one: the next read asks again.
      stored.catch(() => {
        if (this.entries.get(key) === stored) this.entries.delete(key);
      });
    }
    return entry;
  }

  clear(key?: K): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}

export class PolicyReader {
  private readonly policies = new Shared<string, ReportedPolicy | undefined>();
  private readonly targets = new Shared<string, PolicyTarget[] | undefined>();
  private readonly listings = new Map<PolicyType, FreshListing<ListedPolicy[]>>();
  private readonly facts = new Shared<"organization", OrganizationFacts>();
  private readonly gathering: Gathering;

  constructor(
    readonly api: PolicyApi,
    clock: Clock = SYSTEM_CLOCK,
  ) {
    this.gathering = new Gathering(clock);
  }

  /** The policy with its document, or undefined when Tencent says it does not exist. */
  read(policyId: number, type: PolicyType): Promise<ReportedPolicy | undefined> {
    return this.policies.get(`${type}/${policyId}`, () => this.api.describe(policyId, type));
  }

  /** Every target of the policy (undefined when the policy does not exist), from this operation's listing of it. */
  targetsOf(policyId: number, type: PolicyType): Promise<PolicyTarget[] | undefined> {
    return this.targets.get(`${type}/${policyId}`, () => this.api.targetsOf(policyId, type));
  }

  /** Every policy of `type`, without documents, from this operation's listing (sent since the last change). */
  list(type: PolicyType): Promise<ListedPolicy[]> {
    let listing = this.listings.get(type);
    if (!listing) {
      listing = new FreshListing(() => this.api.list(type), this.gathering);
      this.listings.set(type, listing);
    }
    return listing.get();
  }

  /** Announces a change whose read-back will follow (gathering.ts); call what it returns once the read is asked. */
  expectRead(): (latencyMs?: number) => void {
    return this.gathering.expect();
  }

  /** The organization's id and root (kept for the process). */
  organization(): Promise<OrganizationFacts> {
    return this.facts.get("organization", () => this.api.organization());
  }

  /** Forgets what was read about one policy's targets (after attaching or detaching it). */
  forgetTargets(policyId: number, type: PolicyType): void {
    this.targets.clear(`${type}/${policyId}`);
  }

  /** Forgets what this operation read about policies and attachments (the organization's id stays). */
  invalidate(): void {
    this.policies.clear();
    this.targets.clear();
    for (const listing of this.listings.values()) listing.invalidate();
  }
}
