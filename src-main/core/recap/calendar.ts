import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { ok, type Result } from '../../../src-shared/errors';
import { dayStatus } from '../../../src-shared/domain/calendar';
import { isoWeekday, monthDates, monthEnd, monthOf, monthStart } from '../../../src-shared/domain/dates';
import { nonWorkingReason } from '../../../src-shared/domain/entry-rules';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';
import { actorOf } from '../entries/service';
import { absencesBetween, holidaysBetween } from '../reference/queries';

type Day = CommandResult<'calendar-month'>['days'][number];

/**
 * The person's month as the calendar shows it: each day through rule 2's dayStatus (weekend, then
 * holiday, then the person's own absence), with the same plain-words reason NOT_WORKING_DAY gives.
 */
export function calendarMonth(ctx: CoreContext, session: Session, args: ParsedArgs<'calendar-month'>): Result<CommandResult<'calendar-month'>> {
  const a = actorOf(ctx, session);
  const month = args.month ?? monthOf(a.today);
  const from = monthStart(month);
  const to = monthEnd(month);
  const cal = { holidays: holidaysBetween(ctx.db, from, to), absences: absencesBetween(ctx.db, a.employee.id, from, to) };
  const days = monthDates(month).map((date): Day => {
    const weekday = isoWeekday(date);
    const status = dayStatus(date, a.policy, cal);
    if (status.working) return { date, weekday, working: true, reason: null, kind: 'working' };
    return { date, weekday, working: false, reason: nonWorkingReason(date, status), kind: status.reason };
  });
  return ok({ month, today: a.today, days });
}
