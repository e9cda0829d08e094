import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../test-support';
import { count, P, pulled, rows, sent } from './test-kit';

/** "Setujui semua" (review-approve-all): exactly the listed entries, all of them or none. */

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const reviews = () =>
  rows(t, "select entity_id, args from outbox where name = 'entry.review@1' order by seq").map((r) => ({ entityId: r.entity_id, args: JSON.parse(r.args as string) as unknown }));

describe('review-approve-all', () => {
  it('approves every listed entry in one go: one entry.review@1 per entry, in list order, each with the revision shown', async () => {
    const a = pulled(t, P.siti, { startTime: '08:00', endTime: '09:00' });
    const b = pulled(t, P.siti, { startTime: '09:00', endTime: '10:00', rev: 3 });
    const c = await sent(t, P.yohanes); // made at this kiosk, its create still to be pushed
    const token = await t.login(P.ahmad);
    const auditBefore = count(t, 'audit_log');

    const { approved } = await t.call('review-approve-all', { items: [{ entryId: b.id, rev: 3 }, { entryId: c.id, rev: 1 }, { entryId: a.id, rev: 1 }] }, token);

    expect(approved.map((e) => [e.id, e.status, e.rev, e.reviewerId, e.pending])).toEqual([
      [b.id, 'approved', 4, P.ahmad, true],
      [c.id, 'approved', 2, P.ahmad, true],
      [a.id, 'approved', 2, P.ahmad, true],
    ]);
    expect(reviews()).toEqual([
      { entityId: b.id, args: { entryId: b.id, rev: 3, decision: 'approve' } },
      { entityId: c.id, args: { entryId: c.id, rev: 1, decision: 'approve' } },
      { entityId: a.id, args: { entryId: a.id, rev: 1, decision: 'approve' } },
    ]);
    expect(count(t, 'audit_log') - auditBefore).toBe(3);
    expect(rows(t, "select entity_id from audit_log where action = 'entry.review' order by id").map((r) => r.entity_id)).toEqual([b.id, c.id, a.id]);
    expect((await t.call('review-queue', {}, token)).total).toBe(0);
  });

  it('writes nothing when one of three changed meanwhile, and names that one', async () => {
    const a = pulled(t, P.siti, { startTime: '08:00', endTime: '09:00' });
    const b = pulled(t, P.siti, { startTime: '09:00', endTime: '10:00', rev: 2 }); // re-sent since it was shown at rev 1
    const c = pulled(t, P.rahmawati);
    const token = await t.login(P.ahmad);
    const before = { outbox: count(t, 'outbox'), audit: count(t, 'audit_log'), entries: rows(t, 'select * from entries order by id') };

    const r = await t.send('review-approve-all', { items: [{ entryId: a.id, rev: 1 }, { entryId: b.id, rev: 1 }, { entryId: c.id, rev: 1 }] }, token);

    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'STALE_REVISION', field: 'items.1', params: { entryId: b.id, rev: 2 } });
    expect({ outbox: count(t, 'outbox'), audit: count(t, 'audit_log'), entries: rows(t, 'select * from entries order by id') }).toEqual(before);
    expect((await t.call('review-queue', {}, token)).total).toBe(3);
  });

  it.each([
    ['another supervisor’s staff among them', () => pulled(t, P.rizky), 'NOT_SUPERVISOR'],
    ['an entry that overlaps another standing one', () => (pulled(t, P.dimas, { startTime: '08:30', endTime: '09:30', status: 'draft' }), pulled(t, P.dimas)), 'OVERLAP_FLAGGED'],
    ['an entry of a period past its approval deadline', () => pulled(t, P.dimas, { workDate: '2026-10-30' }), 'APPROVAL_DEADLINE_PASSED'],
  ])('writes nothing with %s', async (_label, make, code) => {
    const ok1 = pulled(t, P.siti);
    const bad = make();
    const token = await t.login(P.ahmad);
    const r = await t.send('review-approve-all', { items: [{ entryId: ok1.id, rev: 1 }, { entryId: bad.id, rev: 1 }] }, token);
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code, field: 'items.1', params: { entryId: bad.id } });
    expect(count(t, 'outbox')).toBe(0);
    expect(rows(t, 'select status from entries where id = ?', ok1.id)).toEqual([{ status: 'submitted' }]);
  });

  it('refuses the same entry listed twice', async () => {
    const a = pulled(t, P.siti);
    const r = await t.send('review-approve-all', { items: [{ entryId: a.id, rev: 1 }, { entryId: a.id, rev: 1 }] }, await t.login(P.ahmad));
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'VALIDATION', field: 'items.1', params: { entryId: a.id } });
    expect(count(t, 'outbox')).toBe(0);
  });
});
