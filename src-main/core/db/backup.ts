import fs from 'node:fs';
import type Database from 'better-sqlite3';
import {
  DEFAULT_KEEP_BACKUPS,
  HOUR_MS,
  listBackups,
  prepareTarget,
  pruneBackups,
  pruneBackupsAsync,
  removePartial,
  type BackupInfo,
} from './backup-files';
import { fsyncDir, fsyncDirAsync, fsyncFile, fsyncFileAsync } from './integrity';
import { copyAndCheck, verifyCopySync } from './backup-copy';

/**
 * Taking copies of the local store (the folder's layout and pruning: backup-files.ts). Every copy
 * is written under a `.partial` name, checked with quick_check, fsynced, then renamed, so a file
 * with a final name is always whole and was sound when it was taken.
 */

export {
  DEFAULT_KEEP_BACKUPS,
  fileStamp,
  isGoodBackup,
  listBackups,
  newestGoodBackup,
  pruneBackups,
} from './backup-files';
export type { BackupInfo } from './backup-files';
export { BackupCheckFailedError } from './backup-copy';

/**
 * The daily backup's cadence. open.ts relies on it too: a verified daily copy younger than this
 * lets open skip the full check, so the two must stay equal (see open-check.ts).
 */
export const BACKUP_MAX_AGE_HOURS = 24;

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

/**
 * Online backup through SQLite's backup API, page for page, of the last committed state. The copy
 * and its check run in a worker thread (backup-copy.ts), its fsync on libuv's thread pool, so the
 * kiosk stays responsive throughout; writes made meanwhile go to the WAL and into the next copy.
 * Unlabelled copies are the daily backup, the one open.ts relies on.
 *
 * Rejects with BackupCheckFailedError when the copy fails its check: a page-for-page copy of a
 * sound database is sound, so the source may be damaged. The copy is then discarded and nothing is
 * pruned, so every older good copy stays for the restore.
 */
export async function createBackup(source: BackupSource, opts: BackupOptions = {}): Promise<BackupInfo> {
  const target = prepareTarget(source.backupDir, opts);
  try {
    await copyAndCheck(source.sqlite, target.partial);
    await fsyncFileAsync(target.partial);
    fs.renameSync(target.partial, target.file);
  } catch (error) {
    removePartial(target.partial);
    throw error;
  }
  await fsyncDirAsync(source.backupDir);
  await pruneBackupsAsync(source.backupDir, opts.keep ?? DEFAULT_KEEP_BACKUPS, target.file);
  return written(source.backupDir, target.file);
}

/**
 * Synchronous copy, used at open before a migration (start-up, before any window: blocking is
 * fine there). VACUUM INTO reads one consistent snapshot through this connection (other writers
 * are not blocked and cannot tear it) and writes a compact standalone file, all before the
 * migration transaction starts. Copying the file after a checkpoint would instead race with any
 * other connection that writes to the WAL. VACUUM INTO does not fsync its output, and a backup
 * taken before a migration must survive a power cut that happens during the migration.
 */
export function createBackupSync(source: BackupSource, opts: BackupOptions = {}): BackupInfo {
  const target = prepareTarget(source.backupDir, opts);
  try {
    source.sqlite.prepare('VACUUM INTO ?').run(target.partial);
    verifyCopySync(target.partial);
    fsyncFile(target.partial);
    fs.renameSync(target.partial, target.file);
  } catch (error) {
    removePartial(target.partial);
    throw error;
  }
  fsyncDir(source.backupDir);
  pruneBackups(source.backupDir, opts.keep ?? DEFAULT_KEEP_BACKUPS, target.file);
  return written(source.backupDir, target.file);
}

function written(backupDir: string, file: string): BackupInfo {
  const info = listBackups(backupDir).find((b) => b.file === file);
  if (!info) throw new Error(`backup ${file} vanished after it was written`);
  return info;
}

export interface BackupIfDueOptions extends BackupOptions {
  maxAgeHours: number;
}

/**
 * Backs up when the newest copy of the same kind (same label; unlabelled for the daily backup) is
 * older than `maxAgeHours`, or there is none. A pre-migration copy does not stand in for the daily
 * one: it is made differently (VACUUM INTO) and open.ts does not accept it as proof of a sound file.
 */
export async function backupIfDue(source: BackupSource, opts: BackupIfDueOptions): Promise<BackupInfo | null> {
  const at = (opts.now ?? (() => new Date()))();
  const newest = listBackups(source.backupDir).find((b) => b.label === (opts.label ?? null));
  if (newest) {
    const ageMs = at.getTime() - Date.parse(newest.createdAt);
    // A copy "from the future" means the clock was set back (flat CMOS batteries are common in
    // these offices): its age says nothing, so take a fresh copy rather than wait for the clock.
    if (ageMs >= 0 && ageMs < opts.maxAgeHours * HOUR_MS) return null;
  }
  return createBackup(source, { ...opts, now: () => at });
}
