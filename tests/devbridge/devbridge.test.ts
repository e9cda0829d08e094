import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../src-shared/api';
import { DEMO_EMPLOYEES, DEMO_PEOPLE, DEMO_PIN } from '../../src-shared/demo';
// The bridge is tested with the renderer's own client, exactly as the screens will use it.
import { createBridgeApi, type BridgeApi } from '../../src-renderer/transport/bridge';
import { makeTestCore, type TestCore } from '../../src-main/core/test-support';
import { BODY_LIMIT, TOKEN_HEADER, startDevBridge, type DevBridge } from '../../src-main/devbridge/index';

const nipOf = (id: string) => DEMO_EMPLOYEES.find((e) => e.id === id)!.nip;
const SITI = DEMO_PEOPLE.staff[0];
const YOHANES = DEMO_PEOPLE.staff[1];
const ACTIVITY = 'de30c000-0000-4000-8000-000000000001';
const entry = (startTime: string, endTime: string) => ({
  workDate: '2026-11-25',
  startTime,
  endTime,
  activityId: ACTIVITY,
  volume: 1,
  description: 'Menyusun konsep surat undangan rapat koordinasi',
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request as an attacker can shape it: any method, path, Host, Origin and body. */
function raw(bridge: DevBridge, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Raw> {
  const { port } = new URL(bridge.url);
  return new Promise((done, failed) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path ?? '/api/cmd', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', failed);
    req.end(opts.body);
  });
}

const cmd = (bridge: DevBridge, name: string, args: unknown, headers: Record<string, string> = {}) =>
  raw(bridge, { body: JSON.stringify({ name, args }), headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token, ...headers } });

/** Resolves with the upgrade's HTTP status (101 when the socket opened). */
function upgrade(bridge: DevBridge, headers: Record<string, string>, path = '/api/events'): Promise<number> {
  const { port } = new URL(bridge.url);
  return new Promise((done, failed) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      done(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', failed);
    req.end();
  });
}

function nextEvent<E extends keyof Events>(api: BridgeApi, event: E, accept: (p: Events[E]) => boolean = () => true): Promise<Events[E]> {
  return new Promise((done) => {
    const off = api.on(event, (payload) => {
      if (!accept(payload)) return;
      off();
      done(payload);
    });
  });
}

let t: TestCore;
let bridge: DevBridge;
const clients: BridgeApi[] = [];
const client = (over: Partial<Parameters<typeof createBridgeApi>[0]> = {}): BridgeApi => {
  const api = createBridgeApi({ baseUrl: bridge.url, token: bridge.token, ...over });
  clients.push(api);
  return api;
};

beforeEach(async () => {
  t = await makeTestCore();
  bridge = await startDevBridge({ core: t.core });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await bridge.close();
  t.close();
});

describe('dev bridge: commands through the renderer transport', () => {
  it('logs in and records an entry end to end; the transport keeps the session token to itself', async () => {
    const api = client();
    const list = await api.send('kiosk-staff-list', {});
    expect(list.ok && list.value.staff.some((s) => s.id === SITI)).toBe(true);

    const login = await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN });
    if (!login.ok) throw new Error(login.error.code);
    expect(login.value.employee.id).toBe(SITI);
    const real = t.core.ctx.sessions.current()!.token;
    // The screen gets the person, never the token.
    expect(JSON.stringify(login.value)).not.toContain(real);

    const created = await api.send('entry-create', { ...entry('08:00', '09:00'), submit: true });
    if (!created.ok) throw new Error(created.error.code);
    expect(created.value.entry).toMatchObject({ employeeId: SITI, status: 'submitted', startTime: '08:00', pending: true });

    const month = await api.send('entry-list', { month: '2026-11' });
    expect(month.ok && month.value.entries.map((e) => e.id)).toContain(created.value.entry.id);
    // The core's own answer agrees: the entry is in the store.
    const stored = await t.call('entry-list', { month: '2026-11' }, real);
    expect(stored.entries.map((e) => e.id)).toContain(created.value.entry.id);
  });

  it('a second client that did not log in is not let in on the first one’s session', async () => {
    const a = client();
    expect((await a.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN })).ok).toBe(true);
    const b = client();
    const r = await b.send('entry-create', entry('08:00', '09:00'));
    expect(r).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect((await a.send('entry-list', { month: '2026-11' })).ok).toBe(true);
  });

  it('logout forgets the session: the next command needs a new login', async () => {
    const api = client();
    expect((await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN })).ok).toBe(true);
    expect(await api.send('kiosk-logout', {})).toEqual({ ok: true, value: { loggedOut: true } });
    expect(await api.send('entry-list', { month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect(t.core.ctx.sessions.current()).toBeNull();
  });

  it('after logout or a session-ended event, no request carries the previous person’s token', async () => {
    // What reaches the core, as the bridge hands it over.
    const seen: { name: string; token: unknown }[] = [];
    const spy = await startDevBridge({
      core: {
        on: (event, fn) => t.core.on(event, fn),
        send: (name, args) => {
          seen.push({ name, token: (args as { sessionToken?: unknown } | undefined)?.sessionToken });
          return t.core.send(name, args);
        },
      },
    });
    try {
      const api = client({ baseUrl: spy.url, token: spy.token });
      await api.whenConnected();
      await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN });
      const siti = t.core.ctx.sessions.current()!.token;
      await api.send('catalog-search', { query: 'surat' });
      await api.send('kiosk-logout', {});
      await api.send('entry-list', { month: '2026-11' });
      expect(seen.map((s) => [s.name, s.token])).toEqual([
        ['kiosk-login', undefined],
        ['catalog-search', siti],
        ['kiosk-logout', siti],
        ['entry-list', undefined],
      ]);

      // Ended from elsewhere (another person logs in on another window): forgotten on the event.
      seen.length = 0;
      await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN });
      const ended = nextEvent(api, 'session-ended');
      await t.login(YOHANES);
      expect(await ended).toEqual({ reason: 'replaced' });
      await api.send('recap-month', { month: '2026-11' });
      expect(seen.at(-1)).toEqual({ name: 'recap-month', token: undefined });
    } finally {
      await spy.close();
    }
  });

  it('a login that replaces the previous person keeps the new person logged in', async () => {
    const api = client();
    await api.whenConnected();
    // The previous person's session-ended arrives around the login's answer. Before it, the screens
    // hear it (it is about the session they show); after it, it is about the person before and the
    // screens, now showing the new person, must not hear it, nor may it end the new session.
    let answered = false;
    const heard: boolean[] = [];
    api.on('session-ended', () => heard.push(answered));
    for (const who of [SITI, YOHANES, SITI, YOHANES]) {
      answered = false;
      const login = await api.send('kiosk-login', { nip: nipOf(who), pin: DEMO_PIN });
      answered = true;
      expect(login.ok).toBe(true);
      const month = await api.send('entry-list', { month: '2026-11' });
      expect(month.ok && month.value.employeeId).toBe(who);
    }
    // The logout's own end comes over the same socket after every earlier one: once it is heard,
    // all of them have been judged.
    const last = nextEvent(api, 'session-ended');
    expect((await api.send('kiosk-logout', {})).ok).toBe(true);
    expect(await last).toEqual({ reason: 'logout' });
    expect(heard.filter((afterAnswer) => afterAnswer)).toEqual([true]);
  });

  it('a network failure is a Result, not an exception', async () => {
    const gone = await startDevBridge({ core: t.core });
    await gone.close();
    const api = client({ baseUrl: gone.url, token: gone.token });
    const r = await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN });
    expect(r).toMatchObject({ ok: false, error: { code: 'APP_UNREACHABLE' } });
    expect(t.core.ctx.sessions.current()).toBeNull();
  });
});

describe('dev bridge: events over the WebSocket', () => {
  it('pushes session-ended on logout and on a replacing login, and the status bar’s pending count after a write', async () => {
    const api = client();
    await api.whenConnected();
    expect((await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN })).ok).toBe(true);

    const status = nextEvent(api, 'sync-status', (s) => s.pending > 0);
    expect((await api.send('entry-create', entry('08:00', '09:00'))).ok).toBe(true);
    expect((await status).pending).toBeGreaterThan(0);

    const replaced = nextEvent(api, 'session-ended');
    const other = client();
    expect((await other.send('kiosk-login', { nip: nipOf(YOHANES), pin: DEMO_PIN })).ok).toBe(true);
    expect(await replaced).toEqual({ reason: 'replaced' });
    // Siti's transport forgot her: nothing acts for her any more.
    expect(await api.send('entry-list', { month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });

    const ended = nextEvent(api, 'session-ended');
    expect((await other.send('kiosk-logout', {})).ok).toBe(true);
    expect(await ended).toEqual({ reason: 'logout' });
  });

  it('an unsubscribed listener hears nothing more', async () => {
    const api = client();
    await api.whenConnected();
    const heard: string[] = [];
    const off = api.on('session-ended', (p) => heard.push(p.reason));
    const last = nextEvent(api, 'session-ended');
    await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN });
    off();
    await api.send('kiosk-logout', {});
    await last;
    expect(heard).toEqual([]);
  });

  it('reconnects after the bridge restarts and hears events again', async () => {
    const token = bridge.token;
    const { port } = new URL(bridge.url);
    let dropped: () => void = () => undefined;
    const drop = new Promise<void>((r) => (dropped = r));
    const api = client({ onConnection: (up) => (up ? undefined : dropped()) });
    await api.whenConnected();
    await bridge.close();
    await drop;
    bridge = await startDevBridge({ core: t.core, port: Number(port), token });
    await api.whenConnected();
    const ended = nextEvent(api, 'session-ended');
    await api.send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN });
    await api.send('kiosk-logout', {});
    expect(await ended).toEqual({ reason: 'logout' });
  });
});

describe('dev bridge: what an attacker meets', () => {
  it('without the token every call is 401 and nothing runs (no colleague can be locked out)', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await cmd(bridge, 'kiosk-login', { nip: nipOf(SITI), pin: '000000' }, { [TOKEN_HEADER]: 'x'.repeat(43) });
      expect(r.status).toBe(401);
      expect(r.body).not.toContain('PIN');
    }
    expect((await raw(bridge, { body: JSON.stringify({ name: 'app-status', args: {} }) })).status).toBe(401);
    expect((await upgrade(bridge, {}))).toBe(401);
    expect(await upgrade(bridge, { 'sec-websocket-protocol': 'not-the-token' })).toBe(401);
    // Siti is not locked out and logs in at the first try.
    expect((await client().send('kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN })).ok).toBe(true);
  });

  it('a page from another origin is refused, even holding the token', async () => {
    const r = await cmd(bridge, 'kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('token');
    expect(t.core.ctx.sessions.current()).toBeNull();
    expect(await upgrade(bridge, { origin: 'http://evil.example', 'sec-websocket-protocol': bridge.token })).toBe(403);
    // Its own origin is fine.
    expect((await cmd(bridge, 'app-status', {}, { origin: bridge.url })).status).toBe(200);
    expect(await upgrade(bridge, { origin: bridge.url, 'sec-websocket-protocol': bridge.token })).toBe(101);
    expect(await upgrade(bridge, {}, `/api/events?token=${bridge.token}`)).toBe(101);
  });

  it('a request under another host name (DNS rebinding) is refused', async () => {
    const { port } = new URL(bridge.url);
    const r = await cmd(bridge, 'kiosk-login', { nip: nipOf(SITI), pin: DEMO_PIN }, { host: `rebind.example:${port}` });
    expect(r.status).toBe(403);
    expect(t.core.ctx.sessions.current()).toBeNull();
    expect((await cmd(bridge, 'app-status', {}, { host: `localhost:${Number(port) + 1}` })).status).toBe(403);
    expect(await upgrade(bridge, { host: `rebind.example:${port}`, 'sec-websocket-protocol': bridge.token })).toBe(403);
  });

  it('malformed, oversized and misdirected requests get HTTP errors, not a command', async () => {
    const h = { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token };
    expect((await raw(bridge, { body: '{"name": "kiosk-login", ', headers: h })).status).toBe(400);
    expect((await raw(bridge, { body: '["kiosk-login"]', headers: h })).status).toBe(400);
    const huge = JSON.stringify({ name: 'kiosk-staff-list', args: { query: 'a'.repeat(BODY_LIMIT) } });
    expect((await raw(bridge, { body: huge, headers: h })).status).toBe(413);
    expect((await raw(bridge, { method: 'GET', headers: h })).status).toBe(405);
    expect((await raw(bridge, { path: '/api/other', body: '{}', headers: h })).status).toBe(404);
    expect((await raw(bridge, { method: 'GET', path: '/index.html' })).status).toBe(404);
    // A well-formed call of an unknown command is the core's refusal, as a Result.
    const unknown = await cmd(bridge, 'drop-tables', {});
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    expect(unknown.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    for (const host of ['0.0.0.0', '::', 'localhost', '192.168.1.10']) {
      await expect(startDevBridge({ core: t.core, host })).rejects.toThrow(/127\.0\.0\.1/);
    }
    await expect(startDevBridge({ core: t.core, token: 'short' })).rejects.toThrow(/32 random bytes/);
  });
});

describe('dev bridge: static files', () => {
  let root: string;
  let outside: string;
  let site: DevBridge;
  beforeEach(async () => {
    outside = mkdtempSync(join(tmpdir(), 'kk-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'the other folder');
    root = mkdtempSync(join(tmpdir(), 'kk-static-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kinerja</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'));
    site = await startDevBridge({ core: t.core, staticDir: root });
  });
  afterEach(async () => {
    await site.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const get = (path: string, method = 'GET') => raw(site, { method, path });

  it('serves the build with its content types and the security headers', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Kinerja</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/assets/app.js', 'HEAD')).status).toBe(200);
    expect((await get('/assets/app.js', 'DELETE')).status).toBe(405);
  });

  it('lists no folder and serves nothing outside the build', async () => {
    expect((await get('/assets/')).status).toBe(404);
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets%2f..%2f..%2fetc/passwd', '/..%5c..%5cetc%5cpasswd', '/assets/link.txt', '/nope.js']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('root:');
      expect(r.body).not.toContain('the other folder');
    }
    // The API still needs its token next to the static files.
    expect((await raw(site, { body: JSON.stringify({ name: 'app-status', args: {} }) })).status).toBe(401);
  });
});
