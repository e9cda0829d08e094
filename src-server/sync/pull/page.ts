import type { Executor } from '../../db/client';
import type { Fetched, TableSource } from './rows';

export interface ScopePage {
  changes: Fetched[];
  /** The cursor position of the scope after this page: every version up to it has been sent. */
  position: number;
  /** Rows of the scope remain beyond this page. */
  more: boolean;
}

/**
 * One scope's share of a pull page, in whole versions (PROTOCOL.md "Cursor"): a version is never
 * split across pages, so the position can be a single number per scope.
 *
 * Each table is read once, `budget + 1` rows above `after` in version order. A table that filled
 * its read may hold more rows of its last version, so only versions below it are known whole; the
 * page takes whole versions in order while they are known and fit the budget. When the scope has
 * nothing left, the position jumps to the snapshot's counter (`current`): versions whose rows are
 * all outside the scope (overwritten, or entries past the window) are never read again.
 *
 * A first version larger than the whole budget would stall the client, so when `mayExceed` (the
 * page is otherwise empty) it is read again whole and sent alone, over the limit. Writers take a new
 * version every VERSION_CHUNK (200) rows of reference data, so this needs a limit below that.
 */
export async function scopePage(
  ex: Executor,
  sources: TableSource[],
  range: { after: number; current: number },
  budget: number,
  mayExceed: boolean,
): Promise<ScopePage> {
  const { after, current } = range;
  // From the beginning the client holds nothing a tombstone could delete.
  const skipTombstones = after === 0;
  const limit = budget + 1;
  const fetched: Fetched[] = [];
  let knownWhole = Infinity;
  for (const source of sources) {
    const rows = await source.fetch(ex, { after, limit, skipTombstones });
    if (rows.length === limit) knownWhole = Math.min(knownWhole, rows[rows.length - 1]!.version - 1);
    fetched.push(...rows);
  }
  // Stable: within one version rows keep the table order of `sources` (the unit and roster first).
  fetched.sort((a, b) => a.version - b.version);

  let taken = 0;
  while (taken < fetched.length) {
    const version = fetched[taken]!.version;
    let end = taken;
    while (end < fetched.length && fetched[end]!.version === version) end++;
    if (version > knownWhole || end > budget) break;
    taken = end;
  }

  if (taken === fetched.length && knownWhole === Infinity) return { changes: fetched, position: current, more: false };
  if (taken > 0) return { changes: fetched.slice(0, taken), position: fetched[taken - 1]!.version, more: true };
  if (!mayExceed) return { changes: [], position: after, more: true };

  const version = fetched[0]!.version;
  const whole: Fetched[] = [];
  for (const source of sources) whole.push(...(await source.fetch(ex, { exact: version, skipTombstones })));
  // Conservative: a later version may hold no rows of the scope; the next page then moves on empty.
  return { changes: whole, position: version, more: version < current };
}
