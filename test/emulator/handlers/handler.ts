/**
 * What every action handler is: a request model plus a function from typed parameters to
 * response fields. The server validates the body against the model before calling it.
 */
import type { CamService } from "../cam";
import { isDocumentedFor, UndocumentedCodeError } from "../codes";
import { ApiError } from "../errors";
import type { OrganizationStore } from "../storage";
import type { StsService } from "../sts";
import { validateParams, type ParamsOf, type RequestSchema } from "../validation";

/** What a handler may use besides its parameters. */
export interface HandlerContext {
  readonly store: OrganizationStore;
  /** Current time, ms since epoch (the emulator's clock option). */
  now(): number;
  /** Organization limits and tag quotas (start options). */
  readonly limits: OrganizationLimits;
  /** DeleteAccount answers "pending" this many times per member before completing. */
  readonly deregisterPendingCalls: number;
  /** Roles, identity providers and sessions (the STS actions). */
  readonly sts: StsService;
  /** The SecretId that signed the request; absent for an unsigned one (AssumeRoleWithWebIdentity). */
  readonly callerSecretId?: string;
  /**
   * Consumes an injected creation fault pending for this action (`createAccountFailure`:
   * CreateOrganizationMember; `tagResourcesError`: CreateOrganizationMember, AddOrganizationNode).
   */
  takeCreationFault(): CreationFault | undefined;
}

/** A fault that shapes a creation from inside the handler. */
export type CreationFault = "createAccountFailure" | "tagResourcesError";

/** Where a department name must be unique. */
export type DepartmentNameScope = "organization" | "siblings";

/** Limits and quotas handlers enforce; see EmulatorOptions for their defaults and sources. */
export interface OrganizationLimits {
  readonly memberLimit: number;
  readonly nodeLimit: number;
  readonly nodeDepthLimit: number;
  /** Where a department name must be unique: in the whole organization (Tencent's FAQ) or among its siblings. */
  readonly departmentNameScope: DepartmentNameScope;
  readonly tagValueQuota: number;
  readonly tagKeyQuota: number;
  /** Custom service control policies (FailedOperation.PolicyFull). */
  readonly policyLimit: number;
  /** Tag policies (LimitExceeded.TagPolicy). */
  readonly tagPolicyLimit: number;
  /** Policies of one type per department or member (InvalidParameter.AttachmentFull). */
  readonly policyAttachmentLimit: number;
}

/** Response fields without RequestId (the server adds it). */
export type ResponseFields = Record<string, unknown>;

/** A registered action: identity, and a run function taking the raw parsed body. */
export interface ActionHandler {
  readonly version: string;
  readonly action: string;
  /**
   * The product: the credential scope's service and the CAM prefix. Not derivable from the version
   * alone: tag and sts are both 2018-08-13.
   */
  readonly service: CamService;
  /** Accepts `Authorization: SKIP` instead of a signature (AssumeRoleWithWebIdentity). */
  readonly unsigned: boolean;
  /** Validates `body` against the action's request model, then performs the action. */
  run(body: unknown, context: HandlerContext): ResponseFields;
}

/**
 * Declares a handler with a request model; `handle` receives parameters typed from the model.
 * @param definition - version, action name, request model (declare it `as const`) and the handler body
 */
export function defineHandler<const S extends RequestSchema>(definition: {
  version: string;
  action: string;
  /** @default "organization" for ORGANIZATION_VERSION, "tag" for TAG_VERSION */
  service?: CamService;
  /** @default false */
  unsigned?: boolean;
  params: S;
  handle(params: ParamsOf<S>, context: HandlerContext): ResponseFields;
}): ActionHandler {
  return {
    version: definition.version,
    action: definition.action,
    service: definition.service ?? (definition.version === TAG_VERSION ? "tag" : "organization"),
    unsigned: definition.unsigned ?? false,
    run: (body, context) => {
      try {
        return definition.handle(validateParams(definition.params, body), context);
      } catch (error) {
        // The structural guard of codes.ts: an answer outside the action's documented codes is a bug.
        if (error instanceof ApiError && !isDocumentedFor(definition.action, error.code))
          throw new UndocumentedCodeError(definition.action, error.code);
        throw error;
      }
    },
  };
}

/** The organization API version the emulator serves. */
export const ORGANIZATION_VERSION = "2021-03-31";
/** The tag API version the emulator serves. */
export const TAG_VERSION = "2018-08-13";
/** The STS API version the emulator serves (the same date as tag's: handlers name their service). */
export const STS_VERSION = "2018-08-13";
