import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, monthOf } from './dates';
import {
  approvalDeadline,
  backdateWindowStart,
  daysLeftBeforeClose,
  isApprovalOpen,
  isPeriodClosed,
  periodCloseDate,
} from './period';
import { DEFAULT_POLICY, PolicySchema } from './policy';
import { HOLIDAYS_2026 } from './test-fixtures';

const policy = DEFAULT_POLICY;

describe('backdating window', () => {
  it.each([
    ['2026-03-09', '2026-03-04'], // Monday: Wednesday, Thursday, Friday before it
    ['2026-03-13', '2026-03-10'], // Friday: Tuesday
    ['2026-03-25', '2026-03-13'], // after Nyepi and Lebaran: back to the Friday before the holidays
    ['2026-03-21', '2026-03-13'], // a Saturday inside the holidays
  ])('today %s → earliest %s', (today, earliest) => {
    expect(backdateWindowStart(today, policy, HOLIDAYS_2026)).toBe(earliest);
  });

  it('follows policy.backdateWorkingDays', () => {
    expect(backdateWindowStart('2026-03-11', PolicySchema.parse({ backdateWorkingDays: 0 }), [])).toBe('2026-03-11');
    expect(backdateWindowStart('2026-03-11', PolicySchema.parse({ backdateWorkingDays: 5 }), [])).toBe('2026-03-04');
  });
});

describe('period close and approval deadline', () => {
  it.each([
    ['2026-03', '2026-04-05', '2026-04-10'],
    ['2026-12', '2027-01-05', '2027-01-10'],
    ['2026-01', '2026-02-05', '2026-02-10'],
  ])('%s closes %s, approvals until %s', (month, close, deadline) => {
    expect(periodCloseDate(month, policy)).toBe(close);
    expect(approvalDeadline(month, policy)).toBe(deadline);
  });

  it('uses the unit policy days', () => {
    const p = PolicySchema.parse({ periodCloseDay: 28, approvalDeadlineDay: 1 });
    expect(periodCloseDate('2026-01', p)).toBe('2026-02-28');
    expect(approvalDeadline('2026-12', p)).toBe('2027-01-01');
  });

  it.each([
    ['2026-12-31', false, 6, true],
    ['2027-01-01', false, 5, true],
    ['2027-01-05', false, 1, true], // the close day itself is still open
    ['2027-01-06', true, 0, true],
    ['2027-01-10', true, 0, true], // supervisors still review
    ['2027-01-11', true, 0, false],
    ['2026-12-01', false, 36, true],
  ])('December 2026 on %s: closed=%s, days left=%i, approval open=%s', (today, closed, left, approvalOpen) => {
    expect(isPeriodClosed('2026-12', today, policy)).toBe(closed);
    expect(daysLeftBeforeClose('2026-12', today, policy)).toBe(left);
    expect(isApprovalOpen('2026-12', today, policy)).toBe(approvalOpen);
  });

  it('closed exactly when no days are left, and the current month is never closed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: -60, max: 400 }),
        fc.integer({ min: 1, max: 28 }),
        (offset, delta, closeDay) => {
          const p = PolicySchema.parse({ periodCloseDay: closeDay, approvalDeadlineDay: closeDay });
          const date = addDays('2024-01-01', offset);
          const month = monthOf(date);
          const today = addDays(date, delta);
          expect(isPeriodClosed(month, today, p)).toBe(daysLeftBeforeClose(month, today, p) === 0);
          expect(isPeriodClosed(month, date, p)).toBe(false);
          expect(isApprovalOpen(month, today, p)).toBe(!isPeriodClosed(month, today, p));
        },
      ),
    );
  });
});
