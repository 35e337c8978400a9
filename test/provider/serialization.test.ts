/**
 * What Pulumi stores in the state for every member: the serialized provider (`__provider`).
 * Runs the compiled package (`npm run build` first, as `npm test` does) through the real
 * closure serializer under `pulumi.runtime.setMocks`.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Loaded natively, not through vitest's transform, exactly as a user's program loads them.
const load = createRequire(__filename);
const pulumi = load("@pulumi/pulumi") as typeof import("@pulumi/pulumi");

const SECRET_KEY = "serialization-test-secret-key-9f8e7d";
const SECRET_ID = "AKIDserializationtestid0000000001";
const stored: Record<string, unknown>[] = [];

beforeAll(async () => {
  process.env.TENCENTCLOUD_SECRET_ID = SECRET_ID;
  process.env.TENCENTCLOUD_SECRET_KEY = SECRET_KEY;
  pulumi.runtime.setAllConfig({ "tencentcloud:secretKey": SECRET_KEY, "tencentcloud:secretId": SECRET_ID }, ["tencentcloud:secretKey"]);
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

afterAll(() => {
  delete process.env.TENCENTCLOUD_SECRET_ID;
  delete process.env.TENCENTCLOUD_SECRET_KEY;
});

describe("the serialized provider", () => {
  it("is stored for every member and stays within 2 KB", () => {
    expect(stored).toHaveLength(3);
    for (const inputs of stored) {
      const text = String(inputs.__provider);
      expect(text.length).toBeGreaterThan(100);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2048);
    }
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
