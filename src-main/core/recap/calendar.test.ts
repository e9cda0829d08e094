import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';

const siti = DEMO_PEOPLE.staff[0]; // cuti on 25–27 March 2026
const yohanes = DEMO_PEOPLE.staff[1];

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

describe('calendar-month', () => {
  it('defaults to the current month of the unit’s clock', async () => {
    const token = await t.login(siti);
    const m = await t.call('calendar-month', {}, token);
    expect(m.month).toBe('2026-11');
    expect(m.today).toBe('2026-11-25');
    expect(m.days).toHaveLength(30);
    expect(m.days[0]).toEqual({ date: '2026-11-01', weekday: 7, working: false, reason: 'akhir pekan', kind: 'weekend' });
    expect(m.days[1]).toEqual({ date: '2026-11-02', weekday: 1, working: true, reason: null, kind: 'working' });
    expect(m.days.filter((d) => d.working)).toHaveLength(21);
    // 23:30 WIB on 30 November is still November; 17:30 UTC is already 1 December in Jakarta.
    t.setNow('2026-11-30T16:30:00.000Z');
    expect((await t.call('calendar-month', {}, await t.login(siti))).month).toBe('2026-11');
    t.setNow('2026-11-30T17:30:00.000Z');
    expect((await t.call('calendar-month', {}, await t.login(siti))).month).toBe('2026-12');
  });

  it('marks weekends, holidays with their names, and the person’s own absences', async () => {
    const token = await t.login(siti);
    const march = await t.call('calendar-month', { month: '2026-03' }, token);
    expect(march.days).toHaveLength(31);
    const day = (d: string) => march.days.find((x) => x.date === `2026-03-${d}`)!;
    expect(day('19')).toMatchObject({ kind: 'holiday', working: false, reason: 'libur: Hari Suci Nyepi (Tahun Baru Saka 1948)' });
    expect(day('20')).toMatchObject({ kind: 'holiday', reason: 'libur: Cuti Bersama Idulfitri 1447 Hijriah' });
    // A holiday on a Saturday is a weekend first (rule 2's order).
    expect(day('21')).toMatchObject({ kind: 'weekend', reason: 'akhir pekan', weekday: 6 });
    expect(day('25')).toMatchObject({ kind: 'absence', working: false, reason: 'cuti' });
    expect(day('27')).toMatchObject({ kind: 'absence', reason: 'cuti' });
    expect(day('30')).toMatchObject({ kind: 'working', working: true, reason: null });

    // Siti's cuti is hers alone (the kiosk holds one session at a time).
    const other = await t.login(yohanes);
    const his = await t.call('calendar-month', { month: '2026-03' }, other);
    expect(his.days.find((d) => d.date === '2026-03-25')).toMatchObject({ kind: 'working', reason: null });
    expect(his.days.find((d) => d.date === '2026-03-19')!.kind).toBe('holiday');
  });

  it('knows February’s length', async () => {
    const token = await t.login(yohanes);
    const feb = await t.call('calendar-month', { month: '2026-02' }, token);
    expect(feb.days.map((d) => d.date).at(-1)).toBe('2026-02-28');
    expect(feb.days.find((d) => d.date === '2026-02-10')).toMatchObject({ kind: 'absence', reason: 'sakit' });
  });
});
