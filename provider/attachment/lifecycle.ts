/**
 * OrganizationPolicyAttachment's dynamic provider. An attachment has no name and no marker — it is
 * the relation itself — so it does not run the named-object skeleton; it runs the same flow:
 * check → diff by table → attach (or find it attached) → read from the shared listing → delete by
 * policy, with "already attached" and "already detached" decided by looking, never by a code
 * (Tencent documents neither, reference tencent-policies.md §1, §7.5).
 *
 * One call per create: AttachPolicy alone. Its outcome is looked up (one ListTargetsForPolicy
 * listing, shared by the operation) only when Tencent refuses or the answer is lost.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { reactionTo } from "../api/call/codes";
import { PolicyNotFoundError, PolicyTypeNotEnabledError, ProviderError, TencentApiError } from "../core/errors";
import type { Declaration } from "../kit/check";
import { ConnectedProvider, type LifecycleSource, type ReadResult } from "../kit/lifecycle";
import { connectPolicies, type PolicyConnection } from "../policy/kind";
import { checkAttachment, diffAttachment } from "./check";
import { type AttachmentInputs, type AttachmentOutputs, attachmentId, parseAttachmentId } from "./types";

type Attachment = Pick<AttachmentInputs, "policyId" | "policyType" | "targetType" | "targetId">;

/** "policy 100001 on department 42", for logs and errors. */
export function describeAttachment(a: Attachment): string {
  return `${a.policyType === "TAG_POLICY" ? "tag policy" : "service control policy"} ${a.policyId} on ${a.targetType === "NODE" ? "department" : "member"} ${a.targetId}`;
}

/** The target named by an attachment is not in the organization. */
export class AttachmentTargetNotFoundError extends ProviderError {
  override name = "AttachmentTargetNotFoundError";
  constructor(
    readonly attachment: Attachment,
    code: string,
    requestId: string | undefined,
    hint: string | undefined,
  ) {
    super({
      summary: `targetId: ${attachment.targetType === "NODE" ? "department" : "member"} ${attachment.targetId} is not in the organization`,
      code,
      requestId,
      hint: hint ?? "use an OrganizationNode's nodeId or an OrganizationMember's memberUin as targetId, with the matching targetType.",
    });
  }
}

/** The dynamic provider of OrganizationPolicyAttachment. */
export class AttachmentLifecycle extends ConnectedProvider<PolicyConnection> {
  constructor(source: LifecycleSource) {
    super((api) => connectPolicies(api), source);
  }

  async check(olds: Declaration<AttachmentInputs>, news: Declaration<AttachmentInputs>) {
    return checkAttachment(olds, news);
  }

  async diff(_id: string, olds: AttachmentOutputs, news: AttachmentInputs): Promise<dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffAttachment(olds, news);
    return { changes, replaces, deleteBeforeReplace };
  }

  /** Whether the attachment exists now, from a fresh listing of the policy's targets (undefined: the policy is gone). */
  private async attachedNow(a: Attachment): Promise<boolean | undefined> {
    const { reader } = this.connected;
    reader.forgetTargets(a.policyId, a.policyType);
    const targets = await reader.targetsOf(a.policyId, a.policyType);
    return targets?.some((t) => t.targetType === a.targetType && t.targetId === a.targetId);
  }

  /** Attaches the policy; attaching what is already attached is not an error. */
  async create(inputs: AttachmentInputs): Promise<Required<dynamic.CreateResult<AttachmentOutputs>>> {
    const c = this.connected;
    const id = attachmentId(inputs);
    try {
      await c.policies.attach(inputs.policyId, inputs.policyType, inputs.targetType, inputs.targetId);
      this.log.info(`attached ${describeAttachment(inputs)}`);
    } catch (error) {
      if (!(error instanceof TencentApiError)) throw error;
      // Lost answer or refusal: whether the policy is on the target now decides, not the code.
      if ((await this.attachedNow(inputs)) === true) {
        this.log.info(`${describeAttachment(inputs)} is attached (${error.code} on AttachPolicy): nothing more to do`);
      } else throw this.explainAttachRefusal(inputs, error);
    } finally {
      c.reader.forgetTargets(inputs.policyId, inputs.policyType);
    }
    return { id, outs: { ...inputs } };
  }

  private explainAttachRefusal(a: AttachmentInputs, error: TencentApiError): Error {
    switch (reactionTo(error.code, error.action)) {
      case "policyTypeNotEnabled":
        return new PolicyTypeNotEnabledError(a.policyType, `attach ${describeAttachment(a)}`, error.code, error.requestId);
      case "policyNotFound":
        return new PolicyNotFoundError(a.policyId, a.policyType, "policyId", `AttachPolicy answered ${error.code}.`);
      case "memberNotFound":
      case "departmentNotFound":
        return new AttachmentTargetNotFoundError(a, error.code, error.requestId, error.hint);
      default:
        return error;
    }
  }

  /** Reads the attachment from the operation's listing of the policy's targets: not listed → gone. */
  async read(id: string, props?: Partial<AttachmentOutputs>): Promise<ReadResult<AttachmentInputs, AttachmentOutputs>> {
    const parts = parseAttachmentId(id);
    if (!parts)
      throw new ProviderError({
        summary: `"${id}" is not an attachment id`,
        hint: "an attachment id is TYPE#policyId#NODE|MEMBER#targetId.",
      });
    const targets = await this.connected.reader.targetsOf(parts.policyId, parts.policyType);
    const attached = targets?.some((t) => t.targetType === parts.targetType && t.targetId === parts.targetId);
    if (!attached) {
      this.log.info(`${describeAttachment(parts)} is no longer attached${targets ? "" : " (the policy is gone)"}: the resource is gone`);
      return {};
    }
    const outputs: AttachmentOutputs = { ...parts, deletionPolicy: props?.deletionPolicy ?? "detach" };
    return { id, props: outputs, inputs: outputs };
  }

  /** Only the deletion behaviour changes in place, and it is the state's alone. */
  async update(_id: string, olds: AttachmentOutputs, news: AttachmentInputs): Promise<Required<dynamic.UpdateResult<AttachmentOutputs>>> {
    return { outs: { ...olds, deletionPolicy: news.deletionPolicy } };
  }

  /** Detaches (deletionPolicy `detach`); detaching what is already detached is not an error. */
  async delete(id: string, props: AttachmentOutputs): Promise<void> {
    const a = parseAttachmentId(id) ?? props;
    if ((props.deletionPolicy ?? "detach") === "retain") {
      this.log.info(`${describeAttachment(a)} retained (deletionPolicy "retain"): dropped from the stack; the policy stays attached`);
      return;
    }
    const c = this.connected;
    try {
      await c.policies.detach(a.policyId, a.policyType, a.targetType, a.targetId);
      this.log.info(`detached ${describeAttachment(a)}`);
    } catch (error) {
      if (!(error instanceof TencentApiError)) throw error;
      const attached = await this.attachedNow(a);
      if (attached !== true) {
        this.log.info(
          `${describeAttachment(a)} is already detached${attached === undefined ? " (the policy is gone)" : ""} (${error.code})`,
        );
        return;
      }
      if (reactionTo(error.code, error.action) === "policyTypeNotEnabled")
        throw new PolicyTypeNotEnabledError(a.policyType, `detach ${describeAttachment(a)}`, error.code, error.requestId);
      throw error;
    } finally {
      c.reader.forgetTargets(a.policyId, a.policyType);
    }
  }
}
