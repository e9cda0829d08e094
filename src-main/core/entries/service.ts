import { v7 as uuidv7 } from 'uuid';
import type { CommandResult, EntryView, ParsedArgs } from '../../../src-shared/api';
import { appError, fail, failWith, ok, type AppError, type Result } from '../../../src-shared/errors';
import type { EntryChanges } from '../../../src-shared/protocol';
import { addDays, compareDates, localNow, monthEnd, monthOf, monthStart } from '../../../src-shared/domain/dates';
import { creditedMinutes, durationMinutes } from '../../../src-shared/domain/credit';
import { canDelete, canEdit, canSubmit, checkEntry, type EntryCheckContext, type EntryFields, type Issue } from '../../../src-shared/domain/entry-rules';
import { isPeriodClosed, periodCloseDate } from '../../../src-shared/domain/period';
import { workingDaysBack } from '../../../src-shared/domain/calendar';
import type { Policy } from '../../../src-shared/domain/policy';
import type { Activity, Employee, Entry, EntryFlag } from '../../../src-shared/domain/types';
import { writeAudit } from '../audit/audit';
import { enqueueMutation } from '../sync/outbox';
import { isLocalOnly, setLocalOnly } from '../sync/entries-apply';
import type { CoreContext } from '../context';
import { absencesBetween, getActivity, getEmployee, getPolicy, getRhk, holidaysBetween, workstationIdOf } from '../reference/queries';
import type { Session } from '../kiosk/sessions';
import { daySlots, deleteEntryRow, entriesBetween, entriesOnDay, getEntry, insertEntry, replaceEntry, toViews } from './queries';

type Written = { entry: EntryView; warnings: AppError[] };

/** Who is acting, under which policy, on which local day. Read once per command. */
export interface Actor {
  employee: Employee;
  policy: Policy;
  today: string;
  at: string;
}

export function actorOf(ctx: CoreContext, session: Session): Actor {
  const employee = getEmployee(ctx.db, session.employeeId);
  if (!employee) throw new Error('bug: session for an unknown employee');
  const policy = getPolicy(ctx.db, employee.unitId);
  const now = ctx.clock();
  return { employee, policy, today: localNow(now, policy.timeZone).date, at: now.toISOString() };
}

export const toAppError = (i: Issue): AppError =>
  appError(i.code, { ...(i.field !== undefined ? { field: i.field } : {}), ...(i.params !== undefined ? { params: i.params } : {}) });

/**
 * What the entry rules need to know about the stored world for these fields: also used by
 * entry-check and entry-form (entries/form.ts), so the wizard's findings match the save's.
 */
export function checkContext(
  ctx: CoreContext,
  a: Actor,
  fields: EntryFields,
  activity: Activity | null,
  excludeId: string | null,
  dateChanged: boolean,
): EntryCheckContext {
  const first = compareDates(fields.workDate, a.today) < 0 ? fields.workDate : a.today;
  const last = compareDates(fields.workDate, a.today) > 0 ? fields.workDate : a.today;
  return {
    today: a.today,
    policy: a.policy,
    // The backdating window walks back over working days from today: 120 days covers the policy's maximum.
    holidays: holidaysBetween(ctx.db, addDays(first, -120), last),
    absences: absencesBetween(ctx.db, a.employee.id, fields.workDate, fields.workDate),
    employee: a.employee,
    activity,
    rhk: fields.rhkId ? getRhk(ctx.db, fields.rhkId) : null,
    sameDay: daySlots(ctx.db, a.employee.id, fields.workDate).filter((e) => e.id !== excludeId),
    dateChanged,
  };
}

/** Runs every entry rule against what is stored now. Errors block; warnings travel with the result. */
function check(ctx: CoreContext, a: Actor, fields: EntryFields, activity: Activity | null, excludeId: string | null, dateChanged: boolean) {
  const issues = checkEntry(fields, checkContext(ctx, a, fields, activity, excludeId, dateChanged));
  const error = issues.find((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return { error: error ? toAppError(error) : null, warnings };
}

function flagsFor(workDate: string, today: string, warnings: Issue[]): EntryFlag[] {
  const flags: EntryFlag[] = [];
  if (compareDates(workDate, today) < 0) flags.push('late_entry');
  if (warnings.some((w) => w.code === 'OUTSIDE_WORKING_HOURS')) flags.push('outside_hours');
  if (warnings.some((w) => w.code === 'NOT_WORKING_DAY')) flags.push('non_working_day');
  return flags;
}

/** The derived fields of an entry (rule 7) from its inputs and the catalog. */
function derive(fields: EntryFields, activity: Activity | null) {
  return {
    minutes: durationMinutes(fields.startTime, fields.endTime),
    creditedMinutes: creditedMinutes({ ...fields, normMinutes: activity?.normMinutes ?? null }),
    outputUnit: activity?.outputUnit ?? 'kegiatan',
  };
}

/** Trims what the person typed the way a save does (entry-check uses it too). */
export function normalize(args: Partial<EntryFields> & { evidenceNote?: string | null | undefined }) {
  const out: Partial<EntryFields> & { evidenceNote?: string | null } = { ...args };
  if (args.description !== undefined) out.description = args.description.trim();
  if (args.activityText !== undefined) out.activityText = args.activityText?.trim() || null;
  if (args.evidenceNote !== undefined) out.evidenceNote = args.evidenceNote?.trim() || null;
  return out;
}

/** The view of an entry just written: its mutation is queued, so it is pending by construction. */
function writtenView(e: Entry, activity: Activity | null): EntryView {
  return { ...e, activityName: activity?.name ?? e.activityText ?? '', pending: true };
}

export const activityOf = (ctx: CoreContext, id: string | null): Activity | null => (id ? getActivity(ctx.db, id) : null);

export function createEntry(ctx: CoreContext, session: Session, args: ParsedArgs<'entry-create'>): Result<Written> {
  const a = actorOf(ctx, session);
  return ctx.sqlite.transaction(() => createIn(ctx, a, args, 'entry.create')).immediate();
}

/** One entry written with its mutation and audit row; the caller owns the transaction. */
function createIn(ctx: CoreContext, a: Actor, args: ParsedArgs<'entry-create'>, action: string, detail: Record<string, unknown> = {}): Result<Written> {
  const n = normalize(args);
  const fields: EntryFields = {
    workDate: args.workDate,
    startTime: args.startTime,
    endTime: args.endTime,
    activityId: args.activityId,
    activityText: n.activityText ?? null,
    rhkId: args.rhkId ?? null,
    volume: args.volume,
    description: n.description ?? '',
  };
  const activity = activityOf(ctx, fields.activityId);
  const { error, warnings } = check(ctx, a, fields, activity, null, true);
  if (error) return failWith(error);
  const entry: Entry = {
    id: uuidv7(),
    employeeId: a.employee.id,
    ...fields,
    ...derive(fields, activity),
    evidenceNote: n.evidenceNote ?? null,
    status: args.submit ? 'submitted' : 'draft',
    rev: 1,
    reviewerId: null,
    reviewNote: null,
    reviewedAt: null,
    flags: flagsFor(fields.workDate, a.today, warnings),
    workstationId: workstationIdOf(ctx.db),
    createdAt: a.at,
    updatedAt: a.at,
    receivedAt: null,
    syncCode: null,
    syncMessage: null,
  };
  insertEntry(ctx.db, entry);
  enqueueCreate(ctx, entry, a);
  writeAudit(ctx.db, { at: a.at, actorId: a.employee.id, action, entityType: 'entry', entityId: entry.id, detail: { workDate: entry.workDate, status: entry.status, ...detail } });
  return ok({ entry: writtenView(entry, activity), warnings: warnings.map(toAppError) });
}

/** The whole entry as an entry.create@1: a new entry, or one the server refused and the owner fixed. */
function enqueueCreate(ctx: CoreContext, entry: Entry, a: Actor): void {
  enqueueMutation(ctx.db, {
    name: 'entry.create@1',
    args: {
      entry: {
        id: entry.id,
        employeeId: entry.employeeId,
        workDate: entry.workDate,
        startTime: entry.startTime,
        endTime: entry.endTime,
        activityId: entry.activityId,
        ...(entry.activityText !== null ? { activityText: entry.activityText } : {}),
        rhkId: entry.rhkId,
        volume: entry.volume,
        description: entry.description,
        evidenceNote: entry.evidenceNote,
        status: entry.status as 'draft' | 'submitted',
      },
    },
    actorId: a.employee.id,
    entityId: entry.id,
    clientTime: a.at,
  });
}

/**
 * An entry the server refused to create exists only here (sync/entries-apply.ts). Changing it
 * sends it again as a new entry.create at rev 1; the server has nothing to update.
 */
function resendIfLocalOnly(ctx: CoreContext, next: Entry, a: Actor): boolean {
  if (!isLocalOnly(ctx.sqlite, next.id)) return false;
  next.rev = 1;
  replaceEntry(ctx.db, next);
  setLocalOnly(ctx.sqlite, next.id, false);
  enqueueCreate(ctx, next, a);
  return true;
}

/**
 * Loads an entry the acting person may change: their own, at the revision their screen showed,
 * in a month that is still open to them.
 */
function ownedAtRev(ctx: CoreContext, a: Actor, entryId: string, rev: number): Result<Entry> {
  const e = getEntry(ctx.db, entryId);
  if (!e) return fail('NOT_FOUND', { field: 'entryId' });
  if (e.employeeId !== a.employee.id) return fail('FORBIDDEN');
  if (e.status === 'approved') return fail('ENTRY_LOCKED');
  if (e.rev !== rev) return fail('STALE_REVISION', { params: { rev: e.rev } });
  const month = monthOf(e.workDate);
  if (isPeriodClosed(month, a.today, a.policy)) return fail('PERIOD_CLOSED', { params: { period: month, closedOn: periodCloseDate(month, a.policy) } });
  return ok(e);
}

const EDITABLE_KEYS = ['workDate', 'startTime', 'endTime', 'activityId', 'activityText', 'rhkId', 'volume', 'description', 'evidenceNote'] as const;

export function updateEntry(ctx: CoreContext, session: Session, args: ParsedArgs<'entry-update'>): Result<Written> {
  const a = actorOf(ctx, session);
  return ctx.sqlite.transaction((): Result<Written> => {
    const found = ownedAtRev(ctx, a, args.entryId, args.rev);
    if (!found.ok) return found;
    const old = found.value;
    if (!canEdit(old.status)) return fail('ENTRY_NOT_EDITABLE');
    const n = normalize(args.changes);
    const changes: EntryChanges = {};
    for (const k of EDITABLE_KEYS) {
      const v = n[k];
      if (v !== undefined && v !== old[k]) (changes as Record<string, unknown>)[k] = v;
    }
    if (Object.keys(changes).length === 0) return ok({ entry: toViews(ctx.db, [old])[0]!, warnings: [] });
    const merged = { ...old, ...changes } as Entry;
    const fields: EntryFields = {
      workDate: merged.workDate,
      startTime: merged.startTime,
      endTime: merged.endTime,
      activityId: merged.activityId,
      activityText: merged.activityId ? null : merged.activityText,
      rhkId: merged.rhkId,
      volume: merged.volume,
      description: merged.description,
    };
    const activity = activityOf(ctx, fields.activityId);
    const { error, warnings } = check(ctx, a, fields, activity, old.id, changes.workDate !== undefined);
    if (error) return failWith(error);
    const next: Entry = {
      ...merged,
      ...fields,
      ...derive(fields, activity),
      rev: old.rev + 1,
      flags: flagsFor(fields.workDate, a.today, warnings),
      updatedAt: a.at,
      // The person has acted on whatever the server said about the previous version.
      syncCode: null,
      syncMessage: null,
    };
    if (!resendIfLocalOnly(ctx, next, a)) {
      replaceEntry(ctx.db, next);
      enqueueMutation(ctx.db, { name: 'entry.update@1', args: { entryId: old.id, baseRev: old.rev, changes }, actorId: a.employee.id, entityId: old.id, clientTime: a.at });
    }
    writeAudit(ctx.db, { at: a.at, actorId: a.employee.id, action: 'entry.update', entityType: 'entry', entityId: old.id, detail: { baseRev: old.rev, changes } });
    return ok({ entry: writtenView(next, activity), warnings: warnings.map(toAppError) });
  }).immediate();
}

export function submitEntry(ctx: CoreContext, session: Session, args: ParsedArgs<'entry-submit'>): Result<Written> {
  const a = actorOf(ctx, session);
  return ctx.sqlite.transaction((): Result<Written> => {
    const found = ownedAtRev(ctx, a, args.entryId, args.rev);
    if (!found.ok) return found;
    const old = found.value;
    if (!canSubmit(old.status)) return fail('ENTRY_NOT_SUBMITTABLE');
    const next: Entry = { ...old, status: 'submitted', rev: old.rev + 1, updatedAt: a.at, syncCode: null, syncMessage: null };
    if (!resendIfLocalOnly(ctx, next, a)) {
      replaceEntry(ctx.db, next);
      enqueueMutation(ctx.db, { name: 'entry.submit@1', args: { entryId: old.id, baseRev: old.rev }, actorId: a.employee.id, entityId: old.id, clientTime: a.at });
    }
    writeAudit(ctx.db, { at: a.at, actorId: a.employee.id, action: 'entry.submit', entityType: 'entry', entityId: old.id, detail: { from: old.status } });
    return ok({ entry: writtenView(next, activityOf(ctx, next.activityId)), warnings: [] });
  }).immediate();
}

export function deleteEntry(ctx: CoreContext, session: Session, args: ParsedArgs<'entry-delete'>): Result<CommandResult<'entry-delete'>> {
  const a = actorOf(ctx, session);
  return ctx.sqlite.transaction((): Result<CommandResult<'entry-delete'>> => {
    const found = ownedAtRev(ctx, a, args.entryId, args.rev);
    if (!found.ok) return found;
    const old = found.value;
    if (!canDelete(old.status)) return fail('ENTRY_NOT_DELETABLE');
    // The server never had an entry it refused to create: there is nothing to tell it.
    const localOnly = isLocalOnly(ctx.sqlite, old.id);
    deleteEntryRow(ctx.db, old.id);
    if (!localOnly) enqueueMutation(ctx.db, { name: 'entry.delete@1', args: { entryId: old.id, baseRev: old.rev }, actorId: a.employee.id, entityId: old.id, clientTime: a.at });
    // The audit row keeps the whole draft: a deletion is never a silent loss.
    writeAudit(ctx.db, { at: a.at, actorId: a.employee.id, action: 'entry.delete', entityType: 'entry', entityId: old.id, detail: { entry: old } });
    return ok({ deleted: old.id });
  }).immediate();
}

/** The person themself, or their direct supervisor, may look at an employee's month. */
export function viewableEmployee(ctx: CoreContext, session: Session, employeeId: string | undefined): Result<Employee> {
  const target = getEmployee(ctx.db, employeeId ?? session.employeeId);
  if (!target) return fail('NOT_FOUND', { field: 'employeeId' });
  if (target.id !== session.employeeId && target.supervisorId !== session.employeeId) return fail('FORBIDDEN');
  return ok(target);
}

export function listEntries(ctx: CoreContext, session: Session, args: ParsedArgs<'entry-list'>): Result<CommandResult<'entry-list'>> {
  const target = viewableEmployee(ctx, session, args.employeeId);
  if (!target.ok) return target;
  const list = entriesBetween(ctx.db, target.value.id, monthStart(args.month), monthEnd(args.month));
  return ok({ employeeId: target.value.id, month: args.month, entries: toViews(ctx.db, list) });
}

/**
 * "Ulangi aktivitas kemarin": the previous working day's entries (not rejected ones) become
 * drafts on the target day, each checked by every rule against the day as it fills up. What does
 * not fit is reported with its reason, and the whole copy is one transaction.
 */
export function copyDay(ctx: CoreContext, session: Session, args: ParsedArgs<'entry-copy-day'>): Result<CommandResult<'entry-copy-day'>> {
  const a = actorOf(ctx, session);
  const toDate = args.toDate ?? a.today;
  const fromDate = args.fromDate ?? workingDaysBack(toDate, 1, a.policy, holidaysBetween(ctx.db, addDays(toDate, -30), toDate));
  return ctx.sqlite.transaction((): Result<CommandResult<'entry-copy-day'>> => {
    const sources = entriesOnDay(ctx.db, a.employee.id, fromDate)
      .filter((e) => e.status !== 'rejected')
      .sort((x, y) => x.startTime.localeCompare(y.startTime));
    if (sources.length === 0 || fromDate === toDate) return fail('NOTHING_TO_COPY', { params: { date: fromDate } });
    const created: EntryView[] = [];
    const skipped: { sourceId: string; error: AppError }[] = [];
    for (const s of sources) {
      const r = createIn(
        ctx,
        a,
        {
          workDate: toDate,
          startTime: s.startTime,
          endTime: s.endTime,
          activityId: s.activityId,
          activityText: s.activityText,
          rhkId: s.rhkId,
          volume: s.volume,
          description: s.description,
          evidenceNote: s.evidenceNote,
          submit: false,
        },
        'entry.copy',
        { copiedFrom: s.id },
      );
      if (r.ok) created.push(r.value.entry);
      else skipped.push({ sourceId: s.id, error: r.error });
    }
    return ok({ fromDate, toDate, created, skipped });
  }).immediate();
}
