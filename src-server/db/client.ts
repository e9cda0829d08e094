import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataFolder } from './folder-lock';
import { schema } from './schema';

/**
 * One interface over the two drivers (ARCHITECTURE.md): PGlite in a data folder as the embedded
 * default, node-postgres when DATABASE_URL is set. Services see only `Db`; both run the same
 * drizzle schema and the same migrations.
 */
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A query runs on the database or inside a transaction alike. */
export type Executor = Db | Tx;

export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolMax?: number };

export interface Database {
  db: Db;
  kind: DatabaseTarget['kind'];
  /** Where the data lives, without credentials (for logs and `status`). */
  describe: string;
  /** Applies drizzle-kit's migrations from the folder (see migrateDatabase). */
  applyMigrations(folder: string): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/server', import.meta.url));

/** Any advisory-lock key works as long as every server process agrees on it. */
const MIGRATION_LOCK = 0x6b6b_0001;

/** `postgres://user:secret@host/db` → `postgres://user@host/db`: never log a password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    let unlock: () => void = () => undefined;
    if (target.dataDir) {
      mkdirSync(target.dataDir, { recursive: true });
      unlock = lockDataFolder(target.dataDir);
    }
    let client: PGlite;
    try {
      client = target.dataDir ? await PGlite.create(target.dataDir) : await PGlite.create();
    } catch (err) {
      unlock();
      throw err;
    }
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      describe: target.dataDir ? `PGlite ${target.dataDir}` : 'PGlite (in memory)',
      // PGlite has one connection and serializes everything: no other process can race.
      applyMigrations: (migrationsFolder) => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        try {
          await client.close();
        } finally {
          unlock();
        }
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolMax ?? 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the server. The next query gets a fresh connection.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    describe: `PostgreSQL ${redactUrl(target.url)}`,
    // An advisory lock is held by a connection, so lock, migrate and unlock on one checked-out
    // client: two server processes starting together on one PostgreSQL then cannot race.
    async applyMigrations(migrationsFolder) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migratePg(drizzlePg({ client }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Applies migrations/server in order (drizzle's journal), then makes sure the facts every service
 * relies on exist: the epoch and the global sync counter.
 */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  await database.applyMigrations(migrationsFolder);
  const { db } = database;
  await db.execute(sql`insert into server_meta (key, value) values ('epoch', ${crypto.randomUUID()}) on conflict (key) do nothing`);
  await db.execute(sql`insert into sync_counters (scope, version) values ('global', 0) on conflict (scope) do nothing`);
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{rows}`; the generic PgDatabase type does
 * not know that, so the cast lives here once. Numbers of bigint columns arrive as strings on
 * node-postgres: callers convert with Number().
 */
export async function queryRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
