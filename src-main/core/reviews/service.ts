import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, ok, type Result } from '../../../src-shared/errors';
import { localNow, monthOf } from '../../../src-shared/domain/dates';
import { approvalDeadline, isApprovalOpen } from '../../../src-shared/domain/period';
import type { Entry, EntryStatus } from '../../../src-shared/domain/types';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';
import { writeAudit } from '../audit/audit';
import { getEntry, replaceEntry, toViews } from '../entries/queries';
import { getEmployee, getPolicy } from '../reference/queries';
import { enqueueMutation } from '../sync/outbox';

const DECIDED: Record<'approve' | 'return' | 'reject', EntryStatus> = { approve: 'approved', return: 'returned', reject: 'rejected' };

/**
 * A supervisor's decision on one submitted entry (DOMAIN.md "Atasan langsung"), checked here with
 * the same rules the server applies to entry.review@1 so the kiosk refuses what the server would:
 * only the direct supervisor, never their own entry, only the revision on screen, only while the
 * entry waits, before the approval deadline, and no approval while an overlap stands. The server
 * decides finally; a review that loses a race comes back as a conflict (sync/settle.ts).
 */
export function reviewEntry(ctx: CoreContext, session: Session, args: ParsedArgs<'review-decide'>): Result<CommandResult<'review-decide'>> {
  return ctx.sqlite.transaction((): Result<CommandResult<'review-decide'>> => {
    const entry = getEntry(ctx.db, args.entryId);
    if (!entry) return fail('NOT_FOUND', { field: 'entryId' });
    if (entry.employeeId === session.employeeId) return fail('SELF_REVIEW');
    const owner = getEmployee(ctx.db, entry.employeeId);
    if (!owner || owner.supervisorId !== session.employeeId) return fail('NOT_SUPERVISOR');
    if (entry.status === 'approved') return fail('ENTRY_LOCKED');
    if (entry.rev !== args.rev || entry.status !== 'submitted') return fail('STALE_REVISION', { params: { rev: entry.rev } });
    const note = args.note?.trim() ?? '';
    if (args.decision !== 'approve' && note.length === 0) return fail('NOTE_REQUIRED', { field: 'note' });
    const policy = getPolicy(ctx.db, owner.unitId);
    const now = ctx.clock();
    const today = localNow(now, policy.timeZone).date;
    const month = monthOf(entry.workDate);
    if (!isApprovalOpen(month, today, policy)) return fail('APPROVAL_DEADLINE_PASSED', { params: { period: month, deadline: approvalDeadline(month, policy) } });
    if (args.decision === 'approve' && entry.flags.includes('overlap')) return fail('OVERLAP_FLAGGED');
    const at = now.toISOString();
    const next: Entry = {
      ...entry,
      status: DECIDED[args.decision],
      rev: entry.rev + 1,
      reviewerId: session.employeeId,
      reviewNote: note || null,
      reviewedAt: at,
      updatedAt: at,
    };
    replaceEntry(ctx.db, next);
    enqueueMutation(ctx.db, {
      name: 'entry.review@1',
      args: { entryId: entry.id, rev: entry.rev, decision: args.decision, ...(note ? { note } : {}) },
      actorId: session.employeeId,
      entityId: entry.id,
      clientTime: at,
    });
    writeAudit(ctx.db, { at, actorId: session.employeeId, action: 'entry.review', entityType: 'entry', entityId: entry.id, detail: { decision: args.decision, rev: entry.rev, note: note || null } });
    return ok({ entry: toViews(ctx.db, [next])[0]! });
  }).immediate();
}
