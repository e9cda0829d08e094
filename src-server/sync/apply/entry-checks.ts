import { checkEntry, type EntryFields, type Issue } from '../../../src-shared/domain/entry-rules';
import { compareDates, monthOf } from '../../../src-shared/domain/dates';
import { isPeriodClosed } from '../../../src-shared/domain/period';
import type { Activity, EntryFlag } from '../../../src-shared/domain/types';
import type { MutationContext } from './context';
import type { DaySlot } from './store';

/**
 * The server re-runs the kiosk's rules (src-shared/domain/entry-rules.ts) on what it stores, with
 * the day of the action as "today". Two outcomes differ from the kiosk, because only the server
 * sees every workstation: an overlap is kept and marked instead of refused (DOMAIN.md rule 4), and
 * the day limit is not enforced while an overlap stands (the overlapping minutes would be counted
 * twice; the supervisor resolves the overlap first).
 */
export interface FieldCheck {
  error: Issue | null;
  warnings: Issue[];
  sameDay: DaySlot[];
}

export async function checkFields(
  ctx: MutationContext,
  fields: EntryFields,
  activity: Activity | null,
  excludeId: string | null,
  dateChanged: boolean,
): Promise<FieldCheck> {
  const employee = ctx.actor;
  const sameDay = await ctx.store.daySlots(employee.id, fields.workDate, excludeId);
  const first = compareDates(fields.workDate, ctx.ruleToday) < 0 ? fields.workDate : ctx.ruleToday;
  const last = compareDates(fields.workDate, ctx.ruleToday) > 0 ? fields.workDate : ctx.ruleToday;
  const issues = checkEntry(fields, {
    today: ctx.ruleToday,
    policy: ctx.policy,
    holidays: await ctx.store.holidays(first, last),
    absences: await ctx.store.absences(employee.id, fields.workDate),
    employee: { id: employee.id, unitId: employee.unitId, positionTitle: employee.positionTitle },
    activity,
    rhk: await ctx.store.rhk(fields.rhkId),
    sameDay,
    dateChanged,
  });
  const overlapping = issues.some((i) => i.code === 'OVERLAP');
  const error =
    issues.find((i) => i.severity === 'error' && i.code !== 'OVERLAP' && !(overlapping && i.code === 'DAY_LIMIT_EXCEEDED')) ?? null;
  return { error, warnings: issues.filter((i) => i.severity === 'warning'), sameDay };
}

/**
 * Marks the supervisor sees (ENTRY_FLAGS): backdated or received after the period closed,
 * outside the working window, on a non-working day, and a client clock that cannot be trusted.
 * `overlap` is kept as it was; refreshOverlapFlags owns it.
 */
export function flagsFor(ctx: MutationContext, workDate: string, warnings: Issue[], previous: readonly string[] = []): EntryFlag[] {
  const flags = new Set<EntryFlag>();
  if (previous.includes('overlap')) flags.add('overlap');
  if (previous.includes('clock_skew') || ctx.clockSkew) flags.add('clock_skew');
  if (compareDates(workDate, ctx.ruleToday) < 0 || isPeriodClosed(monthOf(workDate), ctx.serverToday, ctx.policy)) flags.add('late_entry');
  if (warnings.some((w) => w.code === 'OUTSIDE_WORKING_HOURS')) flags.add('outside_hours');
  if (warnings.some((w) => w.code === 'NOT_WORKING_DAY')) flags.add('non_working_day');
  return [...flags];
}
