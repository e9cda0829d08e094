import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { DEFAULT_POLICY, PolicySchema } from './policy';
import { capaianPercentOf, computeRecap, type RecapInput } from './recap';
import { absence, HOLIDAYS_2026 } from './test-fixtures';
import { ABSENCE_KINDS, ENTRY_STATUSES, type EntryStatus } from './types';

const e = (workDate: string, status: EntryStatus, creditedMinutes: number, minutes = creditedMinutes) => ({
  workDate,
  status,
  minutes,
  creditedMinutes,
});

/**
 * February 2026 by hand: 20 weekdays, minus Imlek (17th) and its cuti bersama (16th) = 18 working
 * days; cuti on Thursday the 5th is counted, izin on the 6th is not, sakit on Saturday the 7th is
 * not a working day. Effective = (18 − 1) × 300 = 5100 minutes.
 */
const february: RecapInput = {
  month: '2026-02',
  today: '2026-02-11',
  policy: DEFAULT_POLICY,
  holidays: HOLIDAYS_2026,
  absences: [absence('2026-02-05', 'cuti'), absence('2026-02-06', 'izin'), absence('2026-02-07', 'sakit')],
  entries: [
    e('2026-02-02', 'approved', 240),
    e('2026-02-02', 'rejected', 60),
    e('2026-02-03', 'approved', 300, 360), // credited, not raw, minutes count
    e('2026-02-04', 'submitted', 120),
    e('2026-02-09', 'returned', 90),
    e('2026-02-10', 'draft', 45),
    e('2026-02-11', 'rejected', 30),
    e('2026-01-30', 'approved', 1000), // other months are ignored
    e('2026-03-02', 'approved', 500),
  ],
  tppBase: 5_000_000,
};

describe('computeRecap: February 2026', () => {
  it('adds up the month as staff would by hand', () => {
    expect(computeRecap(february)).toEqual({
      month: '2026-02',
      workingDays: 18,
      countedAbsenceDays: 1,
      effectiveMinutes: 5100,
      approvedMinutes: 540,
      waitingMinutes: 120,
      returnedMinutes: 90,
      draftMinutes: 45,
      rejectedMinutes: 90,
      capaianPercent: 10.6, // 540 / 5100 = 10.588 %
      tppEstimate: 318_000, // 10.6 % × 60 % × Rp 5.000.000
      // The 5th is counted cuti; the 11th has only a rejected entry; the 6th (izin) had nothing.
      daysWithoutEntries: ['2026-02-06', '2026-02-11'],
      periodClosesOn: '2026-03-05',
      daysLeftBeforeClose: 23,
      approvalDeadline: '2026-03-10',
    });
  });

  it('shows only the percentage when the server gives no TPP base', () => {
    expect(computeRecap({ ...february, tppBase: null }).tppEstimate).toBeNull();
  });

  it('caps capaian at 100 % however much is approved', () => {
    const r = computeRecap({ ...february, entries: [e('2026-02-02', 'approved', 6000)] });
    expect(r.capaianPercent).toBe(100);
    expect(r.tppEstimate).toBe(3_000_000);
    expect(r.approvedMinutes).toBe(6000);
  });

  it('after the month, lists missing days to its end and counts down to the close', () => {
    const r = computeRecap({ ...february, today: '2026-03-04', entries: [] });
    expect(r.daysWithoutEntries).toHaveLength(17);
    expect(r.daysWithoutEntries.at(-1)).toBe('2026-02-27');
    expect(r.daysLeftBeforeClose).toBe(2);
    expect(computeRecap({ ...february, today: '2026-03-06' }).daysLeftBeforeClose).toBe(0);
  });

  it('a month with no effective minutes has capaian 0, not NaN', () => {
    const onLeave = Array.from({ length: 28 }, (_, i) => absence(addDays('2026-02-01', i), 'cuti'));
    const r = computeRecap({ ...february, absences: onLeave, entries: [e('2026-02-02', 'approved', 300)] });
    expect(r.effectiveMinutes).toBe(0);
    expect(r.capaianPercent).toBe(0);
    expect(r.tppEstimate).toBe(0);
  });

  it('uses the unit policy for minutes per day and the TPP share', () => {
    const policy = PolicySchema.parse({ effectiveMinutesPerDay: 330, tppPerformanceShare: 0.4, countedAbsenceKinds: [] });
    const r = computeRecap({ ...february, policy });
    expect(r.effectiveMinutes).toBe(18 * 330);
    expect(r.capaianPercent).toBe(9.1); // 540 / 5940 = 9.09 %
    expect(r.tppEstimate).toBe(182_000);
  });
});

describe('capaianPercentOf', () => {
  it.each([
    [0, 6000, 0],
    [3, 6000, 0.1], // 0.05 % rounds half up
    [2, 6000, 0], // 0.033 %
    [1, 8, 12.5],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [5100, 5100, 100],
    [9999, 5100, 100],
    [-50, 5100, 0],
    [100, 0, 0],
  ])('%i of %i minutes = %d %%', (approved, effective, pct) => {
    expect(capaianPercentOf(approved, effective)).toBe(pct);
  });

  it('never exceeds 100 % nor goes below 0, and has one decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 100_000 }), fc.integer({ min: 0, max: 20_000 }), (a, eff) => {
        const p = capaianPercentOf(a, eff);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(Math.round(p * 10) / 10).toBe(p);
      }),
    );
  });
});

describe('computeRecap properties', () => {
  const arbEntry = fc.record({
    workDate: fc.integer({ min: -5, max: 33 }).map((i) => addDays('2026-03-01', i)),
    status: fc.constantFrom(...ENTRY_STATUSES),
    minutes: fc.integer({ min: 0, max: 450 }),
    creditedMinutes: fc.integer({ min: 0, max: 450 }),
  });
  const arbAbsence = fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom(...ABSENCE_KINDS))
    .map(([i, kind]) => absence(addDays('2026-03-01', i), kind));

  it('capaian stays within 0–100 %, sums match, and the estimate never exceeds the share of the base', () => {
    fc.assert(
      fc.property(
        fc.array(arbEntry, { maxLength: 80 }),
        fc.array(arbAbsence, { maxLength: 25 }),
        fc.integer({ min: 0, max: 40 }),
        (entries, absences, todayOffset) => {
          const r = computeRecap({
            month: '2026-03',
            today: addDays('2026-03-01', todayOffset),
            policy: DEFAULT_POLICY,
            holidays: HOLIDAYS_2026,
            absences,
            entries,
            tppBase: 4_000_000,
          });
          expect(r.capaianPercent).toBeGreaterThanOrEqual(0);
          expect(r.capaianPercent).toBeLessThanOrEqual(100);
          expect(r.tppEstimate).toBeGreaterThanOrEqual(0);
          expect(r.tppEstimate).toBeLessThanOrEqual(0.6 * 4_000_000);
          const inMonth = entries.filter((x) => x.workDate.startsWith('2026-03-'));
          const total = r.approvedMinutes + r.waitingMinutes + r.returnedMinutes + r.draftMinutes + r.rejectedMinutes;
          expect(total).toBe(inMonth.reduce((s, x) => s + x.creditedMinutes, 0));
          expect(r.workingDays).toBe(17);
          expect(r.effectiveMinutes).toBe((17 - r.countedAbsenceDays) * 300);
          for (const d of r.daysWithoutEntries) {
            expect(inMonth.some((x) => x.workDate === d && x.status !== 'rejected')).toBe(false);
          }
        },
      ),
    );
  });
});
