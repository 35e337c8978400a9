/**
 * docs/guides/adoption.md says what the code does: the Terraform attribute table is
 * TERRAFORM_ATTRIBUTES, every value that cannot be read back is in the guide's table, and every
 * command block the end-to-end tests run is there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOT_READ_BACK } from "../../provider/adopt/program";
import { TERRAFORM_ATTRIBUTES } from "../../provider/adopt/terraform";
import { REPO_ROOT } from "../../scripts/lib/engine";
import { guideBlock } from "./support/walkthrough";

const guide = readFileSync(join(REPO_ROOT, "docs", "guides", "adoption.md"), "utf8");

describe("docs/guides/adoption.md", () => {
  it("prints the Terraform attribute mapping as the code has it", () => {
    const table = /<!-- terraform-attributes:begin -->\n([\s\S]*?)<!-- terraform-attributes:end -->/.exec(guide)?.[1];
    const expected = [
      "| resource | attribute | becomes | not carried, because |",
      "|---|---|---|---|",
      ...TERRAFORM_ATTRIBUTES.map((a) => `| \`${a.resource}\` | \`${a.attribute}\` | ${a.becomes ?? ""} | ${a.notCarried ?? ""} |`),
      "",
    ].join("\n");
    expect(table).toBe(expected);
  });

  it.each(NOT_READ_BACK.map((n) => [n.value]))("says why %s is not read back", (value) => {
    const name = value.split(" (")[0];
    expect(guide).toMatch(new RegExp(`^\\| \`?${name.replace(/[()]/g, "\\$&")}`, "m"));
  });

  it.each(["adopt", "unmanaged", "drift", "import", "import-release", "terraform"])("has the %s walk-through block", (name) => {
    expect(guideBlock(name).length).toBeGreaterThan(0);
  });
});

// The README may repeat the guide's walk-throughs under the same markers; the end-to-end tests run
// the guide's, so the README's must be the same lines.
const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const repeated = [...readme.matchAll(/<!-- walkthrough:([\w-]+) -->\s*```sh\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]] as const);

describe.skipIf(repeated.length === 0)("README.md", () => {
  it.each(repeated)("repeats the guide's %s block verbatim", (name, block) => {
    expect(block.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("#"))).toEqual(guideBlock(name));
  });
});
