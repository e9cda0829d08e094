import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditedMinutes, durationMinutes } from './credit';
import { fromMinutes } from './dates';

describe('durationMinutes', () => {
  it.each([
    ['08:00', '09:30', 90],
    ['07:30', '16:00', 510],
    ['10:00', '10:00', 0],
    ['10:00', '09:00', -60],
    ['8:00', '09:00', 0],
    ['08:00', '24:00', 0],
  ])('%s–%s = %i', (start, end, minutes) => {
    expect(durationMinutes(start, end)).toBe(minutes);
  });
});

describe('creditedMinutes (rule 7)', () => {
  it.each([
    // Two letters of norm 30 over a whole morning earn 60, not 180.
    [{ startTime: '08:00', endTime: '11:00', volume: 2, normMinutes: 30 }, 60],
    // The norm allows more than the time spent: the time spent counts.
    [{ startTime: '08:00', endTime: '09:00', volume: 3, normMinutes: 30 }, 60],
    [{ startTime: '08:00', endTime: '09:30', volume: 3, normMinutes: 30 }, 90],
    // No norm in the catalog (or free text): the duration.
    [{ startTime: '08:00', endTime: '11:00', volume: 1, normMinutes: null }, 180],
    // Unusable times earn nothing, never a negative amount.
    [{ startTime: '11:00', endTime: '08:00', volume: 1, normMinutes: null }, 0],
    [{ startTime: '11:00', endTime: '08:00', volume: 5, normMinutes: 60 }, 0],
    [{ startTime: '08:00', endTime: '09:00', volume: Number.NaN, normMinutes: 60 }, 0],
    [{ startTime: '08:00', endTime: '09:00', volume: -2, normMinutes: 60 }, 0],
  ])('%j → %i', (args, expected) => {
    expect(creditedMinutes(args)).toBe(expected);
  });

  it('never exceeds the duration, never below 0, and equals min(duration, norm × volume)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 999 }),
        fc.option(fc.integer({ min: 0, max: 600 })),
        (s, e, volume, normMinutes) => {
          const args = { startTime: fromMinutes(s), endTime: fromMinutes(e), volume, normMinutes };
          const credited = creditedMinutes(args);
          const duration = Math.max(0, e - s);
          expect(credited).toBeGreaterThanOrEqual(0);
          expect(credited).toBeLessThanOrEqual(duration);
          expect(credited).toBe(normMinutes === null ? duration : Math.min(duration, normMinutes * volume));
        },
      ),
    );
  });
});
