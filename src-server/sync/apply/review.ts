import { monthOf } from '../../../src-shared/domain/dates';
import { approvalDeadline, isApprovalOpen } from '../../../src-shared/domain/period';
import type { EntryStatus } from '../../../src-shared/domain/types';
import type { MutationArgs } from '../../../src-shared/protocol';
import { applied, conflict, rejected, type ApplyOutcome, type MutationContext } from './context';
import { blockingOverlaps } from '../../../src-shared/domain/overlap';
import { refreshOverlapFlags } from './overlap';

/**
 * entry.review@1: only the employee's direct supervisor decides, never on their own entry, only on
 * the revision they saw, before the month's approval deadline, and never approving an entry that
 * overlaps another standing one (DOMAIN.md rules 4 and 6, "Atasan langsung").
 */
export async function reviewEntry(ctx: MutationContext, args: MutationArgs<'entry.review@1'>): Promise<ApplyOutcome> {
  const row = await ctx.store.entry(args.entryId, true);
  // Another unit's entries do not exist as far as this workstation is concerned.
  if (!row || row.deleted || row.unitId !== ctx.workstation.unitId) return rejected('NOT_FOUND');
  if (row.employeeId === ctx.actor.id) return rejected('SELF_REVIEW');
  const owner = await ctx.store.employee(row.employeeId);
  if (!owner || owner.supervisorId !== ctx.actor.id) return rejected('NOT_SUPERVISOR');
  if (row.status === 'approved') return conflict('ENTRY_LOCKED', row.rev);
  // The supervisor decided on what they saw: a newer revision, or an entry no longer waiting
  // (taken back to draft elsewhere, reviewed on another PC), must be looked at again.
  if (row.rev !== args.rev || row.status !== 'submitted') return conflict('STALE_REVISION', row.rev);
  const month = monthOf(row.workDate);
  if (!isApprovalOpen(month, ctx.ruleToday, ctx.policy)) {
    return rejected('APPROVAL_DEADLINE_PASSED', { period: month, deadline: approvalDeadline(month, ctx.policy) });
  }
  const sameDay = await ctx.store.daySlots(row.employeeId, row.workDate, row.id);
  if (args.decision === 'approve' && blockingOverlaps({ ...row, status: row.status as EntryStatus }, sameDay).length > 0) {
    return conflict('OVERLAP_FLAGGED', row.rev);
  }

  const status: EntryStatus = args.decision === 'approve' ? 'approved' : args.decision === 'return' ? 'returned' : 'rejected';
  const version = await ctx.version(row.unitId);
  const rev = row.rev + 1;
  const overlapping = await refreshOverlapFlags(ctx.store, { ...row, status }, sameDay, version);
  const flags = row.flags.filter((f) => f !== 'overlap');
  await ctx.store.updateEntry(row.id, {
    status,
    rev,
    reviewerId: ctx.actor.id,
    reviewNote: args.note?.trim() || null,
    reviewedAt: ctx.clientTime,
    flags: overlapping ? [...flags, 'overlap'] : flags,
    receivedAt: ctx.now,
    version,
  });
  return applied(rev);
}
