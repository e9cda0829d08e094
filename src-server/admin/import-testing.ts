import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** For tests of the import: the sample files of tests/fixtures/import and throwaway files. */
export const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/import/', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);

let dir: string | null = null;

/** Writes `text` to a file of that name in a temporary folder and answers its path. */
export function tempFile(name: string, text: string | Uint8Array): string {
  dir ??= mkdtempSync(join(tmpdir(), 'kk-import-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
