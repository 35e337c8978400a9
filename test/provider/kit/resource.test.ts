/**
 * The resource classes' base (kit/resource.ts): constructed with Pulumi's promise traces off, and
 * everything else as before — the limit is back after construction, an error thrown while
 * constructing still carries a trace, and the resource registers with its outputs. Runs the
 * compiled package under `pulumi.runtime.setMocks`, as a program loads it.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";

const load = createRequire(__filename);
const pulumi = load("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
const { OrganizationMember, OrganizationNode } = load("pulumi-tencentcloud-organization") as typeof import("../../../provider");

const registered: Record<string, unknown>[] = [];
beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args.inputs);
        return { id: String(100000100000 + registered.length), state: { ...args.inputs, memberUin: 100000100000 + registered.length } };
      },
      call: () => ({}),
    },
    "kit",
    "test",
    false,
  );
});

describe("TencentResource", () => {
  it("restores the stack trace limit after constructing, and registers every declared input", async () => {
    const before = Error.stackTraceLimit;
    const member = new OrganizationMember("alice", { name: "alice", permissionIds: [1, 2], nodeId: 100001 });
    new OrganizationNode("platform", { name: "Platform", parentNodeId: 100001 });
    expect(Error.stackTraceLimit).toBe(before);
    expect(await new Promise((resolve) => member.memberUin.apply(resolve))).toEqual(expect.any(Number));
    expect(registered.find((r) => r.name === "alice")).toMatchObject({
      permissionIds: [1, 2],
      nodeId: 100001,
      ownerMarker: "kit/test/alice",
    });
    expect(registered.find((r) => r.name === "Platform")).toMatchObject({ parentNodeId: 100001 });
  });

  it("an error thrown while constructing keeps its message, gets a trace, and leaves the limit as it was", () => {
    const before = Error.stackTraceLimit;
    // Pulumi refuses a resource without a name synchronously, inside the constructor.
    const error = (() => {
      try {
        new OrganizationMember(undefined as unknown as string, { name: "x", permissionIds: [1, 2], nodeId: 1 });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toMatch(/name/i);
    expect(error?.stack?.split("\n").length).toBeGreaterThan(2);
    expect(Error.stackTraceLimit).toBe(before);
  });
});
