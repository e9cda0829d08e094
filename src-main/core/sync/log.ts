import type Database from 'better-sqlite3';
import { stmt } from '../prepared';

/** The operator's view of the last sync attempts; the table is kept to the last KEEP rows. */
export const SYNC_LOG_KEEP = 200;

export interface SyncLogItem {
  id: number;
  startedAt: string;
  finishedAt: string;
  trigger: string;
  outcome: string;
  pushed: number;
  applied: number;
  refused: number;
  pulled: number;
  errorCode: string | null;
  detail: string | null;
}

export function writeSyncLog(sqlite: Database.Database, item: Omit<SyncLogItem, 'id'>): void {
  sqlite.transaction(() => {
    stmt(
      sqlite,
      `insert into sync_log (started_at, finished_at, trigger, outcome, pushed, applied, refused, pulled, error_code, detail)
       values (@startedAt, @finishedAt, @trigger, @outcome, @pushed, @applied, @refused, @pulled, @errorCode, @detail)`,
    ).run(item);
    stmt(sqlite, 'delete from sync_log where id <= (select max(id) from sync_log) - ?').run(SYNC_LOG_KEEP);
  }).immediate();
}

/** Newest first. */
export function listSyncLog(sqlite: Database.Database, limit = SYNC_LOG_KEEP): SyncLogItem[] {
  return (
    stmt(
      sqlite,
      `select id, started_at as startedAt, finished_at as finishedAt, trigger, outcome, pushed, applied, refused, pulled,
              error_code as errorCode, detail
       from sync_log order by id desc limit ?`,
    ).all(limit) as SyncLogItem[]
  );
}
