import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandArgs } from '../../../src-shared/api';
import { DEMO_EMPLOYEES, DEMO_PEOPLE } from '../../../src-shared/demo';
import { MutationArgsSchemas, MutationSchema, type MutationName } from '../../../src-shared/protocol';
import { makeTestCore, type TestCore } from '../test-support';

const act = (n: string) => `de30c000-0000-4000-8000-000000000${n}`;
const SURAT = act('001'); // Menyusun konsep surat dinas — 30 minutes per surat
const NO_NORM = act('015');
const PRANATA_ONLY = act('034');
const INACTIVE = act('042');

const me = DEMO_PEOPLE.staff[0];
const colleague = DEMO_PEOPLE.staff[1];
const boss = DEMO_EMPLOYEES.find((e) => e.id === me)!.supervisorId!;

// Today is Wednesday 2026-11-25 (test-support's DEFAULT_NOW).
const base = (over: Partial<CommandArgs<'entry-create'>> = {}): CommandArgs<'entry-create'> => ({
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
const rows = (sql: string, ...p: unknown[]) => t.core.ctx.sqlite.prepare(sql).all(...p) as Record<string, unknown>[];
const count = (table: string) => (rows(`select count(*) as n from ${table}`)[0]!.n as number);

beforeEach(async () => {
  t = await makeTestCore();
  token = await t.login(me);
});
afterEach(() => t.close());

async function expectCode(p: Promise<{ ok: boolean; error?: { code: string } }>, code: string) {
  const r = await p;
  expect(r.ok ? 'ok' : r.error!.code).toBe(code);
}

describe('entry-create', () => {
  it('writes the entry, its outbox mutation and an audit row together', async () => {
    const { entry, warnings } = await t.call('entry-create', base(), token);
    expect(entry).toMatchObject({ status: 'draft', rev: 1, minutes: 60, creditedMinutes: 60, outputUnit: 'surat', pending: true, employeeId: me });
    expect(entry.activityName).toBe('Menyusun konsep surat dinas');
    expect(warnings).toEqual([]);
    const out = rows('select * from outbox');
    expect(out).toHaveLength(1);
    const m = MutationSchema.parse({ seq: out[0]!.seq, id: out[0]!.id, name: out[0]!.name, args: JSON.parse(out[0]!.args as string), actorId: out[0]!.actor_id, clientTime: out[0]!.client_time });
    expect(m.name).toBe('entry.create@1');
    const args = MutationArgsSchemas['entry.create@1'].parse(m.args);
    expect(args.entry).toMatchObject({ id: entry.id, employeeId: me, workDate: '2026-11-25', status: 'draft' });
    expect(rows(`select action from audit_log where entity_id = ?`, entry.id)).toEqual([{ action: 'entry.create' }]);
  });

  it('credits min(duration, norm × volume) and the whole duration without a norm (rule 7)', async () => {
    const capped = await t.call('entry-create', base({ startTime: '08:00', endTime: '10:00', volume: 1 }), token);
    expect(capped.entry).toMatchObject({ minutes: 120, creditedMinutes: 30 });
    const free = await t.call('entry-create', base({ startTime: '10:00', endTime: '11:30', activityId: NO_NORM }), token);
    expect(free.entry).toMatchObject({ minutes: 90, creditedMinutes: 90 });
  });

  it('submits straight away with "Kirim"', async () => {
    const { entry } = await t.call('entry-create', base({ submit: true }), token);
    expect(entry.status).toBe('submitted');
  });

  it('refuses each broken rule with its code and writes nothing', async () => {
    const cases: [Partial<CommandArgs<'entry-create'>>, string, string?][] = [
      [{ workDate: '2026-11-26' }, 'DATE_IN_FUTURE'],
      [{ workDate: '2026-11-19' }, 'DATE_BEFORE_WINDOW'],
      [{ workDate: '2026-11-21' }, 'NOT_WORKING_DAY'],
      [{ startTime: '10:00', endTime: '09:00' }, 'END_BEFORE_START', 'endTime'],
      [{ description: 'rapat' }, 'DESCRIPTION_TOO_SHORT', 'description'],
      [{ description: 'aaaaaaaaaaaaaaaaaaaa' }, 'DESCRIPTION_TOO_SHORT'],
      [{ volume: 0 }, 'VOLUME_INVALID', 'volume'],
      [{ activityId: INACTIVE }, 'ACTIVITY_UNAVAILABLE'],
      [{ activityId: PRANATA_ONLY }, 'ACTIVITY_UNAVAILABLE'],
      [{ activityId: null, activityText: 'Membantu panitia lomba' }, 'FREE_TEXT_NOT_ALLOWED'],
      [{ startTime: '8:00' }, 'VALIDATION', 'startTime'],
      [{ workDate: '2026-02-30' }, 'VALIDATION', 'workDate'],
      [{ description: 'x'.repeat(2001) }, 'VALIDATION', 'description'],
      [{ description: 'Menyusun laporan\u0000bulanan' }, 'VALIDATION', 'description'],
    ];
    for (const [over, code, field] of cases) {
      const r = await t.send('entry-create', base(over), token);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(over).slice(0, 80)).toBe(code);
      if (!r.ok) {
        expect(r.error.message.length).toBeGreaterThan(10);
        if (field) expect(r.error.field).toBe(field);
      }
    }
    expect(count('entries')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('refuses an overlap with the person’s own entry and a day over the maximum', async () => {
    await t.call('entry-create', base({ startTime: '08:00', endTime: '10:00' }), token);
    const clash = await t.send('entry-create', base({ startTime: '09:30', endTime: '11:00' }), token);
    expect(!clash.ok && clash.error).toMatchObject({ code: 'OVERLAP', params: { startTime: '08:00', endTime: '10:00' } });
    // back to back is fine
    await t.call('entry-create', base({ startTime: '10:00', endTime: '15:00', activityId: NO_NORM }), token);
    const tooMuch = await t.send('entry-create', base({ startTime: '15:00', endTime: '16:00' }), token);
    expect(!tooMuch.ok && tooMuch.error).toMatchObject({ code: 'DAY_LIMIT_EXCEEDED', params: { total: 480, max: 450 } });
    // another person's entries never clash with mine
    const other = await t.login(colleague);
    await t.call('entry-create', base({ startTime: '08:00', endTime: '10:00' }), other);
  });

  it('accepts work outside the working window with a warning and a flag', async () => {
    const r = await t.call('entry-create', base({ startTime: '16:00', endTime: '17:30' }), token);
    expect(r.warnings.map((w) => w.code)).toEqual(['OUTSIDE_WORKING_HOURS']);
    expect(r.entry.flags).toContain('outside_hours');
  });

  it('flags an entry made for an earlier day', async () => {
    const r = await t.call('entry-create', base({ workDate: '2026-11-20' }), token);
    expect(r.entry.flags).toContain('late_entry');
  });

  it('rolls the whole write back when any part of it fails', async () => {
    t.core.ctx.sqlite.exec(`create trigger boom before insert on audit_log when new.action = 'entry.create' begin select raise(abort, 'disk says no'); end`);
    const r = await t.send('entry-create', base(), token);
    expect(!r.ok && r.error.code).toBe('INTERNAL');
    expect(count('entries')).toBe(0);
    expect(count('outbox')).toBe(0);
  });
});

describe('entry-update, entry-submit, entry-delete', () => {
  it('updates at the revision the screen saw and sends only what changed', async () => {
    const { entry } = await t.call('entry-create', base(), token);
    const r = await t.call('entry-update', { entryId: entry.id, rev: 1, changes: { endTime: '09:30', description: entry.description } }, token);
    expect(r.entry).toMatchObject({ rev: 2, endTime: '09:30', minutes: 90, creditedMinutes: 60 });
    const last = rows(`select name, args from outbox order by seq desc limit 1`)[0]!;
    expect(last.name).toBe('entry.update@1');
    expect(JSON.parse(last.args as string)).toEqual({ entryId: entry.id, baseRev: 1, changes: { endTime: '09:30' } });

    await expectCode(t.send('entry-update', { entryId: entry.id, rev: 1, changes: { volume: 3 } }, token), 'STALE_REVISION');
    await expectCode(t.send('entry-update', { entryId: entry.id, rev: 2, changes: { startTime: '09:40' } }, token), 'END_BEFORE_START');
    await expectCode(t.send('entry-update', { entryId: entry.id, rev: 2, changes: { workDate: '2026-11-02' } }, token), 'DATE_BEFORE_WINDOW');
    await expectCode(t.send('entry-update', { entryId: entry.id, rev: 2, changes: { bogus: 1 } as never }, token), 'VALIDATION');
    expect(count('outbox')).toBe(2);
  });

  it('submits drafts once, keeps approved entries locked, deletes only drafts', async () => {
    const { entry } = await t.call('entry-create', base(), token);
    const sent = await t.call('entry-submit', { entryId: entry.id, rev: 1 }, token);
    expect(sent.entry).toMatchObject({ status: 'submitted', rev: 2 });
    await expectCode(t.send('entry-submit', { entryId: entry.id, rev: 2 }, token), 'ENTRY_NOT_SUBMITTABLE');
    await expectCode(t.send('entry-update', { entryId: entry.id, rev: 2, changes: { volume: 1 } }, token), 'ENTRY_NOT_EDITABLE');
    await expectCode(t.send('entry-delete', { entryId: entry.id, rev: 2 }, token), 'ENTRY_NOT_DELETABLE');

    // The supervisor's approval arrives from the server (a later issue writes it through sync).
    t.core.ctx.sqlite.prepare(`update entries set status = 'approved', rev = 3, reviewer_id = ? where id = ?`).run(boss, entry.id);
    await expectCode(t.send('entry-update', { entryId: entry.id, rev: 3, changes: { volume: 1 } }, token), 'ENTRY_LOCKED');
    await expectCode(t.send('entry-delete', { entryId: entry.id, rev: 3 }, token), 'ENTRY_LOCKED');
  });

  it('lets a returned entry be corrected and sent again', async () => {
    const { entry } = await t.call('entry-create', base({ submit: true }), token);
    t.core.ctx.sqlite.prepare(`update entries set status = 'returned', rev = 2, review_note = 'Lengkapi jumlah surat' where id = ?`).run(entry.id);
    const fixed = await t.call('entry-update', { entryId: entry.id, rev: 2, changes: { volume: 3 } }, token);
    expect(fixed.entry).toMatchObject({ status: 'returned', rev: 3, volume: 3 });
    const again = await t.call('entry-submit', { entryId: entry.id, rev: 3 }, token);
    expect(again.entry).toMatchObject({ status: 'submitted', rev: 4 });
  });

  it('deletes a draft but keeps it whole in the audit trail', async () => {
    const { entry } = await t.call('entry-create', base(), token);
    expect(await t.call('entry-delete', { entryId: entry.id, rev: 1 }, token)).toEqual({ deleted: entry.id });
    expect(count('entries')).toBe(0);
    const audit = rows(`select detail from audit_log where action = 'entry.delete'`)[0]!;
    expect(JSON.parse(audit.detail as string).entry.description).toBe(entry.description);
    expect(rows('select name from outbox order by seq').map((r) => r.name)).toEqual(['entry.create@1', 'entry.delete@1']);
  });

  it('never lets anyone change another person’s entry', async () => {
    const { entry } = await t.call('entry-create', base(), token);
    const supervisor = await t.login(boss);
    await expectCode(t.send('entry-update', { entryId: entry.id, rev: 1, changes: { volume: 1 } }, supervisor), 'FORBIDDEN');
    await expectCode(t.send('entry-delete', { entryId: entry.id, rev: 1 }, supervisor), 'FORBIDDEN');
    await expectCode(t.send('entry-submit', { entryId: entry.id, rev: 1 }, supervisor), 'FORBIDDEN');
  });

  it('closes a month on day 5 of the next one', async () => {
    t.setNow('2026-10-30T02:00:00.000Z');
    token = await t.login(me);
    const { entry } = await t.call('entry-create', base({ workDate: '2026-10-30' }), token);
    t.setNow('2026-11-05T08:00:00.000Z');
    token = await t.login(me);
    expect((await t.send('entry-update', { entryId: entry.id, rev: 1, changes: { volume: 1 } }, token)).ok).toBe(true);
    t.setNow('2026-11-06T02:00:00.000Z');
    token = await t.login(me);
    const closed = await t.send('entry-submit', { entryId: entry.id, rev: 2 }, token);
    expect(!closed.ok && closed.error).toMatchObject({ code: 'PERIOD_CLOSED', params: { period: '2026-10', closedOn: '2026-11-05' } });
  });
});

describe('entry-list and entry-copy-day', () => {
  it('lists a month for the person and their direct supervisor only', async () => {
    await t.call('entry-create', base({ workDate: '2026-11-24', startTime: '13:00', endTime: '14:00' }), token);
    await t.call('entry-create', base({ workDate: '2026-11-24', startTime: '08:00', endTime: '09:00' }), token);
    await t.call('entry-create', base(), token);
    const mine = await t.call('entry-list', { month: '2026-11' }, token);
    expect(mine.entries.map((e) => `${e.workDate} ${e.startTime}`)).toEqual(['2026-11-24 08:00', '2026-11-24 13:00', '2026-11-25 08:00']);
    expect((await t.call('entry-list', { month: '2026-10' }, token)).entries).toEqual([]);

    const supervisor = await t.login(boss);
    expect((await t.call('entry-list', { employeeId: me, month: '2026-11' }, supervisor)).entries).toHaveLength(3);
    const peer = await t.login(colleague);
    await expectCode(t.send('entry-list', { employeeId: me, month: '2026-11' }, peer), 'FORBIDDEN');
    await expectCode(t.send('entry-list', { month: '2026-13' }, peer), 'VALIDATION');
  });

  it('copies the previous working day as drafts and reports what did not fit', async () => {
    t.setNow('2026-11-23T02:00:00.000Z'); // Monday: "yesterday" is Friday the 20th
    token = await t.login(me);
    await t.call('entry-create', base({ workDate: '2026-11-20', startTime: '08:00', endTime: '09:00', submit: true }), token);
    await t.call('entry-create', base({ workDate: '2026-11-20', startTime: '09:00', endTime: '11:00', activityId: NO_NORM }), token);
    await t.call('entry-create', base({ workDate: '2026-11-23', startTime: '10:00', endTime: '10:30' }), token);
    const r = await t.call('entry-copy-day', {}, token);
    expect(r).toMatchObject({ fromDate: '2026-11-20', toDate: '2026-11-23' });
    expect(r.created.map((e) => [e.startTime, e.status, e.workDate])).toEqual([['08:00', 'draft', '2026-11-23']]);
    expect(r.skipped.map((s) => s.error.code)).toEqual(['OVERLAP']);
    await expectCode(t.send('entry-copy-day', { fromDate: '2026-11-22' }, token), 'NOTHING_TO_COPY');
  });
});

describe('outbox', () => {
  it('numbers mutations 1, 2, 3 … without gaps, even around refused writes', async () => {
    const { entry } = await t.call('entry-create', base(), token);
    await t.send('entry-create', base({ workDate: '2026-11-26' }), token);
    await t.call('entry-update', { entryId: entry.id, rev: 1, changes: { volume: 1 } }, token);
    await t.call('entry-submit', { entryId: entry.id, rev: 2 }, token);
    const out = rows('select seq, name, args from outbox order by seq');
    expect(out.map((r) => r.seq)).toEqual([1, 2, 3]);
    for (const r of out) {
      expect(MutationArgsSchemas[r.name as MutationName].safeParse(JSON.parse(r.args as string)).success).toBe(true);
    }
  });
});
