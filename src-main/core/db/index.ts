import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

/** The typed drizzle handle every query function takes as its first parameter. */
export type Db = BetterSQLite3Database<typeof schema>;

export * as schema from './schema';
export { openDatabase } from './open';
export type { OpenDatabaseOptions, OpenedDatabase, RestoreReport } from './open';
export type { IntegrityReason, IntegrityReport } from './open-check';
export {
  BACKUP_MAX_AGE_HOURS,
  BackupCheckFailedError,
  backupIfDue,
  createBackup,
  createBackupSync,
  DEFAULT_KEEP_BACKUPS,
  isGoodBackup,
  listBackups,
  newestGoodBackup,
  pruneBackups,
} from './backup';
export type { BackupIfDueOptions, BackupInfo, BackupOptions, BackupSource } from './backup';
export {
  loadMigrations,
  migrate,
  MigrationError,
  MIGRATIONS_DIR,
  readSchemaVersion,
  SchemaNewerError,
  verifyAppliedMigrations,
} from './migrate';
export type { MigrateOptions, Migration, MigrationFailure } from './migrate';
