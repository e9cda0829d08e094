import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinutes } from './dates';
import { blockingOverlaps, type OverlapSlot } from './overlap';
import { ENTRY_STATUSES, type EntryStatus } from './types';

const slot = (id: string, startTime: string, endTime: string, status: EntryStatus = 'submitted'): OverlapSlot => ({ id, startTime, endTime, status });

describe('blockingOverlaps (rule 4, kiosk and server alike)', () => {
  const kept = slot('kept', '08:00', '09:30');
  it.each<[string, OverlapSlot, string[]]>([
    ['a waiting entry that overlaps', slot('b', '09:00', '10:00'), ['b']],
    ['a draft that overlaps (the owner has not sent it yet, it still stands)', slot('b', '09:00', '10:00', 'draft'), ['b']],
    ['an approved entry that overlaps', slot('b', '07:30', '08:30', 'approved'), ['b']],
    ['a returned entry: it waits for its owner to move it', slot('b', '09:00', '10:00', 'returned'), []],
    ['a rejected entry: final, counts for nothing', slot('b', '09:00', '10:00', 'rejected'), []],
    ['back to back (half-open times)', slot('b', '09:30', '10:30'), []],
    ['the entry itself, listed among the day’s entries', slot('kept', '08:00', '09:30'), []],
  ])('%s', (_label, other, expected) => {
    expect(blockingOverlaps(kept, [other]).map((o) => o.id)).toEqual(expected);
  });

  it('a rejected entry is never blocked', () => {
    expect(blockingOverlaps(slot('r', '08:00', '09:00', 'rejected'), [slot('b', '08:00', '09:00')])).toEqual([]);
  });

  it('is symmetric between two standing entries, and never lists a non-standing one', () => {
    const time = fc.integer({ min: 7 * 60, max: 17 * 60 });
    const status = fc.constantFrom(...ENTRY_STATUSES);
    fc.assert(
      fc.property(time, time, time, time, status, status, (s1, e1, s2, e2, st1, st2) => {
        const a = slot('a', fromMinutes(Math.min(s1, e1)), fromMinutes(Math.max(s1, e1)), st1);
        const b = slot('b', fromMinutes(Math.min(s2, e2)), fromMinutes(Math.max(s2, e2)), st2);
        const ab = blockingOverlaps(a, [b]).length > 0;
        const ba = blockingOverlaps(b, [a]).length > 0;
        const standing = (s: EntryStatus) => s === 'draft' || s === 'submitted' || s === 'approved';
        if (standing(st1) && standing(st2)) expect(ab).toBe(ba);
        if (!standing(st2)) expect(ab).toBe(false);
      }),
    );
  });
});
