import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src-shared/errors';
import type { PushResult } from '../../../src-shared/protocol';
import { pendingBatch } from '../sync/outbox';
import { settlePush } from '../sync/settle';
import { makeTestCore, type TestCore } from '../test-support';
import { P, pulled, rows } from './test-kit';

/**
 * A decision the server refuses (decided on another PC, changed meanwhile, overlap, deadline)
 * becomes a notice in that supervisor's Verifikasi, and the entry goes back to the server's copy.
 * The server's answers are given here as the push would receive them; tests/fault/review-sync.test.ts
 * plays the same through a real server.
 */

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const AT = '2026-11-25T03:00:00.000Z';

/** Pushes everything pending and has the server answer `refuse` for each entry.review@1, `applied` for the rest. */
function answer(refuse: { status: 'conflict' | 'rejected'; code: ErrorCode; message: string }) {
  const sent = pendingBatch(t.core.ctx.sqlite, 200, 512 * 1024);
  const result: PushResult = {
    lastProcessedSeq: sent.at(-1)!.mutation.seq,
    results: sent.map((q) => (q.mutation.name === 'entry.review@1' ? { seq: q.mutation.seq, id: q.mutation.id, ...refuse, rev: 2 } : { seq: q.mutation.seq, id: q.mutation.id, status: 'applied' as const })),
    serverTime: AT,
  };
  return () => settlePush(t.core.ctx.db, t.core.ctx.sqlite, sent, result, AT);
}

describe('refused reviews become the supervisor’s notices', () => {
  it('shows the refusal in Verifikasi, puts the entry back as the server has it, and is dismissed by its supervisor only', async () => {
    const e = pulled(t, P.siti, { workDate: '2026-11-24', startTime: '08:00', endTime: '09:00' });
    const ahmad = await t.login(P.ahmad);
    await t.call('review-decide', { entryId: e.id, rev: 1, decision: 'approve' }, ahmad);
    answer({ status: 'conflict', code: 'STALE_REVISION', message: 'Aktivitas ini sudah diubah di tempat lain. Muat ulang lalu coba lagi.' })();

    const q = await t.call('review-queue', {}, ahmad);
    expect(q.notices).toEqual([
      {
        id: expect.any(Number),
        entryId: e.id,
        employeeName: 'Siti Aminah Zahro, S.Psi.',
        workDate: '2026-11-24',
        startTime: '08:00',
        endTime: '09:00',
        decision: 'approve',
        code: 'STALE_REVISION',
        message: 'Aktivitas ini sudah diubah di tempat lain. Muat ulang lalu coba lagi.',
        at: AT,
      },
    ]);
    // Back to the server's copy: waiting again (until the pull brings what the other PC did).
    expect(q.employees[0]!.days[0]!.entries[0]).toMatchObject({ id: e.id, status: 'submitted', rev: 1, syncCode: null });
    // Not a note for Siti: the refused decision was not hers.
    expect(rows(t, 'select sync_code from entries where id = ?', e.id)).toEqual([{ sync_code: null }]);

    const id = q.notices[0]!.id;
    const sri = await t.login(P.sri);
    expect(await t.send('review-notice-dismiss', { id }, sri)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('review-queue', {}, sri)).notices).toEqual([]);
    const again = await t.login(P.ahmad);
    expect(await t.call('review-notice-dismiss', { id }, again)).toEqual({ dismissed: true });
    expect(await t.call('review-notice-dismiss', { id }, again)).toEqual({ dismissed: true });
    expect((await t.call('review-queue', {}, again)).notices).toEqual([]);
  });

  it('an approval refused for an overlap is not left approved on this PC', async () => {
    const e = pulled(t, P.siti);
    const ahmad = await t.login(P.ahmad);
    await t.call('review-decide', { entryId: e.id, rev: 1, decision: 'approve' }, ahmad);
    answer({ status: 'conflict', code: 'OVERLAP_FLAGGED', message: 'bertabrakan' })();
    const q = await t.call('review-queue', {}, ahmad);
    expect(q.notices.map((n) => [n.code, n.decision])).toEqual([['OVERLAP_FLAGGED', 'approve']]);
    expect(q.employees[0]!.days[0]!.entries[0]).toMatchObject({ id: e.id, status: 'submitted', rev: 1 });
  });

  it('lists notices newest first, and an answer settled twice (a restored server answers again) gives one notice', async () => {
    const first = pulled(t, P.siti, { startTime: '08:00', endTime: '09:00' });
    const second = pulled(t, P.yohanes, { startTime: '08:00', endTime: '09:00' });
    const ahmad = await t.login(P.ahmad);
    await t.call('review-decide', { entryId: first.id, rev: 1, decision: 'return', note: 'Lengkapi uraian' }, ahmad);
    answer({ status: 'rejected', code: 'APPROVAL_DEADLINE_PASSED', message: 'lewat' })();
    await t.call('review-decide', { entryId: second.id, rev: 1, decision: 'reject', note: 'Bukan tugas pokok' }, ahmad);
    const settle = answer({ status: 'conflict', code: 'ENTRY_LOCKED', message: 'terkunci' });
    settle();
    settle();
    const q = await t.call('review-queue', {}, ahmad);
    expect(q.notices.map((n) => [n.entryId, n.decision, n.code])).toEqual([
      [second.id, 'reject', 'ENTRY_LOCKED'],
      [first.id, 'return', 'APPROVAL_DEADLINE_PASSED'],
    ]);
  });
});
