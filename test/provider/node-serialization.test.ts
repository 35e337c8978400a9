/**
 * What Pulumi stores in the state for every department: the serialized node provider
 * (`__provider`). Runs the compiled package (`npm run build` first, as `npm test` does) through
 * the real closure serializer under `pulumi.runtime.setMocks`.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsEverywhere } from "../support/credentialsEverywhere";

// Loaded natively, not through vitest's transform, exactly as a user's program loads them.
const load = createRequire(__filename);
const pulumi = load("@pulumi/pulumi") as typeof import("@pulumi/pulumi");

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

describe("the serialized department provider", () => {
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
