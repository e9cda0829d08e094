import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, createBackupSync, listBackups } from './backup';
import { openDatabase } from './open';
import * as schema from './schema';
import { EMPLOYEE_ID, makeTempDir, NEWEST_VERSION, openOk, seedWorkday, sha256File, tableNames } from './test-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const T0 = new Date('2025-03-03T00:30:00.000Z');
/** What a newer app release would write. */
const NEWER_VERSION = NEWEST_VERSION + 1;

let dir: string;
let file: string;
beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, 'data', 'kinerja.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const schemaTables = Object.values(schema as Record<string, unknown>)
  .filter((value): value is SQLiteTable => is(value, SQLiteTable))
  .map((table) => getTableConfig(table));

describe('openDatabase on a new file', () => {
  it('creates the file with durable settings, the full schema at the newest version and its own client id', () => {
    const opened = openOk({ file, now: () => T0 });
    const { sqlite } = opened;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(NEWEST_VERSION);
    expect(opened.migrated).toEqual({ from: 0, to: NEWEST_VERSION });
    expect(opened.restored).toBeNull();
    // Nothing to check in a file just created.
    expect(opened.integrity).toEqual({ checked: false, reason: 'new-database', ms: 0 });
    expect(opened.checkMs).toBe(0);
    expect(opened.backupDir).toBe(path.join(dir, 'data', 'backups'));
    // Nothing to protect yet, so no backup is taken.
    expect(listBackups(opened.backupDir)).toEqual([]);

    const state = opened.db.select().from(schema.syncState).all();
    expect(state).toHaveLength(1);
    expect(state[0]!.clientId).toMatch(UUID);
    expect(state[0]!.createdAt).toBe(T0.toISOString());
    opened.close();
  });

  it('has every table and column of schema.ts, so the migrations and the schema agree', () => {
    const opened = openOk({ file });
    // Exactly the schema's tables plus the migrator's own record.
    expect(tableNames(opened.sqlite)).toEqual([...schemaTables.map((t) => t.name), 'schema_migrations'].sort());
    for (const table of schemaTables) {
      const columns = opened.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table.name);
      expect(columns.sort(), table.name).toEqual(table.columns.map((c) => c.name).sort());
    }
    opened.close();
  });

  it('keeps the same client id when reopened, and migrates nothing the second time', () => {
    const first = openOk({ file });
    const clientId = first.db.select().from(schema.syncState).get()!.clientId;
    first.close();

    const second = openOk({ file });
    expect(second.migrated).toEqual({ from: NEWEST_VERSION, to: NEWEST_VERSION });
    expect(second.db.select().from(schema.syncState).all().map((s) => s.clientId)).toEqual([clientId]);
    second.close();
  });

  it('gives a different client id to a different file', () => {
    const a = openOk({ file });
    const b = openOk({ file: path.join(dir, 'other.sqlite') });
    expect(a.db.select().from(schema.syncState).get()!.clientId).not.toBe(
      b.db.select().from(schema.syncState).get()!.clientId,
    );
    a.close();
    b.close();
  });

  it('writes through the drizzle handle to the same file, and close() leaves everything in the main file', () => {
    const opened = openOk({ file });
    seedWorkday(opened.sqlite);
    const employee = opened.db.select().from(schema.employees).where(eq(schema.employees.id, EMPLOYEE_ID)).get();
    expect(employee?.name).toBe('Siti Rahayu');
    opened.close();
    opened.close(); // idempotent: the shell may close on several quit paths
    expect(opened.sqlite.open).toBe(false);
    // The WAL was checkpointed and removed: copying the one file copies all the data.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT name FROM employees').pluck().all()).toEqual(['Siti Rahayu']);
    raw.close();
  });
});

describe('openDatabase on a database from a newer app', () => {
  it('refuses with DB_SCHEMA_NEWER and leaves the file byte-for-byte untouched', () => {
    const opened = openOk({ file });
    seedWorkday(opened.sqlite);
    opened.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${NEWER_VERSION}`);
    raw.close();
    const before = sha256File(file);
    const listing = fs.readdirSync(path.dirname(file)).sort();

    const result = openDatabase({ file });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('DB_SCHEMA_NEWER');
    expect(result.error.params).toEqual({ found: NEWER_VERSION, supported: NEWEST_VERSION });
    expect(result.error.message).toMatch(/versi aplikasi yang lebih baru/);
    expect(sha256File(file)).toBe(before);
    // No -wal/-shm, no backups folder, no moved-aside file.
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(listing);
  });

  it('also refuses when the newer version is only in the WAL, not yet in the file header', () => {
    const opened = openOk({ file });
    opened.close();
    // A newer app still running (or crashed) with its upgrade committed to the WAL only.
    const newer = new Database(file);
    newer.pragma('wal_autocheckpoint = 0');
    newer.pragma(`user_version = ${NEWER_VERSION}`);
    const before = sha256File(file);

    const result = openDatabase({ file });

    expect(result.ok ? null : result.error.params).toEqual({ found: NEWER_VERSION, supported: NEWEST_VERSION });
    expect(sha256File(file)).toBe(before);
    newer.close();
  });
});

describe('openDatabase after a crash', () => {
  it('rolls back a hot journal left by a crash in rollback mode (a restored copy before its first open)', () => {
    openOk({ file }).close();
    const crashed = path.join(dir, 'crashed.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    seedWorkday(raw);
    raw.pragma('cache_size = 1'); // spill to the file mid-transaction, as a big write does
    raw.exec('BEGIN');
    raw.exec("UPDATE entries SET description = 'half-written'");
    raw.exec(`INSERT INTO audit_log (at, action, detail) SELECT at, 'x', printf('%.3000c', 'x') FROM audit_log`);
    // The files as a power cut mid-transaction leaves them: changed pages in the file, the journal beside it.
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-journal`, `${crashed}-journal`);
    raw.exec('ROLLBACK');
    raw.close();

    const opened = openOk({ file: crashed });

    expect(opened.restored).toBeNull();
    expect(opened.integrity).toMatchObject({ checked: true, reason: 'unclean-shutdown' });
    expect(opened.sqlite.prepare('SELECT description FROM entries').pluck().all()).not.toContain('half-written');
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    opened.close();
  });
});

describe('when openDatabase runs the full integrity check', () => {
  const HOUR = 3_600_000;
  const at = (hours: number) => () => new Date(T0.getTime() + hours * HOUR);

  /** A store with a day of work and a daily backup taken at T0, closed cleanly. */
  async function storeWithDailyBackup(): Promise<string> {
    const opened = openOk({ file, now: at(0) });
    seedWorkday(opened.sqlite);
    const backup = await createBackup(opened, { now: at(0) });
    opened.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    return backup.file;
  }

  const integrityAt = (hours: number) => {
    const opened = openOk({ file, now: at(hours) });
    opened.close();
    return opened.integrity;
  };

  it('skips it after a clean close with a daily backup younger than 24 h, and reports that', async () => {
    await storeWithDailyBackup();
    const opened = openOk({ file, now: at(23.9) });
    expect(opened.integrity).toEqual({ checked: false, reason: 'skipped-recent-backup', ms: 0 });
    expect(opened.checkMs).toBe(0);
    // The cheap checks ran: the schema and the identity row were read.
    expect(opened.db.select().from(schema.syncState).all()).toHaveLength(1);
    opened.close();
  });

  it('runs it when the newest daily backup is 24 h old or more', async () => {
    await storeWithDailyBackup();
    const opened = openOk({ file, now: at(24) });
    expect(opened.integrity).toMatchObject({ checked: true, reason: 'no-recent-backup' });
    expect(opened.integrity.ms).toBeGreaterThan(0);
    expect(opened.checkMs).toBe(opened.integrity.ms);
    opened.close();
  });

  it('runs it when there is no backup at all', () => {
    openOk({ file, now: at(0) }).close();
    expect(integrityAt(1)).toMatchObject({ checked: true, reason: 'no-recent-backup' });
  });

  it('runs it when the only recent copy is dated in the future (clock set back) or is not a daily one', async () => {
    await storeWithDailyBackup();
    // The clock went back a day: the copy's age says nothing.
    expect(integrityAt(-24)).toMatchObject({ checked: true, reason: 'no-recent-backup' });
    // A pre-migration copy (VACUUM INTO rebuilds indexes) does not vouch for the file.
    fs.rmSync(path.join(dir, 'data', 'backups'), { recursive: true });
    const opened = openOk({ file, now: at(0) });
    createBackupSync(opened, { now: at(0), label: 'pre-migrate-v1' });
    opened.close();
    expect(integrityAt(1)).toMatchObject({ checked: true, reason: 'no-recent-backup' });
  });

  it('runs it when the recent backup is of another database (another client id)', async () => {
    await storeWithDailyBackup();
    const backupDir = path.join(dir, 'data', 'backups');
    const other = openOk({ file: path.join(dir, 'other.sqlite'), backupDir, now: at(1) });
    other.close();
    // Someone copies another PC's store over this one: the recent copy in the folder is not of it.
    fs.copyFileSync(path.join(dir, 'other.sqlite'), file);
    expect(integrityAt(2)).toMatchObject({ checked: true, reason: 'no-recent-backup' });
  });

  it('runs it after an unclean shutdown (the app killed mid-write), however recent the backup', async () => {
    await storeWithDailyBackup();
    // A separate process writes one committed row to the WAL and is killed before it can close.
    const script = [
      "const Database = require('better-sqlite3');",
      'const db = new Database(process.argv[1]);',
      "db.prepare(\"INSERT INTO audit_log (at, action, entity_type) VALUES ('2025-03-03T01:00:00.000Z', 'before.kill', 'test')\").run();",
      "process.kill(process.pid, 'SIGKILL');",
    ].join('\n');
    const child = spawnSync(process.execPath, ['-e', script, file], { cwd: process.cwd(), encoding: 'utf8' });
    expect(child.signal ?? child.stderr).toBe('SIGKILL');
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const opened = openOk({ file, now: at(1) });

    expect(opened.integrity).toMatchObject({ checked: true, reason: 'unclean-shutdown' });
    expect(opened.restored).toBeNull();
    // The killed process's committed write survives: it was in the WAL.
    expect(opened.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'before.kill'").pluck().get()).toBe(1);
    opened.close();
    // Closed cleanly this time: the next open may skip the check again.
    expect(integrityAt(2)).toMatchObject({ checked: false, reason: 'skipped-recent-backup' });
  });
});

describe('openDatabase on a file it cannot use for another reason', () => {
  it('throws instead of treating it as corruption, and moves nothing aside', () => {
    fs.mkdirSync(file, { recursive: true }); // the path is a folder: an environment problem
    expect(() => openDatabase({ file })).toThrow();
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['kinerja.sqlite']);
  });
});
