import { workingDaysBack, type CalendarData } from './calendar';
import { daysBetween, nextMonth } from './dates';
import type { Policy } from './policy';

/**
 * Rule 1's time limits. Staff may log work up to policy.backdateWorkingDays working days back, and
 * change a month until its close day in the next month; supervisors review until a later deadline.
 * Every boundary date here is inclusive: it is the last day something is still allowed.
 */

/** Earliest work date a new (or re-dated) entry may have today. */
export function backdateWindowStart(today: string, policy: Policy, holidays: CalendarData['holidays']): string {
  return workingDaysBack(today, policy.backdateWorkingDays, policy, holidays);
}

function dayOfNextMonth(month: string, day: number): string {
  return `${nextMonth(month)}-${String(day).padStart(2, '0')}`;
}

/** Last day staff may still create, change or send the month's entries. */
export function periodCloseDate(month: string, policy: Policy): string {
  return dayOfNextMonth(month, policy.periodCloseDay);
}

export function isPeriodClosed(month: string, today: string, policy: Policy): boolean {
  return daysBetween(periodCloseDate(month, policy), today) > 0;
}

/** Last day the supervisor may still approve, return or reject the month's entries. */
export function approvalDeadline(month: string, policy: Policy): string {
  return dayOfNextMonth(month, policy.approvalDeadlineDay);
}

export function isApprovalOpen(month: string, today: string, policy: Policy): boolean {
  return daysBetween(today, approvalDeadline(month, policy)) >= 0;
}

/** Calendar days left to change the month, today included: 1 on the close day, 0 once closed. */
export function daysLeftBeforeClose(month: string, today: string, policy: Policy): number {
  return Math.max(0, daysBetween(today, periodCloseDate(month, policy)) + 1);
}
