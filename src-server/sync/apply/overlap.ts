import { overlaps } from '../../../src-shared/domain/entry-rules';
import type { EntryFlag, EntryStatus } from '../../../src-shared/domain/types';
import type { ApplyStore, DaySlot } from './store';

/**
 * Rule 4 across workstations (DOMAIN.md): two kiosks offline can both accept entries of one person
 * that overlap. The server keeps both and marks them `overlap`; neither can be approved while the
 * other still stands. An entry that was returned or rejected no longer stands in the way of the
 * other one, but a returned entry that still overlaps a standing one stays marked until it is fixed.
 */
const STANDING: ReadonlySet<EntryStatus> = new Set(['draft', 'submitted', 'approved']);

type Slot = Pick<DaySlot, 'id' | 'startTime' | 'endTime' | 'status'>;

/** The standing entries of the same day that block approving `entry`. */
export function blockingOverlaps(entry: Slot, others: readonly Slot[]): Slot[] {
  if (entry.status === 'rejected') return [];
  return others.filter((o) => o.id !== entry.id && STANDING.has(o.status) && overlaps(entry, o));
}

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
