import { overlaps } from './entry-rules';
import type { Entry, EntryStatus } from './types';

/**
 * Rule 4 across workstations (DOMAIN.md): two kiosks offline can both accept entries of one person
 * that overlap. The server keeps both and marks them `overlap`; neither can be approved while the
 * other still stands. One definition for the kiosk (the supervisor's queue and decisions) and the
 * server (flags and entry.review@1), so both sides agree on what blocks an approval.
 */

/**
 * Entries that still stand in the way of another: a returned entry waits to be moved by its owner
 * and a rejected one counts for nothing, so neither blocks the other entry's approval.
 */
export const STANDING: ReadonlySet<EntryStatus> = new Set<EntryStatus>(['draft', 'submitted', 'approved']);

export type OverlapSlot = Pick<Entry, 'id' | 'startTime' | 'endTime' | 'status'>;

/**
 * The standing entries of the same day (`others`, the person's entries of that date; `entry`
 * itself may be among them) whose times overlap `entry`: while any is left, `entry` cannot be
 * approved. A rejected entry is final and blocks nothing, nor is it blocked.
 */
export function blockingOverlaps<T extends OverlapSlot>(entry: OverlapSlot, others: readonly T[]): T[] {
  if (entry.status === 'rejected') return [];
  return others.filter((o) => o.id !== entry.id && STANDING.has(o.status) && overlaps(entry, o));
}
