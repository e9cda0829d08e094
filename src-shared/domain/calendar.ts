import { addDays, isoWeekday, monthDates } from './dates';
import type { IsoWeekday, Policy, WorkingWindow } from './policy';
import type { Absence, AbsenceKind, Holiday } from './types';

export type DayStatus =
  | { working: true }
  | { working: false; reason: 'weekend' | 'holiday' | 'absence'; name?: string; absenceKind?: AbsenceKind };

export interface CalendarData {
  /** National holidays and cuti bersama; a map is keyed by `YYYY-MM-DD`. */
  holidays: ReadonlyMap<string, Holiday> | readonly Holiday[];
  /** Absences of ONE employee (the caller filters); omitted for unit-wide questions. */
  absences?: readonly Absence[];
}

export function holidayOn(date: string, holidays: CalendarData['holidays']): Holiday | undefined {
  if (isHolidayMap(holidays)) return holidays.get(date);
  return holidays.find((h) => h.date === date);
}

function isHolidayMap(h: CalendarData['holidays']): h is ReadonlyMap<string, Holiday> {
  return !Array.isArray(h);
}

/**
 * The absence that decides the day. When several are recorded on one date, one whose kind does not
 * allow entries wins, so sick leave is not hidden behind a dinas luar record of the same day.
 */
export function absenceOn(date: string, policy: Policy, absences: readonly Absence[] = []): Absence | undefined {
  const onDate = absences.filter((a) => a.date === date);
  return onDate.find((a) => !policy.absenceKindsAllowingEntries.includes(a.kind)) ?? onDate[0];
}

/** Rule 2: weekend first, then holiday, then the employee's own absence. */
export function dayStatus(date: string, policy: Policy, cal: CalendarData): DayStatus {
  if (!policy.workingDays.includes(isoWeekday(date))) return { working: false, reason: 'weekend' };
  const holiday = holidayOn(date, cal.holidays);
  if (holiday) return { working: false, reason: 'holiday', name: holiday.name };
  const absence = absenceOn(date, policy, cal.absences);
  if (absence) return { working: false, reason: 'absence', absenceKind: absence.kind };
  return { working: true };
}

/** A working day for the unit as a whole: personal absences do not move windows or periods. */
export function isUnitWorkingDay(date: string, policy: Policy, holidays: CalendarData['holidays']): boolean {
  return dayStatus(date, policy, { holidays }).working;
}

/** A policy with no working days at all would otherwise search backwards forever. */
const MAX_SEARCH_DAYS = 3660;

/**
 * The n-th unit working day strictly before `today` (n = 0 → today itself). Monday with n = 3 is
 * the previous Wednesday: Friday, Thursday and Wednesday are the three working days back.
 */
export function workingDaysBack(
  today: string,
  n: number,
  policy: Policy,
  holidays: CalendarData['holidays'],
): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  let date = today;
  let found = 0;
  for (let step = 0; found < n && step < MAX_SEARCH_DAYS; step++) {
    date = addDays(date, -1);
    if (isUnitWorkingDay(date, policy, holidays)) found++;
  }
  return date;
}

/**
 * The month's unit working days, and those among them on which the employee has an absence that
 * reduces the month's effective minutes (policy.countedAbsenceKinds). Each date appears at most
 * once even when several absences are recorded on it.
 */
export function workingDaysInMonth(
  month: string,
  policy: Policy,
  cal: CalendarData,
): { workingDays: string[]; countedAbsenceDays: string[] } {
  const workingDays = monthDates(month).filter((d) => isUnitWorkingDay(d, policy, cal.holidays));
  const counted = new Set(
    (cal.absences ?? []).filter((a) => policy.countedAbsenceKinds.includes(a.kind)).map((a) => a.date),
  );
  return { workingDays, countedAbsenceDays: workingDays.filter((d) => counted.has(d)) };
}

/** The working window of a weekday: its own, or the policy's default. */
export function windowFor(policy: Policy, weekday: IsoWeekday): WorkingWindow {
  return policy.windows[String(weekday)] ?? policy.defaultWindow;
}
