import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { z } from 'zod';

/**
 * Our own migrator over drizzle-kit's output folder. drizzle's migrator would work, but we need
 * three things it does not give: every pending migration applied in ONE transaction (a power cut
 * mid-upgrade leaves the old version, never a mix), the version kept in `PRAGMA user_version` so it
 * can be read from the file header without running SQL, and a refusal to touch a database made by
 * a newer app.
 *
 * Version N means migrations 1..N (journal idx 0..N-1) are applied.
 */

/** The repo's client migrations; the packaged app passes its own folder instead. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations/client');

export interface Migration {
  /** 1-based: the schema version the database has once this migration is applied. */
  version: number;
  tag: string;
  statements: string[];
  /** sha256 (hex) of the file text with line endings normalized. */
  hash: string;
}

export interface MigrateOptions {
  /** Stop at this version instead of the newest (tests build old databases with it). */
  target?: number;
  now?: () => Date;
}

export type MigrationFailure = 'apply-failed' | 'edited' | 'missing-record' | 'journal';

/** A migration could not be applied, or the applied ones do not match the files. A bug, not a user error. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly reason: MigrationFailure,
    readonly tag: string | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The database was written by a newer app: this app must not read or change it. */
export class SchemaNewerError extends Error {
  override readonly name = 'SchemaNewerError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema version ${found} is newer than this app supports (${supported})`);
  }
}

const JournalSchema = z.object({
  entries: z.array(z.object({ idx: z.number().int().nonnegative(), tag: z.string().min(1) })),
});

const BREAKPOINT = '--> statement-breakpoint';

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JournalSchema.parse(JSON.parse(fs.readFileSync(journalFile, 'utf8')));
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return entries.map((entry, i) => {
    // A gap or duplicate would shift every later version number and silently skip a migration.
    if (entry.idx !== i) {
      throw new MigrationError('journal', entry.tag, `${journalFile}: expected idx ${i}, found ${entry.idx} (${entry.tag})`);
    }
    const text = normalize(fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8'));
    const statements = text
      .split(BREAKPOINT)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    return { version: i + 1, tag: entry.tag, statements, hash: createHash('sha256').update(text).digest('hex') };
  });
}

/**
 * A checkout with CRLF line endings (Git on Windows) or a BOM must not look like an edited
 * migration: a false alarm there would stop every kiosk from opening its database.
 */
function normalize(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

export function readSchemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

const hasTable = (sqlite: Database.Database, name: string): boolean =>
  sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

interface AppliedRow {
  version: number;
  tag: string;
  hash: string;
}

/**
 * The migrations this database says it has must be the files we ship: a released migration that
 * was edited afterwards means databases in the field and new ones would differ silently.
 */
export function verifyAppliedMigrations(sqlite: Database.Database, migrations: readonly Migration[]): void {
  const version = readSchemaVersion(sqlite);
  if (version === 0) return;
  if (version > migrations.length) throw new SchemaNewerError(version, migrations.length);
  if (!hasTable(sqlite, 'schema_migrations')) {
    throw new MigrationError('missing-record', null, `database is at version ${version} but has no schema_migrations table`);
  }
  const rows = sqlite.prepare('SELECT version, tag, hash FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const byVersion = new Map(rows.map((r) => [r.version, r]));
  for (const m of migrations.slice(0, version)) {
    const row = byVersion.get(m.version);
    if (!row) {
      throw new MigrationError('missing-record', m.tag, `schema_migrations has no record of version ${m.version} (${m.tag})`);
    }
    if (row.tag !== m.tag || row.hash !== m.hash) {
      throw new MigrationError(
        'edited',
        m.tag,
        `migration ${m.version} was changed after it was applied: the database has ${row.tag} (${row.hash.slice(0, 12)}…), ` +
          `the files have ${m.tag} (${m.hash.slice(0, 12)}…). Released migrations must never be edited; add a new one.`,
      );
    }
  }
}

const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY NOT NULL,
  tag TEXT NOT NULL,
  hash TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export function migrate(
  sqlite: Database.Database,
  migrations: readonly Migration[],
  opts: MigrateOptions = {},
): { from: number; to: number } {
  const from = readSchemaVersion(sqlite);
  if (from > migrations.length) throw new SchemaNewerError(from, migrations.length);
  if (from < 0) throw new RangeError(`user_version ${from} was not written by this app`);
  const target = opts.target ?? migrations.length;
  if (!Number.isInteger(target) || target < from || target > migrations.length) {
    throw new RangeError(`cannot migrate from version ${from} to ${target} (${migrations.length} migrations; no downgrades)`);
  }
  verifyAppliedMigrations(sqlite, migrations);
  if (target === from) return { from, to: from };
  if (sqlite.inTransaction) throw new Error('migrate() must not run inside another transaction');

  // SQLite's documented table-rebuild procedure (which drizzle-kit emits for ALTERs SQLite lacks)
  // needs foreign keys off, and that pragma is a no-op inside a transaction: switch it off around
  // the transaction and check the relations ourselves before committing.
  const foreignKeysWereOn = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeysWereOn) sqlite.pragma('foreign_keys = OFF');
  const appliedAt = (opts.now ?? (() => new Date()))().toISOString();
  let current: Migration | null = null;
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec(CREATE_SCHEMA_MIGRATIONS);
    const record = sqlite.prepare('INSERT INTO schema_migrations (version, tag, hash, applied_at) VALUES (?, ?, ?, ?)');
    for (const m of migrations.slice(from, target)) {
      current = m;
      for (const statement of m.statements) {
        sqlite.exec(statement);
        // A COMMIT inside a migration file makes everything before it permanent on its own.
        if (!sqlite.inTransaction) {
          throw new MigrationError(
            'apply-failed',
            m.tag,
            `migration ${m.version} (${m.tag}) ended the migration transaction itself; what ran before it ` +
              'may be committed: restore the pre-migration backup and remove the COMMIT from the file',
          );
        }
      }
      record.run(m.version, m.tag, m.hash, appliedAt);
    }
    current = null;
    const violations = sqlite.prepare('PRAGMA foreign_key_check').all();
    if (violations.length > 0) {
      throw new Error(`foreign key violations after migrating: ${JSON.stringify(violations.slice(0, 5))}`);
    }
    // user_version lives in the file header, which is written in this same transaction.
    sqlite.pragma(`user_version = ${target}`);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (error instanceof MigrationError) throw error;
    const where = current ? `migration ${current.version} (${current.tag})` : `migrating ${from} → ${target}`;
    const detail = error instanceof Error ? error.message : String(error);
    throw new MigrationError('apply-failed', current?.tag ?? null, `${where} failed, nothing was applied: ${detail}`, {
      cause: error,
    });
  } finally {
    if (foreignKeysWereOn) sqlite.pragma('foreign_keys = ON');
  }
  return { from, to: target };
}
