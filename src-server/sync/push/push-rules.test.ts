import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import { entries } from '../../db/schema';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { pushOk, TestOutbox } from './fixtures';

/**
 * The server re-checks the domain rules with what only it can see: every workstation's entries and
 * the time the work was actually recorded on a kiosk that was offline.
 */
let server: TestServer;
let pcA: EnrolledWorkstation;
let pcB: EnrolledWorkstation;
let boxA: TestOutbox;
let boxB: TestOutbox;

beforeAll(async () => {
  server = await makeTestServer();
  pcA = await enrollTestWorkstation(server, 'PC Lantai 1');
  pcB = await enrollTestWorkstation(server, 'PC Lantai 2');
  boxA = new TestOutbox(pcA);
  boxB = new TestOutbox(pcB);
});
afterAll(async () => server.close());

const row = async (id: string) => (await server.db.select().from(entries).where(eq(entries.id, id)))[0]!;
const at = (iso: string) => (server.clock.now = new Date(iso));

describe('rules: offline kiosks and clocks', () => {
  it('work recorded on Monday on an offline kiosk is judged by Monday’s rules when it arrives on Friday', async () => {
    at('2026-11-27T03:00:00Z'); // Friday
    const monday = boxA.create(E.siti, { workDate: '2026-11-16', startTime: '08:00', endTime: '09:00' }, '2026-11-16T03:00:00Z');
    // Made today for the same old date: seven working days back, outside the 3-day window.
    const late = boxA.create(E.siti, { workDate: '2026-11-16', startTime: '10:00', endTime: '11:00' }, '2026-11-27T03:00:00Z');
    const result = await pushOk(server, pcA, [monday, late]);
    expect(result.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'DATE_BEFORE_WINDOW']);
    expect((await row(monday.entryId)).flags).not.toContain('late_entry');
  });

  it('a kiosk clock running ahead cannot open a future date, and its entries are marked clock_skew', async () => {
    at('2026-11-25T02:00:00Z');
    const pc = await enrollTestWorkstation(server, 'PC Jam Maju');
    const box = new TestOutbox(pc);
    const today = box.create(E.yohanes, { workDate: '2026-11-25', startTime: '13:00', endTime: '14:00' }, '2026-11-25T02:00:00Z');
    const ahead = box.create(E.yohanes, { workDate: '2026-11-26' }, '2026-11-26T02:00:00Z');
    const skewed = box.create(E.yohanes, { workDate: '2026-11-25', startTime: '14:00', endTime: '15:00' }, '2026-11-25T04:00:00Z');
    const result = await pushOk(server, pc, [today, ahead, skewed]);
    expect(result.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'DATE_IN_FUTURE', 'applied']);
    expect((await row(skewed.entryId)).flags).toContain('clock_skew');
    expect((await row(today.entryId)).flags).not.toContain('clock_skew');
  });

  it('entries of a closed period are refused; a review after the approval deadline too', async () => {
    at('2026-11-25T02:00:00Z');
    const oct = boxA.create(E.dimas, { workDate: '2026-10-30', status: 'submitted' }, '2026-10-30T03:00:00Z');
    expect((await pushOk(server, pcA, [oct])).results[0]!.status).toBe('applied');
    at('2026-11-11T02:00:00Z'); // past the 10th: October can no longer be approved
    const approve = boxA.next('entry.review@1', { entryId: oct.entryId, rev: 1, decision: 'approve' }, E.ahmad, '2026-11-11T02:00:00Z');
    const edit = boxA.next('entry.update@1', { entryId: oct.entryId, baseRev: 1, changes: { volume: 1 } }, E.dimas, '2026-11-11T02:00:00Z');
    const result = await pushOk(server, pcA, [approve, edit]);
    expect(result.results.map((r) => r.code)).toEqual(['APPROVAL_DEADLINE_PASSED', 'ENTRY_NOT_EDITABLE']);
    at('2026-11-25T02:00:00Z');
  });
});

describe('rules: overlapping entries from two workstations (DOMAIN.md rule 4)', () => {
  it('keeps both, marks both, blocks approval until one is returned, then approves the other', async () => {
    at('2026-11-25T02:00:00Z');
    const first = boxA.create(E.fitri, { startTime: '08:00', endTime: '09:00' });
    const second = boxB.create(E.fitri, { startTime: '08:30', endTime: '09:30' });
    expect((await pushOk(server, pcA, [first])).results[0]!.status).toBe('applied');
    const clash = (await pushOk(server, pcB, [second])).results[0]!;
    expect(clash).toMatchObject({ status: 'conflict', code: 'OVERLAP_FLAGGED', rev: 1 });
    expect((await row(first.entryId)).flags).toContain('overlap');
    expect((await row(second.entryId)).flags).toContain('overlap');

    const approveFirst = boxA.next('entry.review@1', { entryId: first.entryId, rev: 1, decision: 'approve' }, E.made);
    expect((await pushOk(server, pcA, [approveFirst])).results[0]).toMatchObject({ status: 'conflict', code: 'OVERLAP_FLAGGED' });

    const returnSecond = boxA.next('entry.review@1', { entryId: second.entryId, rev: 1, decision: 'return', note: 'Jam bertabrakan' }, E.made);
    const approveAgain = boxA.next('entry.review@1', { entryId: first.entryId, rev: 1, decision: 'approve' }, E.made);
    const result = await pushOk(server, pcA, [returnSecond, approveAgain]);
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await row(first.entryId)).toMatchObject({ status: 'approved' });
    expect((await row(first.entryId)).flags).not.toContain('overlap');
    // The returned one still overlaps an approved entry: it stays marked until Fitri moves it.
    expect((await row(second.entryId)).flags).toContain('overlap');
    const move = boxB.next('entry.update@1', { entryId: second.entryId, baseRev: 2, changes: { startTime: '09:00', endTime: '10:00' } }, E.fitri);
    expect((await pushOk(server, pcB, [move])).results[0]).toMatchObject({ status: 'applied', rev: 3 });
    expect((await row(second.entryId)).flags).not.toContain('overlap');
  });

  it('the day limit is still enforced across workstations when nothing overlaps', async () => {
    const morning = boxA.create(E.asep, { activityId: 'de30c000-0000-4000-8000-000000000011', startTime: '07:30', endTime: '11:30', volume: 1 });
    const afternoon = boxB.create(E.asep, { activityId: 'de30c000-0000-4000-8000-000000000011', startTime: '12:00', endTime: '16:00', volume: 1 });
    await pushOk(server, pcA, [morning]);
    expect((await pushOk(server, pcB, [afternoon])).results[0]).toMatchObject({ status: 'rejected', code: 'DAY_LIMIT_EXCEEDED' });
  });
});
