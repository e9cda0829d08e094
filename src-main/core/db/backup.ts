import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir, fsyncFile, quickCheck } from './integrity';
import { readSchemaVersion } from './migrate';

/**
 * Copies of the local store in `<backupDir>/kinerja-<YYYYMMDD-HHmmss-SSS>[-label].sqlite`.
 * The stamp is UTC so names sort in time order whatever the PC's time zone. A copy is written
 * under a `.partial` name, verified, then renamed: a file with the final name is always whole.
 */

export interface BackupInfo {
  file: string;
  /** ISO time parsed from the file name. */
  createdAt: string;
  bytes: number;
  label: string | null;
}

export interface BackupSource {
  sqlite: Database.Database;
  backupDir: string;
}

export interface BackupOptions {
  /** How many copies to keep after this one is written (default 7). */
  keep?: number;
  now?: () => Date;
  /** Lower-case letters, digits and dashes, e.g. `pre-migrate-v1`. */
  label?: string;
}

export const DEFAULT_KEEP_BACKUPS = 7;

const NAME = /^kinerja-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-([a-z0-9-]+))?\.sqlite$/;
const LABEL = /^[a-z0-9][a-z0-9-]*$/;
const PARTIAL = '.partial';
const HOUR_MS = 3_600_000;

const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYYMMDD-HHmmss-SSS` in UTC; also names corrupt files moved aside. */
export function fileStamp(d: Date): string {
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}`
  );
}

export function listBackups(backupDir: string): BackupInfo[] {
  if (!fs.existsSync(backupDir)) return [];
  const found: BackupInfo[] = [];
  for (const name of fs.readdirSync(backupDir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, y, mo, d, h, mi, s, ms, label] = m;
    const createdAt = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, +ms!)).toISOString();
    const file = path.join(backupDir, name);
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      continue; // pruned between readdir and stat
    }
    found.push({ file, createdAt, bytes, label: label ?? null });
  }
  return found.sort((a, b) => newestFirst(a.createdAt, b.createdAt) || newestFirst(a.file, b.file));
}

/** True when the copy opens, passes quick_check and is not from a newer schema than we can run. */
export function isGoodBackup(file: string, opts: { maxSchemaVersion?: number } = {}): boolean {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    if (opts.maxSchemaVersion !== undefined && readSchemaVersion(sqlite) > opts.maxSchemaVersion) return false;
    return quickCheck(sqlite).length === 0;
  } catch {
    // Whatever stops a copy from opening makes it useless for a restore; try the next one.
    return false;
  } finally {
    sqlite?.close();
  }
}

export function newestGoodBackup(backupDir: string, opts: { maxSchemaVersion?: number } = {}): string | null {
  return listBackups(backupDir).find((b) => isGoodBackup(b.file, opts))?.file ?? null;
}

/**
 * Deletes all but the newest `keep` copies. `protect` (the copy just written) is never deleted,
 * even when the PC clock was set back and older-looking names hide it among the newest.
 */
export function pruneBackups(backupDir: string, keep: number, protect?: string): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive integer, got ${keep}`);
  const removed: string[] = [];
  for (const b of listBackups(backupDir).slice(keep)) {
    if (b.file === protect) continue;
    fs.rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}

/**
 * Online backup through SQLite's backup API, a few pages per event-loop turn so the kiosk stays
 * responsive. Writes through the same connection are folded into the copy as it goes.
 */
export async function createBackup(source: BackupSource, opts: BackupOptions = {}): Promise<BackupInfo> {
  const target = prepareTarget(source.backupDir, opts);
  try {
    await source.sqlite.backup(target.partial, { progress: pageRate() });
    return publish(source.backupDir, target, opts.keep);
  } catch (error) {
    removePartial(target.partial);
    throw error;
  }
}

/**
 * Synchronous copy, used at open before a migration. VACUUM INTO reads one consistent snapshot
 * through this connection (other writers are not blocked and cannot tear it) and writes a compact
 * standalone file, all before the migration transaction starts. Copying the file after a
 * checkpoint would instead race with any other connection that writes to the WAL.
 */
export function createBackupSync(source: BackupSource, opts: BackupOptions = {}): BackupInfo {
  const target = prepareTarget(source.backupDir, opts);
  try {
    source.sqlite.prepare('VACUUM INTO ?').run(target.partial);
    return publish(source.backupDir, target, opts.keep);
  } catch (error) {
    removePartial(target.partial);
    throw error;
  }
}

export interface BackupIfDueOptions extends BackupOptions {
  maxAgeHours: number;
}

/** Backs up when the newest copy is older than `maxAgeHours` (or there is none). */
export async function backupIfDue(source: BackupSource, opts: BackupIfDueOptions): Promise<BackupInfo | null> {
  const at = (opts.now ?? (() => new Date()))();
  const newest = listBackups(source.backupDir)[0];
  if (newest) {
    const ageMs = at.getTime() - Date.parse(newest.createdAt);
    // A copy "from the future" means the clock was set back (flat CMOS batteries are common in
    // these offices): its age says nothing, so take a fresh copy rather than wait for the clock.
    if (ageMs >= 0 && ageMs < opts.maxAgeHours * HOUR_MS) return null;
  }
  return createBackup(source, { ...opts, now: () => at });
}

interface Target {
  file: string;
  partial: string;
}

function prepareTarget(backupDir: string, opts: BackupOptions): Target {
  if (opts.label !== undefined && !LABEL.test(opts.label)) throw new TypeError(`invalid backup label: ${opts.label}`);
  fs.mkdirSync(backupDir, { recursive: true });
  removeStalePartials(backupDir);
  const suffix = opts.label ? `-${opts.label}` : '';
  // Two copies in one millisecond (tests with a fixed clock) take the next millisecond, so names
  // stay unique and in order and neither copy overwrites the other.
  let at = (opts.now ?? (() => new Date()))().getTime();
  for (;;) {
    const file = path.join(backupDir, `kinerja-${fileStamp(new Date(at))}${suffix}.sqlite`);
    const partial = file + PARTIAL;
    if (!fs.existsSync(file) && !fs.existsSync(partial)) return { file, partial };
    at += 1;
  }
}

/** Verifies the copy, makes it durable, gives it its final name and prunes old copies. */
function publish(backupDir: string, target: Target, keep = DEFAULT_KEEP_BACKUPS): BackupInfo {
  const copy = new Database(target.partial, { fileMustExist: true });
  try {
    // The backup API copies the source header, so the copy would say WAL; a backup must be one
    // self-contained file (opening a WAL file, even read-only, leaves -wal/-shm beside it).
    copy.pragma('journal_mode = DELETE');
    const problems = quickCheck(copy);
    if (problems.length > 0) throw new Error(`backup copy failed quick_check: ${problems.slice(0, 3).join('; ')}`);
  } finally {
    copy.close();
  }
  // VACUUM INTO does not fsync its output, and a backup taken before a migration must survive
  // a power cut that happens during the migration.
  fsyncFile(target.partial);
  fs.renameSync(target.partial, target.file);
  fsyncDir(backupDir);
  pruneBackups(backupDir, keep, target.file);
  const info = listBackups(backupDir).find((b) => b.file === target.file);
  if (!info) throw new Error(`backup ${target.file} vanished after it was written`);
  return info;
}

/**
 * Another connection's write restarts the copy from page one; from then on each step copies every
 * page at once (one read transaction, which no writer can interleave), so a busy writer cannot keep
 * the backup from ever finishing. Measured: with a fixed rate and a writer between steps it never did.
 */
const ALL_PAGES = 0x7fffffff; // the largest rate better-sqlite3 accepts
function pageRate(): (progress: Database.BackupMetadata) => number {
  let lastRemaining = Number.POSITIVE_INFINITY;
  let rate = 256;
  return ({ remainingPages }) => {
    if (remainingPages > lastRemaining) rate = ALL_PAGES;
    lastRemaining = remainingPages;
    return rate;
  };
}

function removePartial(partial: string): void {
  fs.rmSync(partial, { force: true });
  fs.rmSync(`${partial}-journal`, { force: true });
}

/** Copies interrupted by a power cut; an hour old so a copy still being written is left alone. */
function removeStalePartials(backupDir: string): void {
  const cutoff = Date.now() - HOUR_MS;
  for (const name of fs.readdirSync(backupDir)) {
    if (!name.startsWith('kinerja-') || !(name.endsWith(PARTIAL) || name.endsWith(`${PARTIAL}-journal`))) continue;
    const file = path.join(backupDir, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  }
}
