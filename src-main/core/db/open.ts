import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { fail, ok } from '../../../src-shared/errors';
import type { Result } from '../../../src-shared/errors';
import { createBackupSync, DEFAULT_KEEP_BACKUPS, fileStamp, newestGoodBackup } from './backup';
import { fsyncFile, isCorruptionError, quickCheck, readHeaderVersion } from './integrity';
import { loadMigrations, migrate, MIGRATIONS_DIR, readSchemaVersion, verifyAppliedMigrations } from './migrate';
import { readClientId, reasonBeforeOpen, recentDailyBackup } from './open-check';
import type { IntegrityReason, IntegrityReport } from './open-check';
import * as schema from './schema';

export interface OpenDatabaseOptions {
  file: string;
  migrationsDir?: string;
  /** Default: `<dir of file>/backups`. */
  backupDir?: string;
  /** Copies kept when open takes a backup before migrating (default 7). */
  keepBackups?: number;
  now?: () => Date;
}

export interface RestoreReport {
  at: string;
  corruptMovedTo: string;
  /** null: no good backup, started empty. */
  restoredFrom: string | null;
  reason: string;
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: BetterSQLite3Database<typeof schema>;
  file: string;
  backupDir: string;
  migrated: { from: number; to: number };
  restored: RestoreReport | null;
  /** Whether open ran the full quick_check, why (or why not), and how long it took: open-check.ts. */
  integrity: IntegrityReport;
  /** How long quick_check took on the database that was finally opened (= integrity.ms; 0 when skipped). */
  checkMs: number;
  close(): void;
}

const BUSY_TIMEOUT_MS = 5000;

/** Why a file cannot be used as it is. */
type Refusal = { kind: 'newer'; found: number } | { kind: 'corrupt'; reason: string };
type Verdict = { kind: 'sound'; version: number; integrity: IntegrityReport } | Refusal;

type Attempt = { kind: 'open'; sqlite: Database.Database; version: number; integrity: IntegrityReport } | Refusal;

/** What decides whether a judgement runs the full check (open-check.ts). */
interface CheckPlan {
  supported: number;
  /** Decided before opening: the file's state on disk, or a restore just done. */
  forced: IntegrityReason | null;
  backupDir: string;
  now: Date;
}

/**
 * Opens (creating, restoring or upgrading as needed) the workstation's store. Expected outcomes
 * come back as a Result: a database from a newer app (DB_SCHEMA_NEWER, file untouched) and damage
 * no backup could repair (DB_CORRUPT). Everything else throws: a broken or edited migration, a
 * permission problem, a disk error; those are bugs or environment problems, not user errors.
 */
export function openDatabase(opts: OpenDatabaseOptions): Result<OpenedDatabase> {
  const file = path.resolve(opts.file);
  const backupDir = path.resolve(opts.backupDir ?? path.join(path.dirname(file), 'backups'));
  const now = opts.now ?? (() => new Date());
  const migrations = loadMigrations(opts.migrationsDir ?? MIGRATIONS_DIR);
  const supported = migrations.length;

  // Refusing a newer database must not write a byte: decide from the header before SQLite opens it.
  const headerVersion = readHeaderVersion(file);
  if (headerVersion !== null && headerVersion > supported) return schemaNewer(headerVersion, supported);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  let restored: RestoreReport | null = null;
  let attempt = attemptOpen(file, { supported, forced: reasonBeforeOpen(file), backupDir, now: now() });
  if (attempt.kind === 'newer') return schemaNewer(attempt.found, supported);
  if (attempt.kind === 'corrupt') {
    const recovery = recover(file, backupDir, attempt.reason, now(), supported);
    if (!recovery.ok) return recovery;
    restored = recovery.value;
    const forced = recovery.value.restoredFrom === null ? 'new-database' : 'restored';
    attempt = attemptOpen(file, { supported, forced, backupDir, now: now() });
    if (attempt.kind === 'newer') return schemaNewer(attempt.found, supported);
    if (attempt.kind === 'corrupt') return fail('DB_CORRUPT', { params: { reason: attempt.reason } });
  }

  const { sqlite, version, integrity } = attempt;
  try {
    verifyAppliedMigrations(sqlite, migrations);
    // An upgrade must be reversible: keep the pre-upgrade file before touching the schema.
    if (version < supported && hasContent(sqlite)) {
      createBackupSync(
        { sqlite, backupDir },
        { keep: opts.keepBackups ?? DEFAULT_KEEP_BACKUPS, now, label: `pre-migrate-v${version}` },
      );
    }
    const migrated = migrate(sqlite, migrations, { now });
    const db = drizzle(sqlite, { schema });
    finishOpen(db, restored, now);
    const close = (): void => closeDatabase(sqlite);
    return ok({ sqlite, db, file, backupDir, migrated, restored, integrity, checkMs: integrity.ms, close });
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

const schemaNewer = (found: number, supported: number): Result<OpenedDatabase> =>
  fail('DB_SCHEMA_NEWER', { params: { found, supported } });

/**
 * Connection settings. None of these writes to the file, so they are safe before we know whether
 * the file is ours to change.
 *
 * synchronous=FULL, not the usual WAL pairing NORMAL: with NORMAL the WAL is not synced at each
 * commit, so a power cut can lose the last commits. The database stays consistent, but an entry
 * the person saw "Tersimpan" for could vanish, and these offices have power cuts and an entry
 * decides money. FULL makes every commit durable for one fsync per commit, which the kiosk's
 * write rate (a few per minute) easily affords.
 *
 * cache_size: 16 MiB (negative = KiB) instead of the 2 MiB default holds the hot working set
 * (a unit's entries for the recap months, the catalog, reference tables) without going back to
 * disk; a kiosk database is tens of MB at most and the PCs have memory to spare for it.
 */
function applyConnectionPragmas(sqlite: Database.Database): void {
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -16384');
}

const corruptVerdict = (error: { code: string; message: string }): Refusal => ({
  kind: 'corrupt',
  reason: `${error.code}: ${error.message}`,
});

/**
 * One try at opening `file`; the connection stays open only when the attempt succeeds. The file is
 * judged on a read-only connection first: closing a read-write connection checkpoints the WAL into
 * the main file and deletes the -wal, which would alter a damaged file (and its -wal) we promise
 * to keep as found. journal_mode=WAL, which writes the header, comes only after the verdict.
 */
function attemptOpen(file: string, plan: CheckPlan): Attempt {
  const readOnly = judgeReadOnly(file, plan);
  if (readOnly && readOnly.kind !== 'sound') return readOnly;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    applyConnectionPragmas(sqlite);
    const verdict = readOnly ?? judge(sqlite, plan);
    if (verdict.kind !== 'sound') {
      sqlite.close();
      return verdict;
    }
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL (journal_mode is ${String(mode)})`);
    return { kind: 'open', sqlite, version: verdict.version, integrity: verdict.integrity };
  } catch (error) {
    sqlite?.close();
    if (!isCorruptionError(error)) throw error;
    return corruptVerdict(error);
  }
}

/**
 * Null when there is nothing to judge read-only: a new (missing or empty) file, or a hot rollback
 * journal left by a crash, which only a writer may roll back; the writing connection judges then.
 */
function judgeReadOnly(file: string, plan: CheckPlan): Verdict | null {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return null;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    return judge(sqlite, plan);
  } catch (error) {
    if (isCorruptionError(error)) return corruptVerdict(error);
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_READONLY_ROLLBACK') return null;
    throw error;
  } finally {
    sqlite?.close();
  }
}

/**
 * SQLite reports damage either as quick_check rows or by throwing SQLITE_CORRUPT/NOTADB. The cheap
 * checks (version, schema, identity row) always run; the full check only when open-check.ts says so.
 */
function judge(sqlite: Database.Database, plan: CheckPlan): Verdict {
  const version = readSchemaVersion(sqlite);
  if (version > plan.supported) return { kind: 'newer', found: version };
  const clientId = readClientId(sqlite);
  const reason =
    plan.forced ?? (recentDailyBackup(plan.backupDir, clientId, plan.now) ? 'skipped-recent-backup' : 'no-recent-backup');
  if (reason === 'new-database' || reason === 'skipped-recent-backup') {
    return { kind: 'sound', version, integrity: { checked: false, reason, ms: 0 } };
  }
  const started = performance.now();
  const problems = quickCheck(sqlite);
  const ms = performance.now() - started;
  if (problems.length > 0) return { kind: 'corrupt', reason: `quick_check: ${problems.slice(0, 3).join('; ')}` };
  return { kind: 'sound', version, integrity: { checked: true, reason, ms } };
}

/**
 * Moves the damaged file aside (never deletes it: someone may still rescue entries from it) and
 * puts the newest backup that passes quick_check in its place. With no good backup the file is
 * simply gone, so the next open starts an empty database, which then pulls from the server.
 */
function recover(file: string, backupDir: string, reason: string, at: Date, supported: number): Result<RestoreReport> {
  let corruptMovedTo: string;
  try {
    corruptMovedTo = moveAside(file, at);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('DB_CORRUPT', { params: { reason: `${reason}; could not move it aside: ${detail}` } });
  }
  const backup = newestGoodBackup(backupDir, { maxSchemaVersion: supported });
  if (backup) {
    fs.copyFileSync(backup, file, fs.constants.COPYFILE_EXCL);
    fsyncFile(file);
  }
  return ok({ at: at.toISOString(), corruptMovedTo, restoredFrom: backup, reason });
}

/**
 * `<file>.corrupt-<stamp>` plus its -wal/-shm/-journal under the same base name, so the set
 * still opens together in a SQLite tool for a rescue attempt.
 */
function moveAside(file: string, at: Date): string {
  const stamp = `${file}.corrupt-${fileStamp(at)}`;
  let base = stamp;
  for (let n = 2; fs.existsSync(base); n += 1) base = `${stamp}-${n}`;
  fs.renameSync(file, base);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, base + suffix);
  }
  return base;
}

function hasContent(sqlite: Database.Database): boolean {
  return readSchemaVersion(sqlite) > 0 || sqlite.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get() !== undefined;
}

/** The file's identity (PROTOCOL.md: one clientId per SQLite file) and the restore's audit trail. */
function finishOpen(db: BetterSQLite3Database<typeof schema>, restored: RestoreReport | null, now: () => Date): void {
  db.transaction(
    (tx) => {
      if (!tx.select({ id: schema.syncState.id }).from(schema.syncState).get()) {
        tx.insert(schema.syncState).values({ id: 1, clientId: randomUUID(), createdAt: now().toISOString() }).run();
      }
      if (restored) {
        tx.insert(schema.auditLog)
          .values({
            at: restored.at,
            actorId: null,
            action: 'db.restored',
            entityType: 'database',
            detail: JSON.stringify(restored),
          })
          .run();
      }
    },
    { behavior: 'immediate' },
  );
}

function closeDatabase(sqlite: Database.Database): void {
  if (!sqlite.open) return;
  try {
    // SQLite's advice for long-lived connections: refresh planner statistics on the way out.
    sqlite.pragma('optimize');
  } finally {
    sqlite.close();
  }
}
