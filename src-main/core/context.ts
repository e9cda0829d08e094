import type { Settings } from '../../src-shared/settings';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Events } from '../../src-shared/api';
import type * as schema from './db/schema';
import type { RestoreReport } from './db/open';
import type { BackupInfo } from './db/backup';
import type { SessionStore } from './kiosk/sessions';
import type { SyncEngine } from './sync/engine';

export type Db = BetterSQLite3Database<typeof schema>;

/** Everything a service needs, passed in: no module-level state, so tests run many cores at once. */
export interface CoreContext {
  db: Db;
  sqlite: Database.Database;
  /** The wall clock; tests and the benchmark pass their own. */
  clock: () => Date;
  sessions: SessionStore;
  /**
   * What happened when the database was opened (a restore the UI must show), for app-status.
   * integrityWarning is set later, by the daily backup, when its copy failed its check (the
   * live file may be damaged; the next start checks it in full): `<ISO time> <message>`.
   */
  openReport: { schemaVersion: number; restored: RestoreReport | null; integrityWarning: string | null };
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  /** The sync loop of this store (PROTOCOL.md "Client loop"). */
  sync: SyncEngine;
  /**
   * The daily backup (core.ts, one copy at a time). `force` takes a copy whatever the newest one's
   * age (diagnostics-backup-now). Null when none was due or the store is closing. Rejects as
   * createBackup does, after recording integrityWarning when the copy failed its check.
   */
  backup(opts?: { force?: boolean }): Promise<BackupInfo | null>;
  /** What the program around the core offers (the Electron shell; nothing in tests and the dev bridge). */
  host: CoreHost;
}

/**
 * Hooks of the program that runs the core. The Electron shell passes them; the dev bridge and the
 * tests pass none, and the commands that need one say so in their answer instead of failing.
 */
export interface CoreHost {
  /** "Keluar" on the operator screen: the shell quits the app (after closing the store). */
  quit?: () => void;
  /** Called after settings-set stored a change (the shell applies kiosk mode, language …). */
  settingsChanged?: (settings: Settings) => void;
  /** Folder of the app's log files, packed into the diagnostics export. */
  logDir?: string;
  /** The app's version, for diagnostics. */
  appVersion?: string;
}

export const nowIso = (ctx: Pick<CoreContext, 'clock'>): string => ctx.clock().toISOString();
