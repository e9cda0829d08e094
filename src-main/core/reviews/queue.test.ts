import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';
import { OPEN_NOTICES_SQL } from './notices';
import { waitingSql } from './queries';
import { P, pulled, RHK_SITI, sent } from './test-kit';

/** Verifikasi's read (review-queue, review-entry). Today is Wednesday 25 November 2026. */

const nameOf = (id: string) => DEMO_EMPLOYEES.find((e) => e.id === id)!.name;

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

describe('review-queue: whose entries', () => {
  beforeEach(() => {
    for (const who of [P.siti, P.yohanes, P.rahmawati, P.dimas, P.rizky, P.fitri, P.ahmad, P.maria, P.made, P.sri]) pulled(t, who);
  });

  it('a supervisor sees the waiting entries of his four staff only, in name order', async () => {
    const q = await t.call('review-queue', {}, await t.login(P.ahmad));
    expect(q.employees.map((g) => g.employee.name)).toEqual([P.dimas, P.rahmawati, P.siti, P.yohanes].map(nameOf));
    expect(q.total).toBe(4);
    expect(q.employees[0]!.employee).toEqual({ id: P.dimas, nip: '199604102022211004', name: nameOf(P.dimas), positionTitle: 'Pengelola Layanan Operasional' });
  });

  it('the head sees her three supervisors’ entries, not their staff’s', async () => {
    const q = await t.call('review-queue', {}, await t.login(P.sri));
    expect(q.employees.map((g) => g.employee.id)).toEqual([P.ahmad, P.made, P.maria]);
  });

  it('staff have nobody to verify: an empty queue, not an error', async () => {
    const q = await t.call('review-queue', {}, await t.login(P.siti));
    expect(q).toEqual({ today: '2026-11-25', total: 0, employees: [], periods: [], notices: [] });
  });
});

describe('Verifikasi in the menu (hasSubordinates)', () => {
  it('stays while a subordinate who has left still has entries waiting, and goes once they are decided', async () => {
    // Ahmad's four staff have all left; one of them had sent an entry before.
    const waiting = pulled(t, P.siti);
    t.core.ctx.sqlite.prepare('update employees set active = 0 where supervisor_id = ?').run(P.ahmad);
    const token = await t.login(P.ahmad);
    expect((await t.call('kiosk-session', {}, token)).employee.hasSubordinates).toBe(true);
    await t.call('review-decide', { entryId: waiting.id, rev: waiting.rev, decision: 'approve' }, token);
    expect((await t.call('kiosk-session', {}, token)).employee.hasSubordinates).toBe(false);
  });
});

describe('review-queue: what a decision needs', () => {
  it('groups by day (oldest first) and time, with the day’s waiting and total minutes, norm, RHK and flags', async () => {
    // Monday: one waiting (2 surat in 1 h: credited 60), one approved, one rejected (counts for nothing).
    const first = pulled(t, P.siti, { workDate: '2026-11-23', startTime: '10:00', endTime: '11:00', volume: 2, rhkId: RHK_SITI, flags: ['late_entry', 'clock_skew'] });
    pulled(t, P.siti, { workDate: '2026-11-23', startTime: '08:00', endTime: '09:30', status: 'approved', rev: 2 });
    pulled(t, P.siti, { workDate: '2026-11-23', startTime: '13:00', endTime: '15:00', status: 'rejected', rev: 2 });
    // Tuesday: two waiting, listed by start time; one surat in an hour earns 30 minutes (rule 7).
    const late = pulled(t, P.siti, { workDate: '2026-11-24', startTime: '13:00', endTime: '14:00' });
    const early = pulled(t, P.siti, { workDate: '2026-11-24', startTime: '08:00', endTime: '09:00' });
    // Today, sent at this kiosk and not yet synced.
    const today = await sent(t, P.siti);

    const q = await t.call('review-queue', {}, await t.login(P.ahmad));
    const [siti] = q.employees;
    expect(siti).toMatchObject({ waiting: 4, waitingMinutes: 60 + 30 + 30 + 60 });
    expect(siti!.days.map((d) => [d.date, d.waitingMinutes, d.dayMinutes, d.entries.map((e) => e.id)])).toEqual([
      ['2026-11-23', 60, 60 + 90, [first.id]],
      ['2026-11-24', 60, 120, [early.id, late.id]],
      ['2026-11-25', 60, 60, [today.id]],
    ]);
    expect(siti!.days[0]!.entries[0]).toMatchObject({
      activityName: 'Menyusun konsep surat dinas',
      normMinutes: 30,
      rhkTitle: 'Tersusunnya analisis jabatan perangkat daerah',
      flags: ['late_entry', 'clock_skew'],
      overlapsWith: [],
      pending: false,
    });
    expect(siti!.days[2]!.entries[0]).toMatchObject({ rhkTitle: null, pending: true, creditedMinutes: 60 });
  });

  it('lists each period with its approval deadline: October closed on 10 November, November open for 15 more days', async () => {
    pulled(t, P.yohanes, { workDate: '2026-10-30' });
    pulled(t, P.yohanes, { workDate: '2026-11-24' });
    const q = await t.call('review-queue', {}, await t.login(P.ahmad));
    expect(q.periods).toEqual([
      { month: '2026-10', deadline: '2026-11-10', daysLeft: -15, open: false },
      { month: '2026-11', deadline: '2026-12-10', daysLeft: 15, open: true },
    ]);
    t.setNow('2026-12-10T16:00:00.000Z'); // 23:00 in Probolinggo on the deadline itself
    const later = await t.call('review-queue', {}, await t.login(P.ahmad));
    expect(later.today).toBe('2026-12-10');
    expect(later.periods[1]).toEqual({ month: '2026-11', deadline: '2026-12-10', daysLeft: 0, open: true });
  });

  it('computes overlaps from this PC’s entries, not from the server’s flag, which may be stale', async () => {
    const a = pulled(t, P.yohanes, { startTime: '08:00', endTime: '09:30', flags: ['overlap'] });
    const b = pulled(t, P.yohanes, { startTime: '09:00', endTime: '10:00', flags: ['overlap'] });
    // Flagged by the server once, but the other entry has been returned since: nothing blocks it now.
    const c = pulled(t, P.yohanes, { startTime: '13:00', endTime: '14:00', flags: ['overlap'] });
    pulled(t, P.yohanes, { startTime: '13:30', endTime: '14:30', status: 'returned', rev: 2 });
    // Not flagged yet (the server has not seen both), yet it overlaps a draft on this PC.
    const d = pulled(t, P.yohanes, { startTime: '15:00', endTime: '15:30' });
    const draft = pulled(t, P.yohanes, { startTime: '15:15', endTime: '15:45', status: 'draft' });

    const q = await t.call('review-queue', {}, await t.login(P.ahmad));
    const items = new Map(q.employees[0]!.days[0]!.entries.map((e) => [e.id, e.overlapsWith]));
    expect(items.get(a.id)).toEqual([{ id: b.id, startTime: '09:00', endTime: '10:00', status: 'submitted' }]);
    expect(items.get(b.id)).toEqual([{ id: a.id, startTime: '08:00', endTime: '09:30', status: 'submitted' }]);
    expect(items.get(c.id)).toEqual([]);
    expect(items.get(d.id)).toEqual([{ id: draft.id, startTime: '15:15', endTime: '15:45', status: 'draft' }]);
  });
});

describe('review-entry', () => {
  it('shows a subordinate’s entry in any status, with what a decision needs', async () => {
    const done = pulled(t, P.siti, { status: 'approved', rev: 2, reviewerId: P.ahmad, reviewedAt: '2026-11-24T05:00:00.000Z', rhkId: RHK_SITI });
    const { item } = await t.call('review-entry', { entryId: done.id }, await t.login(P.ahmad));
    expect(item).toMatchObject({ id: done.id, status: 'approved', rev: 2, reviewerId: P.ahmad, normMinutes: 30, rhkTitle: 'Tersusunnya analisis jabatan perangkat daerah', overlapsWith: [] });
  });
});

describe('query plans of the queue', () => {
  it('reads the waiting entries through the supervisor and status indexes, never scanning entries', async () => {
    for (let i = 0; i < 30; i++) pulled(t, P.siti, { workDate: '2026-11-24', status: i % 3 ? 'approved' : 'submitted' });
    t.core.ctx.sqlite.exec('ANALYZE');
    const plan = (sql: string) =>
      (t.core.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.match(/\?/g) ?? []).map(() => 'x')) as { detail: string }[]).map((r) => r.detail).join('\n');
    const waiting = plan(waitingSql(t.core.ctx.db));
    expect(waiting).toMatch(/SEARCH employees USING INDEX employees_supervisor_idx \(supervisor_id=\?\)/);
    expect(waiting).toMatch(/SEARCH entries USING INDEX entries_status_employee_idx \(status=\? AND employee_id=\?\)/);
    expect(waiting).not.toMatch(/SCAN entries/);
    const notices = plan(OPEN_NOTICES_SQL);
    expect(notices).toMatch(/SEARCH n USING INDEX review_notices_open_idx \(actor_id=\?\)/);
    expect(notices).not.toMatch(/SCAN/);
  });
});
