import type { EntryFields } from '../../../src-shared/domain/entry-rules';
import { canDelete, canEdit, canSubmit } from '../../../src-shared/domain/entry-rules';
import { creditedMinutes, durationMinutes } from '../../../src-shared/domain/credit';
import { monthOf } from '../../../src-shared/domain/dates';
import { isPeriodClosed, periodCloseDate } from '../../../src-shared/domain/period';
import type { Activity, EntryStatus } from '../../../src-shared/domain/types';
import type { MutationArgs } from '../../../src-shared/protocol';
import { applied, conflict, rejected, type ApplyOutcome, type MutationContext } from './context';
import { checkFields, flagsFor } from './entry-checks';
import { refreshOverlapFlags } from './overlap';
import type { EntryRow } from './store';

/**
 * entry.create@1 / update / submit / delete (PROTOCOL.md). Each decides everything before writing,
 * so a rejected or conflicted mutation leaves the database as it was; the caller's transaction
 * stores the outcome and advances the client's seq either way.
 */
const trimOrNull = (s: string | null | undefined): string | null => (s ?? '').trim() || null;

function derive(fields: EntryFields, activity: Activity | null) {
  return {
    minutes: durationMinutes(fields.startTime, fields.endTime),
    creditedMinutes: creditedMinutes({ ...fields, normMinutes: activity?.normMinutes ?? null }),
    outputUnit: activity?.outputUnit ?? 'kegiatan',
  };
}

/** The entry, locked for the rest of the transaction, if the actor may write it. */
async function ownEntry(ctx: MutationContext, entryId: string): Promise<EntryRow | ApplyOutcome> {
  const row = await ctx.store.entry(entryId, true);
  if (!row || row.deleted || row.unitId !== ctx.workstation.unitId) return rejected('NOT_FOUND');
  if (row.employeeId !== ctx.actor.id) return rejected('FORBIDDEN');
  return row;
}

const isOutcome = (x: EntryRow | ApplyOutcome): x is ApplyOutcome => 'status' in x && !('employeeId' in x);

/** Applied, or — when the entry now overlaps another standing one — kept but reported (OVERLAP_FLAGGED). */
const writtenOutcome = (overlapping: boolean, rev: number): ApplyOutcome =>
  overlapping ? conflict('OVERLAP_FLAGGED', rev) : applied(rev);

export async function createEntry(ctx: MutationContext, args: MutationArgs<'entry.create@1'>): Promise<ApplyOutcome> {
  const e = args.entry;
  if (e.employeeId !== ctx.actor.id) return rejected('FORBIDDEN');
  const existing = await ctx.store.entry(e.id, false);
  if (existing) return rejected('VALIDATION', { field: 'entry.id', detail: 'sudah dipakai' });
  const fields: EntryFields = {
    workDate: e.workDate,
    startTime: e.startTime,
    endTime: e.endTime,
    activityId: e.activityId,
    activityText: e.activityId ? null : trimOrNull(e.activityText),
    rhkId: e.rhkId ?? null,
    volume: e.volume,
    description: e.description.trim(),
  };
  const activity = await ctx.store.activity(fields.activityId);
  const check = await checkFields(ctx, fields, activity, null, true);
  if (check.error) return rejected(check.error.code, check.error.params);

  const version = await ctx.version(ctx.actor.unitId);
  const status: EntryStatus = e.status;
  const slot = { id: e.id, startTime: fields.startTime, endTime: fields.endTime, status };
  const overlapping = await refreshOverlapFlags(ctx.store, slot, check.sameDay, version);
  const flags = flagsFor(ctx, fields.workDate, check.warnings, overlapping ? ['overlap'] : []);
  await ctx.store.insertEntry({
    id: e.id,
    employeeId: ctx.actor.id,
    unitId: ctx.actor.unitId,
    ...fields,
    ...derive(fields, activity),
    evidenceNote: trimOrNull(e.evidenceNote),
    status,
    rev: 1,
    flags,
    workstationId: ctx.workstation.id,
    createdAt: ctx.clientTime,
    updatedAt: ctx.clientTime,
    receivedAt: ctx.now,
    version,
  });
  return writtenOutcome(overlapping, 1);
}

export async function updateEntry(ctx: MutationContext, args: MutationArgs<'entry.update@1'>): Promise<ApplyOutcome> {
  const row = await ownEntry(ctx, args.entryId);
  if (isOutcome(row)) return row;
  if (row.status === 'approved') return conflict('ENTRY_LOCKED', row.rev);
  if (row.rev !== args.baseRev) return conflict('STALE_REVISION', row.rev);
  if (!canEdit(row.status as EntryStatus)) return rejected('ENTRY_NOT_EDITABLE');
  // An entry of a closed month stays where it is: moving it out would reopen the closed period.
  if (isPeriodClosed(monthOf(row.workDate), ctx.ruleToday, ctx.policy)) {
    return rejected('PERIOD_CLOSED', { period: monthOf(row.workDate), closedOn: periodCloseDate(monthOf(row.workDate), ctx.policy) });
  }
  const c = args.changes;
  const activityId = c.activityId !== undefined ? c.activityId : row.activityId;
  const fields: EntryFields = {
    workDate: c.workDate ?? row.workDate,
    startTime: c.startTime ?? row.startTime,
    endTime: c.endTime ?? row.endTime,
    activityId,
    activityText: activityId ? null : trimOrNull(c.activityText !== undefined ? c.activityText : row.activityText),
    rhkId: c.rhkId !== undefined ? c.rhkId : row.rhkId,
    volume: c.volume ?? row.volume,
    description: (c.description ?? row.description).trim(),
  };
  const activity = await ctx.store.activity(fields.activityId);
  const dateChanged = fields.workDate !== row.workDate;
  const check = await checkFields(ctx, fields, activity, row.id, dateChanged);
  if (check.error) return rejected(check.error.code, check.error.params);

  const version = await ctx.version(row.unitId);
  const slot = { id: row.id, startTime: fields.startTime, endTime: fields.endTime, status: row.status as EntryStatus };
  const overlapping = await refreshOverlapFlags(ctx.store, slot, check.sameDay, version);
  // The day it left may have an entry that no longer overlaps anything.
  if (dateChanged) await refreshOverlapFlags(ctx.store, null, await ctx.store.daySlots(row.employeeId, row.workDate, row.id), version);
  const previous = row.flags.filter((f) => f !== 'overlap');
  const rev = row.rev + 1;
  await ctx.store.updateEntry(row.id, {
    ...fields,
    ...derive(fields, activity),
    evidenceNote: c.evidenceNote !== undefined ? trimOrNull(c.evidenceNote) : row.evidenceNote,
    rev,
    flags: flagsFor(ctx, fields.workDate, check.warnings, overlapping ? [...previous, 'overlap'] : previous),
    workstationId: ctx.workstation.id,
    updatedAt: ctx.clientTime,
    receivedAt: ctx.now,
    version,
  });
  return writtenOutcome(overlapping, rev);
}

export async function submitEntry(ctx: MutationContext, args: MutationArgs<'entry.submit@1'>): Promise<ApplyOutcome> {
  const row = await ownEntry(ctx, args.entryId);
  if (isOutcome(row)) return row;
  if (row.status === 'approved') return conflict('ENTRY_LOCKED', row.rev);
  if (row.rev !== args.baseRev) return conflict('STALE_REVISION', row.rev);
  if (!canSubmit(row.status as EntryStatus)) return rejected('ENTRY_NOT_SUBMITTABLE');
  const fields: EntryFields = {
    workDate: row.workDate,
    startTime: row.startTime,
    endTime: row.endTime,
    activityId: row.activityId,
    activityText: row.activityText,
    rhkId: row.rhkId,
    volume: row.volume,
    description: row.description,
  };
  // Sending re-checks the rules that can change after saving (a closed period, a new absence, a
  // deactivated activity), but not the backdating window: the draft was on time when written.
  const check = await checkFields(ctx, fields, await ctx.store.activity(row.activityId), row.id, false);
  if (check.error) return rejected(check.error.code, check.error.params);

  const version = await ctx.version(row.unitId);
  const slot = { id: row.id, startTime: row.startTime, endTime: row.endTime, status: 'submitted' as const };
  const overlapping = await refreshOverlapFlags(ctx.store, slot, check.sameDay, version);
  const previous = row.flags.filter((f) => f !== 'overlap');
  const rev = row.rev + 1;
  await ctx.store.updateEntry(row.id, {
    status: 'submitted',
    rev,
    flags: flagsFor(ctx, row.workDate, check.warnings, overlapping ? [...previous, 'overlap'] : previous),
    updatedAt: ctx.clientTime,
    receivedAt: ctx.now,
    version,
  });
  return writtenOutcome(overlapping, rev);
}

export async function deleteEntry(ctx: MutationContext, args: MutationArgs<'entry.delete@1'>): Promise<ApplyOutcome> {
  const row = await ownEntry(ctx, args.entryId);
  if (isOutcome(row)) return row;
  if (row.status === 'approved') return conflict('ENTRY_LOCKED', row.rev);
  if (row.rev !== args.baseRev) return conflict('STALE_REVISION', row.rev);
  if (!canDelete(row.status as EntryStatus)) return rejected('ENTRY_NOT_DELETABLE');
  const version = await ctx.version(row.unitId);
  // A tombstone, pulled like any change: the row stays for the audit trail.
  await ctx.store.updateEntry(row.id, { deleted: true, receivedAt: ctx.now, updatedAt: ctx.clientTime, version });
  await refreshOverlapFlags(ctx.store, null, await ctx.store.daySlots(row.employeeId, row.workDate, row.id), version);
  return applied(row.rev);
}
