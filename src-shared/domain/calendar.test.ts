import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayStatus, holidayOn, isUnitWorkingDay, workingDaysBack, workingDaysInMonth } from './calendar';
import { addDays, compareDates } from './dates';
import { DEFAULT_POLICY, PolicySchema } from './policy';
import { absence, HOLIDAYS_2026, holidayMap } from './test-fixtures';

const policy = DEFAULT_POLICY;
const holidays = HOLIDAYS_2026;
const withNewYear2027 = [
  ...HOLIDAYS_2026,
  { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur_nasional' as const },
];

describe('dayStatus (2026 calendar)', () => {
  it.each([
    ['2026-03-19', { working: false, reason: 'holiday', name: 'Hari Suci Nyepi Tahun Baru Saka 1948' }],
    ['2026-03-18', { working: false, reason: 'holiday', name: 'Cuti Bersama Hari Suci Nyepi' }],
    ['2026-03-24', { working: false, reason: 'holiday', name: 'Cuti Bersama Idul Fitri' }],
    ['2026-08-17', { working: false, reason: 'holiday', name: 'Hari Kemerdekaan Republik Indonesia' }],
    ['2026-03-21', { working: false, reason: 'weekend' }], // Idul Fitri on a Saturday: weekend first
    ['2026-03-14', { working: false, reason: 'weekend' }],
    ['2026-03-15', { working: false, reason: 'weekend' }],
    ['2026-03-17', { working: true }],
    ['2026-03-25', { working: true }],
  ])('%s', (date, expected) => {
    expect(dayStatus(date, policy, { holidays })).toEqual(expected);
  });

  it('accepts holidays as a map or a list', () => {
    expect(holidayOn('2026-03-19', holidayMap())?.name).toBe('Hari Suci Nyepi Tahun Baru Saka 1948');
    expect(dayStatus('2026-03-19', policy, { holidays: holidayMap() }).working).toBe(false);
    expect(holidayOn('2026-03-25', holidayMap())).toBeUndefined();
  });

  it('a recorded absence makes a working day not working for that employee only', () => {
    const absences = [absence('2026-03-10', 'cuti')];
    expect(dayStatus('2026-03-10', policy, { holidays, absences })).toEqual({
      working: false,
      reason: 'absence',
      absenceKind: 'cuti',
    });
    expect(isUnitWorkingDay('2026-03-10', policy, holidays)).toBe(true);
  });

  it('holiday takes precedence over absence, weekend over both', () => {
    const absences = [absence('2026-03-19', 'sakit'), absence('2026-03-14', 'cuti')];
    expect(dayStatus('2026-03-19', policy, { holidays, absences })).toMatchObject({ reason: 'holiday' });
    expect(dayStatus('2026-03-14', policy, { holidays, absences })).toMatchObject({ reason: 'weekend' });
  });

  it('when sick leave and dinas luar share a date, the blocking one decides', () => {
    const absences = [absence('2026-03-10', 'dinas_luar'), absence('2026-03-10', 'sakit')];
    expect(dayStatus('2026-03-10', policy, { holidays, absences })).toMatchObject({ absenceKind: 'sakit' });
  });

  it('follows the unit policy for working days (a six-day unit works Saturdays)', () => {
    const sixDays = PolicySchema.parse({ workingDays: [1, 2, 3, 4, 5, 6] });
    expect(isUnitWorkingDay('2026-03-14', sixDays, holidays)).toBe(true);
    expect(isUnitWorkingDay('2026-03-15', sixDays, holidays)).toBe(false);
  });
});

describe('workingDaysBack', () => {
  it.each([
    ['2026-03-09', 3, [], '2026-03-04'], // Monday → previous Wednesday
    ['2026-03-09', 1, [], '2026-03-06'], // Monday → Friday
    ['2026-03-11', 3, [], '2026-03-06'],
    ['2026-03-14', 1, [], '2026-03-13'], // Saturday → Friday
    ['2026-03-09', 0, [], '2026-03-09'],
    ['2026-03-15', 0, [], '2026-03-15'], // n = 0 is today even on a Sunday
    // Nyepi and the Idul Fitri cuti bersama stretch the window back to the Friday before.
    ['2026-03-25', 3, holidays, '2026-03-13'],
    ['2026-03-25', 1, holidays, '2026-03-17'],
    ['2026-12-28', 3, holidays, '2026-12-21'], // Christmas and its cuti bersama
    ['2027-01-04', 3, withNewYear2027, '2026-12-29'], // across the year boundary
    ['2027-01-04', 3, holidays, '2026-12-30'], // without 2027's list, 1 January counts as working
  ] as const)('%s, n=%i', (today, n, hols, expected) => {
    expect(workingDaysBack(today, n, policy, hols)).toBe(expected);
  });

  it('does not loop forever when a policy has no working days', () => {
    const none = PolicySchema.parse({ workingDays: [] });
    expect(compareDates(workingDaysBack('2026-03-09', 1, none, []), '2026-03-09')).toBeLessThan(0);
  });

  it('returns a unit working day with exactly n working days in [result, today)', () => {
    const arb = fc.record({
      offset: fc.integer({ min: 0, max: 730 }),
      n: fc.integer({ min: 0, max: 20 }),
      workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    });
    fc.assert(
      fc.property(arb, ({ offset, n, workingDays }) => {
        const p = PolicySchema.parse({ workingDays });
        const today = addDays('2025-07-01', offset);
        const result = workingDaysBack(today, n, p, holidays);
        if (n === 0) {
          expect(result).toBe(today);
          return;
        }
        expect(compareDates(result, today)).toBeLessThan(0);
        expect(isUnitWorkingDay(result, p, holidays)).toBe(true);
        let count = 0;
        for (let d = result; compareDates(d, today) < 0; d = addDays(d, 1)) {
          if (isUnitWorkingDay(d, p, holidays)) count++;
        }
        expect(count).toBe(n);
      }),
    );
  });
});

describe('workingDaysInMonth', () => {
  it('March 2026: 22 weekdays minus Nyepi and four cuti bersama = 17', () => {
    const { workingDays, countedAbsenceDays } = workingDaysInMonth('2026-03', policy, { holidays });
    expect(workingDays).toHaveLength(17);
    expect(workingDays).not.toContain('2026-03-19');
    expect(workingDays.slice(0, 3)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(workingDays.at(-1)).toBe('2026-03-31');
    expect(countedAbsenceDays).toEqual([]);
  });

  it('February 2026: 20 weekdays minus Imlek and its cuti bersama = 18', () => {
    expect(workingDaysInMonth('2026-02', policy, { holidays }).workingDays).toHaveLength(18);
  });

  it('counts only absences of the counted kinds, on unit working days, once per date', () => {
    const absences = [
      absence('2026-03-02', 'cuti'),
      absence('2026-03-02', 'dinas_luar'), // same date: still one day
      absence('2026-03-03', 'sakit'),
      absence('2026-03-04', 'izin'), // izin is not counted by default
      absence('2026-03-05', 'dinas_luar'),
      absence('2026-03-07', 'cuti'), // Saturday
      absence('2026-03-19', 'cuti'), // Nyepi
      absence('2026-04-01', 'cuti'), // another month
    ];
    const { workingDays, countedAbsenceDays } = workingDaysInMonth('2026-03', policy, { holidays, absences });
    expect(workingDays).toHaveLength(17);
    expect(countedAbsenceDays).toEqual(['2026-03-02', '2026-03-03', '2026-03-05']);
  });
});
