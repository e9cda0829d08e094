import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  daysBetween,
  fromMinutes,
  isClockTime,
  isIsoDate,
  isMonth,
  isoWeekday,
  localNow,
  monthDates,
  monthEnd,
  monthOf,
  monthStart,
  nextMonth,
  previousMonth,
  toMinutes,
} from './dates';

/** Any real date from 1990 to 2060, as YYYY-MM-DD. */
const arbDate = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2060, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('date arithmetic', () => {
  it.each([
    ['2026-03-31', 1, '2026-04-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-09', -5, '2026-03-04'],
    ['2026-03-09', 0, '2026-03-09'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('ignores DST: 2026-03-29 (EU clocks change) is still one day after 2026-03-28', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it.each([
    ['2026-03-09', 1],
    ['2026-03-13', 5],
    ['2026-03-14', 6],
    ['2026-03-15', 7],
    ['2026-03-19', 4],
  ] as const)('isoWeekday(%s) = %i', (date, wd) => {
    expect(isoWeekday(date)).toBe(wd);
  });

  it('compares and measures', () => {
    expect(compareDates('2026-03-09', '2026-03-10')).toBe(-1);
    expect(compareDates('2026-03-10', '2026-03-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysBetween('2026-12-25', '2027-01-05')).toBe(11);
    expect(daysBetween('2027-01-05', '2026-12-25')).toBe(-11);
  });

  it('knows month lengths, leap years included', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2100-02')).toBe('2100-02-28');
    expect(monthEnd('2026-04')).toBe('2026-04-30');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(monthStart('2026-03')).toBe('2026-03-01');
    expect(monthDates('2026-02')).toHaveLength(28);
    expect(monthDates('2026-03').at(-1)).toBe('2026-03-31');
    expect(monthOf('2026-03-19')).toBe('2026-03');
  });

  it('steps months across the year boundary', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(nextMonth('2026-01')).toBe('2026-02');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });

  it('rejects malformed input instead of guessing', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-3-9')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => monthEnd('2026-13')).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 0.5)).toThrow(RangeError);
  });

  it('adding and subtracting days round-trips and daysBetween agrees', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -800, max: 800 }), (d, n) => {
        const moved = addDays(d, n);
        expect(isIsoDate(moved)).toBe(true);
        expect(addDays(moved, -n)).toBe(d);
        expect(daysBetween(d, moved)).toBe(n);
        expect(compareDates(moved, d)).toBe(Math.sign(n));
      }),
    );
  });

  it('every month lists 28–31 consecutive dates of that month', () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        const month = monthOf(d);
        const dates = monthDates(month);
        expect(dates.length).toBeGreaterThanOrEqual(28);
        expect(dates.length).toBeLessThanOrEqual(31);
        expect(dates).toContain(d);
        expect(addDays(monthEnd(month), 1)).toBe(monthStart(nextMonth(month)));
        expect(previousMonth(nextMonth(month))).toBe(month);
      }),
    );
  });
});

describe('clock times', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['08:30', 510],
    ['16:00', 960],
    ['23:59', 1439],
  ])('%s is %i minutes', (time, min) => {
    expect(toMinutes(time)).toBe(min);
    expect(fromMinutes(min)).toBe(time);
  });

  it.each(['8:30', '24:00', '12:60', '12.30', '', ' 08:30'])('%j is not a clock time', (t) => {
    expect(isClockTime(t)).toBe(false);
    expect(() => toMinutes(t)).toThrow(RangeError);
  });

  it('has no 24:00 and no fractional minutes', () => {
    expect(() => fromMinutes(1440)).toThrow(RangeError);
    expect(() => fromMinutes(-1)).toThrow(RangeError);
    expect(() => fromMinutes(30.5)).toThrow(RangeError);
  });

  it('round-trips every minute of the day', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (m) => toMinutes(fromMinutes(m)) === m));
  });
});

describe('localNow', () => {
  it('uses the unit zone, not UTC: 17:30Z is already tomorrow in Jakarta (UTC+7)', () => {
    expect(localNow(new Date('2026-03-10T17:30:00Z'), 'Asia/Jakarta')).toEqual({ date: '2026-03-11', time: '00:30' });
    expect(localNow(new Date('2026-03-10T16:59:00Z'), 'Asia/Jakarta')).toEqual({ date: '2026-03-10', time: '23:59' });
  });

  it('handles WITA and WIT', () => {
    expect(localNow(new Date('2026-03-10T00:15:00Z'), 'Asia/Makassar')).toEqual({ date: '2026-03-10', time: '08:15' });
    expect(localNow(new Date('2026-03-10T00:15:00Z'), 'Asia/Jayapura')).toEqual({ date: '2026-03-10', time: '09:15' });
  });

  it('writes midnight as 00, across the year boundary', () => {
    expect(localNow(new Date('2026-12-31T17:00:00Z'), 'Asia/Jakarta')).toEqual({ date: '2027-01-01', time: '00:00' });
  });

  it('always yields a valid date and clock time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        const { date, time } = localNow(new Date(ms), 'Asia/Jakarta');
        expect(isIsoDate(date)).toBe(true);
        expect(isClockTime(time)).toBe(true);
        expect(toMinutes(time)).toBe(Math.floor((ms + 7 * 3_600_000) / 60_000) % 1440);
      }),
    );
  });
});
