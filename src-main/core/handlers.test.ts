import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commands, type CommandName } from '../../src-shared/api';
import { DEMO_PEOPLE } from '../../src-shared/demo';
import { makeTestCore, type TestCore } from './test-support';
import { NEWEST_VERSION } from './db/test-support';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

/** One malformed call per command: each must come back VALIDATION naming the field, nothing written. */
const BAD_INPUT: Record<CommandName, [args: Record<string, unknown>, field: string]> = {
  'app-status': [{ extra: 1 }, ''],
  'kiosk-staff-list': [{ query: 42 }, 'query'],
  'kiosk-login': [{ nip: '199001012020011001' }, 'pin'],
  'kiosk-logout': [{ everyone: true }, ''],
  'kiosk-session': [{ touch: 'yes' }, ''],
  'kiosk-change-pin': [{ newPin: 123456 }, 'newPin'],
  'entry-create': [{ workDate: '25-11-2026', startTime: '08:00', endTime: '09:00', activityId: null, volume: 1, description: 'x' }, 'workDate'],
  'entry-update': [{ entryId: 'not-a-uuid', rev: 1, changes: {} }, 'entryId'],
  'entry-submit': [{ entryId: '0190a000-0000-7000-8000-000000000001', rev: 0 }, 'rev'],
  'entry-delete': [{ entryId: '0190a000-0000-7000-8000-000000000001' }, 'rev'],
  'review-decide': [{ entryId: '0190a000-0000-7000-8000-000000000001', rev: 1, decision: 'maybe' }, 'decision'],
  'entry-list': [{ month: '2026-11-01' }, 'month'],
  'entry-copy-day': [{ fromDate: 'kemarin' }, 'fromDate'],
  'entry-form': [{ month: '2026-11' }, ''],
  'entry-check': [{ workDate: '2026-02-30', startTime: '08:00' }, 'workDate'],
  'calendar-month': [{ month: '2026-13' }, 'month'],
  'catalog-search': [{ query: 'x'.repeat(101) }, 'query'],
  'catalog-favorite-set': [{ activityId: 'de30c000-0000-4000-8000-000000000001', favorite: 'ya' }, 'favorite'],
  'recap-month': [{ month: '2026-13' }, 'month'],
  'review-queue': [{ employeeId: DEMO_PEOPLE.staff[0] }, ''],
  'review-entry': [{ entryId: 'x' }, 'entryId'],
  'review-approve-all': [{ items: [] }, 'items'],
  'review-resolve-overlap': [{ keep: { entryId: '0190a000-0000-7000-8000-000000000001', rev: 1 }, others: [{ entryId: '0190a000-0000-7000-8000-000000000002', rev: 1 }] }, 'note'],
  'review-notice-dismiss': [{ id: 0 }, 'id'],
  'report-team': [{ month: '2026-1' }, 'month'],
  'report-employee': [{ employeeId: 'siti' }, 'employeeId'],
  'report-xlsx': [{ kind: 'pdf' }, 'kind'],
  'workstation-enroll': [{ serverUrl: 'http://127.0.0.1:1', enrollmentCode: '' , name: 'PC 1' }, 'enrollmentCode'],
  'workstation-status': [{ verbose: true }, ''],
  'sync-now': [{ force: true }, ''],
  'sync-log': [{ limit: 0 }, 'limit'],
  'workstation-test-connection': [{ serverUrl: '' }, 'serverUrl'],
  'diagnostics-db-check': [{ full: true }, ''],
  'diagnostics-backup-now': [{ file: 'x' }, ''],
  'diagnostics-export': [{ zip: true }, ''],
  'app-quit': [{ now: true }, ''],
  'settings-get': [{ key: 'language' }, ''],
  'settings-set': [{ key: 'colour', value: 'red' }, 'key'],
  'audit-list': [{ limit: 10_000 }, 'limit'],
};

describe('the command map', () => {
  it('refuses malformed arguments of every command with VALIDATION and the field path', async () => {
    const operator = await t.login(DEMO_PEOPLE.operator);
    const before = t.core.ctx.sqlite.prepare('select (select count(*) from entries) + (select count(*) from outbox) as n').get();
    for (const name of COMMAND_NAMES) {
      // a fresh session per call: a bad logout must not end it for the next command
      const token = commands[name].auth === 'none' ? undefined : operator;
      const [args, field] = BAD_INPUT[name];
      const r = await t.send(name, args as never, token);
      expect(r.ok ? 'ok' : r.error.code, name).toBe('VALIDATION');
      if (!r.ok && field) expect(r.error.field, name).toBe(field);
    }
    expect(t.core.ctx.sqlite.prepare('select (select count(*) from entries) + (select count(*) from outbox) as n').get()).toEqual(before);
  });

  it('refuses an unknown command name and a non-object argument', async () => {
    const r = await t.core.send('entry-destroy-all', {});
    expect(!r.ok && r.error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    const r2 = await t.core.send('kiosk-login', 'nip=1');
    expect(!r2.ok && r2.error.code).toBe('VALIDATION');
    // A command without arguments must not read a string or a list as "no arguments".
    for (const junk of ['x', 42, ['language']]) {
      const r3 = await t.core.send('settings-get', junk);
      expect(r3.ok ? 'ok' : r3.error.code, JSON.stringify(junk)).toBe('VALIDATION');
    }
    expect((await t.core.send('settings-get', undefined)).ok).toBe(true);
  });

  it('needs a live session for every command that acts for a person', async () => {
    for (const name of COMMAND_NAMES.filter((n) => commands[n].auth !== 'none')) {
      const r = await t.send(name, {} as never, 'forged-token');
      expect(r.ok ? 'ok' : r.error.code, name).toBe('SESSION_REQUIRED');
    }
  });
});

describe('settings', () => {
  it('are readable on the lock screen and changed only by an operator', async () => {
    expect(await t.call('settings-get', {})).toEqual({ language: 'id', syncIntervalMinutes: 5, kioskMode: true, backupKeep: 7, idleLogoutSeconds: null });
    const staff = await t.login(DEMO_PEOPLE.staff[0]);
    const denied = await t.send('settings-set', { key: 'language', value: 'en' }, staff);
    expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');

    const op = await t.login(DEMO_PEOPLE.operator);
    expect((await t.call('settings-set', { key: 'language', value: 'en' }, op)).language).toBe('en');
    const bad = await t.send('settings-set', { key: 'syncIntervalMinutes', value: 0 }, op);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'VALIDATION', field: 'value' });
    await t.call('settings-set', { key: 'idleLogoutSeconds', value: 120 }, op);
    const s = await t.call('kiosk-login', { nip: '', pin: '' }).catch(() => null);
    expect(s).toBeNull();
    // The override reaches the next session.
    const again = await t.login(DEMO_PEOPLE.staff[0]);
    expect((await t.call('kiosk-session', {}, again)).idleLogoutSeconds).toBe(120);
    // …and the lock screen, which clears a chosen name left alone after the same time.
    expect((await t.call('kiosk-staff-list', {})).idleSeconds).toBe(120);
    const audit = t.core.ctx.sqlite.prepare(`select count(*) as n from audit_log where action = 'settings.set'`).get() as { n: number };
    expect(audit.n).toBe(2);
  });
});

describe('audit-list', () => {
  it('shows a person their own trail and an operator everyone’s, newest first, in pages', async () => {
    const me = await t.login(DEMO_PEOPLE.staff[0]);
    await t.send('kiosk-login', { nip: '199001012020011999', pin: '000000' });
    const op = await t.login(DEMO_PEOPLE.operator);
    const mine = await t.login(DEMO_PEOPLE.staff[0]);
    const own = await t.call('audit-list', {}, mine);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.actorId === DEMO_PEOPLE.staff[0] || i.entityId === DEMO_PEOPLE.staff[0])).toBe(true);
    const ids = own.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const denied = await t.send('audit-list', { employeeId: DEMO_PEOPLE.operator }, mine);
    expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');
    void me;
    void op;

    const opToken = await t.login(DEMO_PEOPLE.operator);
    const page1 = await t.call('audit-list', { limit: 2 }, opToken);
    expect(page1.items).toHaveLength(2);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = await t.call('audit-list', { limit: 2, before: page1.nextBefore! }, opToken);
    expect(page2.items[0]!.id).toBeLessThan(page1.items[1]!.id);
    expect(page1.items[0]!.actorName).not.toBeNull();
  });
});

describe('app-status', () => {
  it('reports the store without a session', async () => {
    const s = await t.call('app-status', {});
    expect(s).toMatchObject({ schemaVersion: NEWEST_VERSION, enrolled: false, restored: null, integrityWarning: null, pendingMutations: 0 });
    expect(s.unitName).toContain('Bagian Organisasi');
    expect(s.clientId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
