import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Creating a PGlite database (its initdb) costs 3–7 s on a busy 2-core machine, most of a server's
 * start. So one empty, initialised database is made per machine and PGlite version, kept in the
 * temp folder as a tarball (for in-memory servers, ≈0.5 s to load) and as a data folder (copied
 * for child servers). Only initdb's output is shared: each server still runs the migrations (and
 * so gets its own epoch) and loads the demo data itself. Files are written under a temporary name
 * and renamed into place, so concurrent test processes never see half a template.
 */
function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  for (let dir = dirname(require.resolve('@electric-sql/pglite')); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (!existsSync(pkg)) continue;
    const { name, version } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
    if (name === '@electric-sql/pglite' && version) return version;
  }
  return 'unknown';
}

const BASE = join(tmpdir(), `kk-fault-pglite-${pgliteVersion()}`);
const scratch = (path: string) => `${path}.building-${process.pid}-${Math.random().toString(36).slice(2)}`;

/** Moves a finished build into place; if another process got there first, theirs is as good as ours. */
function publish(building: string, path: string): void {
  try {
    renameSync(building, path);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    made ??= make();
    made.catch(() => {
      made = null;
    });
    return made;
  };
}

const templateTar = once(async (): Promise<Buffer> => {
  const path = `${BASE}.tar`;
  if (existsSync(path)) return readFileSync(path);
  const db = await PGlite.create();
  const tar = await dumpPglite(db);
  await db.close();
  const building = scratch(path);
  writeFileSync(building, tar);
  publish(building, path);
  return tar;
});

const templateDir = once(async (): Promise<string> => {
  if (existsSync(join(BASE, 'PG_VERSION'))) return BASE;
  const building = scratch(BASE);
  const db = await PGlite.create(building, { loadDataDir: new Blob([new Uint8Array(await templateTar())]) });
  await db.close();
  publish(building, BASE);
  return BASE;
});

/** Gives a missing or empty `dataDir` a copy of the initialised template; an existing folder is left as it is. */
export async function seedDataDir(dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  cpSync(await templateDir(), dataDir, { recursive: true });
}

/** An in-memory PGlite loaded from a dump (dumpPglite), or by default the initialised, empty template. */
export async function loadPglite(tar?: Buffer): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([new Uint8Array(tar ?? (await templateTar()))]) });
}

export async function dumpPglite(db: PGlite): Promise<Buffer> {
  return Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
}
