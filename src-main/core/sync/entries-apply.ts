import type Database from 'better-sqlite3';
import type { Entry } from '../../../src-shared/domain/types';
import type { EntryRow } from '../../../src-shared/sync-rows';
import type { Db } from '../context';
import { deleteEntryRow, getEntry, insertEntry, replaceEntry } from '../entries/queries';
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
      get: sqlite.prepare('select body from synced_entries where id = ?'),
      localOnly: sqlite.prepare('update entries set local_only = ? where id = ?'),
    };
    stmts.set(sqlite, st);
  }
  return st;
}

/** The server's row with this PC's note kept: it stays until the owner acts on the entry (entries/service.ts clears it). */
function writeLocal(db: Db, sqlite: Database.Database, row: EntryRow): void {
  const local = getEntry(db, row.id);
  const next: Entry = { ...row, syncCode: local?.syncCode ?? null, syncMessage: local?.syncMessage ?? null };
  if (local) replaceEntry(db, next);
  else insertEntry(db, next);
  s(sqlite).localOnly.run(0, row.id);
}

/** A pulled put: always the server copy; the local row too unless a local change is pending. */
export function putPulledEntry(db: Db, sqlite: Database.Database, row: EntryRow, version: number): void {
  s(sqlite).put.run(row.id, JSON.stringify(row), version);
  if (!hasPending(db, row.id)) writeLocal(db, sqlite, row);
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
  const copy = s(sqlite).get.get(id) as { body: string | null } | undefined;
  if (copy?.body) {
    const row = JSON.parse(copy.body) as EntryRow;
    writeLocal(db, sqlite, row);
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
