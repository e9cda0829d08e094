import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryRow } from '../../../src-shared/sync-rows';
import { makeTestCore, type TestCore } from '../test-support';
import { P, pulled } from './test-kit';

/**
 * The rights matrix of the review commands on the kiosk (issue 6 "Rights, checked in core and
 * again on the server"): actor × situation → what each command answers. The server's twin is
 * src-server/sync/push/review-rights.test.ts; the codes are the same on both sides.
 */

let t: TestCore;
beforeAll(async () => {
  t = await makeTestCore();
});
afterAll(() => t.close());

/** Every situation gets a 10-minute slot of its own, so no two of them overlap by accident. */
let slot = 0;
function own(employeeId: string, over: Partial<EntryRow> = {}): EntryRow {
  const m = 8 * 60 + 10 * slot++;
  const time = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return pulled(t, employeeId, { workDate: '2026-11-24', startTime: time(m), endTime: time(m + 10), ...over });
}

type Ref = { entryId: string; rev: number; owner: string; row: EntryRow | null };
const ref = (row: EntryRow, rev = row.rev): Ref => ({ entryId: row.id, rev, owner: row.employeeId, row });

const SITUATIONS: Record<string, () => Ref> = {
  "a subordinate's waiting entry": () => ref(own(P.siti)),
  "the head's direct report's waiting entry": () => ref(own(P.ahmad)),
  'an approved entry': () => ref(own(P.siti, { status: 'approved', rev: 2, reviewerId: P.ahmad })),
  'a returned entry': () => ref(own(P.siti, { status: 'returned', rev: 2, reviewerId: P.ahmad, reviewNote: 'Perbaiki' }), 1),
  'a waiting entry changed since it was shown': () => ref(own(P.siti, { rev: 3 }), 2),
  'a waiting entry of October (approval deadline 10 November passed)': () => ref(own(P.siti, { workDate: '2026-10-30' })),
  'a waiting entry overlapping another standing one': () => {
    const row = own(P.siti);
    pulled(t, P.siti, { workDate: row.workDate, startTime: row.startTime, endTime: row.endTime, status: 'draft' });
    return ref(row);
  },
  'an entry this PC does not have': () => ({ entryId: crypto.randomUUID(), rev: 1, owner: P.siti, row: null }),
};

type Command = 'approve' | 'return' | 'return without a note' | 'approve-all' | 'resolve' | 'review-entry';
const COMMANDS: Command[] = ['approve', 'return', 'return without a note', 'approve-all', 'resolve', 'review-entry'];

async function run(command: Command, token: string, r: Ref): Promise<string> {
  const note = 'Jamnya bertabrakan, mohon diperbaiki';
  const answer = await (() => {
    switch (command) {
      case 'approve':
        return t.send('review-decide', { entryId: r.entryId, rev: r.rev, decision: 'approve' }, token);
      case 'return':
        return t.send('review-decide', { entryId: r.entryId, rev: r.rev, decision: 'return', note }, token);
      case 'return without a note':
        return t.send('review-decide', { entryId: r.entryId, rev: r.rev, decision: 'return', note: ' ' }, token);
      case 'approve-all':
        return t.send('review-approve-all', { items: [{ entryId: r.entryId, rev: r.rev }] }, token);
      case 'resolve': {
        // The kept entry is the situation's; the returned one a fresh entry at the same time.
        const at = r.row ?? { workDate: '2026-11-24', startTime: '07:00', endTime: '07:10' };
        const other = pulled(t, r.owner, { workDate: at.workDate, startTime: at.startTime, endTime: at.endTime });
        return t.send('review-resolve-overlap', { keep: { entryId: r.entryId, rev: r.rev }, others: [{ entryId: other.id, rev: 1 }], note }, token);
      }
      case 'review-entry':
        return t.send('review-entry', { entryId: r.entryId }, token);
    }
  })();
  return answer.ok ? 'ok' : answer.error.code;
}

/** The same answer to every command; the note is checked first (as on the server), review-entry only looks. */
const all = (code: string, view = code): Record<Command, string> => ({
  approve: code,
  return: code,
  'return without a note': 'NOTE_REQUIRED',
  'approve-all': code,
  resolve: code,
  'review-entry': view,
});

const MATRIX: [string, string, string, Record<Command, string>][] = [
  ['the direct supervisor', "a subordinate's waiting entry", P.ahmad, all('ok')],
  ["the head of unit, on her supervisor's staff", "a subordinate's waiting entry", P.sri, all('NOT_SUPERVISOR')],
  ['another supervisor of the unit', "a subordinate's waiting entry", P.maria, all('NOT_SUPERVISOR')],
  ['a colleague (staff)', "a subordinate's waiting entry", P.yohanes, all('NOT_SUPERVISOR')],
  ['the operator', "a subordinate's waiting entry", P.nurul, all('NOT_SUPERVISOR')],
  ['a supervisor, on their own entry', "the head's direct report's waiting entry", P.ahmad, all('SELF_REVIEW')],
  ['the head, on her direct report', "the head's direct report's waiting entry", P.sri, all('ok')],
  ['the direct supervisor', 'an approved entry', P.ahmad, all('ENTRY_LOCKED', 'ok')],
  ['the direct supervisor', 'a returned entry', P.ahmad, all('STALE_REVISION', 'ok')],
  ['the direct supervisor', 'a waiting entry changed since it was shown', P.ahmad, all('STALE_REVISION', 'ok')],
  ['the direct supervisor', 'a waiting entry of October (approval deadline 10 November passed)', P.ahmad, all('APPROVAL_DEADLINE_PASSED', 'ok')],
  ['the direct supervisor', 'a waiting entry overlapping another standing one', P.ahmad, { ...all('ok'), approve: 'OVERLAP_FLAGGED', 'approve-all': 'OVERLAP_FLAGGED' }],
  ['the direct supervisor', 'an entry this PC does not have', P.ahmad, all('NOT_FOUND')],
];

describe('review rights on the kiosk: actor × situation → answer of each command', () => {
  it.each(MATRIX)('%s — %s', async (_who, situation, actor, expected) => {
    const token = await t.login(actor);
    const got: Record<string, string> = {};
    for (const command of COMMANDS) got[command] = await run(command, token, SITUATIONS[situation]!());
    expect(got).toEqual(expected);
  });

  it('a refusal changes nothing: no entry, outbox or audit row is written', async () => {
    const before = t.core.ctx.sqlite.prepare('select (select count(*) from outbox) as outbox, (select count(*) from audit_log where action = ?) as audit').get('entry.review');
    const row = own(P.siti);
    expect(await run('approve', await t.login(P.sri), ref(row))).toBe('NOT_SUPERVISOR');
    expect(await run('approve-all', await t.login(P.maria), ref(row))).toBe('NOT_SUPERVISOR');
    expect(t.core.ctx.sqlite.prepare('select (select count(*) from outbox) as outbox, (select count(*) from audit_log where action = ?) as audit').get('entry.review')).toEqual(before);
    expect(t.core.ctx.sqlite.prepare('select status, rev from entries where id = ?').get(row.id)).toEqual({ status: 'submitted', rev: 1 });
  });

  it('returning or rejecting needs a note; the deadline refusal names the period and its deadline', async () => {
    const token = await t.login(P.ahmad);
    const row = own(P.siti);
    for (const decision of ['return', 'reject'] as const) {
      const r = await t.send('review-decide', { entryId: row.id, rev: 1, decision, note: '   ' }, token);
      expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'NOTE_REQUIRED', field: 'note' });
    }
    const late = own(P.siti, { workDate: '2026-10-29' });
    const r = await t.send('review-decide', { entryId: late.id, rev: 1, decision: 'approve' }, token);
    expect(r.ok ? 'ok' : r.error).toMatchObject({
      code: 'APPROVAL_DEADLINE_PASSED',
      params: { period: '2026-10', deadline: '2026-11-10' },
      message: 'Batas waktu verifikasi periode 2026-10 sudah lewat (2026-11-10).',
    });
  });

  it('a stale decision answers the current revision, for the screen to reload what changed', async () => {
    const token = await t.login(P.ahmad);
    const row = own(P.siti, { rev: 4 });
    const r = await t.send('review-decide', { entryId: row.id, rev: 3, decision: 'approve' }, token);
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'STALE_REVISION', params: { rev: 4 } });
    const now = await t.call('review-entry', { entryId: row.id }, token);
    expect(now.item).toMatchObject({ id: row.id, rev: 4, status: 'submitted' });
  });
});
