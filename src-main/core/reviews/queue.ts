import type { CommandResult, ParsedArgs, ReviewItem, ReviewQueue } from '../../../src-shared/api';
import { ok, type Result } from '../../../src-shared/errors';
import { daysBetween, localNow, monthOf } from '../../../src-shared/domain/dates';
import { approvalDeadline, isApprovalOpen } from '../../../src-shared/domain/period';
import type { Entry } from '../../../src-shared/domain/types';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';
import { getEmployee, getPolicy } from '../reference/queries';
import { reviewable } from './decision';
import { openNotices } from './notices';
import { daySlotsCache, toItems, waitingFor, type Person } from './queries';

type Group = ReviewQueue['employees'][number];

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Verifikasi: every waiting entry of the session's direct subordinates on this PC, by person and
 * day, with each period's approval deadline and this supervisor's refused decisions. Somebody
 * without subordinates gets an empty queue (the screens do not offer it to them anyway).
 */
export function reviewQueue(ctx: CoreContext, session: Session): Result<CommandResult<'review-queue'>> {
  const me = getEmployee(ctx.db, session.employeeId);
  const policy = getPolicy(ctx.db, me?.unitId ?? null);
  const today = localNow(ctx.clock(), policy.timeZone).date;
  const waiting = waitingFor(ctx.db, session.employeeId);
  const slotsOf = daySlotsCache(ctx.db);
  const items = toItems(
    ctx.db,
    waiting.map((w) => w.entry),
    slotsOf,
  );

  const employees: Group[] = [];
  let group: Group | null = null;
  for (const [i, { person, entry }] of waiting.entries()) {
    if (group?.employee.id !== person.id) employees.push((group = newGroup(person)));
    let day = group.days.at(-1);
    if (day?.date !== entry.workDate) {
      // Rule 5's day total: every entry of that day that still counts, whatever its status.
      const dayMinutes = sum(slotsOf(entry).filter((s) => s.status !== 'rejected').map((s) => s.minutes));
      group.days.push((day = { date: entry.workDate, waitingMinutes: 0, dayMinutes, entries: [] }));
    }
    day.entries.push(items[i]!);
    day.waitingMinutes += entry.creditedMinutes;
    group.waiting += 1;
    group.waitingMinutes += entry.creditedMinutes;
  }

  const months = [...new Set(waiting.map((w) => monthOf(w.entry.workDate)))].sort();
  const periods = months.map((month) => {
    const deadline = approvalDeadline(month, policy);
    return { month, deadline, daysLeft: daysBetween(today, deadline), open: isApprovalOpen(month, today, policy) };
  });
  return ok({ today, total: waiting.length, employees, periods, notices: openNotices(ctx.sqlite, session.employeeId) });
}

const newGroup = (employee: Person): Group => ({ employee, waiting: 0, waitingMinutes: 0, days: [] });

/** review-entry: one entry of a direct subordinate as it is now, in any status. */
export function reviewItem(ctx: CoreContext, session: Session, args: ParsedArgs<'review-entry'>): Result<CommandResult<'review-entry'>> {
  const found = reviewable(ctx, session, args.entryId);
  if (!found.ok) return found;
  return ok({ item: itemOf(ctx, found.value.entry) });
}

export const itemOf = (ctx: CoreContext, entry: Entry): ReviewItem => toItems(ctx.db, [entry])[0]!;
