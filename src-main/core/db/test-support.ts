import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, MIGRATIONS_DIR } from './migrate';
import { openDatabase } from './open';
import type { OpenDatabaseOptions, OpenedDatabase } from './open';

/** Helpers for the db tests: real files in a temp dir, rows shaped like the app writes them. */

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kk-db-'));
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function openOk(opts: OpenDatabaseOptions): OpenedDatabase {
  const result = openDatabase(opts);
  if (!result.ok) throw new Error(`openDatabase failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
  return result.value;
}

/** The error `fn` throws; fails the test when it does not throw. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but none came');
}

/**
 * The schema version the shipped migrations lead to. Tests that mean "the newest" use this, so a
 * new migration does not need every test edited; a literal version means that specific old one.
 */
export const NEWEST_VERSION = loadMigrations(MIGRATIONS_DIR).length;

/** The tag a migration appended after the shipped ones gets, named as drizzle-kit would name it. */
export function nextTag(name: string): string {
  return `${String(NEWEST_VERSION).padStart(4, '0')}_${name}`;
}

/** A copy of the shipped migrations that a test may extend or edit. */
export function copyMigrations(to: string): string {
  fs.cpSync(MIGRATIONS_DIR, to, { recursive: true });
  return to;
}

export function addMigration(dir: string, tag: string, statements: string[]): void {
  fs.writeFileSync(path.join(dir, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'));
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Record<string, unknown>[] };
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
}

export const EMPLOYEE_ID = '0192f0a0-0000-7000-8000-000000000001';

/** One staff member with one entry, its pending outbox mutation and the audit row, as entry-create writes them. */
export function seedWorkday(sqlite: Database.Database): void {
  sqlite
    .prepare(
      `INSERT INTO employees (id, nip, name, unit_id, position_title, roles, pin_hash, must_change_pin, tpp_base)
       VALUES (?, '198503152010011002', 'Siti Rahayu', 'unit-dinkes', 'Analis Kepegawaian', '["staff"]',
               'scrypt$16384$8$1$c2FsdA$aGFzaA', 0, 4250000)`,
    )
    .run(EMPLOYEE_ID);
  insertEntries(sqlite, 'entry', 1);
  sqlite
    .prepare(
      `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, detail)
       VALUES ('2025-03-03T01:35:00.000Z', ?, 'entry.create', 'entry', 'entry-0000', '{"workDate":"2025-03-03"}')`,
    )
    .run(EMPLOYEE_ID);
}

/**
 * `count` entries, each with its outbox mutation in the same transaction (as the entries service
 * does), so "entries = outbox rows" holds in any consistent copy. `padding` bytes make files big.
 */
export function insertEntries(sqlite: Database.Database, prefix: string, count: number, padding = 0): void {
  const entry = sqlite.prepare(
    `INSERT INTO entries (id, employee_id, work_date, start_time, end_time, minutes, credited_minutes, activity_id,
       volume, output_unit, description, status, created_at, updated_at)
     VALUES (@id, @employee, '2025-03-03', '08:00', '09:30', 90, 90, 'act-001', 1, 'dokumen', @description, 'draft',
       '2025-03-03T01:35:00.000Z', '2025-03-03T01:35:00.000Z')`,
  );
  const mutation = sqlite.prepare(
    `INSERT INTO outbox (id, name, args, actor_id, client_time, entity_id)
     VALUES (@mutationId, 'entry.create@1', @args, @employee, '2025-03-03T01:35:00.000Z', @id)`,
  );
  const write = sqlite.transaction((i: number) => {
    const id = `${prefix}-${String(i).padStart(4, '0')}`;
    const row = {
      id,
      mutationId: `m-${id}`,
      employee: EMPLOYEE_ID,
      description: `Menyusun laporan kepegawaian bulanan ${id} ${'x'.repeat(padding)}`,
      args: JSON.stringify({ id, workDate: '2025-03-03' }),
    };
    entry.run(row);
    mutation.run(row);
  });
  for (let i = 0; i < count; i += 1) write(i);
}

/**
 * The rows of `table`, oldest first. With `columns`, only those: a database migrated since has
 * more columns, and the rows are "unchanged" when the columns they had keep their values.
 */
export function rowsOf(sqlite: Database.Database, table: string, columns?: readonly string[]): unknown[] {
  const list = columns ? columns.map((c) => `"${c}"`).join(', ') : '*';
  return sqlite.prepare(`SELECT ${list} FROM ${table} ORDER BY rowid`).all();
}

export function columnsOf(sqlite: Database.Database, table: string): string[] {
  return sqlite.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[];
}

export function countOf(sqlite: Database.Database, table: string, where = '1'): number {
  return sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
}

export function tableNames(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  ).filter((name) => !name.startsWith('sqlite_'));
}

/** Overwrites the middle of the file with random bytes, as a failing disk or torn write would. */
export function scribbleOverMiddle(file: string): void {
  const bytes = fs.readFileSync(file);
  const start = Math.floor(bytes.length * 0.3);
  const end = Math.floor(bytes.length * 0.7);
  for (let i = start; i < end; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  fs.writeFileSync(file, bytes);
}

/**
 * Overwrites one b-tree page of `table` (a leaf from the middle of it) in a closed database, as a
 * failing disk sector would: damage that only a full check, or a query reading that page, finds.
 * Returns the page number.
 */
export function damagePageOf(file: string, table: string): number {
  // Read-write, so closing checkpoints and removes the -wal again: the file stays "cleanly closed".
  const sqlite = new Database(file);
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const leaves = sqlite
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all(table) as number[];
  sqlite.close();
  const page = leaves[Math.floor(leaves.length / 2)];
  if (page === undefined) throw new Error(`table ${table} has no leaf page`);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return page;
}
