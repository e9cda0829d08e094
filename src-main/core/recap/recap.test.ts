import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES, DEMO_PEOPLE } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';

const me = DEMO_PEOPLE.staff[0];
const meEmployee = DEMO_EMPLOYEES.find((e) => e.id === me)!;
const boss = meEmployee.supervisorId!;
const SURAT = 'de30c000-0000-4000-8000-000000000001';
const NO_NORM = 'de30c000-0000-4000-8000-000000000015';

let t: TestCore;
let token: string;
beforeEach(async () => {
  t = await makeTestCore();
  token = await t.login(me);
});
afterEach(() => t.close());

describe('recap-month', () => {
  it('adds up the month by status against the effective minutes', async () => {
    const day = (workDate: string, startTime: string, endTime: string, activityId = NO_NORM) =>
      t.call('entry-create', { workDate, startTime, endTime, activityId, volume: 1, description: 'Mengerjakan evaluasi kelembagaan perangkat daerah' }, token);
    const a = await day('2026-11-20', '08:00', '12:00'); // 240
    const b = await day('2026-11-23', '08:00', '11:00'); // 180
    const c = await day('2026-11-24', '08:00', '10:00', SURAT); // 120 min, credited 30
    await day('2026-11-25', '08:00', '09:00'); // draft 60
    const db = t.core.ctx.sqlite;
    db.prepare(`update entries set status = 'approved' where id in (?, ?)`).run(a.entry.id, b.entry.id);
    db.prepare(`update entries set status = 'returned' where id = ?`).run(c.entry.id);

    const r = await t.call('recap-month', { month: '2026-11' }, token);
    // November 2026: 21 weekdays and no national holiday.
    const absences = r.countedAbsenceDays;
    expect(r.workingDays).toBe(21);
    expect(r.effectiveMinutes).toBe((21 - absences) * 300);
    expect(r).toMatchObject({ approvedMinutes: 420, returnedMinutes: 30, draftMinutes: 60, waitingMinutes: 0, employeeName: meEmployee.name });
    expect(r.capaianPercent).toBe(Math.round((420 / r.effectiveMinutes) * 1000) / 10);
    // From the percentage shown, so a person can check it with a calculator.
    if (meEmployee.tppBase !== null) expect(r.tppEstimate).toBe(Math.round((r.capaianPercent / 100) * 0.6 * meEmployee.tppBase));
    expect(r.periodClosesOn).toBe('2026-12-05');
    expect(r.daysWithoutEntries).not.toContain('2026-11-20');
    expect(r.daysWithoutEntries).toContain('2026-11-19');
    expect(r.daysWithoutEntries.every((d) => d <= '2026-11-25')).toBe(true);
  });

  it('is visible to the person and their direct supervisor, nobody else', async () => {
    const supervisor = await t.login(boss);
    expect((await t.call('recap-month', { employeeId: me, month: '2026-11' }, supervisor)).employeeId).toBe(me);
    const peer = await t.login(DEMO_PEOPLE.staff[1]);
    const r = await t.send('recap-month', { employeeId: me, month: '2026-11' }, peer);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    const bad = await t.send('recap-month', { month: 'November' }, peer);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'VALIDATION', field: 'month' });
  });
});
