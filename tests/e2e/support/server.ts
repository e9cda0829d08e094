import type { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '../../../src-server/db/client';
import { startNewEpoch } from '../../../src-server/db/sync-scope';
import { clockAt, clockNow, ensureDemo, type FaultServer } from '../../fault/support/admin';
import { serveInProcess, wrapPglite } from '../../fault/support/in-process-server';
import { dumpPglite, loadPglite } from '../../fault/support/pglite-template';

/**
 * The central server for the e2e files: tests/fault/support/in-process-server.ts (PGlite in
 * memory, the demo data, a running clock), with one difference. That one keeps its migrated,
 * demo-loaded database as a dump per test process; every e2e file is its own process, so here
 * the dump is kept on disk, keyed by what it is made of, and only the first file of a machine
 * pays the ≈ 9 s of migrations and PIN hashing. Each server still gets a new epoch.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** What the dump is made of: the server's migrations and schema, and the demo data set and its loader. */
const INPUTS = ['migrations/server', 'src-server/db', 'src-server/admin/demo.ts', 'src-server/reference', 'src-shared/demo', 'package-lock.json'];

function fingerprint(startIso: string): string {
  const h = createHash('sha256').update(startIso);
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isFile()) {
      h.update(`${p}\0${st.size}\0${st.mtimeMs}\n`);
      return;
    }
    for (const name of readdirSync(p).sort()) walk(join(p, name));
  };
  for (const i of INPUTS) if (existsSync(join(ROOT, i))) walk(join(ROOT, i));
  return h.digest('hex').slice(0, 16);
}

async function preparedDump(startIso: string, now: () => Date): Promise<Buffer> {
  const file = join(tmpdir(), `kk-e2e-server-${fingerprint(startIso)}.tar`);
  if (existsSync(file)) return readFileSync(file);
  const database = wrapPglite(await loadPglite(), 'e2e');
  try {
    await migrateDatabase(database);
    await ensureDemo(database, now());
    const dump = await dumpPglite((database.db as unknown as { $client: PGlite }).$client);
    // Written aside and renamed: another process never reads half a dump.
    const building = `${file}.${process.pid}.tmp`;
    writeFileSync(building, dump);
    try {
      renameSync(building, file);
    } catch {
      rmSync(building, { force: true });
    }
    // Dumps of older inputs (≈ 40 MB each) are of no further use.
    for (const name of readdirSync(tmpdir())) {
      if (/^kk-e2e-server-[0-9a-f]{16}\.tar$/.test(name) && join(tmpdir(), name) !== file) rmSync(join(tmpdir(), name), { force: true });
    }
    return dump;
  } finally {
    await database.close();
  }
}

/** A central server on 127.0.0.1 (a free port) with the demo data, its clock starting at `startIso`. */
export async function startE2eServer(startIso: string): Promise<FaultServer> {
  const clock = { state: clockAt(startIso) };
  const database = wrapPglite(await loadPglite(await preparedDump(startIso, () => clockNow(clock.state))), 'e2e');
  try {
    await startNewEpoch(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return serveInProcess(database, clock);
}
