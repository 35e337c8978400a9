/**
 * A run killed while the file backend writes its checkpoint can leave the checkpoint's sidecar
 * (`<stack>.json.attrs`, where the backend's blob library keeps the file's attributes) empty, and
 * then every later command — `pulumi cancel` included — fails with `failed to load checkpoint: EOF`
 * until that empty file is removed. These functions find such sidecars and remove them, and touch
 * nothing else: never a checkpoint, never a sidecar that holds anything. (Object-store backends —
 * S3, GCS, Azure Blob — keep attributes with the object itself, so they have no such file.)
 */
import { readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/** The empty sidecars of `stack`'s checkpoint files in a file backend (project-scoped and legacy layouts). */
export function emptyCheckpointSidecars(backendDir: string, project: string, stack: string): string[] {
  const dirs = [join(backendDir, ".pulumi", "stacks", project), join(backendDir, ".pulumi", "stacks")];
  return dirs.flatMap((dir) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => isCheckpointSidecar(name, stack))
      .map((name) => join(dir, name))
      .filter((path) => isEmptyFile(path));
  });
}

/**
 * Removes each of `sidecars` that is still an empty file, and returns those it removed. A file
 * that gained content since it was found (another run wrote it) is left alone.
 */
export function removeEmptySidecars(sidecars: readonly string[]): string[] {
  return sidecars.filter((path) => {
    if (!path.endsWith(".attrs") || !isEmptyFile(path)) return false;
    unlinkSync(path);
    return true;
  });
}

/** `<stack>.json.attrs` and the sidecars of its backups and compressed form (`<stack>.json.bak.attrs`, `<stack>.json.gz.attrs`). */
function isCheckpointSidecar(name: string, stack: string): boolean {
  return name.startsWith(`${stack}.json`) && name.endsWith(".attrs");
}

function isEmptyFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size === 0;
  } catch {
    return false;
  }
}
