/**
 * Writes the generated files into the output folder so that nothing is ever half-written: a folder
 * that already holds a program is refused (unless told to overwrite), every file is first written
 * beside its final name and only then renamed into place, and a failure removes what it wrote.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AdoptionError } from "../core/errors/AdoptionError";
import type { GeneratedFile } from "./program";

/** What was written, and which existing files were kept. */
export interface WriteOutcome {
  written: string[];
  kept: string[];
}

/**
 * Writes `files` into `dir` (created if missing).
 * @param overwrite - replace the files of an earlier program (`--force`)
 * @throws AdoptionError when `dir` holds a file this would replace and `overwrite` is not set
 */
export function writeProjectFolder(dir: string, files: readonly GeneratedFile[], overwrite: boolean): WriteOutcome {
  const present = (file: GeneratedFile) => existsSync(join(dir, file.path));
  const clashes = files.filter((f) => !f.onlyIfAbsent && present(f)).map((f) => f.path);
  if (clashes.length > 0 && !overwrite) {
    throw new AdoptionError(
      `${dir} already holds a program (${clashes.join(", ")})`,
      "choose an empty folder with --out, or add --force to replace those files.",
    );
  }
  const kept = files.filter((f) => f.onlyIfAbsent && present(f)).map((f) => f.path);
  const toWrite = files.filter((f) => !kept.includes(f.path));
  mkdirSync(dir, { recursive: true });
  const staged: string[] = [];
  try {
    for (const file of toWrite) {
      const temporary = join(dir, `.${file.path}.${process.pid}.tmp`);
      staged.push(temporary);
      writeFileSync(temporary, file.text);
    }
    // Every file is complete on disk before the first one takes its final name.
    for (const [i, file] of toWrite.entries()) renameSync(staged[i], join(dir, file.path));
  } catch (error) {
    for (const temporary of staged) rmSync(temporary, { force: true });
    throw error;
  }
  return { written: toWrite.map((f) => f.path), kept };
}
