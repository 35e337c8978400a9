/**
 * The methods of a module that stored stacks call (provider/lifecycle.ts, provider/nodeLifecycle.ts):
 * the serialized provider in every resource's state does `require(<module>)[method](...)`, so the
 * module's path and these names are a promise to every existing stack. Each forwards to the one
 * lifecycle instance of this provider process (one Pulumi operation), so every object of the type
 * shares one reader; the rate limiter is the process's one (processLimiter), shared with every
 * other resource type, since Tencent counts all their calls against one budget per action.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { processLimiter } from "../api/call/rateLimiter";
import type { CheckOutcome, Declaration } from "./check";
import type { fromConfig, ReadResult, ResourceProviderOf } from "./lifecycle";

/** Builds a resource's lifecycle from the stack config, as `fromConfig` does. */
export type LifecycleFromConfig<I, O> = (
  config: (key: string) => string | undefined,
  deps: NonNullable<Parameters<typeof fromConfig>[1]>,
) => ResourceProviderOf<I, O> & Required<Pick<ResourceProviderOf<I, O>, "diff" | "delete">>;

/** The seven methods the engine calls on a dynamic provider, forwarding to this process's instance. */
export interface ForwardingMethods<I, O> {
  /** Called once per provider process by the engine with the whole stack config. */
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Declaration<I>, news: Declaration<I>): Promise<CheckOutcome<I>>;
  diff(id: string, olds: O, news: I): Promise<dynamic.DiffResult>;
  create(inputs: I): Promise<Required<dynamic.CreateResult<O>>>;
  read(id: string, props?: Partial<O>): Promise<ReadResult<I, O>>;
  update(id: string, olds: O, news: I): Promise<Required<dynamic.UpdateResult<O>>>;
  delete(id: string, props: O): Promise<void>;
}

/** The forwarding methods for a resource whose lifecycle `make` builds from config. */
export function forwardingMethods<I, O>(make: LifecycleFromConfig<I, O>): ForwardingMethods<I, O> {
  // Built from the stack config given to `configure`; until then, from nothing (the environment).
  let instance = make(() => undefined, { limiterFor: processLimiter });
  return {
    configure: async (req) => {
      instance = make((key) => req.config.get(key), { limiterFor: processLimiter });
    },
    check: (olds, news) => instance.check(olds, news),
    diff: (id, olds, news) => instance.diff(id, olds, news),
    create: (inputs) => instance.create(inputs),
    read: (id, props) => instance.read(id, props),
    update: (id, olds, news) => instance.update(id, olds, news),
    delete: (id, props) => instance.delete(id, props),
  };
}
