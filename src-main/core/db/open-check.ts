import fs from 'node:fs';
import Database from 'better-sqlite3';
import { BACKUP_MAX_AGE_HOURS, listBackups, type BackupInfo } from './backup';
import { HOUR_MS } from './backup-files';

/**
 * When open runs the full `PRAGMA quick_check`, and why skipping it otherwise is safe.
 *
 * quick_check reads every page of the file: about 1.5 ms per MB, close to a second for a
 * 600 MB store, against ~2 ms for the open itself. Open runs it only when it is needed:
 *
 * - **unclean-shutdown**: a non-empty `-wal` (or rollback `-journal`) is beside the file before we
 *   open it. A clean close of the last connection checkpoints the WAL and deletes it, so a WAL
 *   left behind means the app was killed or the power went (office PCs are switched off at the
 *   wall), which is when a disk that acknowledged writes it had not made can tear pages.
 * - **no-recent-backup**: no daily backup *of this database* (same client id) younger than
 *   BACKUP_MAX_AGE_HOURS in the backup folder.
 * - after a restore (**restored**): the file was just replaced.
 *
 * Otherwise (**skipped-recent-backup**) open does only cheap checks: the header read (version,
 * magic), opening the file and reading all of sqlite_schema and the sync_state row. A damaged
 * schema or first page fails there with SQLITE_CORRUPT/NOTADB and takes the recovery path.
 *
 * What detects damage in the steady state is the daily backup: it copies the database page for
 * page with SQLite's backup API and runs quick_check on the copy (in a worker). A bad page in the
 * source is a bad page in the copy, so the copy fails its check, is discarded, and no fresh backup
 * appears; the core reports `integrityWarning` and, the newest good copy now being older than the
 * window (a backup is attempted only once the newest is that old), the next open runs the full
 * check and restores. Between backups, SQLite itself reports SQLITE_CORRUPT on any damaged page a
 * query touches. So damage is found within about a day (one backup interval plus the hourly
 * maintenance tick): what the old check-at-every-open gave a kiosk started once a day, and better
 * for one left running for days, which the old rule never checked.
 *
 * Only unlabelled copies count: they are the daily page-for-page backup. A labelled copy may come
 * from VACUUM INTO (before a migration), which rebuilds the indexes and drops the free list, so its
 * passing quick_check proves less about the source. The client id must match, so a recent copy
 * of some other database (a file swapped in by hand) does not vouch for this one. A copy dated in
 * the future (the PC clock was set back) has no meaningful age and does not count either.
 */

export type IntegrityReason = 'new-database' | 'unclean-shutdown' | 'no-recent-backup' | 'skipped-recent-backup' | 'restored';

export interface IntegrityReport {
  /** Whether the full quick_check ran on the database that was finally opened. */
  checked: boolean;
  reason: IntegrityReason;
  /** Time spent in quick_check (0 when it was skipped). */
  ms: number;
}

/**
 * What the files say before any connection opens them (opening creates -wal/-shm, and the clean
 * close of a read-write connection deletes them, so this must be looked at first).
 */
export function reasonBeforeOpen(file: string): 'unclean-shutdown' | 'new-database' | null {
  if (nonEmpty(`${file}-wal`) || nonEmpty(`${file}-journal`)) return 'unclean-shutdown';
  if (!nonEmpty(file)) return 'new-database';
  return null;
}

function nonEmpty(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The cheap checks: reads every row of sqlite_schema (its pages, and every CREATE statement parsed)
 * and the identity row. Throws SQLITE_CORRUPT/NOTADB when those pages are damaged. Returns the
 * client id, or null for a database without one yet.
 */
export function readClientId(sqlite: Database.Database): string | null {
  const tables = sqlite.prepare("SELECT name, type, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[];
  if (!tables.some((t) => t.name === 'sync_state')) return null;
  return (sqlite.prepare('SELECT client_id FROM sync_state WHERE id = 1').pluck().get() as string | undefined) ?? null;
}

/** The newest daily backup of the database with this client id taken in the last BACKUP_MAX_AGE_HOURS. */
export function recentDailyBackup(backupDir: string, clientId: string | null, now: Date): BackupInfo | null {
  if (clientId === null) return null;
  for (const b of listBackups(backupDir)) {
    const ageMs = now.getTime() - Date.parse(b.createdAt);
    if (ageMs < 0 || b.label !== null) continue;
    if (ageMs >= BACKUP_MAX_AGE_HOURS * HOUR_MS) return null; // newest first: the rest are older still
    if (clientIdOfCopy(b.file) === clientId) return b;
  }
  return null;
}

/** Our copies are in rollback (DELETE) mode, so a read-only open leaves nothing beside them. */
function clientIdOfCopy(file: string): string | null {
  let copy: Database.Database | null = null;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    return readClientId(copy);
  } catch {
    return null; // a copy that does not open vouches for nothing
  } finally {
    copy?.close();
  }
}
