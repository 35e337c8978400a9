/**
 * Benchmark program: `count` do-nothing dynamic resources — the engine's own cost for N dynamic
 * resources (serialization, checkpoints, the provider process), with no API behind them.
 */
import * as pulumi from "@pulumi/pulumi";

const noop: pulumi.dynamic.ResourceProvider = {
  create: async (inputs: { i: number }) => ({ id: `noop-${inputs.i}`, outs: inputs }),
  read: async (id: string, props: unknown) => ({ id, props }),
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, i: number) {
    super(noop, name, { i }, undefined, "bench", "Noop");
  }
}

export = async () => {
  const count = new pulumi.Config().requireNumber("count");
  for (let i = 0; i < count; i++) new Noop(`n${i}`, i);
};
