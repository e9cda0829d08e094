import type Database from 'better-sqlite3';
import { errorMessage, type ErrorCode } from '../../../src-shared/errors';
import { labels } from '../../../src-shared/i18n/id';
import type { MutationResult, PushResult } from '../../../src-shared/protocol';
import type { Db } from '../context';
import { writeAudit } from '../audit/audit';
import { stmt } from '../prepared';
import { ackMutation, hasPending, requeueLost, type QueuedMutation } from './outbox';
import { restoreEntry } from './entries-apply';
import { recordRefusedReview } from '../reviews/notices';
import type { Decision } from '../reviews/decision';

export interface Settled {
  applied: number;
  /** rejected + conflict: each one recorded on its entry and in the audit log. */
  refused: number;
  /** The server answered a seq with another mutation id: this file's history forked. */
  forked: boolean;
  /** Set when the server had lost answered mutations (restored from an older backup). */
  lost: { requeued: number; continuous: boolean } | null;
}

type Advice = keyof typeof labels.syncAdvice;

function adviceFor(name: string, r: MutationResult): Advice | null {
  if (!name.startsWith('entry.') || name.startsWith('entry.review')) return null;
  if (r.code === 'OVERLAP_FLAGGED') return 'overlapStored';
  if (name.startsWith('entry.create')) return 'createRefused';
  if (r.code === 'STALE_REVISION' || r.code === 'ENTRY_LOCKED') return 'changedElsewhere';
  return 'changeRefused';
}

/**
 * Applies the server's answer to a pushed batch in one SQLite transaction: every answered
 * mutation is marked answered (kept for a while, see outbox.ts), and every refused change is
 * written onto its entry in plain Indonesian — the owner sees it at the next login — and the entry
 * goes back to the server's copy once nothing else is pending for it. An `OVERLAP_FLAGGED` create
 * or update was stored by the server, so it is only noted. A refused review is a notice for the
 * supervisor who decided (reviews/notices.ts), not a note on the owner's entry. A refusal never
 * holds up the rest of the queue.
 */
export function settlePush(db: Db, sqlite: Database.Database, sent: readonly QueuedMutation[], result: PushResult, at: string): Settled {
  return sqlite.transaction((): Settled => {
    const bySeq = new Map(sent.map((q) => [q.mutation.seq, q]));
    const out: Settled = { applied: 0, refused: 0, forked: false, lost: null };
    const touched = new Map<string, { createRefused: boolean; restore: boolean; code: ErrorCode; message: string; advice: Advice | null }>();
    for (const r of result.results) {
      const q = bySeq.get(r.seq);
      if (!q || q.mutation.id !== r.id) {
        out.forked = true;
        continue;
      }
      ackMutation(sqlite, r, at);
      if (r.status === 'applied') {
        out.applied++;
        continue;
      }
      out.refused++;
      const code: ErrorCode = r.code ?? 'VALIDATION';
      const message = r.message ?? errorMessage(code);
      writeAudit(db, {
        at,
        actorId: q.mutation.actorId,
        action: 'sync.refused',
        entityType: q.mutation.name.split('.')[0]!,
        entityId: q.entityId,
        detail: { mutation: q.mutation.name, seq: r.seq, status: r.status, code, message },
      });
      if (!q.mutation.name.startsWith('entry.')) continue;
      const isReview = q.mutation.name.startsWith('entry.review');
      if (isReview) {
        const decision = (q.mutation.args as { decision: Decision }).decision;
        recordRefusedReview(sqlite, { mutationId: q.mutation.id, actorId: q.mutation.actorId, entryId: q.entityId, decision, code, message, at });
      }
      const prev = touched.get(q.entityId);
      // OVERLAP_FLAGGED on a create or an update means stored and marked; on a review, not applied.
      const stored = code === 'OVERLAP_FLAGGED' && !isReview;
      const isCreate = q.mutation.name.startsWith('entry.create') && !stored;
      // The first refusal in a chain is the cause; later ones (NOT_FOUND after a refused create) follow from it.
      touched.set(
        q.entityId,
        prev
          ? { ...prev, createRefused: prev.createRefused || isCreate, restore: prev.restore || !stored }
          : { createRefused: isCreate, restore: !stored, code, message, advice: adviceFor(q.mutation.name, r) },
      );
    }
    for (const [entityId, t] of touched) {
      if (t.restore && !hasPending(db, entityId)) restoreEntry(db, sqlite, entityId, t.createRefused);
      // A refused review is the supervisor's business (audit log above), not a note for the owner.
      if (!t.advice) continue;
      const note = `${t.message} ${labels.syncAdvice[t.advice]}`;
      stmt(sqlite, 'update entries set sync_code = ?, sync_message = ? where id = ? and sync_code is null').run(t.code, note, entityId);
    }
    const first = sent[0]?.mutation.seq ?? 0;
    if (first > 0 && result.lastProcessedSeq < first - 1) out.lost = requeueLost(sqlite, result.lastProcessedSeq);
    stmt(sqlite, 'update sync_state set last_processed_seq = ? where id = 1').run(result.lastProcessedSeq);
    return out;
  }).immediate();
}
