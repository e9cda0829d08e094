import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { quickCheck } from './integrity';
import { readSchemaVersion } from './migrate';

/**
 * The backup folder: copies of the local store in `<backupDir>/kinerja-<YYYYMMDD-HHmmss-SSS>[-label].sqlite`.
 * The stamp is UTC so names sort in time order whatever the PC's time zone. A copy is written
 * under a `.partial` name, verified, then renamed: a file with the final name is always whole and
 * passed quick_check when it was written.
 */

export interface BackupInfo {
  file: string;
  /** ISO time parsed from the file name. */
  createdAt: string;
  bytes: number;
  label: string | null;
}

export const DEFAULT_KEEP_BACKUPS = 7;

const NAME = /^kinerja-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-([a-z0-9-]+))?\.sqlite$/;
const LABEL = /^[a-z0-9][a-z0-9-]*$/;
const PARTIAL = '.partial';
export const HOUR_MS = 3_600_000;

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
  const doomed = backupsToPrune(backupDir, keep, protect);
  for (const file of doomed) fs.rmSync(file, { force: true });
  return doomed;
}

/** pruneBackups off the main thread: unlinking a large file can take a while on a slow disk. */
export async function pruneBackupsAsync(backupDir: string, keep: number, protect?: string): Promise<string[]> {
  const doomed = backupsToPrune(backupDir, keep, protect);
  for (const file of doomed) await fs.promises.rm(file, { force: true });
  return doomed;
}

function backupsToPrune(backupDir: string, keep: number, protect: string | undefined): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive integer, got ${keep}`);
  return listBackups(backupDir)
    .slice(keep)
    .map((b) => b.file)
    .filter((file) => file !== protect);
}

export interface Target {
  file: string;
  partial: string;
}

/** A free final name for a new copy (and its `.partial` working name), the folder made ready. */
export function prepareTarget(backupDir: string, opts: { label?: string; now?: () => Date }): Target {
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

/** The partial copy and what SQLite may have left beside it while the check switched its journal mode. */
export function removePartial(partial: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
}

/** Copies interrupted by a power cut; an hour old so a copy still being written is left alone. */
function removeStalePartials(backupDir: string): void {
  const cutoff = Date.now() - HOUR_MS;
  for (const name of fs.readdirSync(backupDir)) {
    if (!name.startsWith('kinerja-') || !/\.partial(-journal|-wal|-shm)?$/.test(name)) continue;
    const file = path.join(backupDir, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  }
}
