import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES, DEMO_INITIAL_PIN, DEMO_PEOPLE, DEMO_PIN } from '../../../src-shared/demo';
import { MutationArgsSchemas } from '../../../src-shared/protocol';
import { makeTestCore, type TestCore } from '../test-support';
import { verifyPin } from './pin';

const nipOf = (id: string) => DEMO_EMPLOYEES.find((e) => e.id === id)!.nip;
const staffId = DEMO_PEOPLE.staff[0];

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

describe('lock screen', () => {
  it('lists the unit’s active staff by name with initials and formatted NIPs, without a session', async () => {
    const list = await t.call('kiosk-staff-list', {});
    expect(list.showList).toBe(true);
    expect(list.pinLength).toBe(6);
    expect(list.idleSeconds).toBe(60);
    expect(list.staff).toHaveLength(DEMO_EMPLOYEES.length);
    const names = list.staff.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const first = list.staff[0]!;
    expect(first.nipFormatted).toMatch(/^\d{8} \d{6} \d \d{3}$/);
    expect(first.initials).toMatch(/^[A-Z]{1,2}$/);
  });

  it('searches by part of a name or of a NIP', async () => {
    const someone = DEMO_EMPLOYEES.find((e) => e.id === staffId)!;
    const byName = await t.call('kiosk-staff-list', { query: someone.name.split(' ')[0]!.toLowerCase() });
    expect(byName.staff.map((s) => s.id)).toContain(someone.id);
    const byNip = await t.call('kiosk-staff-list', { query: someone.nip.slice(8, 14) });
    expect(byNip.staff.map((s) => s.id)).toContain(someone.id);
  });

  it('hides the list when the unit’s policy says so', async () => {
    t.core.ctx.sqlite.prepare(`update policies set body = json_set(body, '$.showStaffList', json('false'))`).run();
    const list = await t.call('kiosk-staff-list', {});
    expect(list).toMatchObject({ showList: false, staff: [] });
  });
});

describe('kiosk-login', () => {
  it('opens a session for the right PIN and the NIP typed with spaces', async () => {
    const e = DEMO_EMPLOYEES.find((x) => x.id === staffId)!;
    const spaced = `${e.nip.slice(0, 8)} ${e.nip.slice(8, 14)} ${e.nip.slice(14, 15)} ${e.nip.slice(15)}`;
    const s = await t.call('kiosk-login', { nip: spaced, pin: DEMO_PIN });
    expect(s.employee).toMatchObject({ id: e.id, name: e.name });
    expect(s.mustChangePin).toBe(false);
    expect(s.idleLogoutSeconds).toBe(60);
    expect(s.token.length).toBeGreaterThanOrEqual(40);
  });

  it('tells a malformed NIP from an unknown one', async () => {
    expect((await t.send('kiosk-login', { nip: '1234', pin: DEMO_PIN })).ok).toBe(false);
    const bad = await t.send('kiosk-login', { nip: '1234', pin: DEMO_PIN });
    expect(!bad.ok && bad.error.code).toBe('NIP_INVALID');
    const unknown = await t.send('kiosk-login', { nip: '199001012020011999', pin: DEMO_PIN });
    expect(!unknown.ok && unknown.error.code).toBe('NIP_UNKNOWN');
  });

  it('counts wrong PINs, locks for 5 minutes after the fifth, then doubles on a repeat', async () => {
    const nip = nipOf(staffId);
    for (const remaining of [4, 3, 2, 1]) {
      const r = await t.send('kiosk-login', { nip, pin: '000000' });
      expect(!r.ok && r.error).toMatchObject({ code: 'PIN_WRONG', params: { remaining } });
      expect(!r.ok && r.error.message).toContain(`Sisa ${remaining} kali`);
    }
    const fifth = await t.send('kiosk-login', { nip, pin: '000000' });
    expect(!fifth.ok && fifth.error).toMatchObject({ code: 'PIN_LOCKED', params: { minutes: 5 } });
    // The right PIN does not get through a lockout.
    const locked = await t.send('kiosk-login', { nip, pin: DEMO_PIN });
    expect(!locked.ok && locked.error.code).toBe('PIN_LOCKED');
    const list = await t.call('kiosk-staff-list', {});
    expect(list.staff.find((s) => s.id === staffId)!.lockedUntil).not.toBeNull();

    t.setNow(new Date(t.now.getTime() + 5 * 60_000 + 1000).toISOString());
    for (let i = 0; i < 5; i++) await t.send('kiosk-login', { nip, pin: '000000' });
    const again = await t.send('kiosk-login', { nip, pin: DEMO_PIN });
    expect(!again.ok && again.error).toMatchObject({ code: 'PIN_LOCKED', params: { minutes: 10 } });

    t.setNow(new Date(t.now.getTime() + 10 * 60_000 + 1000).toISOString());
    expect((await t.send('kiosk-login', { nip, pin: DEMO_PIN })).ok).toBe(true);
    const actions = t.core.ctx.sqlite.prepare(`select action from audit_log where entity_id = ? order by id`).all(staffId) as { action: string }[];
    expect(actions.filter((a) => a.action === 'kiosk.lockout')).toHaveLength(2);
    expect(actions.filter((a) => a.action === 'kiosk.login_failed')).toHaveLength(8);
    expect(actions.at(-1)!.action).toBe('kiosk.login');
  });

  it('stores PINs only as salted scrypt hashes', async () => {
    const rows = t.core.ctx.sqlite.prepare('select pin_hash as h from employees').all() as { h: string }[];
    for (const { h } of rows) expect(h).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(new Set(rows.map((r) => r.h)).size).toBe(rows.length);
    expect(await verifyPin(DEMO_PIN, rows[0]!.h)).toBe(true);
  });
});

describe('first login and PIN change', () => {
  const newcomer = DEMO_PEOPLE.mustChangePin;

  it('forces a new PIN before anything else, and refuses weak ones', async () => {
    const token = await t.login(newcomer, DEMO_INITIAL_PIN);
    const s = await t.call('kiosk-session', {}, token);
    expect(s.mustChangePin).toBe(true);
    const blocked = await t.send('catalog-search', {}, token);
    expect(!blocked.ok && blocked.error.code).toBe('PIN_CHANGE_REQUIRED');

    for (const [pin, code] of [
      ['123456', 'PIN_TOO_WEAK'],
      ['777777', 'PIN_TOO_WEAK'],
      ['12345', 'PIN_FORMAT'],
      ['12a456', 'PIN_FORMAT'],
      [DEMO_INITIAL_PIN, 'PIN_TOO_WEAK'],
    ] as const) {
      const r = await t.send('kiosk-change-pin', { newPin: pin }, token);
      expect(!r.ok && r.error.code, pin).toBe(code);
    }
    expect(await t.call('kiosk-change-pin', { newPin: '582039' }, token)).toEqual({ changed: true });
    expect((await t.send('catalog-search', {}, token)).ok).toBe(true);

    const out = t.core.ctx.sqlite.prepare(`select name, args from outbox`).all() as { name: string; args: string }[];
    expect(out.map((o) => o.name)).toEqual(['employee.changePin@1']);
    const args = MutationArgsSchemas['employee.changePin@1'].parse(JSON.parse(out[0]!.args));
    expect(await verifyPin('582039', args.pinHash)).toBe(true);

    await t.call('kiosk-logout', {}, token);
    expect((await t.send('kiosk-login', { nip: nipOf(newcomer), pin: DEMO_INITIAL_PIN })).ok).toBe(false);
    const again = await t.call('kiosk-login', { nip: nipOf(newcomer), pin: '582039' });
    expect(again.mustChangePin).toBe(false);
  });

  it('asks for the current PIN on a voluntary change and refuses the same PIN', async () => {
    const token = await t.login(staffId);
    const noCurrent = await t.send('kiosk-change-pin', { newPin: '582039' }, token);
    expect(!noCurrent.ok && noCurrent.error.code).toBe('PIN_WRONG');
    const wrong = await t.send('kiosk-change-pin', { currentPin: '999999', newPin: '582039' }, token);
    expect(!wrong.ok && wrong.error.code).toBe('PIN_WRONG');
    const same = await t.send('kiosk-change-pin', { currentPin: DEMO_PIN, newPin: DEMO_PIN }, token);
    expect(!same.ok && same.error.code).toMatch(/PIN_SAME_AS_OLD|PIN_TOO_WEAK/);
    expect(await t.call('kiosk-change-pin', { currentPin: DEMO_PIN, newPin: '582039' }, token)).toEqual({ changed: true });
  });
});

describe('sessions', () => {
  it('ends on logout: the old token no longer acts', async () => {
    const token = await t.login(staffId);
    const ended: string[] = [];
    t.core.on('session-ended', (e) => ended.push(e.reason));
    await t.call('kiosk-logout', {}, token);
    const r = await t.send('entry-list', { month: '2026-11' }, token);
    expect(!r.ok && r.error.code).toBe('SESSION_REQUIRED');
    expect(ended).toEqual(['logout']);
  });

  it('expires when idle past the policy timeout plus grace, and lives while used', async () => {
    const token = await t.login(staffId);
    for (let i = 0; i < 5; i++) {
      t.setNow(new Date(t.now.getTime() + 150_000).toISOString());
      expect((await t.send('kiosk-session', {}, token)).ok).toBe(true);
    }
    t.setNow(new Date(t.now.getTime() + 181_000).toISOString());
    const r = await t.send('entry-list', { month: '2026-11' }, token);
    expect(!r.ok && r.error.code).toBe('SESSION_REQUIRED');
  });

  it('gives the screen to the next person: a new login ends the previous session', async () => {
    const first = await t.login(staffId);
    const ended: string[] = [];
    t.core.on('session-ended', (e) => ended.push(e.reason));
    const second = await t.login(DEMO_PEOPLE.staff[1]);
    expect(ended).toEqual(['replaced']);
    const stale = await t.send('entry-list', { month: '2026-11' }, first);
    expect(!stale.ok && stale.error.code).toBe('SESSION_REQUIRED');
    expect((await t.send('entry-list', { month: '2026-11' }, second)).ok).toBe(true);
  });

  it('refuses every session command without a token', async () => {
    const r = await t.send('kiosk-session', {});
    expect(!r.ok && r.error.code).toBe('SESSION_REQUIRED');
  });
});
