import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmployeeReportSchema, TeamReportSchema } from '../../../src-shared/api';
import { DEMO_EMPLOYEE_IDS as E, DEMO_EMPLOYEES, DEMO_UNIT } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';
import { PLAN, playPlan } from './test-scenario';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const nameOf = (id: string) => DEMO_EMPLOYEES.find((e) => e.id === id)!.name;

describe('report-team', () => {
  it("shows each direct subordinate's month exactly as recap-month does, and totals that add up", async () => {
    await playPlan(t);
    const ahmad = await t.login(E.ahmad);
    const report = await t.call('report-team', {}, ahmad);
    expect(TeamReportSchema.parse(report)).toEqual(report);

    // The current month in Probolinggo, the unit, the person asking, November's approval deadline.
    expect(report).toMatchObject({ month: '2026-11', today: '2026-11-25', approvalDeadline: '2026-12-10', approvalOpen: true });
    expect(report.unit).toEqual({ id: DEMO_UNIT.id, code: DEMO_UNIT.code, name: DEMO_UNIT.name });
    expect(report.supervisor).toMatchObject({ id: E.ahmad, name: nameOf(E.ahmad) });
    // His four staff, in name order.
    expect(report.rows.map((r) => r.employee.id)).toEqual([E.dimas, E.rahmawati, E.siti, E.yohanes]);

    for (const row of report.rows) {
      expect(row.recap).toEqual(await t.call('recap-month', { employeeId: row.employee.id, month: '2026-11' }, ahmad));
      expect(row.waitingForReview).toBe(PLAN.filter((p) => p.employeeId === row.employee.id && p.outcome === 'submitted').length);
    }
    const siti = report.rows.find((r) => r.employee.id === E.siti)!;
    // Approved 20 Nov 120; returned 90; waiting: 2 letters × 30 = 60 credited; rejected 60; the draft 60.
    expect(siti.recap).toMatchObject({ approvedMinutes: 120, returnedMinutes: 90, waitingMinutes: 60, rejectedMinutes: 60, draftMinutes: 60 });

    const sum = (f: (r: (typeof report.rows)[number]) => number) => report.rows.reduce((s, r) => s + f(r), 0);
    expect(report.totals).toEqual({
      employees: 4,
      effectiveMinutes: sum((r) => r.recap.effectiveMinutes),
      approvedMinutes: sum((r) => r.recap.approvedMinutes),
      waitingMinutes: sum((r) => r.recap.waitingMinutes),
      returnedMinutes: sum((r) => r.recap.returnedMinutes),
      rejectedMinutes: sum((r) => r.recap.rejectedMinutes),
      daysWithoutEntries: sum((r) => r.recap.daysWithoutEntries.length),
      waitingForReview: 2,
      tppEstimate: sum((r) => r.recap.tppEstimate ?? 0),
    });
    // Siti 120 + Yohanes 240 + one letter of Yohanes (30) approved.
    expect(report.totals.approvedMinutes).toBe(390);
    expect(report.totals.tppEstimate).toBeGreaterThan(0);
  });

  it("defaults to the month of the unit's clock, and tells when a past month can no longer be decided", async () => {
    t.setNow('2026-11-30T17:30:00.000Z'); // 00:30 on 1 December in Probolinggo
    const ahmad = await t.login(E.ahmad);
    expect((await t.call('report-team', {}, ahmad)).month).toBe('2026-12');
    const october = await t.call('report-team', { month: '2026-10' }, ahmad);
    expect(october).toMatchObject({ month: '2026-10', today: '2026-12-01', approvalDeadline: '2026-11-10', approvalOpen: false });
    expect(october.totals.approvedMinutes).toBe(0);
  });

  it('lists only active direct subordinates; a person without any has no team report', async () => {
    t.core.ctx.sqlite.prepare('update employees set active = 0 where id = ?').run(E.rahmawati);
    const ahmad = await t.login(E.ahmad);
    expect((await t.call('report-team', {}, ahmad)).rows.map((r) => r.employee.id)).toEqual([E.dimas, E.siti, E.yohanes]);

    const sri = await t.login(E.sri);
    expect((await t.call('report-team', {}, sri)).rows.map((r) => r.employee.id)).toEqual([E.ahmad, E.made, E.maria]);

    const siti = await t.login(E.siti);
    const r = await t.send('report-team', {}, siti);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});

describe('report-employee', () => {
  it("gives the person's recap and the month's sent entries by date and time, drafts left out", async () => {
    await playPlan(t);
    const siti = await t.login(E.siti);
    const report = await t.call('report-employee', {}, siti);
    expect(EmployeeReportSchema.parse(report)).toEqual(report);
    expect(report.recap).toEqual(await t.call('recap-month', { month: '2026-11' }, siti));
    expect(report.employee).toMatchObject({ id: E.siti, nip: '199206182019032007' });
    expect(report.supervisor).toMatchObject({ id: E.ahmad, name: nameOf(E.ahmad) });
    expect(report.entries.map((e) => [e.workDate, e.startTime, e.status, e.creditedMinutes])).toEqual([
      ['2026-11-20', '08:00', 'approved', 120],
      ['2026-11-23', '08:00', 'returned', 90],
      ['2026-11-24', '08:00', 'submitted', 60],
      ['2026-11-24', '10:00', 'rejected', 60],
    ]);
    expect(report.entries[1]!.reviewNote).toBe('Lengkapi uraian dengan nomor surat');

    // The head has no direct supervisor in the unit.
    const sri = await t.login(E.sri);
    expect((await t.call('report-employee', {}, sri)).supervisor).toBeNull();
  });

  it('is for oneself or a direct subordinate only', async () => {
    const code = async (token: string, employeeId?: string) => {
      const r = await t.send('report-employee', { ...(employeeId ? { employeeId } : {}), month: '2026-11' }, token);
      return r.ok ? 'ok' : r.error.code;
    };
    const ahmad = await t.login(E.ahmad);
    expect([await code(ahmad, E.siti), await code(ahmad, E.dimas), await code(ahmad), await code(ahmad, E.niluh), await code(ahmad, E.sri)]).toEqual([
      'ok',
      'ok',
      'ok',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect(await code(ahmad, '0190a000-0000-7000-8000-00000000dead')).toBe('NOT_FOUND');
    const siti = await t.login(E.siti);
    expect([await code(siti), await code(siti, E.siti), await code(siti, E.yohanes), await code(siti, E.ahmad)]).toEqual(['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN']);
    const sri = await t.login(E.sri);
    expect([await code(sri, E.ahmad), await code(sri, E.siti)]).toEqual(['ok', 'FORBIDDEN']);
  });
});
