import { eq } from 'drizzle-orm';
import { localNow, monthOf, monthStart, previousMonth } from '../../../src-shared/domain/dates';
import { DEFAULT_PULL_LIMIT, type PullResult } from '../../../src-shared/protocol';
import type { Db, Executor } from '../../db/client';
import { syncClients, units } from '../../db/schema';
import { currentVersions, GLOBAL_SCOPE, readEpoch } from '../../db/sync-scope';
import { withTransaction } from '../../db/transaction';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { scopePage } from './page';
import { GLOBAL_SOURCES, unitSources, type Fetched } from './rows';

export interface PullCaller {
  unitId: string;
  clientId: string;
}

export interface PullInput {
  cursor: string | null;
  limit?: number | undefined;
}

/** Why a cursor was not honoured; the answer is then `reset: true` from the beginning. */
export type ResetReason = 'unreadable' | 'epoch' | 'unit' | 'ahead';

export interface PullOutcome {
  result: PullResult;
  resetReason: ResetReason | null;
}

const BEGINNING = { global: 0, unit: 0 };

/**
 * Which positions a pull continues from. A cursor that cannot be honoured answers a reset rather
 * than an error: the client clears its synced tables and starts over by itself, the only way out
 * for a database restored from a backup (another epoch, or counters behind the cursor), a
 * workstation re-enrolled to another unit, or a cursor damaged on disk.
 */
function judgeCursor(
  text: string | null,
  epoch: string,
  unitId: string,
  current: { global: number; unit: number },
): { from: { global: number; unit: number }; reason: ResetReason | null } {
  if (text === null) return { from: BEGINNING, reason: null };
  const cursor = decodeCursor(text);
  if (!cursor) return { from: BEGINNING, reason: 'unreadable' };
  if (cursor.epoch !== epoch) return { from: BEGINNING, reason: 'epoch' };
  if (cursor.unitId !== unitId) return { from: BEGINNING, reason: 'unit' };
  if (cursor.global > current.global || cursor.unit > current.unit) return { from: BEGINNING, reason: 'ahead' };
  return { from: { global: cursor.global, unit: cursor.unit }, reason: null };
}

/** Entries are sent from the first day of the month two months back, in the unit's time zone. */
async function entriesWindowStart(ex: Executor, unitId: string, now: Date): Promise<string> {
  const [unit] = await ex.select({ timeZone: units.timeZone }).from(units).where(eq(units.id, unitId));
  const month = monthOf(localNow(now, unit?.timeZone ?? 'Asia/Jakarta').date);
  return monthStart(previousMonth(previousMonth(month)));
}

const toChange = (f: Fetched): PullResult['changes'][number] => ({
  table: f.table,
  id: f.id,
  op: f.row ? 'put' : 'delete',
  row: f.row,
  version: f.version,
});

/**
 * One pull page (PROTOCOL.md "PullResult"), read from one snapshot: a repeatable-read transaction
 * sees the counters and the rows as of one instant, and since writers commit in version order,
 * every version up to the counter it sees is complete. The global scope (catalog, holidays) comes
 * first, so activities arrive before the entries that name them; the unit's scope fills the rest of
 * the page. The cursor keeps each scope's position separately. `lastProcessedSeq` comes from the
 * same snapshot: once the client has pulled to the end, every mutation up to it shows in its rows.
 */
export async function pull(db: Db, caller: PullCaller, input: PullInput, now: Date): Promise<PullOutcome> {
  const limit = input.limit ?? DEFAULT_PULL_LIMIT;
  return withTransaction(
    db,
    async (tx) => {
      const epoch = await readEpoch(tx);
      const versions = await currentVersions(tx, [GLOBAL_SCOPE, caller.unitId]);
      const current = { global: versions.get(GLOBAL_SCOPE) ?? 0, unit: versions.get(caller.unitId) ?? 0 };
      const { from, reason } = judgeCursor(input.cursor, epoch, caller.unitId, current);

      const global = await scopePage(tx, GLOBAL_SOURCES, { after: from.global, current: current.global }, limit, true);
      const unit = global.more
        ? { changes: [], position: from.unit, more: true }
        : await scopePage(
            tx,
            unitSources(caller.unitId, await entriesWindowStart(tx, caller.unitId, now)),
            { after: from.unit, current: current.unit },
            Math.max(0, limit - global.changes.length),
            global.changes.length === 0,
          );

      const [client] = await tx.select({ lastSeq: syncClients.lastSeq }).from(syncClients).where(eq(syncClients.clientId, caller.clientId));
      const cursor: Cursor = { epoch, unitId: caller.unitId, global: global.position, unit: unit.position };
      return {
        result: {
          cursor: encodeCursor(cursor),
          changes: [...global.changes, ...unit.changes].map(toChange),
          hasMore: global.more || unit.more,
          reset: reason !== null,
          lastProcessedSeq: client?.lastSeq ?? 0,
        },
        resetReason: reason,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
