import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandArgs, IssueView } from '../../../src-shared/api';
import { DEMO_EMPLOYEES, DEMO_PEOPLE, DEMO_POLICY, DEMO_RHK } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';

const act = (n: string) => `de30c000-0000-4000-8000-000000000${n}`;
const SURAT = act('001'); // Menyusun konsep surat dinas, a tugas pokok open to everyone
const NO_NORM = act('015');
const INACTIVE = act('042');

const me = DEMO_PEOPLE.staff[0]; // Siti
const colleague = DEMO_PEOPLE.staff[1];
const boss = DEMO_EMPLOYEES.find((e) => e.id === me)!.supervisorId!;
const myRhk = DEMO_RHK.filter((r) => r.employeeId === me);
const colleaguesRhk = DEMO_RHK.find((r) => r.employeeId === colleague)!;

// Today is Wednesday 2026-11-25, 09:00 WIB (test-support's DEFAULT_NOW); the window starts Friday the 20th.
const full = (over: Partial<CommandArgs<'entry-create'>> = {}): CommandArgs<'entry-create'> => ({
  workDate: '2026-11-25',
  startTime: '08:00',
  endTime: '09:00',
  activityId: SURAT,
  volume: 2,
  description: 'Menyusun konsep surat undangan rapat evaluasi kelembagaan',
  ...over,
});

let t: TestCore;
let token: string;
const count = (table: string) => (t.core.ctx.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

beforeEach(async () => {
  t = await makeTestCore();
  token = await t.login(me);
});
afterEach(() => t.close());

/** The kiosk holds one session at a time, and moving the clock ends it (idle logout): log in again. */
async function moveClock(iso: string) {
  t.setNow(iso);
  token = await t.login(me);
}

const check = async (args: CommandArgs<'entry-check'>) => (await t.call('entry-check', args, token)).issues;
const codes = (issues: IssueView[]) => issues.map((i) => `${i.severity}:${i.code}:${i.field ?? ''}`);

describe('entry-check', () => {
  it('finds nothing when nothing is given yet, and nothing for a complete, valid entry', async () => {
    expect(await check({})).toEqual([]);
    expect(await check(full())).toEqual([]);
  });

  it('runs the date rules only once a date is given', async () => {
    const saturday = await check({ workDate: '2026-11-21' });
    expect(codes(saturday)).toEqual(['error:NOT_WORKING_DAY:workDate']);
    expect(saturday[0]!.params).toEqual({ date: '2026-11-21', reason: 'akhir pekan' });
    expect(saturday[0]!.message).toContain('akhir pekan');
    expect(codes(await check({ workDate: '2026-11-26' }))).toEqual(['error:DATE_IN_FUTURE:workDate']);
    expect(codes(await check({ workDate: '2026-11-19' }))).toEqual(['error:DATE_BEFORE_WINDOW:workDate']);
    // The other steps' inputs are missing: none of their rules speak yet.
    expect(await check({ workDate: '2026-11-24' })).toEqual([]);
  });

  it('runs the activity rules only once an activity (or its absence) is given', async () => {
    expect(codes(await check({ activityId: INACTIVE }))).toEqual(['error:ACTIVITY_UNAVAILABLE:activityId']);
    expect(codes(await check({ activityId: null, activityText: 'Membantu panitia lomba' }))).toEqual(['error:FREE_TEXT_NOT_ALLOWED:activityId']);
    expect(await check({ activityId: SURAT })).toEqual([]);
  });

  it('checks the RHK link against the person and the year', async () => {
    expect(await check({ rhkId: myRhk[0]!.id })).toEqual([]);
    expect(codes(await check({ rhkId: colleaguesRhk.id }))).toEqual(['error:RHK_UNAVAILABLE:rhkId']);
  });

  it('runs the time rules only with the date and both times', async () => {
    await t.call('entry-create', full({ startTime: '08:00', endTime: '10:00' }), token);
    // Without the day, an overlap cannot be known.
    expect(await check({ startTime: '09:00', endTime: '11:00' })).toEqual([]);
    expect(await check({ workDate: '2026-11-25', startTime: '09:00' })).toEqual([]);
    const clash = await check({ workDate: '2026-11-25', startTime: '09:00', endTime: '11:00' });
    expect(codes(clash)).toEqual(['error:OVERLAP:startTime']);
    expect(clash[0]!.params).toEqual({ startTime: '08:00', endTime: '10:00' });
    expect(codes(await check({ workDate: '2026-11-25', startTime: '11:00', endTime: '10:30' }))).toEqual(['error:END_BEFORE_START:endTime']);
    // Back to back is fine; 2 h stored + 6 h asked is over the 450-minute day.
    expect(await check({ workDate: '2026-11-25', startTime: '10:00', endTime: '11:00' })).toEqual([]);
    const long = await check({ workDate: '2026-11-25', startTime: '10:00', endTime: '16:00' });
    expect(codes(long)).toEqual(['error:DAY_LIMIT_EXCEEDED:endTime']);
    expect(long[0]!.params).toEqual({ total: 480, max: 450 });
  });

  it('returns warnings beside errors, each with its message', async () => {
    const late = await check({ workDate: '2026-11-25', startTime: '16:00', endTime: '17:30' });
    expect(codes(late)).toEqual(['warning:OUTSIDE_WORKING_HOURS:endTime']);
    expect(late[0]!.message).toMatch(/07:30.*16:00/);
    const both = await check({ workDate: '2026-11-25', startTime: '16:00', endTime: '17:30', volume: 0 });
    expect(codes(both)).toEqual(['error:VOLUME_INVALID:volume', 'warning:OUTSIDE_WORKING_HOURS:endTime']);
  });

  it('runs the output rules only on the volume or uraian given', async () => {
    expect(codes(await check({ volume: 0 }))).toEqual(['error:VOLUME_INVALID:volume']);
    expect(codes(await check({ description: '  rapat  ' }))).toEqual(['error:DESCRIPTION_TOO_SHORT:description']);
    expect(codes(await check({ description: 'a'.repeat(20) }))).toEqual(['error:DESCRIPTION_TOO_SHORT:description']);
    expect(await check({ volume: 3, description: 'Mengagendakan surat masuk dari perangkat daerah' })).toEqual([]);
  });

  it('lets an edited entry keep its own slot and its old day', async () => {
    const { entry } = await t.call('entry-create', full({ workDate: '2026-11-20', startTime: '08:00', endTime: '10:00' }), token);
    const same = { workDate: '2026-11-20', startTime: '08:30', endTime: '10:30' };
    expect(codes(await check(same))).toEqual(['error:OVERLAP:startTime']);
    expect(await check({ ...same, entryId: entry.id })).toEqual([]);

    // Friday the 27th: the 20th has left the window, but the entry may stay on it when edited.
    await moveClock('2026-11-27T02:00:00.000Z');
    expect(codes(await check({ workDate: '2026-11-20' }))).toEqual(['error:DATE_BEFORE_WINDOW:workDate']);
    expect(await check({ workDate: '2026-11-20', entryId: entry.id })).toEqual([]);
    // Moving it to another day outside the window is a new date: the window applies.
    expect(codes(await check({ workDate: '2026-11-19', entryId: entry.id }))).toEqual(['error:DATE_BEFORE_WINDOW:workDate']);
  });

  it('answers NOT_FOUND for someone else’s entry and an unknown id, and never writes', async () => {
    const other = await t.login(colleague);
    const { entry } = await t.call('entry-create', full(), other);
    token = await t.login(me);
    const before = [count('entries'), count('outbox'), count('audit_log')];
    for (const entryId of [entry.id, '0190a000-0000-7000-8000-000000000001']) {
      const r = await t.send('entry-check', { entryId, workDate: '2026-11-25' }, token);
      expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', field: 'entryId' });
    }
    await check(full({ workDate: '2026-11-21', volume: 0 }));
    expect([count('entries'), count('outbox'), count('audit_log')]).toEqual(before);
  });

  it('agrees with entry-create on the first error', async () => {
    const bad = full({ workDate: '2026-11-24', startTime: '16:00', endTime: '17:00', description: 'rapat' });
    const issues = await check(bad);
    const created = await t.send('entry-create', bad, token);
    expect(!created.ok && created.error.code).toBe(issues.find((i) => i.severity === 'error')!.code);
  });
});

describe('entry-form', () => {
  it('offers today back to the backdating window, newest first, with each date’s findings', async () => {
    const form = await t.call('entry-form', {}, token);
    expect(form).toMatchObject({
      today: '2026-11-25',
      now: '09:00',
      earliestDate: '2026-11-20',
      maxMinutesPerDay: DEMO_POLICY.maxMinutesPerDay,
      minDescriptionChars: DEMO_POLICY.minDescriptionChars,
      maxVolume: DEMO_POLICY.maxVolume,
      allowFreeTextActivity: false,
    });
    expect(form.dates.map((d) => [d.date, d.weekday])).toEqual([
      ['2026-11-25', 3],
      ['2026-11-24', 2],
      ['2026-11-23', 1],
      ['2026-11-22', 7],
      ['2026-11-21', 6],
      ['2026-11-20', 5],
    ]);
    const byDate = new Map(form.dates.map((d) => [d.date, d]));
    expect(byDate.get('2026-11-25')!.issues).toEqual([]);
    expect(byDate.get('2026-11-25')!.window).toEqual({ start: '07:30', end: '16:00' });
    expect(byDate.get('2026-11-20')!.window).toEqual({ start: '07:30', end: '16:30' });
    const saturday = byDate.get('2026-11-21')!.issues;
    expect(saturday).toHaveLength(1);
    expect(saturday[0]).toMatchObject({ code: 'NOT_WORKING_DAY', severity: 'error', field: 'workDate', params: { reason: 'akhir pekan' } });
    expect(form.rhk.map((r) => r.id)).toEqual(myRhk.map((r) => r.id));
    expect(form.rhk[0]).toEqual({ id: myRhk[0]!.id, year: 2026, title: myRhk[0]!.title, indicator: myRhk[0]!.indicator, target: myRhk[0]!.target, outputUnit: myRhk[0]!.outputUnit });
  });

  it('matches the window entry-create enforces', async () => {
    const { earliestDate } = await t.call('entry-form', {}, token);
    expect((await t.send('entry-create', full({ workDate: earliestDate }), token)).ok).toBe(true);
    const before = await t.send('entry-create', full({ workDate: '2026-11-19' }), token);
    expect(!before.ok && before.error.code).toBe('DATE_BEFORE_WINDOW');
  });

  it('names a holiday in the window and steps over it when counting back', async () => {
    // Tuesday 18 August 2026, the day after Proklamasi: three working days back is Wednesday the 12th.
    await moveClock('2026-08-18T03:15:00.000Z');
    const form = await t.call('entry-form', {}, token);
    expect(form).toMatchObject({ today: '2026-08-18', now: '10:15', earliestDate: '2026-08-12' });
    expect(form.dates.map((d) => d.date)).toEqual(['2026-08-18', '2026-08-17', '2026-08-16', '2026-08-15', '2026-08-14', '2026-08-13', '2026-08-12']);
    const holiday = form.dates.find((d) => d.date === '2026-08-17')!.issues;
    expect(holiday).toHaveLength(1);
    expect(holiday[0]).toMatchObject({ code: 'NOT_WORKING_DAY', severity: 'error' });
    expect(holiday[0]!.message).toContain('Proklamasi Kemerdekaan Republik Indonesia');
    expect(form.dates.find((d) => d.date === '2026-08-14')!.issues).toEqual([]);
  });

  it('sums the day’s logged minutes and its last end time, leaving rejected entries out', async () => {
    await t.call('entry-create', full({ workDate: '2026-11-24', startTime: '08:00', endTime: '10:00' }), token);
    await t.call('entry-create', full({ workDate: '2026-11-24', startTime: '10:00', endTime: '11:30', activityId: NO_NORM }), token);
    const late = await t.call('entry-create', full({ workDate: '2026-11-24', startTime: '13:00', endTime: '15:00', submit: true }), token);
    const bossToken = await t.login(boss);
    await t.call('review-decide', { entryId: late.entry.id, rev: late.entry.rev, decision: 'reject', note: 'Bukan tugas Anda' }, bossToken);
    token = await t.login(me);
    const form = await t.call('entry-form', {}, token);
    const day = form.dates.find((d) => d.date === '2026-11-24')!;
    expect(day).toMatchObject({ loggedMinutes: 210, lastEndTime: '11:30' });
    expect(form.dates.find((d) => d.date === '2026-11-25')).toMatchObject({ loggedMinutes: 0, lastEndTime: null });
  });

  it('offers only the RHK of the current year', async () => {
    await moveClock('2027-01-05T02:00:00.000Z');
    expect((await t.call('entry-form', {}, token)).rhk).toEqual([]);
  });
});
