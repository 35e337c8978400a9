/**
 * OrganizationPolicyType's dynamic provider: enabling a policy type for the organization. Like an
 * attachment it is a setting, not a named object, and Tencent's Enable/DisablePolicyType are not
 * idempotent on their documented codes (reference tencent-policies.md §2): whether the type is
 * enabled is decided by asking (DescribePolicyConfig), never by the code of a refusal.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { POLICY_TYPES } from "../api/model";
import { ProviderError, TencentApiError } from "../core/errors";
import { type CheckOutcome, checkInputs, type Declaration, oneOf, type Validator } from "../kit/check";
import { diffByTable, type FieldRule } from "../kit/diff";
import { ConnectedProvider, type LifecycleSource, type ReadResult } from "../kit/lifecycle";
import { connectPolicies, type PolicyConnection } from "../policy/kind";
import { POLICY_TYPE_DELETION_POLICIES, type PolicyType, type PolicyTypeInputs, type PolicyTypeOutputs } from "./types";

const VALIDATORS: { [K in keyof Required<PolicyTypeInputs>]: Validator<PolicyTypeInputs[K]> } = {
  type: oneOf("type", POLICY_TYPES),
  deletionPolicy: oneOf("deletionPolicy", POLICY_TYPE_DELETION_POLICIES),
};

/** Validates and normalises new inputs. Pure. */
export function checkPolicyType(_olds: Declaration<PolicyTypeInputs>, news: Declaration<PolicyTypeInputs>): CheckOutcome<PolicyTypeInputs> {
  const { inputs, failures } = checkInputs({ ...news }, VALIDATORS as Record<string, Validator<unknown>>, new Set(["type"]), {
    deletionPolicy: "retain",
  });
  return { inputs: inputs as Partial<PolicyTypeInputs> as PolicyTypeInputs, failures };
}

/** The diff table: another type is another setting; the deletion behaviour is the state's alone. */
export const POLICY_TYPE_DIFF_TABLE: readonly FieldRule<PolicyTypeInputs, PolicyTypeOutputs, "stateOnly" | "replace">[] = [
  { field: "deletionPolicy", effect: "stateOnly", differs: (o, n) => (o.deletionPolicy ?? "retain") !== n.deletionPolicy },
  { field: "type", effect: "replace", differs: (o, n) => o.type !== n.type },
];

/** The type of an id; undefined when it is not one. */
const typeOfId = (id: string): PolicyType | undefined => POLICY_TYPES.find((t) => t === id);

/** The dynamic provider of OrganizationPolicyType. */
export class PolicyTypeLifecycle extends ConnectedProvider<PolicyConnection> {
  constructor(source: LifecycleSource) {
    super((api) => connectPolicies(api), source);
  }

  async check(olds: Declaration<PolicyTypeInputs>, news: Declaration<PolicyTypeInputs>) {
    return checkPolicyType(olds, news);
  }

  async diff(_id: string, olds: PolicyTypeOutputs, news: PolicyTypeInputs): Promise<dynamic.DiffResult> {
    const { changes, replaces } = diffByTable(POLICY_TYPE_DIFF_TABLE, olds, news);
    return { changes, replaces, deleteBeforeReplace: false };
  }

  /** Whether `type` is enabled now, and the organization's id. */
  private async enabled(type: PolicyType): Promise<{ enabled: boolean; organizationId: number }> {
    const { organizationId } = await this.connected.reader.organization();
    return { enabled: await this.connected.policies.typeEnabled(organizationId, type), organizationId };
  }

  /** Enables the type; a type already enabled (by hand, or by a lost answer) is taken as it is. */
  async create(inputs: PolicyTypeInputs): Promise<Required<dynamic.CreateResult<PolicyTypeOutputs>>> {
    const { enabled, organizationId } = await this.enabled(inputs.type);
    if (enabled) this.log.info(`${inputs.type} is already enabled for organization ${organizationId}: the stack now manages it`);
    else {
      try {
        await this.connected.policies.enableType(organizationId, inputs.type);
        this.log.info(`enabled ${inputs.type} for organization ${organizationId}`);
      } catch (error) {
        if (!(error instanceof TencentApiError) || !(await this.enabled(inputs.type)).enabled) throw error;
        this.log.info(`${inputs.type} is enabled (${error.code} on EnablePolicyType): nothing more to do`);
      }
    }
    return { id: inputs.type, outs: { ...inputs, organizationId } };
  }

  /** Enabled → the resource exists; disabled (in the console) → it is gone, and the next `up` enables it again. */
  async read(id: string, props?: Partial<PolicyTypeOutputs>): Promise<ReadResult<PolicyTypeInputs, PolicyTypeOutputs>> {
    const type = typeOfId(id);
    if (!type) throw new ProviderError({ summary: `"${id}" is not a policy type`, hint: `the id is one of ${POLICY_TYPES.join(", ")}.` });
    const { enabled, organizationId } = await this.enabled(type);
    if (!enabled) {
      this.log.info(`${type} is no longer enabled for organization ${organizationId}: the resource is gone`);
      return {};
    }
    const outputs: PolicyTypeOutputs = { type, deletionPolicy: props?.deletionPolicy ?? "retain", organizationId };
    return { id, props: outputs, inputs: { type, deletionPolicy: outputs.deletionPolicy } };
  }

  async update(_id: string, olds: PolicyTypeOutputs, news: PolicyTypeInputs): Promise<Required<dynamic.UpdateResult<PolicyTypeOutputs>>> {
    return { outs: { ...olds, deletionPolicy: news.deletionPolicy } };
  }

  /** Disables the type (deletionPolicy `disable`); one already disabled counts as done. */
  async delete(id: string, props: PolicyTypeOutputs): Promise<void> {
    const type = typeOfId(id) ?? props.type;
    if ((props.deletionPolicy ?? "retain") === "retain") {
      this.log.info(`${type} retained (deletionPolicy "retain"): it stays enabled, with every policy attached under it`);
      return;
    }
    const { organizationId } = await this.connected.reader.organization();
    try {
      await this.connected.policies.disableType(organizationId, type);
      this.log.info(`disabled ${type} for organization ${organizationId}`);
    } catch (error) {
      if (!(error instanceof TencentApiError) || (await this.enabled(type)).enabled) throw error;
      this.log.info(`${type} is already disabled (${error.code})`);
    }
  }
}
