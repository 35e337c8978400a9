/**
 * Writes the fixtures of report.test.ts: real `pulumi preview --refresh --json` documents from
 * the engine (CLI v3.274.1) for each drift kind the e2e suite produces, and for no drift.
 *
 *   npx tsx test/drift/capture.ts        # after `bash scripts/test.sh` has built the CLI
 *
 * It runs the pipeline example against an emulator through the e2e harness, makes one change
 * behind Pulumi's back at a time (as drift.test.ts does), captures the preview, and repairs
 * the member with `up --refresh` before the next one. Run it again only when the engine's
 * output format changes; the fixtures are committed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { membersByName, startEngineHarness, type OutOfBand, type PipelineMember } from "../e2e/harness";

/** The members every capture starts from. */
export const CAPTURE_MEMBERS: PipelineMember[] = [
  { key: "renamed", name: "drift-renamed", nodeId: 100001, permissionIds: [1, 2] },
  { key: "repermitted", name: "drift-repermitted", nodeId: 100001, permissionIds: [1, 2, 8] },
  { key: "retagged", name: "drift-retagged", nodeId: 100001, permissionIds: [1, 2], tags: { team: "data" } },
  { key: "moved", name: "drift-moved", nodeId: 100001, permissionIds: [1, 2] },
  { key: "deleted", name: "drift-deleted", nodeId: 100002, permissionIds: [1, 2, 5], tags: { team: "finance" } },
];

const CHANGES: { fixture: string; key: string; change(o: OutOfBand, memberUin: number): Promise<void> }[] = [
  { fixture: "name", key: "renamed", change: (o, uin) => o.rename(uin, "renamed-by-hand") },
  { fixture: "permissions", key: "repermitted", change: (o, uin) => o.setPermissions(uin, [1, 2, 3, 9]) },
  { fixture: "tags", key: "retagged", change: (o, uin) => o.setTags(uin, { team: "ml", owner: "bob" }) },
  { fixture: "department", key: "moved", change: (o, uin) => o.move(uin, 100003) },
  { fixture: "deleted", key: "deleted", change: (o, uin) => o.deleteAccount(uin) },
];

async function main(): Promise<void> {
  const h = await startEngineHarness("capture");
  const write = (fixture: string, text: string) => {
    // Pretty-printed so that reviews can read them; the content is the CLI's, except that the
    // serialized provider (~2 KB of closure text in every inputs and outputs) is cut to its size.
    const document = JSON.parse(text, (key, value: unknown) =>
      key === "__provider" && typeof value === "string" ? `<serialized provider, ${value.length} characters>` : value,
    );
    writeFileSync(join(__dirname, "fixtures", `${fixture}.json`), `${JSON.stringify(document, null, 2)}\n`);
    console.log(`wrote test/drift/fixtures/${fixture}.json`);
  };
  try {
    const stack = await h.open("examples/pipeline", {
      projectName: "drift-capture",
      config: { membersFile: h.writeMembersFile("members", CAPTURE_MEMBERS) },
    });
    await stack.up();
    write("no-drift", await stack.previewJson({ refresh: true }));
    for (const { fixture, key, change } of CHANGES) {
      const memberUin = membersByName(h.emulator).get(CAPTURE_MEMBERS.find((m) => m.key === key)!.name)!.memberUin;
      await change(h.outOfBand, memberUin);
      write(fixture, await stack.previewJson({ refresh: true }));
      await stack.up({ refresh: true });
    }
    // Two kinds at once, on two members: the report lists both.
    const byName = membersByName(h.emulator);
    await h.outOfBand.rename(byName.get("drift-renamed")!.memberUin, "renamed-again");
    await h.outOfBand.move(byName.get("drift-moved")!.memberUin, 100002);
    write("name-and-department", await stack.previewJson({ refresh: true }));
  } finally {
    await h.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
