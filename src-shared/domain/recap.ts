import { workingDaysInMonth, type CalendarData } from './calendar';
import { compareDates, monthEnd } from './dates';
import { approvalDeadline, daysLeftBeforeClose, periodCloseDate } from './period';
import type { Policy } from './policy';
import type { Absence, Entry, EntryStatus } from './types';

export interface RecapInput {
  month: string;
  today: string;
  policy: Policy;
  holidays: CalendarData['holidays'];
  /** Absences of the one employee the recap is for. */
  absences: readonly Absence[];
  entries: ReadonlyArray<Pick<Entry, 'workDate' | 'status' | 'minutes' | 'creditedMinutes'>>;
  tppBase: number | null;
}

export interface Recap {
  month: string;
  workingDays: number;
  countedAbsenceDays: number;
  effectiveMinutes: number;
  approvedMinutes: number;
  waitingMinutes: number;
  returnedMinutes: number;
  draftMinutes: number;
  rejectedMinutes: number;
  /** One decimal, 0..100. */
  capaianPercent: number;
  /** Rupiah, rounded; null when the server gave no TPP base. */
  tppEstimate: number | null;
  /** Working days up to min(today, month end), not counted absences, with no non-rejected entry. */
  daysWithoutEntries: string[];
  periodClosesOn: string;
  daysLeftBeforeClose: number;
  approvalDeadline: string;
}

/**
 * Percentage with one decimal, rounding half up, done on integers so 1/8 shows as 12.5 and not
 * 12.4 through a binary fraction. Capped at 100: minutes beyond the effective minutes earn nothing.
 */
export function capaianPercentOf(approvedMinutes: number, effectiveMinutes: number): number {
  if (effectiveMinutes <= 0) return 0;
  const capped = Math.min(Math.max(approvedMinutes, 0), effectiveMinutes);
  return Math.floor((capped * 2000 + effectiveMinutes) / (effectiveMinutes * 2)) / 10;
}

/**
 * "Monthly recap" of DOMAIN.md. Only approved credited minutes count toward TPP; the other
 * statuses are shown so staff see what is still in play. The TPP estimate is computed from the
 * percentage as displayed, so anyone can reproduce it from the screen with a calculator.
 */
export function computeRecap(input: RecapInput): Recap {
  const { month, today, policy } = input;
  const days = workingDaysInMonth(month, policy, { holidays: input.holidays, absences: input.absences });
  const effectiveMinutes = (days.workingDays.length - days.countedAbsenceDays.length) * policy.effectiveMinutesPerDay;

  const byStatus: Record<EntryStatus, number> = { draft: 0, submitted: 0, approved: 0, returned: 0, rejected: 0 };
  const loggedDays = new Set<string>();
  for (const e of input.entries) {
    // A slice, not monthOf: one malformed stored row must not take the whole recap screen down.
    if (e.workDate.slice(0, 7) !== month) continue;
    byStatus[e.status] += e.creditedMinutes;
    if (e.status !== 'rejected') loggedDays.add(e.workDate);
  }

  const capaianPercent = capaianPercentOf(byStatus.approved, effectiveMinutes);
  const tppEstimate =
    input.tppBase === null ? null : Math.round((capaianPercent * policy.tppPerformanceShare * input.tppBase) / 100);

  const lastDay = compareDates(today, monthEnd(month)) < 0 ? today : monthEnd(month);
  const counted = new Set(days.countedAbsenceDays);
  const daysWithoutEntries = days.workingDays.filter(
    (d) => compareDates(d, lastDay) <= 0 && !counted.has(d) && !loggedDays.has(d),
  );

  return {
    month,
    workingDays: days.workingDays.length,
    countedAbsenceDays: days.countedAbsenceDays.length,
    effectiveMinutes,
    approvedMinutes: byStatus.approved,
    waitingMinutes: byStatus.submitted,
    returnedMinutes: byStatus.returned,
    draftMinutes: byStatus.draft,
    rejectedMinutes: byStatus.rejected,
    capaianPercent,
    tppEstimate,
    daysWithoutEntries,
    periodClosesOn: periodCloseDate(month, policy),
    daysLeftBeforeClose: daysLeftBeforeClose(month, today, policy),
    approvalDeadline: approvalDeadline(month, policy),
  };
}
