import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyCheckpointSidecars, removeEmptySidecars } from "../../scripts/lib/checkpoint";

/** A file backend holding `files` (path below .pulumi/stacks → content). */
function backendWith(files: Record<string, string>): string {
  const backend = mkdtempSync(join(tmpdir(), "checkpoint-"));
  for (const [path, content] of Object.entries(files)) {
    const full = join(backend, ".pulumi", "stacks", path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, content);
  }
  return backend;
}

describe("the empty checkpoint sidecar a killed run can leave in a file backend", () => {
  it.each([
    ["an empty sidecar beside the checkpoint is found", { "proj/dev.json": "{}", "proj/dev.json.attrs": "" }, ["proj/dev.json.attrs"]],
    ["a sidecar that holds attributes is not", { "proj/dev.json": "{}", "proj/dev.json.attrs": '{"user.metadata":{}}' }, []],
    ["an empty checkpoint is never taken for a sidecar", { "proj/dev.json": "" }, []],
    ["another stack's empty sidecar is not this stack's", { "proj/prod.json.attrs": "" }, []],
    ["the backup's empty sidecar is found too", { "proj/dev.json.bak.attrs": "" }, ["proj/dev.json.bak.attrs"]],
    ["the legacy (not project-scoped) layout is looked at too", { "dev.json.attrs": "" }, ["dev.json.attrs"]],
  ] as const)("%s", (_title, files, expected) => {
    const backend = backendWith(files);
    expect(emptyCheckpointSidecars(backend, "proj", "dev")).toEqual(expected.map((path) => join(backend, ".pulumi", "stacks", path)));
  });

  it("removes only what is still an empty sidecar: never a checkpoint, never one that gained content", () => {
    const backend = backendWith({ "proj/dev.json": "", "proj/dev.json.attrs": "", "proj/dev.json.bak.attrs": "" });
    const found = emptyCheckpointSidecars(backend, "proj", "dev");
    writeFileSync(join(backend, ".pulumi", "stacks", "proj", "dev.json.bak.attrs"), "{}"); // written meanwhile
    const removed = removeEmptySidecars([...found, join(backend, ".pulumi", "stacks", "proj", "dev.json")]);
    expect(removed).toEqual([join(backend, ".pulumi", "stacks", "proj", "dev.json.attrs")]);
    expect(existsSync(join(backend, ".pulumi", "stacks", "proj", "dev.json"))).toBe(true);
    expect(existsSync(join(backend, ".pulumi", "stacks", "proj", "dev.json.bak.attrs"))).toBe(true);
  });
});
