import type Database from 'better-sqlite3';
import { SYNC_TABLES, type PullResult, type SyncTable } from '../../../src-shared/protocol';
import { parseSyncChange, type SyncChange } from '../../../src-shared/sync-rows';
import type { Db } from '../context';
import { stmt } from '../prepared';
import { deletePulledEntry, putPulledEntry } from './entries-apply';
import { hasPending, highestAckedSeq, requeueLost } from './outbox';
import { KEY_COLUMN, deleteReference, putReference } from './rows';

export interface PageApplied {
  written: number;
  /** Changes whose row did not parse: skipped (and logged) so one bad row cannot stop every pull. */
  skipped: string[];
  /** The server had lost answered mutations (restored from an older backup): they are queued again. */
  lost: { requeued: number; continuous: boolean } | null;
}

/**
 * Writes one pull page and the cursor that covers it in ONE SQLite transaction, so a crash leaves
 * either both or neither: the cursor is never ahead of the data. A page with `reset` (or the first
 * pulls after enrollment) starts a full pull: every row it sends is remembered in resync_seen, and
 * when the last page arrives whatever it did not send is removed — the kiosk keeps working on the
 * old rows meanwhile instead of standing empty while pages arrive. The outbox is never touched.
 */
export function applyPullPage(db: Db, sqlite: Database.Database, page: PullResult): PageApplied {
  return sqlite.transaction((): PageApplied => {
    if (page.reset) beginResync(sqlite);
    const resyncing = (stmt(sqlite, 'select resyncing from sync_state where id = 1').get() as { resyncing: number } | undefined)?.resyncing === 1;
    const out: PageApplied = { written: 0, skipped: [], lost: null };
    for (const raw of page.changes) {
      const parsed = parseSyncChange(raw);
      if (!parsed.ok) {
        out.skipped.push(parsed.error);
        continue;
      }
      if (resyncing) stmt(sqlite, 'insert or ignore into resync_seen (tbl, id) values (?, ?)').run(parsed.change.table, parsed.change.id);
      writeChange(db, sqlite, parsed.change);
      out.written++;
    }
    stmt(sqlite, 'update sync_state set cursor = ? where id = 1').run(page.cursor);
    if (resyncing && !page.hasMore) finishResync(sqlite);
    // The server's count of this client's processed mutations, read in the pull's snapshot.
    if (page.lastProcessedSeq < highestAckedSeq(sqlite)) out.lost = requeueLost(sqlite, page.lastProcessedSeq);
    return out;
  }).immediate();
}

function writeChange(db: Db, sqlite: Database.Database, c: SyncChange): void {
  switch (c.table) {
    case 'entries':
      if (c.op === 'put') putPulledEntry(db, sqlite, c.row, c.version);
      else deletePulledEntry(db, sqlite, c.id, c.version);
      return;
    case 'employees':
      if (c.op === 'put' && hasPending(db, c.id)) {
        // A PIN change made here is on its way: the server's older hash must not undo it.
        const local = stmt(sqlite, 'select pin_hash, must_change_pin from employees where id = ?').get(c.id) as { pin_hash: string | null; must_change_pin: number } | undefined;
        if (local) {
          putReference(sqlite, 'employees', { ...c.row, pinHash: local.pin_hash, mustChangePin: local.must_change_pin === 1 }, c.version);
          return;
        }
      }
      break;
    default:
      break;
  }
  if (c.op === 'put') putReference(sqlite, c.table as Exclude<SyncTable, 'entries'>, c.row as never, c.version);
  else deleteReference(sqlite, c.table as Exclude<SyncTable, 'entries'>, c.id);
}

/** Starts a pull from the beginning (enrollment, or the server's `reset`); the caller owns the transaction. */
export function beginResync(sqlite: Database.Database): void {
  stmt(sqlite, 'delete from resync_seen').run();
  stmt(sqlite, 'update sync_state set resyncing = 1, cursor = null where id = 1').run();
}

/**
 * The last page of a full pull: rows the server did not send are gone from its view (deleted,
 * moved, out of the entries window, or another unit's). Entries with a change still pending, and
 * entries only this PC has (a refused create), are kept: they are the staff's work.
 */
function finishResync(sqlite: Database.Database): void {
  for (const table of SYNC_TABLES) {
    if (table === 'entries') continue;
    const key = KEY_COLUMN[table];
    stmt(sqlite, `delete from ${table} where ${key} not in (select id from resync_seen where tbl = '${table}')`).run();
  }
  stmt(sqlite, "delete from synced_entries where id not in (select id from resync_seen where tbl = 'entries')").run();
  stmt(
    sqlite,
    `delete from entries where local_only = 0
       and id not in (select id from resync_seen where tbl = 'entries')
       and id not in (select entity_id from outbox where acked_at is null)`,
  ).run();
  stmt(sqlite, 'delete from resync_seen').run();
  stmt(sqlite, 'update sync_state set resyncing = 0 where id = 1').run();
}
