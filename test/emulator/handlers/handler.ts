/**
 * What every action handler is: a request model plus a function from typed parameters to
 * response fields. The server validates the body against the model before calling it.
 */
import type { OrganizationStore } from "../storage";
import { validateParams, type ParamsOf, type RequestSchema } from "../validation";

/** What a handler may use besides its parameters. */
export interface HandlerContext {
  readonly store: OrganizationStore;
  /** Current time, ms since epoch (the emulator's clock option). */
  now(): number;
  /** Organization member-count limit. */
  readonly memberLimit: number;
  /** DeleteAccount answers "pending" this many times per member before completing. */
  readonly deregisterPendingCalls: number;
  /** Consumes an injected `createAccountFailure` fault, if one is pending for CreateOrganizationMember. */
  takeCreateAccountFailure(): boolean;
}

/** Response fields without RequestId (the server adds it). */
export type ResponseFields = Record<string, unknown>;

/** A registered action: identity, and a run function taking the raw parsed body. */
export interface ActionHandler {
  readonly version: string;
  readonly action: string;
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
  params: S;
  handle(params: ParamsOf<S>, context: HandlerContext): ResponseFields;
}): ActionHandler {
  return {
    version: definition.version,
    action: definition.action,
    run: (body, context) => definition.handle(validateParams(definition.params, body), context),
  };
}

/** The organization API version the emulator serves. */
export const ORGANIZATION_VERSION = "2021-03-31";
/** The tag API version the emulator serves. */
export const TAG_VERSION = "2018-08-13";
