import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { DEMO } from '../../src-shared/demo';
import { loadDemo } from '../../src-server/admin/demo';
import { loadConfig } from '../../src-server/config';
import { migrateDatabase, openDatabase, queryRows, redactUrl, type Database } from '../../src-server/db/client';
import { withTransaction } from '../../src-server/db/transaction';
import { writeReference } from '../../src-server/reference/write';
import { buildServer } from '../../src-server/server';
import { createEnrollmentCode } from '../../src-server/workstations/service';
import { createScratchDatabase } from '../../src-server/test-support';
import { SYNC_NOW, SYNC_POLICY } from './plan';

export type Engine = 'pglite' | 'postgres';

/**
 * The central server of one run: a fresh database (PGlite in a temp folder, or a scratch database
 * on the PostgreSQL of TEST_DATABASE_URL), migrated, the demo data set loaded as `npm run server --
 * demo` loads it, the bench policy written for the demo unit, and the real Fastify app listening
 * on 127.0.0.1. Its clock is fixed at SYNC_NOW. Rate limits are raised: the naive run sends one
 * push a mutation.
 */
export interface SyncServer {
  engine: Engine;
  url: string;
  database: Database;
  where: string;
  /** Connection string of the scratch database (PostgreSQL), for the raw baseline; null on PGlite. */
  databaseUrl: string | null;
  /** A fresh single-use enrollment code for the demo unit. */
  enrollmentCode(): Promise<string>;
  stop(): Promise<void>;
}

const stamp = () => new Date().toISOString().replace(/\D/g, '').slice(0, 14);

/** Null when PostgreSQL answers; else why not (the bench then skips it with that note). */
export async function postgresProblem(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || (err as { code?: string }).code || 'connection failed' : String(err);
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function scratch(adminUrl: string, label: string, keep: boolean): Promise<{ database: Database; where: string; url: string; discard(): Promise<void> }> {
  const made = await createScratchDatabase(`kk_bench_sync_${stamp()}_${label}`, adminUrl);
  const database = await openDatabase({ kind: 'postgres', url: made.url });
  return { database, where: redactUrl(made.url), url: made.url, discard: () => (keep ? Promise.resolve() : made.drop()) };
}

export async function startSyncServer(engine: Engine, adminUrl: string, label: string, keep: boolean): Promise<SyncServer> {
  let database: Database;
  let where: string;
  let discard: () => Promise<void>;
  let databaseUrl: string | null = null;
  if (engine === 'postgres') {
    ({ database, where, discard, url: databaseUrl } = await scratch(adminUrl, label, keep));
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kk-bench-sync-${label}-`));
    database = await openDatabase({ kind: 'pglite', dataDir: dir });
    where = `PGlite ${dir}`;
    discard = async () => {
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  let app: FastifyInstance | null = null;
  try {
    await migrateDatabase(database);
    await loadDemo(database.db, SYNC_NOW);
    await withTransaction(database.db, (tx) => writeReference(tx, { policies: [{ unitId: DEMO.unit.id, policy: SYNC_POLICY }] }, SYNC_NOW));
    const loaded = loadConfig({}, { logLevel: 'silent', host: '127.0.0.1', port: 0, pushPerMinute: 100_000, pullPerMinute: 100_000, enrollPerMinute: 1000 });
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    app = await buildServer({ db: database.db, config: loaded.config, now: () => SYNC_NOW });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const running = app;
    return {
      engine,
      url,
      database,
      where,
      databaseUrl,
      enrollmentCode: async () => (await createEnrollmentCode(database.db, DEMO.unit.code, SYNC_NOW)).code,
      async stop() {
        await running.close();
        await database.close();
        await discard();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await discard().catch(() => undefined);
    throw err;
  }
}

/** What the server holds after the push: entries and stored results by status. */
export async function serverCounts(database: Database): Promise<{ entries: number; results: Record<string, number> }> {
  const [e] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from entries where not deleted`);
  const rows = await queryRows<{ status: string; n: number }>(database.db, sql`select status, count(*)::int as n from mutation_results group by status order by status`);
  return { entries: e!.n, results: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
}

// ---------------------------------------------------------------------------------------------
// Raw-library baselines, on the same database, after the measured runs.

/** The columns the push writes for a create (bench/server/raw.ts writes the same). */
const COLUMNS = [
  'id', 'employee_id', 'unit_id', 'work_date', 'start_time', 'end_time', 'minutes', 'credited_minutes', 'activity_id',
  'activity_text', 'rhk_id', 'volume', 'output_unit', 'description', 'evidence_note', 'status', 'rev', 'flags',
  'workstation_id', 'created_at', 'updated_at', 'received_at', 'version',
] as const;

/** PostgreSQL takes at most 65,535 parameters a statement: 2,000 rows × 23 columns fit. */
const RAW_ROWS_PER_STATEMENT = 2000;

interface RawRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

async function rawRunner(server: SyncServer): Promise<RawRunner> {
  if (!server.databaseUrl) {
    const client = (server.database.db as unknown as { $client: PGlite }).$client;
    return { query: (text, values) => client.query(text, values), close: async () => undefined };
  }
  const c = new pg.Client({ connectionString: server.databaseUrl });
  await c.connect();
  return { query: (text, values) => c.query(text, values), close: () => c.end() };
}

export interface RawFigures {
  /** The server's entry rows rewritten by multi-row INSERT … VALUES in one transaction. */
  insertMs: number;
  insertStatements: number;
  /** The unit's entry rows read by one SELECT. */
  selectMs: number;
  rows: number;
}

/**
 * The raw library's best case for the push: the very rows the server stored, copied out, the
 * table emptied, then written back by multi-row INSERTs (2,000 rows a statement) in one
 * transaction: the same table, indexes, checks and foreign keys, no rules, no results, no sync
 * bookkeeping. And for the pull: the same rows read by one SELECT in version order.
 */
export async function rawBaselines(server: SyncServer): Promise<RawFigures> {
  const r = await rawRunner(server);
  try {
    const list = COLUMNS.join(', ');
    const t0 = performance.now();
    const selected = await r.query(`select * from entries where unit_id = $1 and not deleted order by version`, [DEMO.unit.id]);
    const selectMs = performance.now() - t0;
    const rows = (await r.query(`select ${list} from entries order by version`)).rows as Record<string, unknown>[];
    await r.query('truncate entries');
    const chunks: unknown[][] = [];
    for (let i = 0; i < rows.length; i += RAW_ROWS_PER_STATEMENT) chunks.push(rows.slice(i, i + RAW_ROWS_PER_STATEMENT).flatMap((row) => COLUMNS.map((c) => row[c])));
    const text = (n: number) =>
      `insert into entries (${list}) values ${Array.from({ length: n }, (_, i) => `(${COLUMNS.map((_, c) => `$${i * COLUMNS.length + c + 1}`).join(', ')})`).join(', ')}`;
    const t1 = performance.now();
    await r.query('begin');
    for (const values of chunks) await r.query(text(values.length / COLUMNS.length), values);
    await r.query('commit');
    const insertMs = performance.now() - t1;
    const [after] = (await r.query('select count(*)::int as n from entries')).rows as { n: number }[];
    if (after!.n !== rows.length) throw new Error(`raw insert: ${after!.n} rows in entries, expected ${rows.length}`);
    return { insertMs, insertStatements: chunks.length, selectMs, rows: selected.rows.length };
  } finally {
    await r.close();
  }
}
