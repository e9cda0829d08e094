import type { CommandResult, IssueView, ParsedArgs } from '../../../src-shared/api';
import { fail, ok, type Result } from '../../../src-shared/errors';
import { addDays, compareDates, isoWeekday, localNow } from '../../../src-shared/domain/dates';
import { checkEntry, type EntryFields, type Issue } from '../../../src-shared/domain/entry-rules';
import { backdateWindowStart } from '../../../src-shared/domain/period';
import { windowFor } from '../../../src-shared/domain/policy';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';
import { activeRhkOf } from '../reference/queries';
import { entriesBetween, getEntry } from './queries';
import { activityOf, actorOf, checkContext, normalize, toAppError, type Actor } from './service';

/**
 * The guided form's two read-only commands. Neither writes nor audits: they run the very rules a
 * save runs (checkEntry with the context entries/service.ts builds), so what the wizard shows at a
 * step is what entry-create or entry-update would say about the same fields.
 */

type CheckArgs = ParsedArgs<'entry-check'>;

/**
 * Which inputs a finding depends on, by the `field` the rule puts on it (entry-rules.ts). The form
 * sends the fields filled in so far; the rest get neutral placeholders, and a finding is kept only
 * when every input its rule reads was given:
 *  - workDate (rules 1 and 2): workDate;
 *  - activityId / activityText (catalog or free text): the activityId or activityText key;
 *  - rhkId (the RHK link): rhkId;
 *  - startTime / endTime — TIME_INVALID, END_BEFORE_START, OVERLAP (on startTime), DAY_LIMIT_EXCEEDED
 *    (on endTime), OUTSIDE_WORKING_HOURS (either) — rules 3–5 need the day and both times;
 *  - volume: volume; description: description.
 * A finding on a field not listed here is dropped rather than shown against a placeholder: the save
 * checks every rule again anyway, so a new rule is never skipped, only not previewed.
 */
const SHOWN_WHEN: Record<string, (a: CheckArgs) => boolean> = {
  workDate: (a) => a.workDate !== undefined,
  activityId: (a) => a.activityId !== undefined || a.activityText !== undefined,
  activityText: (a) => a.activityId !== undefined || a.activityText !== undefined,
  rhkId: (a) => a.rhkId !== undefined,
  startTime: (a) => a.workDate !== undefined && a.startTime !== undefined && a.endTime !== undefined,
  endTime: (a) => a.workDate !== undefined && a.startTime !== undefined && a.endTime !== undefined,
  volume: (a) => a.volume !== undefined,
  description: (a) => a.description !== undefined,
};

const toView = (i: Issue): IssueView => ({ ...toAppError(i), severity: i.severity });

/** Every field of an entry, from what was given and placeholders whose findings are filtered out. */
function withPlaceholders(given: CheckArgs, workDate: string): EntryFields {
  const n = normalize(given);
  return {
    workDate: given.workDate ?? workDate,
    startTime: given.startTime ?? '',
    endTime: given.endTime ?? '',
    activityId: given.activityId ?? null,
    activityText: given.activityId ? null : (n.activityText ?? null),
    rhkId: given.rhkId ?? null,
    volume: given.volume ?? 1,
    description: n.description ?? '',
  };
}

export function checkEntryFields(ctx: CoreContext, session: Session, args: CheckArgs): Result<CommandResult<'entry-check'>> {
  const a = actorOf(ctx, session);
  let excludeId: string | null = null;
  let dateChanged = true;
  // Without a date, an edit is checked on its own day and a new entry on today.
  let fallbackDate = a.today;
  if (args.entryId !== undefined) {
    const stored = getEntry(ctx.db, args.entryId);
    // Someone else's entry is "not found": the answer must not tell that the id exists.
    if (!stored || stored.employeeId !== a.employee.id) return fail('NOT_FOUND', { field: 'entryId' });
    excludeId = stored.id;
    // Rule 1's window binds only a new date; an edit that keeps its old day may stay there.
    dateChanged = args.workDate !== undefined && args.workDate !== stored.workDate;
    fallbackDate = stored.workDate;
  }
  const fields = withPlaceholders(args, fallbackDate);
  const issues = checkEntry(fields, checkContext(ctx, a, fields, activityOf(ctx, fields.activityId), excludeId, dateChanged));
  const shown = issues.filter((i) => i.field !== undefined && SHOWN_WHEN[i.field]?.(args) === true);
  return ok({ issues: shown.map(toView) });
}

/** What the date rules alone say about one day: the other fields are placeholders, their findings dropped. */
function dateIssues(ctx: CoreContext, a: Actor, date: string): IssueView[] {
  const fields = withPlaceholders({ workDate: date }, date);
  return checkEntry(fields, checkContext(ctx, a, fields, null, null, true))
    .filter((i) => i.field === 'workDate')
    .map(toView);
}

export function entryForm(ctx: CoreContext, session: Session): Result<CommandResult<'entry-form'>> {
  const a = actorOf(ctx, session);
  const { policy, today } = a;
  // The same instant actorOf read, so `now` and `today` never straddle midnight.
  const now = localNow(new Date(a.at), policy.timeZone).time;
  const todayFields = withPlaceholders({ workDate: today }, today);
  const earliestDate = backdateWindowStart(today, policy, checkContext(ctx, a, todayFields, null, null, true).holidays);

  const entries = entriesBetween(ctx.db, a.employee.id, earliestDate, today).filter((e) => e.status !== 'rejected');
  const dates: CommandResult<'entry-form'>['dates'] = [];
  for (let date = today; compareDates(date, earliestDate) >= 0; date = addDays(date, -1)) {
    const weekday = isoWeekday(date);
    const day = entries.filter((e) => e.workDate === date);
    const lastEndTime = day.reduce<string | null>((last, e) => (last === null || e.endTime > last ? e.endTime : last), null);
    dates.push({
      date,
      weekday,
      window: windowFor(policy, weekday),
      issues: dateIssues(ctx, a, date),
      loggedMinutes: day.reduce((sum, e) => sum + e.minutes, 0),
      lastEndTime,
    });
  }

  const rhk = activeRhkOf(ctx.db, a.employee.id, Number(today.slice(0, 4))).map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    indicator: r.indicator,
    target: r.target,
    outputUnit: r.outputUnit,
  }));
  return ok({
    today,
    now,
    earliestDate,
    dates,
    maxMinutesPerDay: policy.maxMinutesPerDay,
    minDescriptionChars: policy.minDescriptionChars,
    maxVolume: policy.maxVolume,
    allowFreeTextActivity: policy.allowFreeTextActivity,
    rhk,
  });
}
