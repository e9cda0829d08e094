import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { ok, type Result } from '../../../src-shared/errors';
import { localNow, monthEnd, monthStart } from '../../../src-shared/domain/dates';
import { computeRecap } from '../../../src-shared/domain/recap';
import type { Employee, Entry } from '../../../src-shared/domain/types';
import type { CoreContext } from '../context';
import { absencesBetween, getPolicy, holidaysBetween } from '../reference/queries';
import { entriesBetween } from '../entries/queries';
import { viewableEmployee } from '../entries/service';
import type { Session } from '../kiosk/sessions';

export type RecapView = CommandResult<'recap-month'>;

/**
 * One employee-month: the recap exactly as recap-month answers it, and the entries it was computed
 * from. The same pure function the server uses, fed from three indexed range reads (entries,
 * absences, holidays). The reports call this too, so Tim, the print view and the XLSX can never
 * show other figures than the recap screen. No rights check here: callers decide who may look.
 */
export function monthOfEmployee(ctx: CoreContext, e: Employee, month: string): { recap: RecapView; entries: Entry[] } {
  const policy = getPolicy(ctx.db, e.unitId);
  const from = monthStart(month);
  const to = monthEnd(month);
  const entries = entriesBetween(ctx.db, e.id, from, to);
  const recap = computeRecap({
    month,
    today: localNow(ctx.clock(), policy.timeZone).date,
    policy,
    holidays: holidaysBetween(ctx.db, from, to),
    absences: absencesBetween(ctx.db, e.id, from, to),
    entries,
    tppBase: e.tppBase,
  });
  return { recap: { employeeId: e.id, employeeName: e.name, ...recap }, entries };
}

/** The month's recap for oneself or a direct subordinate. */
export function recapMonth(ctx: CoreContext, session: Session, args: ParsedArgs<'recap-month'>): Result<CommandResult<'recap-month'>> {
  const target = viewableEmployee(ctx, session, args.employeeId);
  if (!target.ok) return target;
  return ok(monthOfEmployee(ctx, target.value, args.month).recap);
}
