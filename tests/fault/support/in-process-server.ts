import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrateDatabase, openDatabase, type Database, type Db } from '../../../src-server/db/client';
import { schema } from '../../../src-server/db/schema';
import { startNewEpoch } from '../../../src-server/db/sync-scope';
import { buildServer } from '../../../src-server/server';
import { createScratchDatabase, testConfig } from '../../../src-server/test-support';
import { adminOps, clockAt, clockNow, ensureDemo, TEST_NOW_ISO, type FaultServer, type ServerOptions } from './admin';
import { dumpPglite, loadPglite } from './pglite-template';

export interface InProcessOptions extends ServerOptions {
  /**
   * The database engine (default 'pglite', in memory). 'postgres' uses a scratch database on
   * TEST_DATABASE_URL, dropped by stop(). Chosen here rather than by KK_TEST_ENGINE, so the row
   * types query() answers do not change with the environment (node-postgres gives bigints as strings).
   */
  engine?: 'pglite' | 'postgres';
}

/** An in-memory PGlite client as the server's Database (`what` names it in the server's logs). */
export function wrapPglite(client: PGlite, what = 'fault test'): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    describe: `PGlite (in memory, ${what})`,
    applyMigrations: (migrationsFolder) => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

async function migrated(database: Database, demo: boolean, now: () => Date): Promise<Database> {
  try {
    await migrateDatabase(database);
    if (demo) await ensureDemo(database, now());
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * Migrating and loading the demo data cost about as much as loading a dump, so the first server of
 * a test process (per demo flag and clock start) is dumped and the next ones load that dump, with
 * a new epoch each, as a fresh migration would give them.
 */
const prepared = new Map<string, Promise<Buffer>>();

async function freshPglite(demo: boolean, startIso: string, now: () => Date): Promise<Database> {
  const key = `${demo}|${startIso}`;
  let dump = prepared.get(key);
  if (!dump) {
    dump = (async () => {
      const database = await migrated(wrapPglite(await loadPglite()), demo, now);
      try {
        return await dumpPglite((database.db as unknown as { $client: PGlite }).$client);
      } finally {
        await database.close();
      }
    })();
    prepared.set(key, dump);
    dump.catch(() => prepared.delete(key));
  }
  const database = wrapPglite(await loadPglite(await dump));
  await startNewEpoch(database.db);
  return database;
}

async function freshPostgres(demo: boolean, now: () => Date): Promise<Database> {
  const scratch = await createScratchDatabase('kk_fault');
  const opened = await openDatabase({ kind: 'postgres', url: scratch.url, poolMax: 12 });
  return migrated({ ...opened, close: () => opened.close().then(() => scratch.drop()) }, demo, now);
}

/**
 * The central server in the test's own process, listening on 127.0.0.1 (a free port), built as
 * makeTestServer builds it (buildServer, the test configuration) but with a running clock like the
 * child-process server's and a database from the templates above. For tests that need no kill -9.
 */
export async function startInProcessServer(opts: InProcessOptions = {}): Promise<FaultServer> {
  const clock = { state: clockAt(opts.now ?? TEST_NOW_ISO) };
  const now = () => clockNow(clock.state);
  const demo = opts.demo !== false;
  const database = opts.engine === 'postgres' ? await freshPostgres(demo, now) : await freshPglite(demo, clock.state.baseIso, now);
  return serveInProcess(database, clock, opts.config);
}

/**
 * Serves a prepared database on 127.0.0.1 (a free port) on the running test clock; `stop()` closes
 * the server, then the database (also closed when the server cannot start). The e2e suite serves
 * its own cached database through this too (tests/e2e/support/server.ts).
 */
export async function serveInProcess(
  database: Database,
  clock: { state: ReturnType<typeof clockAt> },
  config?: ServerOptions['config'],
): Promise<FaultServer> {
  const now = () => clockNow(clock.state);
  try {
    const app = await buildServer({ db: database.db, config: testConfig(config), now });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    let stopping: Promise<void> | undefined;
    return {
      url,
      ...adminOps(database, now),
      now,
      async setClock(iso) {
        clock.state = clockAt(iso);
      },
      stop() {
        stopping ??= app.close().then(() => database.close());
        return stopping;
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
