import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { ok, type Result } from '../../../src-shared/errors';
import { localNow, monthEnd, monthStart } from '../../../src-shared/domain/dates';
import { computeRecap } from '../../../src-shared/domain/recap';
import type { CoreContext } from '../context';
import { absencesBetween, getPolicy, holidaysBetween } from '../reference/queries';
import { entriesBetween } from '../entries/queries';
import { viewableEmployee } from '../entries/service';
import type { Session } from '../kiosk/sessions';

/**
 * The month's recap for one employee: the same pure function the server and the reports use,
 * fed from three indexed range reads (entries, absences, holidays).
 */
export function recapMonth(ctx: CoreContext, session: Session, args: ParsedArgs<'recap-month'>): Result<CommandResult<'recap-month'>> {
  const target = viewableEmployee(ctx, session, args.employeeId);
  if (!target.ok) return target;
  const e = target.value;
  const policy = getPolicy(ctx.db, e.unitId);
  const from = monthStart(args.month);
  const to = monthEnd(args.month);
  const recap = computeRecap({
    month: args.month,
    today: localNow(ctx.clock(), policy.timeZone).date,
    policy,
    holidays: holidaysBetween(ctx.db, from, to),
    absences: absencesBetween(ctx.db, e.id, from, to),
    entries: entriesBetween(ctx.db, e.id, from, to),
    tppBase: e.tppBase,
  });
  return ok({ employeeId: e.id, employeeName: e.name, ...recap });
}
