/**
 * How the pack reads the engine's resources: through @pulumi/policy's own unknown-checking proxy
 * (the one its server wraps props in), values not known at preview become UNKNOWN where they are
 * met; the type, stack and `.get` reads are recognised; violations name resources the same way.
 */
import { unknownCheckingProxy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { UNKNOWN as ENGINE_UNKNOWN } from "../../provider/core/unknown";
import { organizationResource, readProperty, stackOf, subjectOf, UNKNOWN } from "../../provider/policypack/resources";

const MEMBER_TYPE = "pulumi-nodejs:dynamic/tencentcloud:OrganizationMember";
const engineResource = (type: string, props: Record<string, unknown>) => ({
  type,
  urn: `urn:pulumi:prod::org::${type}::ci`,
  name: "ci",
  props: unknownCheckingProxy(props),
});

describe("reading a property through the engine's proxy", () => {
  const props = unknownCheckingProxy({
    name: "ci-bot",
    nodeId: ENGINE_UNKNOWN,
    tags: { team: ENGINE_UNKNOWN, owner: "alice" },
    permissionIds: [1, ENGINE_UNKNOWN],
  });

  it.each([
    ["a known value", "name", "ci-bot"],
    ["a value not known yet", "nodeId", UNKNOWN],
    ["a map with one value not known yet", "tags", { team: UNKNOWN, owner: "alice" }],
    ["a list with one element not known yet", "permissionIds", [1, UNKNOWN]],
    ["an absent property", "remark", undefined],
  ])("gives %s as it is, unknowns marked", (_, key, expected) => {
    expect(readProperty(props, key)).toEqual(expected);
  });

  it("lets any other error through", () => {
    const broken = {
      get name(): string {
        throw new TypeError("not a proxy error");
      },
    };
    expect(() => readProperty(broken, "name")).toThrow(TypeError);
  });
});

describe("a resource of this provider", () => {
  it("is recognised by its registered type, with its kind, class, name and stack", () => {
    const member = organizationResource(engineResource(MEMBER_TYPE, { name: "ci-bot", __provider: "code" }), "inputs")!;
    expect(member).toMatchObject({ kind: "member", className: "OrganizationMember", resourceName: "ci", stack: "prod", declared: true });
    expect(member.props).toEqual({ name: "ci-bot" }); // only what the rules read
    expect(subjectOf(member)).toBe('member "ci-bot" (OrganizationMember "ci")');
    expect(organizationResource(engineResource("aws:s3/bucket:Bucket", { name: "b" }), "inputs")).toBeUndefined();
  });

  it.each([
    ["inputs with a name", "inputs", { name: "ci-bot" }, true],
    ["inputs without one (a .get read)", "inputs", {}, false],
    ["outputs with the ownership marker", "outputs", { name: "ci-bot", ownerMarker: "p/s/ci" }, true],
    ["outputs without it (a .get read)", "outputs", { name: "ci-bot" }, false],
  ] as const)("is declared by the program when its %s", (_, source, props, declared) => {
    expect(organizationResource(engineResource(MEMBER_TYPE, props), source)!.declared).toBe(declared);
  });

  it("an attachment, which has no name, always counts as declared", () => {
    const type = "pulumi-nodejs:dynamic/tencentcloud:OrganizationPolicyAttachment";
    expect(organizationResource(engineResource(type, {}), "outputs")!.declared).toBe(true);
  });

  it("reads the stack from the URN", () => {
    expect(stackOf("urn:pulumi:prod-eu::org::pulumi-nodejs:dynamic/tencentcloud:OrganizationNode::lab")).toBe("prod-eu");
    expect(stackOf("not a urn")).toBe("");
  });
});
