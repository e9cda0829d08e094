import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGoodBackup, listBackups } from './backup';
import { loadMigrations, migrate, MigrationError, MIGRATIONS_DIR, SchemaNewerError } from './migrate';
import { openDatabase } from './open';
import {
  addMigration,
  columnsOf,
  copyMigrations,
  countOf,
  insertEntries,
  makeTempDir,
  NEWEST_VERSION,
  nextTag,
  openOk,
  rowsOf,
  seedWorkday,
  tableNames,
  thrownBy,
} from './test-support';

const T0 = new Date('2025-03-03T00:30:00.000Z');
const SEEDED_TABLES = ['employees', 'entries', 'outbox', 'audit_log', 'sync_state'];
const BROKEN_TAG = nextTag('broken');

let dir: string;
let file: string;
beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, 'kinerja.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database at `version` as that app release left it, with a day of real work in it. */
function makeVersion(version: number, more?: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  migrate(sqlite, loadMigrations(MIGRATIONS_DIR), { target: version });
  seedWorkday(sqlite);
  sqlite
    .prepare("INSERT INTO sync_state (id, client_id, created_at) VALUES (1, 'c0ffee00-0000-4000-8000-000000000001', ?)")
    .run(T0.toISOString());
  more?.(sqlite);
  sqlite.close();
}

type Columns = Record<string, string[]>;

const columnsNow = (sqlite: Database.Database): Columns =>
  Object.fromEntries(SEEDED_TABLES.map((t) => [t, columnsOf(sqlite, t)]));

/** The seeded tables' rows, limited to `columns` (those of the database before it was migrated). */
function snapshot(sqlite: Database.Database, columns: Columns = columnsNow(sqlite)): Record<string, unknown[]> {
  return Object.fromEntries(SEEDED_TABLES.map((t) => [t, rowsOf(sqlite, t, columns[t])]));
}

/** The db as it was before: its columns and, in those, its rows. */
function readBefore(): { columns: Columns; rows: Record<string, unknown[]> } {
  const raw = new Database(file, { readonly: true });
  const columns = columnsNow(raw);
  const rows = snapshot(raw, columns);
  raw.close();
  return { columns, rows };
}

function brokenMigrations(): string {
  const migrationsDir = copyMigrations(path.join(dir, 'migrations'));
  addMigration(migrationsDir, BROKEN_TAG, [
    'CREATE TABLE `entry_attachments` (`id` text PRIMARY KEY NOT NULL, `entry_id` text NOT NULL);',
    "UPDATE `entries` SET `description` = 'overwritten by a half-applied migration';",
    'INSERT INTO `no_such_table` VALUES (1);',
  ]);
  return migrationsDir;
}

describe('loadMigrations', () => {
  it('reads the shipped journal in order, split into statements, with a hash each', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrations.slice(0, 2).map((m) => [m.version, m.tag])).toEqual([
      [1, '0000_initial'],
      [2, '0001_catalog_favorites'],
    ]);
    // Every .sql file shipped is in the journal, numbered by its position.
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql'));
    expect(migrations).toHaveLength(files.length);
    migrations.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.tag).toMatch(new RegExp(`^${String(i).padStart(4, '0')}_`));
    });
    expect(migrations[0]!.statements.length).toBeGreaterThan(14);
    expect(migrations[0]!.statements.every((s) => !s.includes('statement-breakpoint'))).toBe(true);
    expect(migrations.every((m) => /^[0-9a-f]{64}$/.test(m.hash))).toBe(true);
  });

  it('gives a CRLF checkout (Git on Windows) the same hashes, so kiosks do not see an "edited" migration', () => {
    const copy = copyMigrations(path.join(dir, 'crlf'));
    for (const name of fs.readdirSync(copy).filter((n) => n.endsWith('.sql'))) {
      const sql = path.join(copy, name);
      fs.writeFileSync(sql, fs.readFileSync(sql, 'utf8').replace(/\n/g, '\r\n'));
    }
    expect(loadMigrations(copy).map((m) => m.hash)).toEqual(loadMigrations(MIGRATIONS_DIR).map((m) => m.hash));
  });

  it('rejects a journal with a gap, which would shift every later version', () => {
    const copy = copyMigrations(path.join(dir, 'gap'));
    const journalFile = path.join(copy, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
    journal.entries[1]!.idx = 2;
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    expect(() => loadMigrations(copy)).toThrow(MigrationError);
  });
});

describe('upgrading an existing database', () => {
  it('brings a version-1 database to the newest version with every row unchanged, after taking a backup', () => {
    makeVersion(1);
    const { columns, rows: before } = readBefore();
    expect(before.entries).toHaveLength(1);

    const opened = openOk({ file, now: () => T0 });

    expect(opened.migrated).toEqual({ from: 1, to: NEWEST_VERSION });
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(NEWEST_VERSION);
    expect(tableNames(opened.sqlite)).toContain('catalog_favorites');
    // Includes the existing client id: not regenerated.
    expect(snapshot(opened.sqlite, columns)).toEqual(before);
    const applied = opened.sqlite.prepare('SELECT version, tag FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(loadMigrations(MIGRATIONS_DIR).map((m) => ({ version: m.version, tag: m.tag })));

    const backups = listBackups(opened.backupDir);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.label).toBe('pre-migrate-v1');
    expect(isGoodBackup(backups[0]!.file)).toBe(true);
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(snapshot(copy, columns)).toEqual(before);
    copy.close();
    opened.close();
  });

  it('applies several pending migrations as one unit: a failure in the last leaves none of them', () => {
    const migrationsDir = copyMigrations(path.join(dir, 'migrations'));
    addMigration(migrationsDir, BROKEN_TAG, ['INSERT INTO `no_such_table` VALUES (1);']);
    const sqlite = new Database(file);

    expect(() => migrate(sqlite, loadMigrations(migrationsDir))).toThrow(new RegExp(`${BROKEN_TAG}.*nothing was applied`));

    expect(sqlite.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(sqlite)).toEqual([]); // not even 0000_initial's tables or schema_migrations
    sqlite.close();
  });

  it('rolls back a migration that fails halfway: version, tables and data as before, and says which one', () => {
    const first = openOk({ file });
    seedWorkday(first.sqlite);
    const before = snapshot(first.sqlite);
    const tablesBefore = tableNames(first.sqlite);
    first.close();

    const thrown = thrownBy(() => openDatabase({ file, migrationsDir: brokenMigrations() }));
    expect(thrown).toBeInstanceOf(MigrationError);
    expect((thrown as MigrationError).reason).toBe('apply-failed');
    expect((thrown as MigrationError).message).toContain(
      `migration ${NEWEST_VERSION + 1} (${BROKEN_TAG}) failed, nothing was applied: no such table`,
    );

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(NEWEST_VERSION);
    expect(tableNames(raw)).toEqual(tablesBefore);
    expect(snapshot(raw)).toEqual(before);
    expect(countOf(raw, 'schema_migrations')).toBe(NEWEST_VERSION);
    raw.close();

    // The current app still opens it normally afterwards.
    const again = openOk({ file });
    expect(again.migrated).toEqual({ from: NEWEST_VERSION, to: NEWEST_VERSION });
    again.close();
  });
});

describe('checking applied migrations against the files', () => {
  it('detects a released migration that was edited afterwards', () => {
    openOk({ file }).close();
    const edited = copyMigrations(path.join(dir, 'edited'));
    const sql = path.join(edited, '0001_catalog_favorites.sql');
    fs.writeFileSync(sql, fs.readFileSync(sql, 'utf8').replace('`created_at` text NOT NULL', '`created_at` text'));

    const error = thrownBy(() => openDatabase({ file, migrationsDir: edited }));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ reason: 'edited', tag: '0001_catalog_favorites' });
    expect((error as Error).message).toMatch(/migration 2 was changed after it was applied.*never be edited/);
  });

  it('detects a migration that was renamed or reordered in the journal', () => {
    openOk({ file }).close();
    const renamed = copyMigrations(path.join(dir, 'renamed'));
    fs.renameSync(path.join(renamed, '0001_catalog_favorites.sql'), path.join(renamed, '0001_favorites.sql'));
    const journalFile = path.join(renamed, 'meta', '_journal.json');
    fs.writeFileSync(journalFile, fs.readFileSync(journalFile, 'utf8').replace('0001_catalog_favorites', '0001_favorites'));

    expect(() => openDatabase({ file, migrationsDir: renamed })).toThrow(MigrationError);
  });

  it('refuses a database at a version without migration records', () => {
    const sqlite = new Database(file);
    sqlite.pragma('user_version = 1');
    expect(() => migrate(sqlite, loadMigrations(MIGRATIONS_DIR))).toThrow(/no schema_migrations table/);
    sqlite.close();
  });
});

describe('migrate() guards', () => {
  it('refuses a newer database and never migrates down', () => {
    const sqlite = new Database(file);
    const migrations = loadMigrations(MIGRATIONS_DIR);
    migrate(sqlite, migrations);
    expect(() => migrate(sqlite, migrations, { target: 1 })).toThrow(RangeError);
    sqlite.pragma(`user_version = ${NEWEST_VERSION + 1}`);
    expect(() => migrate(sqlite, migrations)).toThrow(SchemaNewerError);
    sqlite.close();
  });
});

describe('migration 0002_sync_engine', () => {
  it('keeps every row of a version-2 database: its mutations still to push, its entries not local-only', () => {
    makeVersion(2, (sqlite) => {
      insertEntries(sqlite, 'pending', 3);
      // A mutation that already failed to push once, and a store that had synced before.
      sqlite.exec("UPDATE outbox SET attempts = 2, last_error = 'NETWORK' WHERE entity_id = 'pending-0001'");
      sqlite.exec("UPDATE sync_state SET cursor = 'c-17', last_processed_seq = 1, last_sync_at = '2025-03-03T00:10:00.000Z'");
    });
    const { columns, rows: before } = readBefore();
    expect(before.outbox).toHaveLength(4);

    const opened = openOk({ file, now: () => T0 });
    const { sqlite } = opened;

    expect(opened.migrated).toEqual({ from: 2, to: NEWEST_VERSION });
    expect(snapshot(sqlite, columns)).toEqual(before);
    // Nothing was answered by the server under the old schema: every mutation is pushed again.
    expect(sqlite.prepare('SELECT acked_at, result_status, result_code FROM outbox').all()).toEqual(
      Array.from({ length: 4 }, () => ({ acked_at: null, result_status: null, result_code: null })),
    );
    expect(sqlite.prepare('SELECT DISTINCT local_only FROM entries').pluck().all()).toEqual([0]);
    expect(sqlite.prepare('SELECT resyncing, blocked FROM sync_state').all()).toEqual([{ resyncing: 0, blocked: null }]);
    for (const table of ['synced_entries', 'resync_seen', 'sync_log']) expect(countOf(sqlite, table), table).toBe(0);
    opened.close();
  });

  it('the push reads the pending mutations in order through outbox_pending_idx, not the whole outbox', () => {
    const opened = openOk({ file });
    const { sqlite } = opened;
    seedWorkday(sqlite);
    insertEntries(sqlite, 'kept', 300);
    // Answered mutations stay in the outbox for a while (retention): most rows are not pending.
    sqlite.exec("UPDATE outbox SET acked_at = '2025-03-03T02:00:00.000Z', result_status = 'applied' WHERE seq <= 290");
    sqlite.exec('ANALYZE');

    const plan = sqlite
      .prepare(
        'EXPLAIN QUERY PLAN SELECT seq, id, name, args, actor_id, client_time FROM outbox WHERE acked_at IS NULL ORDER BY seq LIMIT 200',
      )
      .all() as { detail: string }[];
    const details = plan.map((r) => r.detail).join('\n');

    expect(details).toMatch(/SCAN outbox USING INDEX outbox_pending_idx/);
    expect(details).not.toMatch(/TEMP B-TREE/);
    opened.close();
  });
});

describe('migration 0003_review_notices', () => {
  it('keeps every row of a version-3 database and starts with no notices', () => {
    makeVersion(3, (sqlite) => {
      insertEntries(sqlite, 'waiting', 2);
      sqlite.exec("UPDATE entries SET status = 'submitted', rev = 2 WHERE id LIKE 'waiting-%'");
      sqlite.exec("UPDATE outbox SET acked_at = '2025-03-03T02:00:00.000Z', result_status = 'conflict', result_code = 'STALE_REVISION' WHERE entity_id = 'waiting-0000'");
    });
    const { columns, rows: before } = readBefore();

    const opened = openOk({ file, now: () => T0 });
    const { sqlite } = opened;

    expect(opened.migrated).toEqual({ from: 3, to: NEWEST_VERSION });
    expect(snapshot(sqlite, columns)).toEqual(before);
    expect(countOf(sqlite, 'review_notices')).toBe(0);
    opened.close();
  });

  it('keeps one notice per refused mutation and only the three decisions', () => {
    const opened = openOk({ file });
    const { sqlite } = opened;
    const insert = sqlite.prepare(
      `INSERT OR IGNORE INTO review_notices (mutation_id, actor_id, entry_id, decision, code, message, at)
       VALUES (?, 'boss', 'entry-0000', 'approve', 'STALE_REVISION', 'diubah', '2025-03-03T02:00:00.000Z')`,
    );
    insert.run('m-1');
    insert.run('m-1');
    expect(countOf(sqlite, 'review_notices')).toBe(1);
    expect(() =>
      sqlite.exec(
        "INSERT INTO review_notices (mutation_id, actor_id, entry_id, decision, code, message, at) VALUES ('m-2', 'boss', 'e', 'maybe', 'X', 'x', 'now')",
      ),
    ).toThrow(/CHECK constraint failed/);
    opened.close();
  });
});
