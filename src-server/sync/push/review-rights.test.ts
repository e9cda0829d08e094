import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import { PolicySchema } from '../../../src-shared/domain/policy';
import type { Employee } from '../../../src-shared/domain/types';
import { withTransaction } from '../../db/transaction';
import { writeReference } from '../../reference/write';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { entryInput, pushOk, TestOutbox, type EntryInput } from './fixtures';

/**
 * entry.review@1 on the server, as one table: actor × situation → what the workstation is answered
 * (status and code). The kiosk runs the same matrix before it queues a decision
 * (src-main/core/reviews/rights.test.ts); the server decides finally, whatever the kiosk checked.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (vitest projects server-*).
 */
const OTHER_UNIT = '0be00000-0000-4000-8000-000000000101';
const OTHER_BOSS = '0be00000-0000-4000-8000-0000000001b1';
const OTHER_STAFF = '0be00000-0000-4000-8000-0000000001b2';

let server: TestServer;
let ws: EnrolledWorkstation;
let other: EnrolledWorkstation;
let box: TestOutbox;
let otherBox: TestOutbox;

const person = (id: string, nip: string, supervisorId: string | null): Employee => ({
  id,
  nip,
  name: `Pegawai ${nip.slice(-3)}`,
  unitId: OTHER_UNIT,
  positionTitle: 'Pengadministrasi Perkantoran',
  supervisorId,
  roles: supervisorId ? ['staff'] : ['staff', 'supervisor'],
  tppBase: null,
  active: true,
});

beforeAll(async () => {
  server = await makeTestServer();
  await withTransaction(server.db, (tx) =>
    writeReference(
      tx,
      {
        units: [{ id: OTHER_UNIT, code: 'BAG-HUKUM', name: 'Bagian Hukum', parentId: null, timeZone: 'Asia/Jakarta' }],
        policies: [{ unitId: OTHER_UNIT, policy: PolicySchema.parse({}) }],
        employees: [person(OTHER_BOSS, '198001012005011101', null), person(OTHER_STAFF, '199001012015011102', OTHER_BOSS)],
      },
      server.clock.now,
    ),
  );
  ws = await enrollTestWorkstation(server, 'PC Verifikasi');
  other = await enrollTestWorkstation(server, 'PC Bagian Hukum', 'BAG-HUKUM');
  box = new TestOutbox(ws);
  otherBox = new TestOutbox(other);
});
afterAll(async () => server.close());

/** What the workstation is told: `applied`, or `<status> <code>`. */
type Answer = string;
async function send(m: ReturnType<TestOutbox['next']>, on: 'demo' | 'other' = 'demo'): Promise<Answer> {
  const r = (await pushOk(server, on === 'demo' ? ws : other, [m])).results[0]!;
  return r.status === 'applied' ? 'applied' : `${r.status} ${r.code}`;
}

/** Ten-minute slots over three open days, so no two situations overlap or fill a day by accident. */
let n = 0;
function slot(): Pick<EntryInput, 'workDate' | 'startTime' | 'endTime'> {
  const k = n++;
  const m = 7 * 60 + 10 * Math.floor(k / 3);
  const time = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return { workDate: ['2026-11-23', '2026-11-24', '2026-11-25'][k % 3]!, startTime: time(m), endTime: time(m + 10) };
}

async function create(owner: string, over: Partial<EntryInput> = {}, clientTime?: string): Promise<string> {
  const e = entryInput(owner, { ...slot(), volume: 1, ...over });
  const on = owner === OTHER_STAFF ? 'other' : 'demo';
  const answer = await send((on === 'demo' ? box : otherBox).next('entry.create@1', { entry: e }, owner, clientTime), on);
  expect(['applied', 'conflict OVERLAP_FLAGGED']).toContain(answer);
  return e.id;
}

const review = (actor: string, entryId: string, rev: number, decision: 'approve' | 'return' | 'reject', note?: string) =>
  send(box.next('entry.review@1', { entryId, rev, decision, ...(note === undefined ? {} : { note }) }, actor));

interface Target {
  entryId: string;
  rev: number;
}

const SITUATIONS: Record<string, () => Promise<Target>> = {
  "Siti's waiting entry": async () => ({ entryId: await create(E.siti), rev: 1 }),
  "Ahmad's waiting entry": async () => ({ entryId: await create(E.ahmad), rev: 1 }),
  "Siti's entry approved by Ahmad": async () => {
    const entryId = await create(E.siti);
    expect(await review(E.ahmad, entryId, 1, 'approve')).toBe('applied');
    return { entryId, rev: 2 };
  },
  "Siti's entry returned by Ahmad": async () => {
    const entryId = await create(E.siti);
    expect(await review(E.ahmad, entryId, 1, 'return', 'Lengkapi uraian')).toBe('applied');
    return { entryId, rev: 2 };
  },
  "Siti's entry sent again since it was shown (rev 1 → 2)": async () => {
    const entryId = await create(E.siti, { status: 'draft' });
    expect(await send(box.next('entry.submit@1', { entryId, baseRev: 1 }, E.siti))).toBe('applied');
    return { entryId, rev: 1 };
  },
  "Siti's October entry (approval deadline 10 November passed)": async () => ({
    entryId: await create(E.siti, { workDate: '2026-10-30', startTime: '08:00', endTime: '08:10' }, '2026-10-30T03:00:00.000Z'),
    rev: 1,
  }),
  "Siti's entry overlapping her standing draft": async () => {
    const at = slot();
    const entryId = await create(E.siti, at);
    await create(E.siti, { ...at, status: 'draft' });
    return { entryId, rev: 1 };
  },
  "another unit's entry": async () => ({ entryId: await create(OTHER_STAFF), rev: 1 }),
  'an entry the server does not have': async () => ({ entryId: crypto.randomUUID(), rev: 1 }),
};

type Column = 'approve' | 'return with a note' | 'return without a note' | 'reject without a note';
const COLUMNS: Record<Column, (actor: string, t: Target) => Promise<Answer>> = {
  approve: (actor, t) => review(actor, t.entryId, t.rev, 'approve'),
  'return with a note': (actor, t) => review(actor, t.entryId, t.rev, 'return', 'Perbaiki jam kegiatan'),
  'return without a note': (actor, t) => review(actor, t.entryId, t.rev, 'return', '  '),
  'reject without a note': (actor, t) => review(actor, t.entryId, t.rev, 'reject'),
};

const NOTE_REQUIRED = 'rejected NOTE_REQUIRED';
/** The same answer to every decision, except the note check, which comes first for return and reject. */
const every = (answer: Answer, notes = NOTE_REQUIRED): Record<Column, Answer> => ({
  approve: answer,
  'return with a note': answer,
  'return without a note': notes,
  'reject without a note': notes,
});

const MATRIX: [string, string, string, Record<Column, Answer>][] = [
  ['the direct supervisor (Ahmad)', "Siti's waiting entry", E.ahmad, every('applied')],
  ["the head of unit (Sri), on her supervisor's staff", "Siti's waiting entry", E.sri, every('rejected NOT_SUPERVISOR')],
  ['another supervisor (Maria)', "Siti's waiting entry", E.maria, every('rejected NOT_SUPERVISOR')],
  ['a colleague (Yohanes)', "Siti's waiting entry", E.yohanes, every('rejected NOT_SUPERVISOR')],
  ['the operator (Nurul)', "Siti's waiting entry", E.nurul, every('rejected NOT_SUPERVISOR')],
  ['Ahmad, on his own entry', "Ahmad's waiting entry", E.ahmad, every('rejected SELF_REVIEW')],
  ['the head (Sri), on her direct report', "Ahmad's waiting entry", E.sri, every('applied')],
  ['the direct supervisor', "Siti's entry approved by Ahmad", E.ahmad, every('conflict ENTRY_LOCKED')],
  ['the direct supervisor', "Siti's entry returned by Ahmad", E.ahmad, every('conflict STALE_REVISION')],
  ['the direct supervisor', "Siti's entry sent again since it was shown (rev 1 → 2)", E.ahmad, every('conflict STALE_REVISION')],
  ['the direct supervisor', "Siti's October entry (approval deadline 10 November passed)", E.ahmad, every('rejected APPROVAL_DEADLINE_PASSED')],
  ['the direct supervisor', "Siti's entry overlapping her standing draft", E.ahmad, { ...every('applied'), approve: 'conflict OVERLAP_FLAGGED' }],
  ['the direct supervisor', "another unit's entry", E.ahmad, every('rejected NOT_FOUND')],
  ['the direct supervisor', 'an entry the server does not have', E.ahmad, every('rejected NOT_FOUND')],
];

describe('entry.review@1 rights: actor × situation → answer', () => {
  it.each(MATRIX)('%s — %s', async (_who, situation, actor, expected) => {
    const got: Record<string, Answer> = {};
    for (const [column, decide] of Object.entries(COLUMNS)) got[column] = await decide(actor, await SITUATIONS[situation]!());
    expect(got).toEqual(expected);
  });

  it('the deadline refusal names the period and its deadline; a conflict answers the current revision', async () => {
    const late = await SITUATIONS["Siti's October entry (approval deadline 10 November passed)"]!();
    const [r] = (await pushOk(server, ws, [box.next('entry.review@1', { entryId: late.entryId, rev: 1, decision: 'approve' }, E.ahmad)])).results;
    expect(r).toMatchObject({ status: 'rejected', code: 'APPROVAL_DEADLINE_PASSED', message: 'Batas waktu verifikasi periode 2026-10 sudah lewat (2026-11-10).' });
    const stale = await SITUATIONS["Siti's entry sent again since it was shown (rev 1 → 2)"]!();
    const [s] = (await pushOk(server, ws, [box.next('entry.review@1', { entryId: stale.entryId, rev: 1, decision: 'approve' }, E.ahmad)])).results;
    expect(s).toMatchObject({ status: 'conflict', code: 'STALE_REVISION', rev: 2 });
  });

  it("a supervisor of another unit cannot review this unit's entries from their own workstation", async () => {
    const target = await SITUATIONS["Siti's waiting entry"]!();
    const m = otherBox.next('entry.review@1', { entryId: target.entryId, rev: 1, decision: 'approve' }, OTHER_BOSS);
    expect(await send(m, 'other')).toBe('rejected NOT_FOUND');
  });
});
