import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { loadConfig, type ServerConfig } from './config';
import { migrateDatabase, MIGRATIONS_DIR, openDatabase, type Database, type Db } from './db/client';
import { schema } from './db/schema';
import { loadDemo } from './admin/demo';
import { createEnrollmentCode, enroll } from './workstations/service';
import { buildServer } from './server';
import { DEMO } from '../src-shared/demo';

/**
 * Real databases for the server tests, never mocks: PGlite in memory by default, or a fresh
 * database on the PostgreSQL of TEST_DATABASE_URL (created per call, dropped on close), so the
 * whole suite runs on both engines. A PGlite template is migrated once per test process and cloned
 * (≈0.5 s) for each test database.
 */
export const TEST_NOW = new Date('2026-11-25T02:00:00Z'); // Wednesday 09:00 in Jakarta

/**
 * The engine of this test process: vitest.config.ts sets KK_TEST_ENGINE per project; a single
 * file run by hand uses PostgreSQL when TEST_DATABASE_URL is set.
 */
export function engineName(): 'postgres' | 'pglite' {
  const chosen = process.env['KK_TEST_ENGINE'];
  if (chosen === 'postgres' || chosen === 'pglite') return chosen;
  return process.env['TEST_DATABASE_URL'] ? 'postgres' : 'pglite';
}

let template: Promise<PGlite> | null = null;

async function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateDatabase(database, MIGRATIONS_DIR);
    return (database.db as unknown as { $client: PGlite }).$client;
  })();
  return template;
}

/**
 * A fresh, empty database on the PostgreSQL of `adminUrl` (default TEST_DATABASE_URL), dropped by
 * `drop()`. The tests and the benchmarks make their scratch databases this way.
 */
export async function createScratchDatabase(prefix: string, adminUrl = process.env['TEST_DATABASE_URL']): Promise<{ url: string; drop(): Promise<void> }> {
  const url = adminUrl;
  if (!url) throw new Error('KK_TEST_ENGINE=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh migrated database; with `demo`, holding the demo data set as `npm run server -- demo` loads it. */
export async function makeTestDatabase(opts: { demo?: boolean } = {}): Promise<Database> {
  const database = await freshDatabase();
  if (opts.demo) await loadDemo(database.db, TEST_NOW);
  return database;
}

async function freshDatabase(): Promise<Database> {
  if (engineName() === 'postgres') {
    const scratch = await createScratchDatabase('kk_test');
    const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolMax: 12 });
    await migrateDatabase(database, MIGRATIONS_DIR);
    return {
      ...database,
      async close() {
        await database.close();
        await scratch.drop();
      },
    };
  }
  const client = (await (await pgliteTemplate()).clone()) as PGlite;
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    describe: 'PGlite (test clone)',
    applyMigrations: async () => undefined,
    close: () => client.close(),
  };
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const result = loadConfig({}, { logLevel: 'silent', enrollPerMinute: 1000, pushPerMinute: 10000, pullPerMinute: 10000, ...overrides });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

export interface TestServer {
  database: Database;
  db: Db;
  app: FastifyInstance;
  /** Mutable clock: tests move it to cross a period close or a deadline. */
  clock: { now: Date };
  close(): Promise<void>;
}

export async function makeTestServer(opts: { demo?: boolean; config?: Partial<ServerConfig> } = {}): Promise<TestServer> {
  const database = await makeTestDatabase({ demo: opts.demo !== false });
  const clock = { now: TEST_NOW };
  const app = await buildServer({ db: database.db, config: testConfig(opts.config), now: () => clock.now });
  await app.ready();
  return {
    database,
    db: database.db,
    app,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface EnrolledWorkstation {
  workstationId: string;
  unitId: string;
  token: string;
  clientId: string;
  auth: { authorization: string };
}

/** Enrolls a workstation in the demo unit (or the given unit code) through the service. */
export async function enrollTestWorkstation(server: TestServer, name = 'PC Front Office', unitCode = DEMO.unit.code): Promise<EnrolledWorkstation> {
  const { code } = await createEnrollmentCode(server.db, unitCode, server.clock.now);
  const clientId = crypto.randomUUID();
  const ws = await enroll(server.db, { enrollmentCode: code, name, clientId }, server.clock.now);
  return { ...ws, clientId, auth: { authorization: `Bearer ${ws.token}` } };
}
