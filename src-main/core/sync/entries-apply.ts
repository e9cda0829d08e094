import type Database from 'better-sqlite3';
import type { EntryRow } from '../../../src-shared/sync-rows';
import type { Db } from '../context';
import { deleteEntryRow, getEntry } from '../entries/queries';
import { hasPending } from './outbox';
import { stmt } from '../prepared';

/**
 * Entries have two layers on a workstation: the server's copy (`synced_entries`, exactly what the
 * last pull said) and the row screens read (`entries`): the server's copy with this PC's changes
 * that are still in the outbox applied on top. A pulled row reaches `entries` only when nothing is
 * pending for it, so a pull never undoes a change the server has not seen yet; when the server
 * refuses such a change, the row goes back to the server's copy (restoreEntry).
 */

const stmts = new WeakMap<Database.Database, { put: Database.Statement; get: Database.Statement; localOnly: Database.Statement }>();
function s(sqlite: Database.Database) {
  let st = stmts.get(sqlite);
  if (!st) {
    st = {
      put: sqlite.prepare('insert into synced_entries (id, body, version) values (?, ?, ?) on conflict (id) do update set body = excluded.body, version = excluded.version'),
      get: sqlite.prepare('select body, version from synced_entries where id = ?'),
      localOnly: sqlite.prepare('update entries set local_only = ? where id = ?'),
    };
    stmts.set(sqlite, st);
  }
  return st;
}

const COLUMNS: [string, (r: EntryRow) => string | number | null][] = [
  ['id', (r) => r.id],
  ['employee_id', (r) => r.employeeId],
  ['work_date', (r) => r.workDate],
  ['start_time', (r) => r.startTime],
  ['end_time', (r) => r.endTime],
  ['minutes', (r) => r.minutes],
  ['credited_minutes', (r) => r.creditedMinutes],
  ['activity_id', (r) => r.activityId],
  ['activity_text', (r) => r.activityText],
  ['rhk_id', (r) => r.rhkId],
  ['volume', (r) => r.volume],
  ['output_unit', (r) => r.outputUnit],
  ['description', (r) => r.description],
  ['evidence_note', (r) => r.evidenceNote],
  ['status', (r) => r.status],
  ['rev', (r) => r.rev],
  ['reviewer_id', (r) => r.reviewerId],
  ['review_note', (r) => r.reviewNote],
  ['reviewed_at', (r) => r.reviewedAt],
  ['flags', (r) => JSON.stringify(r.flags)],
  ['workstation_id', (r) => r.workstationId],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
  ['received_at', (r) => r.receivedAt],
];

/**
 * The server's row into `entries`, keeping this PC's sync note (sync_code, sync_message): it stays
 * until the owner acts on the entry (entries/service.ts clears it). One prepared upsert: a first
 * pull writes thousands of entries.
 */
function writeLocal(sqlite: Database.Database, row: EntryRow, version: number): void {
  const names = COLUMNS.map(([c]) => c);
  const upsert = stmt(
    sqlite,
    `insert into entries (${names.join(', ')}, version, local_only) values (${names.map(() => '?').join(', ')}, ?, 0)
     on conflict (id) do update set ${names.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')},
       version = excluded.version, local_only = 0`,
  );
  upsert.run(...COLUMNS.map(([, get]) => get(row)), version);
}

/** A pulled put: always the server copy; the local row too unless a local change is pending. */
export function putPulledEntry(db: Db, sqlite: Database.Database, row: EntryRow, version: number): void {
  s(sqlite).put.run(row.id, JSON.stringify(row), version);
  if (!hasPending(db, row.id)) writeLocal(sqlite, row, version);
}

/** A pulled delete: the server copy becomes a tombstone; the local row goes unless a change is pending. */
export function deletePulledEntry(db: Db, sqlite: Database.Database, id: string, version: number): void {
  s(sqlite).put.run(id, null, version);
  if (!hasPending(db, id)) deleteEntryRow(db, id);
}

export type Restored = 'server-copy' | 'deleted' | 'local-only' | 'kept';

/**
 * After the server refused a change and nothing else is pending for the entry: show what the
 * server has. Without a server copy the server never accepted the entry (its create was refused),
 * so it stays here, marked local-only, for the owner to fix or delete; `createRefused` says so.
 */
export function restoreEntry(db: Db, sqlite: Database.Database, id: string, createRefused: boolean): Restored {
  const copy = s(sqlite).get.get(id) as { body: string | null; version: number } | undefined;
  if (copy?.body) {
    const row = JSON.parse(copy.body) as EntryRow;
    writeLocal(sqlite, row, copy.version);
    return 'server-copy';
  }
  if (copy) {
    deleteEntryRow(db, id);
    return 'deleted';
  }
  if (createRefused && getEntry(db, id)) {
    // Back to a draft, whatever it was sent as: the owner can then correct it or delete it.
    stmt(sqlite, "update entries set local_only = 1, status = 'draft' where id = ?").run(id);
    return 'local-only';
  }
  return 'kept';
}

export function setLocalOnly(sqlite: Database.Database, id: string, on: boolean): void {
  s(sqlite).localOnly.run(on ? 1 : 0, id);
}

export function isLocalOnly(sqlite: Database.Database, id: string): boolean {
  const r = stmt(sqlite, 'select local_only from entries where id = ?').get(id) as { local_only: number } | undefined;
  return r?.local_only === 1;
}
