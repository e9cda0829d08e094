/** Types for backup-worker.mjs (kept as plain JavaScript so a Worker can load it anywhere). */

export declare const BACKUP_WORKER_KIND: 'kinerja-backup-copy';

/** What the worker is given: copy `source` to `partial` and check it, or (source null) only check. */
export interface BackupJob {
  kind: typeof BACKUP_WORKER_KIND;
  source: string | null;
  partial: string;
}

export type BackupStage = 'copy' | 'check';

/** What the worker posts back: the check's rows, or the error that stopped the job. */
export type BackupReply =
  | { problems: string[] }
  | { error: { stage: BackupStage; code: string | null; message: string } };

/** Page-for-page copy over a read-only connection of this thread, in one read transaction. */
export declare function copyDatabase(source: string, dest: string): Promise<void>;

/** quick_check problems of the copy, empty when sound; throws when SQLite cannot open it. */
export declare function checkCopy(file: string): string[];

export declare function errorReply(stage: BackupStage, error: unknown): BackupReply;
