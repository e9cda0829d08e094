import { overlaps } from '../../../src-shared/domain/entry-rules';
import { blockingOverlaps } from '../../../src-shared/domain/overlap';
import type { EntryFlag } from '../../../src-shared/domain/types';
import type { ApplyStore, DaySlot } from './store';

/**
 * Rule 4 across workstations: the server keeps both entries of an overlap and marks them
 * `overlap` (what blocks an approval is src-shared/domain/overlap.ts, shared with the kiosk).
 * A returned entry that still overlaps a standing one stays marked until it is fixed.
 */
type Slot = Pick<DaySlot, 'id' | 'startTime' | 'endTime' | 'status'>;

export const withFlag = (flags: readonly string[], flag: EntryFlag, on: boolean): EntryFlag[] => {
  const rest = flags.filter((f) => f !== flag) as EntryFlag[];
  return on ? [...rest, flag] : rest;
};

/**
 * Recomputes the `overlap` mark of the other entries of that day after `changed` was written (or
 * deleted: null), and gives each entry whose mark changed the transaction's version so workstations
 * pull the change. Returns whether `changed` itself overlaps a standing entry.
 */
export async function refreshOverlapFlags(
  store: ApplyStore,
  changed: Slot | null,
  others: readonly DaySlot[],
  version: number,
): Promise<boolean> {
  const rest = changed ? others.filter((o) => o.id !== changed.id) : [...others];
  const day = changed ? [...rest, changed] : rest;
  // Only an entry that was marked, or that overlaps the written one, can change its mark; the
  // others keep theirs. That keeps a long day (a few dozen entries) linear, not quadratic.
  const candidates = rest.filter((o) => o.flags.includes('overlap') || (changed !== null && overlaps(o, changed)));
  for (const other of candidates) {
    const marked = other.flags.includes('overlap');
    const should = blockingOverlaps(other, day).length > 0;
    if (marked !== should) {
      await store.updateEntry(other.id, { flags: withFlag(other.flags, 'overlap', should), version });
    }
  }
  return changed ? blockingOverlaps(changed, day).length > 0 : false;
}
