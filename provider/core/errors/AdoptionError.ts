import { ProviderError } from "./ProviderError";

/**
 * Input the `tencentcloud-organization` commands cannot work with: an unknown department path, a
 * state file of another kind or format version, a folder that already holds a program, a data file
 * with problems. Raised before anything is written, so nothing is left half-done.
 */
export class AdoptionError extends ProviderError {
  override name = "AdoptionError";
  /** Every problem found, when there are several (a data file's, one per entry, with its line). */
  readonly problems: readonly string[];

  constructor(problem: string, hint?: string, problems: readonly string[] = []) {
    super({ summary: problem, hint, detail: problems.length > 0 ? problems.map((p) => `\n  ${p}`).join("") : undefined });
    this.problems = problems;
  }
}
