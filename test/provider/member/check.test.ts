import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMember } from "../../../provider/member/check";
import { OWNER_TAG_KEYS } from "../../../provider/core/tags";
import { UNKNOWN } from "../../../provider/core/unknown";
import { minimalDeclaration } from "../support/fixtures";

describe("check rejects bad input with a failure that names the field and the rule", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing name", { name: undefined }, "name", /required/],
    ["a name of 26 characters", { name: "a".repeat(26) }, "name", /1 to 25 characters/],
    ["a name with a space", { name: "alice smith" }, "name", /letters, digits/],
    ["an empty name", { name: "" }, "name", /1 to 25/],
    ["an account name with a slash", { accountName: "a/b" }, "accountName", /1 to 25/],
    ["a policy other than Financial", { policyType: "Finical" }, "policyType", /Financial/],
    ["missing permissions", { permissionIds: undefined }, "permissionIds", /required/],
    ["permissions without 2", { permissionIds: [1, 4] }, "permissionIds", /must include 1 and 2.*missing 2/],
    ["a permission of 11", { permissionIds: [1, 2, 11] }, "permissionIds", /between 1 and 10.*11/],
    ["a permission of 0", { permissionIds: [0, 1, 2] }, "permissionIds", /between 1 and 10/],
    ["permissions that are not integers", { permissionIds: [1, 2, 2.5] }, "permissionIds", /list of integers/],
    ["permissions given as a string", { permissionIds: "1,2" }, "permissionIds", /list of integers/],
    ["a missing node", { nodeId: undefined }, "nodeId", /required/],
    ["a negative node", { nodeId: -3 }, "nodeId", /positive integer/],
    ["a remark of 41 characters", { remark: "r".repeat(41) }, "remark", /at most 40 characters.*41/],
    ["a recordId of zero", { recordId: 0 }, "recordId", /positive integer/],
    ["a payUin with letters", { payUin: "12ab" }, "payUin", /digits only/],
    ["a negative identity", { identityRoleIds: [-1] }, "identityRoleIds", /positive identity ids/],
    ["an authRelationId of text", { authRelationId: "x" }, "authRelationId", /positive integer/],
    ["isAllowQuit as text", { isAllowQuit: "yes" }, "isAllowQuit", /true or false/],
    ["tags given as a list", { tags: [{ TagKey: "a", TagValue: "b" }] }, "tags", /map of tag keys/],
    [
      "fifty tags besides the ownership marker",
      { tags: tagsOf(50), ownerMarker: "p/s/n" },
      "tags",
      /at most 49 tags.*Tencent allows 50 per resource.*ownership marker.*got 50/,
    ],
    ["fifty-one tags without a marker", { tags: tagsOf(51) }, "tags", /at most 50 tags/],
    ["a tag key of 128 characters", { tags: { ["k".repeat(128)]: "v" } }, "tags", /1 to 127 characters/],
    [
      "a reserved tag prefix",
      { tags: { "qcloud:env": "v" } },
      "tags",
      /tag "qcloud:env": its key starts with "qcloud", which Tencent Cloud reserves/,
    ],
    ["a reserved tag prefix in capitals", { tags: { "Project-x": "v" } }, "tags", /reserves/],
    ["the ownership marker's 0.1.0 key", { tags: { [OWNER_TAG_KEYS[0]]: "v" } }, "tags", /reserved for the provider/],
    ["a sharded ownership marker key", { tags: { [OWNER_TAG_KEYS[3]]: "v" } }, "tags", /reserved for the provider/],
    ["a key under the marker prefix, any case", { tags: { "Pulumi:Owner-x": "v" } }, "tags", /reserved for the provider/],
    ["a tag value of 256 characters", { tags: { k: "v".repeat(256) } }, "tags", /tag "k": its value must be 1 to 255 characters/],
    [
      "an empty tag value",
      { tags: { k: "" } },
      "tags",
      /tag "k": its value must be 1 to 255 characters \(Tencent refuses an empty value\)/,
    ],
    ["a non-string tag value", { tags: { k: 5 } }, "tags", /tag "k": its value must be a string/],
    [
      "a tag key with a character outside Tencent's set",
      { tags: { "team!": "a" } },
      "tags",
      /tag "team!": its key may hold only letters.*\(not "!"\)/,
    ],
    [
      "a tag value with characters outside Tencent's set",
      { tags: { team: "a#b$" } },
      "tags",
      /tag "team": its value may hold only .*\(not "#", "\$"\)/,
    ],
    ["a tag key starting with a space", { tags: { " team": "a" } }, "tags", /tag " team": its key must not start or end with a space/],
    ["a tag value ending with a space", { tags: { team: "a " } }, "tags", /tag "team": its value must not start or end with a space/],
    ["the reserved prefix qcs:", { tags: { "qcs:x": "v" } }, "tags", /"qcs:", which Tencent Cloud reserves/],
    ["the reserved prefix 项目", { tags: { 项目组: "v" } }, "tags", /"项目", which Tencent Cloud reserves/],
    ["the reserved prefix tencent, any case", { tags: { TencentTeam: "v" } }, "tags", /"tencent", which Tencent Cloud reserves/],
    ["the reserved prefix qcloud without a colon", { tags: { qcloudx: "v" } }, "tags", /"qcloud", which Tencent Cloud reserves/],
    [
      "isAllowQuit: true on a member this resource creates",
      { isAllowQuit: true },
      "isAllowQuit",
      /cannot be set on a member this resource creates.*adoptMemberUin/,
    ],
    [
      "isAllowQuit: true with a payer",
      { isAllowQuit: true, adoptMemberUin: 100000100001, payUin: "100000000001" },
      "isAllowQuit",
      /together with payUin/,
    ],
    ["an unknown deletion policy", { deletionPolicy: "destroy" }, "deletionPolicy", /retain, removeFromOrganization, deleteAccount/],
    ["an adoptMemberUin of text", { adoptMemberUin: "abc" }, "adoptMemberUin", /positive integer/],
    ["a misspelt input", { permisionIds: [1, 2] }, "permisionIds", /unknown input/],
  ];

  it.each(cases)("%s", (_title, change, property, rule) => {
    const { failures } = checkMember({}, { ...minimalDeclaration, ...change });
    const failure = failures.find((f) => f.property === property);
    expect(failure, JSON.stringify(failures)).toBeDefined();
    expect(failure!.reason).toMatch(rule);
  });
});

describe("check names every refused tag, and only what the program wrote", () => {
  it("lists each refused tag with its rule in one failure", () => {
    const { failures } = checkMember({}, { ...minimalDeclaration, tags: { ok: "fine", "qcs:a": "x", b: "" } });
    expect(failures).toEqual([
      { property: "tags", reason: expect.stringMatching(/^tags: tag "qcs:a": .*reserves.*; tag "b": its value must be 1 to 255/) },
    ]);
  });

  it("an invalid name is not also reported as an invalid accountName the program did not write", () => {
    const { failures } = checkMember({}, { ...minimalDeclaration, name: "alice smith" });
    expect(failures.map((f) => f.property)).toEqual(["name"]);
  });

  it("an accountName the program wrote is reported on its own", () => {
    const { failures } = checkMember({}, { ...minimalDeclaration, name: "alice smith", accountName: "a/b" });
    expect(failures.map((f) => f.property)).toEqual(["name", "accountName"]);
  });

  it("accepts every character Tencent allows, inner spaces and Chinese included", () => {
    const tags = { "a-Z0 9+=._:/@()[],;><": "值 +-=._:/@()[],;><", 团队: "平台 组" };
    expect(checkMember({}, { ...minimalDeclaration, tags }).failures).toEqual([]);
  });

  it("accepts isAllowQuit: true for an adopted member, which may be an invited one", () => {
    expect(checkMember({}, { ...minimalDeclaration, isAllowQuit: true, adoptMemberUin: 100000100001 }).failures).toEqual([]);
  });
});

describe("check normalises", () => {
  it("sorts and de-duplicates permissions and identities", () => {
    const { inputs, failures } = checkMember({}, { ...minimalDeclaration, permissionIds: [7, 2, 1, 2], identityRoleIds: [3, 1, 3] });
    expect(failures).toEqual([]);
    expect(inputs.permissionIds).toEqual([1, 2, 7]);
    expect(inputs.identityRoleIds).toEqual([1, 3]);
  });

  it("orders tags by key", () => {
    const { inputs } = checkMember({}, { ...minimalDeclaration, tags: { team: "a", env: "b" } });
    expect(Object.keys(inputs.tags as object)).toEqual(["env", "team"]);
  });

  it("fills policyType, accountName and deletionPolicy defaults", () => {
    const { inputs } = checkMember({}, minimalDeclaration);
    expect(inputs).toMatchObject({ policyType: "Financial", accountName: "alice", deletionPolicy: "retain" });
  });

  it("keeps the account name from creation when the member is renamed", () => {
    const { inputs } = checkMember({ ...minimalDeclaration, accountName: "alice" }, { ...minimalDeclaration, name: "alice-renamed" });
    expect(inputs.accountName).toBe("alice");
  });

  it("accepts a payUin given as a number and stores it as text", () => {
    const { inputs, failures } = checkMember({}, { ...minimalDeclaration, payUin: 100000000001 });
    expect(failures).toEqual([]);
    expect(inputs.payUin).toBe("100000000001");
  });

  it("accepts Chinese characters and every allowed symbol in names", () => {
    const { failures } = checkMember({}, { ...minimalDeclaration, name: "财务+@&._[]-:,a1" });
    expect(failures).toEqual([]);
  });
});

describe("check leaves values unknown at preview alone", () => {
  it("passes an unknown node id and unknown permission through without failing", () => {
    const { inputs, failures } = checkMember({}, { ...minimalDeclaration, nodeId: UNKNOWN, permissionIds: [1, UNKNOWN] });
    expect(failures).toEqual([]);
    expect(inputs.nodeId).toBe(UNKNOWN);
    expect(inputs.permissionIds).toEqual([1, UNKNOWN]);
  });
});

describe("check properties", () => {
  const nameChar = fc.constantFrom(..."abcXYZ019+@&._[]-:,财务".split(""));
  const validName = fc.array(nameChar, { minLength: 1, maxLength: 25 }).map((cs) => cs.join(""));
  const validDeclaration = fc.record({
    name: validName,
    permissionIds: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 10 }).map((ids) => [1, 2, ...ids]),
    nodeId: fc.integer({ min: 1, max: 2 ** 40 }),
    remark: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    tags: fc.option(
      fc.dictionary(
        fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
        fc.stringMatching(/^[A-Za-z0-9团队+\-=._:/@()[\],;><]([A-Za-z0-9 团队]{0,28}[a-z])?$/),
        { maxKeys: 9 },
      ),
      { nil: undefined },
    ),
    // A member this resource creates can never be allowed to quit (see the table above).
    isAllowQuit: fc.option(fc.constant(false), { nil: undefined }),
  });

  it("accepts every valid declaration", () => {
    fc.assert(
      fc.property(validDeclaration, (declaration) => {
        expect(checkMember({}, declaration).failures).toEqual([]);
      }),
    );
  });

  it("gives the same inputs whatever the order of permissions and tags", () => {
    fc.assert(
      fc.property(validDeclaration, (declaration) => {
        const reordered = {
          ...declaration,
          permissionIds: [...declaration.permissionIds].reverse(),
          tags: declaration.tags ? Object.fromEntries(Object.entries(declaration.tags).reverse()) : undefined,
        };
        expect(JSON.stringify(checkMember({}, reordered).inputs)).toBe(JSON.stringify(checkMember({}, declaration).inputs));
      }),
    );
  });

  it("is idempotent: checking checked inputs changes nothing", () => {
    fc.assert(
      fc.property(validDeclaration, (declaration) => {
        const once = checkMember({}, declaration).inputs;
        expect(checkMember(once, once).inputs).toEqual(once);
      }),
    );
  });
});

function tagsOf(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, "v"]));
}

describe("check refuses a replacement that could not complete", () => {
  const created = { ...minimalDeclaration, accountName: "alice", policyType: "Financial", deletionPolicy: "retain", permissionIds: [1, 2] };

  it("a new accountName under the same name while the old account would be retained", () => {
    const { failures } = checkMember(created, { ...minimalDeclaration, accountName: "alice-2" });
    expect(failures).toEqual([
      { property: "accountName", reason: expect.stringMatching(/deletionPolicy "retain".*change name as well.*deleteAccount/s) },
    ]);
  });

  it("allows it together with a new name", () => {
    expect(checkMember(created, { ...minimalDeclaration, name: "alice-new", accountName: "alice-2" }).failures).toEqual([]);
  });

  it("allows it when the old account is deleted first", () => {
    expect(
      checkMember({ ...created, deletionPolicy: "deleteAccount" }, { ...minimalDeclaration, accountName: "alice-2" }).failures,
    ).toEqual([]);
  });

  it("a new verified entity under the same name with removeFromOrganization", () => {
    const { failures } = checkMember(
      { ...created, deletionPolicy: "removeFromOrganization" },
      { ...minimalDeclaration, accountName: "alice", authRelationId: 5001 },
    );
    expect(failures.map((f) => f.property)).toEqual(["authRelationId"]);
  });
});

describe("check refuses to release an adopted member by correcting adoptMemberUin", () => {
  const adopted = { ...minimalDeclaration, accountName: "alice", adoptMemberUin: 100000100001, deletionPolicy: "removeFromOrganization" };

  it("when the old member would be removed from the organization", () => {
    const { failures } = checkMember(adopted, {
      ...minimalDeclaration,
      adoptMemberUin: 100000100002,
      deletionPolicy: "removeFromOrganization",
    });
    expect(failures).toEqual([{ property: "adoptMemberUin", reason: expect.stringMatching(/release the latter.*"retain"/s) }]);
  });

  it("but not when the old member is retained", () => {
    expect(checkMember({ ...adopted, deletionPolicy: "retain" }, { ...minimalDeclaration, adoptMemberUin: 100000100002 }).failures).toEqual(
      [],
    );
  });
});
