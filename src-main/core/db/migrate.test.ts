import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGoodBackup, listBackups } from './backup';
import { loadMigrations, migrate, MigrationError, MIGRATIONS_DIR, SchemaNewerError } from './migrate';
import { openDatabase } from './open';
import {
  addMigration,
  copyMigrations,
  countOf,
  makeTempDir,
  openOk,
  rowsOf,
  seedWorkday,
  tableNames,
  thrownBy,
} from './test-support';

const T0 = new Date('2025-03-03T00:30:00.000Z');
const SEEDED_TABLES = ['employees', 'entries', 'outbox', 'audit_log', 'sync_state'];

let dir: string;
let file: string;
beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, 'kinerja.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A version-1 database as the previous app release left it, with a day of real work in it. */
function makeVersion1(): void {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  migrate(sqlite, loadMigrations(MIGRATIONS_DIR), { target: 1 });
  seedWorkday(sqlite);
  sqlite
    .prepare("INSERT INTO sync_state (id, client_id, created_at) VALUES (1, 'c0ffee00-0000-4000-8000-000000000001', ?)")
    .run(T0.toISOString());
  sqlite.close();
}

function snapshot(sqlite: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(SEEDED_TABLES.map((t) => [t, rowsOf(sqlite, t)]));
}

function brokenMigrations(): string {
  const migrationsDir = copyMigrations(path.join(dir, 'migrations'));
  addMigration(migrationsDir, '0002_broken', [
    'CREATE TABLE `entry_attachments` (`id` text PRIMARY KEY NOT NULL, `entry_id` text NOT NULL);',
    "UPDATE `entries` SET `description` = 'overwritten by a half-applied migration';",
    'INSERT INTO `no_such_table` VALUES (1);',
  ]);
  return migrationsDir;
}

describe('loadMigrations', () => {
  it('reads the shipped journal in order, split into statements, with a hash each', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrations.map((m) => [m.version, m.tag])).toEqual([
      [1, '0000_initial'],
      [2, '0001_catalog_favorites'],
    ]);
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
  it('brings a version-1 database to version 2 with every row unchanged, after taking a backup', () => {
    makeVersion1();
    const raw = new Database(file, { readonly: true });
    const before = snapshot(raw);
    raw.close();
    expect(before.entries).toHaveLength(1);

    const opened = openOk({ file, now: () => T0 });

    expect(opened.migrated).toEqual({ from: 1, to: 2 });
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(2);
    expect(tableNames(opened.sqlite)).toContain('catalog_favorites');
    expect(snapshot(opened.sqlite)).toEqual(before); // includes the existing client id: not regenerated
    const applied = opened.sqlite.prepare('SELECT version, tag FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual([
      { version: 1, tag: '0000_initial' },
      { version: 2, tag: '0001_catalog_favorites' },
    ]);

    const backups = listBackups(opened.backupDir);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.label).toBe('pre-migrate-v1');
    expect(isGoodBackup(backups[0]!.file)).toBe(true);
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(snapshot(copy)).toEqual(before);
    copy.close();
    opened.close();
  });

  it('applies several pending migrations as one unit: a failure in the last leaves none of them', () => {
    const migrationsDir = copyMigrations(path.join(dir, 'migrations'));
    addMigration(migrationsDir, '0002_broken', ['INSERT INTO `no_such_table` VALUES (1);']);
    const sqlite = new Database(file);

    expect(() => migrate(sqlite, loadMigrations(migrationsDir))).toThrow(/0002_broken.*nothing was applied/);

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
    expect((thrown as MigrationError).message).toMatch(/migration 3 \(0002_broken\) failed, nothing was applied: no such table/);

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    expect(tableNames(raw)).toEqual(tablesBefore);
    expect(snapshot(raw)).toEqual(before);
    expect(countOf(raw, 'schema_migrations')).toBe(2);
    raw.close();

    // The current app still opens it normally afterwards.
    const again = openOk({ file });
    expect(again.migrated).toEqual({ from: 2, to: 2 });
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
    sqlite.pragma('user_version = 7');
    expect(() => migrate(sqlite, migrations)).toThrow(SchemaNewerError);
    sqlite.close();
  });
});
