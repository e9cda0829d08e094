import { appError, fail, failWith, ok, type Result } from '../../../src-shared/errors';
import { localNow, monthOf } from '../../../src-shared/domain/dates';
import { blockingOverlaps } from '../../../src-shared/domain/overlap';
import { approvalDeadline, isApprovalOpen } from '../../../src-shared/domain/period';
import type { Employee, Entry, EntryStatus } from '../../../src-shared/domain/types';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';
import { writeAudit } from '../audit/audit';
import { daySlots, getEntry, replaceEntry } from '../entries/queries';
import { getEmployee, getPolicy } from '../reference/queries';
import { enqueueMutation } from '../sync/outbox';

/**
 * The checks every review command shares (review-decide, review-approve-all, review-resolve-overlap,
 * review-entry), in the order the server's entry.review@1 applies them (src-server/sync/apply/review.ts),
 * so the kiosk refuses what the server would and with the same code.
 */

export type Decision = 'approve' | 'return' | 'reject';
export interface Ref {
  entryId: string;
  rev: number;
}

const DECIDED: Record<Decision, EntryStatus> = { approve: 'approved', return: 'returned', reject: 'rejected' };

/** Only the direct supervisor (DOMAIN.md "Atasan langsung"), never on their own entry: the head of unit is not the direct supervisor of her supervisors' staff. */
export function reviewable(ctx: CoreContext, session: Session, entryId: string): Result<{ entry: Entry; owner: Employee }> {
  const entry = getEntry(ctx.db, entryId);
  if (!entry) return fail('NOT_FOUND', { field: 'entryId' });
  if (entry.employeeId === session.employeeId) return fail('SELF_REVIEW');
  const owner = getEmployee(ctx.db, entry.employeeId);
  if (!owner || owner.supervisorId !== session.employeeId) return fail('NOT_SUPERVISOR');
  return ok({ entry, owner });
}

/** The person's other standing entries of that day whose times overlap `entry` (rule 4), from this PC's copy. */
function localOverlaps(ctx: CoreContext, entry: Entry) {
  return blockingOverlaps(entry, daySlots(ctx.db, entry.employeeId, entry.workDate));
}

/**
 * Whether `session` may take `decision` on the revision `ref` it saw: the entry still waits (an
 * approved one is locked for good; anything else changed since is STALE_REVISION with the current
 * rev, so the screen can show what changed), a note to return or reject, the month's approval
 * deadline, and no approval while another standing entry overlaps it. `decision: null` checks
 * everything but the note and the overlap (the entry an overlap resolution keeps).
 */
export function checkDecision(ctx: CoreContext, session: Session, ref: Ref, decision: Decision | null, note: string): Result<Entry> {
  // First, as on the server, where a missing note fails the mutation's schema.
  if (decision !== null && decision !== 'approve' && note.length === 0) return fail('NOTE_REQUIRED', { field: 'note' });
  const found = reviewable(ctx, session, ref.entryId);
  if (!found.ok) return found;
  const { entry, owner } = found.value;
  if (entry.status === 'approved') return fail('ENTRY_LOCKED', { params: { rev: entry.rev } });
  if (entry.rev !== ref.rev || entry.status !== 'submitted') return fail('STALE_REVISION', { params: { rev: entry.rev } });
  const policy = getPolicy(ctx.db, owner.unitId);
  const today = localNow(ctx.clock(), policy.timeZone).date;
  const month = monthOf(entry.workDate);
  if (!isApprovalOpen(month, today, policy)) {
    return fail('APPROVAL_DEADLINE_PASSED', { params: { period: month, deadline: approvalDeadline(month, policy) } });
  }
  // Computed here rather than read from the server's `overlap` flag: once the supervisor has
  // returned the other entry on this PC, the flag is stale until the next pull, and the outbox
  // order (the return before the approval) makes the server agree.
  if (decision === 'approve' && localOverlaps(ctx, entry).length > 0) return fail('OVERLAP_FLAGGED', { params: { rev: entry.rev } });
  return ok(entry);
}

/** A refusal of one item of a list, naming it: `field` is its place in the arguments, `params.entryId` the entry. */
export function refusedItem<T>(r: Result<unknown> & { ok: false }, field: string, entryId: string): Result<T> {
  const params = { ...r.error.params, entryId };
  return failWith({ ...appError(r.error.code, { params }), field });
}

/**
 * Writes one checked decision: the entry (next rev, reviewer, note), its entry.review@1 mutation
 * carrying the revision the supervisor saw, and an audit row. Call inside the command's transaction.
 */
export function writeDecision(ctx: CoreContext, session: Session, entry: Entry, decision: Decision, note: string, at: string): Entry {
  const next: Entry = {
    ...entry,
    status: DECIDED[decision],
    rev: entry.rev + 1,
    reviewerId: session.employeeId,
    reviewNote: note || null,
    reviewedAt: at,
    updatedAt: at,
  };
  replaceEntry(ctx.db, next);
  enqueueMutation(ctx.db, {
    name: 'entry.review@1',
    args: { entryId: entry.id, rev: entry.rev, decision, ...(note ? { note } : {}) },
    actorId: session.employeeId,
    entityId: entry.id,
    clientTime: at,
  });
  writeAudit(ctx.db, { at, actorId: session.employeeId, action: 'entry.review', entityType: 'entry', entityId: entry.id, detail: { decision, rev: entry.rev, note: note || null } });
  return next;
}
