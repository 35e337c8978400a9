/**
 * What Pulumi stores in the state for every member and every department: the serialized provider
 * (`__provider`, the shim). Runs the compiled package (`npm run build` first, as `npm test` does)
 * through the real closure serializer under `pulumi.runtime.setMocks`, and runs stored member texts
 * — today's and the one 0.1.0 wrote into existing stacks — the way the engine's dynamic-provider host does.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsEverywhere } from "../support/credentialsEverywhere";

// Loaded natively, not through vitest's transform, exactly as a user's program loads them.
const load = createRequire(__filename);
const pulumi = load("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
// The host's own loader (sdk/nodejs/cmd/dynamic-provider: `requireFromString(text).handler()`).
const requireFromString = createRequire(load.resolve("@pulumi/pulumi"))("require-from-string") as (code: string) => {
  handler(): Record<string, unknown>;
};
const lifecycle = load("pulumi-tencentcloud-organization/dist/lifecycle") as Record<string, unknown>;
const METHODS = ["check", "diff", "create", "read", "update", "delete"] as const;

/** Runs stored text as the host does: deserialize once, then `configure` before anything else. */
async function hostLoad(text: string): Promise<Record<string, unknown>> {
  const provider = requireFromString(text).handler();
  await (provider.configure as (req: unknown) => Promise<void>)({ config: { get: () => undefined } });
  return provider;
}

/** Replaces the implementation's methods with recorders while `body` runs. */
async function recordingCalls(body: () => Promise<void>): Promise<[string, unknown[]][]> {
  const calls: [string, unknown[]][] = [];
  const saved = Object.fromEntries(METHODS.map((m) => [m, lifecycle[m]]));
  for (const m of METHODS) lifecycle[m] = async (...args: unknown[]) => void calls.push([m, args]);
  try {
    await body();
  } finally {
    Object.assign(lifecycle, saved);
  }
  return calls;
}

describe("the serialized provider", () => {
  const SECRET_KEY = "serialization-test-secret-key-9f8e7d";
  const SECRET_ID = "AKIDserializationtestid0000000001";
  const stored: Record<string, unknown>[] = [];

  let removeCredentials: () => void;

  beforeAll(async () => {
    removeCredentials = credentialsEverywhere(pulumi, SECRET_ID, SECRET_KEY);
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          stored.push(args.inputs);
          return { id: String(100000100000 + stored.length), state: args.inputs };
        },
        call: () => ({}),
      },
      "serialization",
      "test",
      false,
    );
    const { OrganizationMember } = load("pulumi-tencentcloud-organization") as typeof import("../../provider");
    const members = ["alice", "bob", "carol"].map(
      (name) => new OrganizationMember(name, { name, permissionIds: [1, 2], nodeId: 100001, tags: { team: "platform" } }),
    );
    await Promise.all(members.map((m) => new Promise((resolve) => m.memberUin.apply(resolve))));
  });

  afterAll(() => removeCredentials());

  it("is stored for every member and stays within 768 bytes (0.1.0 stored 2038)", () => {
    expect(stored).toHaveLength(3);
    for (const inputs of stored) {
      const text = String(inputs.__provider);
      expect(text.length).toBeGreaterThan(100);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(768);
    }
  });

  it("has one method in its text; after the host's configure, every method is the implementation's", async () => {
    const text = String(stored[0].__provider);
    expect(text.match(/^function __f/gm)).toHaveLength(2); // the handler and configure
    const provider = await hostLoad(text);
    for (const m of METHODS) expect(provider[m], m).toBe(lifecycle[m]);
  });

  it("still runs what 0.1.0 stored: its seven methods forward to the implementation by name", async () => {
    const legacy = readFileSync(join(__dirname, "fixtures", "provider-0.1.0.txt"), "utf8");
    const calls = await recordingCalls(async () => {
      const provider = await hostLoad(legacy);
      for (const m of METHODS) await (provider[m] as (...a: unknown[]) => Promise<unknown>)("100000100001", { m });
    });
    expect(calls).toEqual(METHODS.map((m) => [m, ["100000100001", { m }]]));
  });

  it("is the same text for every member, so one provider process serves them all", () => {
    expect(new Set(stored.map((i) => i.__provider)).size).toBe(1);
  });

  it("requires the implementation from the installed package instead of copying it in", () => {
    const text = String(stored[0].__provider);
    expect(text).toContain('require("pulumi-tencentcloud-organization/dist/lifecycle")');
    expect(text).not.toMatch(/createOrFind|TencentApi|DescribeOrganizationMembers/);
  });

  it("holds no credential, from config or environment", () => {
    const state = JSON.stringify(stored);
    expect(state).not.toContain(SECRET_KEY);
    expect(state).not.toContain(SECRET_ID);
  });

  it("records the ownership marker from project, stack and resource name", () => {
    expect(stored.map((i) => i.ownerMarker)).toEqual(["serialization/test/alice", "serialization/test/bob", "serialization/test/carol"]);
  });
});

describe("the serialized department provider", () => {
  const SECRET_KEY = "node-serialization-secret-key-1a2b3c";
  const SECRET_ID = "AKIDnodeserializationid00000000001";
  const stored: { type: string; inputs: Record<string, unknown> }[] = [];

  let removeCredentials: () => void;

  beforeAll(async () => {
    removeCredentials = credentialsEverywhere(pulumi, SECRET_ID, SECRET_KEY);
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          stored.push({ type: args.type, inputs: args.inputs });
          const id = 100100 + stored.length;
          // As the provider would: a department's id is also its nodeId output.
          return { id: String(id), state: { ...args.inputs, nodeId: args.type.endsWith(":OrganizationNode") ? id : args.inputs.nodeId } };
        },
        call: () => ({}),
      },
      "serialization",
      "test",
      false,
    );
    const { OrganizationNode, OrganizationMember } = load("pulumi-tencentcloud-organization") as typeof import("../../provider");
    const product = new OrganizationNode("product", { name: "Product", parentNodeId: 100000, tags: { team: "product" } });
    const platform = new OrganizationNode("platform", { name: "Platform", parentNodeId: product.nodeId });
    const member = new OrganizationMember("ci", { name: "ci", permissionIds: [1, 2], nodeId: platform.nodeId });
    await new Promise((resolve) => member.memberUin.apply(resolve));
  });

  afterAll(() => removeCredentials());

  const departments = () => stored.filter((r) => r.type.endsWith(":OrganizationNode"));

  it("is stored for every department, the same text for each, within 2 KB", () => {
    expect(departments()).toHaveLength(2);
    const texts = new Set(departments().map((r) => String(r.inputs.__provider)));
    expect(texts.size).toBe(1);
    expect(Buffer.byteLength([...texts][0])).toBeLessThanOrEqual(2048);
  });

  it("requires the department implementation from its permanent module, not the member one", () => {
    const text = String(departments()[0].inputs.__provider);
    expect(text).toContain('require("pulumi-tencentcloud-organization/dist/nodeLifecycle")');
    expect(text).not.toContain('dist/lifecycle")');
    expect(text).not.toMatch(/createOrFind|TencentApi|AddOrganizationNode/);
  });

  it("holds no credential, from config or environment", () => {
    const state = JSON.stringify(stored);
    expect(state).not.toContain(SECRET_KEY);
    expect(state).not.toContain(SECRET_ID);
  });

  it("records the ownership marker, and the member gets its department from the department's output", () => {
    expect(departments().map((r) => r.inputs.ownerMarker)).toEqual(["serialization/test/product", "serialization/test/platform"]);
    const member = stored.find((r) => r.type.endsWith(":OrganizationMember"))!;
    const platform = departments()[1];
    expect(platform.inputs.parentNodeId).toBe(100101);
    expect(member.inputs.nodeId).toBe(100102);
  });
});
