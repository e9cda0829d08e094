import type { Issue } from './import-source';

/**
 * References inside one import file (a supervisor NIP, a parent unit code) may point at another
 * row of the same file. When that row is invalid and skipped, every row leaning on it must be
 * skipped too, or the write would leave a dangling reference: checks run until nothing changes.
 */
export function pruneReferences<T extends { line: number }>(
  valid: Map<string, T>,
  check: (key: string, row: T) => { field: string; reason: string } | null,
  issues: Issue[],
): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, row] of valid) {
      const problem = check(key, row);
      if (problem) {
        valid.delete(key);
        issues.push({ line: row.line, ...problem });
        changed = true;
      }
    }
  }
}

/** Whether following `parentOf` from `start` comes back to `start` (a supervisor or parent loop). */
export function loopsBack(start: string, parentOf: (key: string) => string | null): boolean {
  const seen = new Set<string>();
  for (let k = parentOf(start); k !== null; k = parentOf(k)) {
    if (k === start) return true;
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return false;
}

/**
 * Drops every row that sits on a loop (A supervises B supervises A), all of them reported, before
 * pruneReferences runs: once one row of a loop is gone the others no longer look like one.
 * A row pointing at itself is left to the caller's own, clearer message.
 */
export function dropLoops<T extends { line: number }>(
  valid: Map<string, T>,
  parentOf: (key: string) => string | null,
  problem: (key: string) => { field: string; reason: string },
  issues: Issue[],
): void {
  const looping = [...valid.keys()].filter((k) => parentOf(k) !== k && loopsBack(k, parentOf));
  for (const k of looping) issues.push({ line: valid.get(k)!.line, ...problem(k) });
  for (const k of looping) valid.delete(k);
}
