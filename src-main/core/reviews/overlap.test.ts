import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../test-support';
import { count, P, pulled, rows } from './test-kit';

/**
 * review-resolve-overlap: two entries of one person overlap (made on two PCs offline; the server
 * kept both and flagged them). The supervisor keeps one and returns the other; the kept one can
 * then be approved at once on this PC.
 */

let t: TestCore;
let token: string;
beforeEach(async () => {
  t = await makeTestCore();
  token = await t.login(P.ahmad);
});
afterEach(() => t.close());

const NOTE = 'Jam bertabrakan dengan kegiatan lain, mohon diperbaiki';
const pair = () => [
  pulled(t, P.yohanes, { startTime: '08:00', endTime: '09:30', flags: ['overlap'] }),
  pulled(t, P.yohanes, { startTime: '09:00', endTime: '10:00', flags: ['overlap'] }),
] as const;

describe('review-resolve-overlap', () => {
  it('returns the other with the note, frees the kept one, which is then approved; the outbox has the return first', async () => {
    const [keep, other] = pair();
    expect(await t.send('review-decide', { entryId: keep.id, rev: 1, decision: 'approve' }, token)).toMatchObject({ ok: false, error: { code: 'OVERLAP_FLAGGED' } });

    const r = await t.call('review-resolve-overlap', { keep: { entryId: keep.id, rev: 1 }, others: [{ entryId: other.id, rev: 1 }], note: `  ${NOTE} ` }, token);

    expect(r.kept).toMatchObject({ id: keep.id, status: 'submitted', rev: 1, overlapsWith: [] });
    expect(r.returned.map((e) => [e.id, e.status, e.rev, e.reviewNote, e.reviewerId])).toEqual([[other.id, 'returned', 2, NOTE, P.ahmad]]);
    const approved = await t.call('review-decide', { entryId: keep.id, rev: 1, decision: 'approve' }, token);
    expect(approved.entry).toMatchObject({ status: 'approved', rev: 2 });
    expect(rows(t, "select entity_id, args from outbox where name = 'entry.review@1' order by seq").map((m) => [m.entity_id, JSON.parse(m.args as string)])).toEqual([
      [other.id, { entryId: other.id, rev: 1, decision: 'return', note: NOTE }],
      [keep.id, { entryId: keep.id, rev: 1, decision: 'approve' }],
    ]);
  });

  it('returns several others at once when the kept one overlaps each of them', async () => {
    const keep = pulled(t, P.yohanes, { startTime: '08:00', endTime: '11:00' });
    const o1 = pulled(t, P.yohanes, { startTime: '08:30', endTime: '09:00' });
    const o2 = pulled(t, P.yohanes, { startTime: '10:00', endTime: '11:30' });
    const r = await t.call('review-resolve-overlap', { keep: { entryId: keep.id, rev: 1 }, others: [{ entryId: o1.id, rev: 1 }, { entryId: o2.id, rev: 1 }], note: NOTE }, token);
    expect(r.returned.map((e) => e.id)).toEqual([o1.id, o2.id]);
    expect(r.kept.overlapsWith).toEqual([]);
    expect(count(t, 'outbox')).toBe(2);
  });

  it('answers the kept entry still blocked when another standing entry overlaps it too', async () => {
    const [keep, other] = pair();
    const draft = pulled(t, P.yohanes, { startTime: '07:30', endTime: '08:30', status: 'draft' });
    const r = await t.call('review-resolve-overlap', { keep: { entryId: keep.id, rev: 1 }, others: [{ entryId: other.id, rev: 1 }], note: NOTE }, token);
    expect(r.kept.overlapsWith.map((o) => o.id)).toEqual([draft.id]);
  });

  it.each([
    ['an empty note', (k: string, o: string) => ({ keep: { entryId: k, rev: 1 }, others: [{ entryId: o, rev: 1 }], note: '  ' }), { code: 'NOTE_REQUIRED', field: 'note' }],
    ['the kept entry among the others', (k: string) => ({ keep: { entryId: k, rev: 1 }, others: [{ entryId: k, rev: 1 }], note: NOTE }), { code: 'VALIDATION', field: 'others.0' }],
    ['a kept entry changed meanwhile', (k: string, o: string) => ({ keep: { entryId: k, rev: 2 }, others: [{ entryId: o, rev: 1 }], note: NOTE }), { code: 'STALE_REVISION', field: 'keep' }],
    ['another entry changed meanwhile', (k: string, o: string) => ({ keep: { entryId: k, rev: 1 }, others: [{ entryId: o, rev: 5 }], note: NOTE }), { code: 'STALE_REVISION', field: 'others.0' }],
  ])('writes nothing with %s', async (_label, args, error) => {
    const [keep, other] = pair();
    const r = await t.send('review-resolve-overlap', args(keep.id, other.id), token);
    expect(r.ok ? 'ok' : r.error).toMatchObject(error);
    expect(count(t, 'outbox')).toBe(0);
  });

  it('refuses an entry that does not overlap the kept one (that is an ordinary return), naming it', async () => {
    const [keep, other] = pair();
    const apart = pulled(t, P.yohanes, { startTime: '13:00', endTime: '14:00' });
    const elsewhere = pulled(t, P.siti, { startTime: '08:00', endTime: '09:30' });
    for (const stray of [apart, elsewhere]) {
      const r = await t.send('review-resolve-overlap', { keep: { entryId: keep.id, rev: 1 }, others: [{ entryId: other.id, rev: 1 }, { entryId: stray.id, rev: 1 }], note: NOTE }, token);
      expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'VALIDATION', field: 'others.1', params: { entryId: stray.id } });
    }
    expect(count(t, 'outbox')).toBe(0);
    expect(rows(t, 'select status from entries where id = ?', other.id)).toEqual([{ status: 'submitted' }]);
  });
});
