import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES, DEMO_PEOPLE, DEMO_PIN } from '../../src-shared/demo';
import type { Result } from '../../src-shared/errors';
import { makeTestCore, type TestCore } from '../core/test-support';
import { createIpcApi } from './ipc-api';
import { CMD_CHANNEL, EVENT_CHANNEL, type CommandReply } from './ipc-wire';
import { checkSender, handleCommand, wireIpc, type Sender } from './ipc';

const MAIN: Sender = { frameUrl: 'app://kiosk/index.html', isMainFrame: true, fromKioskWindow: true };
const nipOf = (id: string): string => DEMO_EMPLOYEES.find((e) => e.id === id)!.nip;
const codeOf = (r: Result<unknown>): string | null => (r.ok ? null : r.error.code);

describe('checkSender', () => {
  it.each([
    ['the main frame of app://kiosk', MAIN, true],
    ['a sub-frame of app://kiosk', { ...MAIN, isMainFrame: false }, false],
    ['another origin', { ...MAIN, frameUrl: 'https://evil.example/' }, false],
    ['http:// (a page that navigated away)', { ...MAIN, frameUrl: 'http://127.0.0.1:8787/' }, false],
    ['file://', { ...MAIN, frameUrl: 'file:///C:/kiosk/index.html' }, false],
    ['app:// with another host', { ...MAIN, frameUrl: 'app://other/index.html' }, false],
    ['a frame that is gone', { ...MAIN, frameUrl: null }, false],
    ['another webContents', { ...MAIN, fromKioskWindow: false }, false],
  ] as const)('%s → %s', (_what, sender, allowed) => {
    expect(checkSender(sender)).toBe(allowed);
  });
});

describe('handleCommand against a real core', () => {
  let t: TestCore;
  beforeEach(async () => (t = await makeTestCore()));
  afterEach(() => t.close());

  it('dispatches a good command from the kiosk page', async () => {
    const r = await handleCommand(t.core, MAIN, 'kiosk-staff-list', {});
    expect(r.ok).toBe(true);
    expect((r as { value: { staff: unknown[] } }).value.staff.length).toBeGreaterThan(0);
  });

  it('refuses another origin, a sub-frame, http:// and file:// with FORBIDDEN before the core runs', async () => {
    for (const sender of [
      { ...MAIN, frameUrl: 'https://evil.example/' },
      { ...MAIN, isMainFrame: false },
      { ...MAIN, frameUrl: 'http://127.0.0.1:8787/' },
      { ...MAIN, frameUrl: 'file:///tmp/index.html' },
    ]) {
      // A login from a foreign frame would start a session: it must not even reach the core.
      const r = await handleCommand(t.core, sender, 'kiosk-login', { nip: nipOf(DEMO_PEOPLE.staff[0]), pin: DEMO_PIN });
      expect(codeOf(r), JSON.stringify(sender)).toBe('FORBIDDEN');
    }
    expect(t.core.ctx.sessions.current()).toBeNull();
  });

  it('refuses an unknown name and a name that is not a string with VALIDATION', async () => {
    for (const name of ['entry-drop-all', '__proto__', 'constructor', 42, null]) {
      const r = await handleCommand(t.core, MAIN, name, {});
      expect(codeOf(r), String(name)).toBe('VALIDATION');
    }
  });

  it('refuses bad args with VALIDATION (the core zod schema)', async () => {
    expect(codeOf(await handleCommand(t.core, MAIN, 'kiosk-login', { nip: 1 }))).toBe('VALIDATION');
    expect(codeOf(await handleCommand(t.core, MAIN, 'kiosk-login', { nip: 'x', pin: 'y', extra: true }))).toBe('VALIDATION');
    expect(codeOf(await handleCommand(t.core, MAIN, 'kiosk-staff-list', [1, 2]))).toBe('VALIDATION');
  });

  it('leaves the session and rights checks to the core', async () => {
    expect(codeOf(await handleCommand(t.core, MAIN, 'entry-list', { month: '2026-11' }))).toBe('SESSION_REQUIRED');
  });
});

/**
 * main's ipc.ts and the preload's ipc-api.ts joined by an in-memory channel that clones what
 * crosses it, as Electron's IPC does, around a real core.
 */
function connect(t: TestCore, opts: { eventsFirst?: boolean } = {}) {
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) | null = null;
  const ipcMain = {
    handle: (channel: string, fn: typeof handler) => {
      expect(channel).toBe(CMD_CHANNEL);
      handler = fn;
    },
    removeHandler: () => {
      handler = null;
    },
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  let deliver: (message: unknown) => void = () => undefined;
  const queued: unknown[] = [];
  const kiosk = {
    id: 1,
    isDestroyed: () => false,
    send: (channel: string, message: unknown) => {
      expect(channel).toBe(EVENT_CHANNEL);
      // eventsFirst: false holds events back until after the reply (the worst order).
      if (opts.eventsFirst === false) queued.push(structuredClone(message));
      else deliver(structuredClone(message));
    },
  } as unknown as WebContents;
  const frame = { url: 'app://kiosk/index.html', parent: null };
  const unwire = wireIpc(ipcMain, t.core, kiosk);
  const api = createIpcApi({
    invoke: async (name, args) => {
      if (!handler) throw new Error("No handler registered for 'kk:cmd'");
      const reply = (await handler({ senderFrame: frame, sender: { id: 1 } } as unknown as IpcMainInvokeEvent, name, structuredClone(args))) as CommandReply;
      // Held-back events arrive once the reply has been settled by the preload.
      setTimeout(() => {
        for (const m of queued.splice(0)) deliver(m);
      }, 0);
      return structuredClone(reply);
    },
    listen: (fn) => {
      deliver = fn;
    },
  });
  return { api, unwire, raw: (name: string, args: unknown) => handler!({ senderFrame: frame, sender: { id: 1 } } as unknown as IpcMainInvokeEvent, name, args) };
}

describe('IPC transport: main + preload around a real core', () => {
  let t: TestCore;
  beforeEach(async () => (t = await makeTestCore()));
  afterEach(() => t.close());

  it('keeps the session token from the page and adds it to session commands', async () => {
    const { api, raw } = connect(t);
    const login = await api.send('kiosk-login', { nip: nipOf(DEMO_PEOPLE.staff[0]), pin: DEMO_PIN });
    expect(login.ok).toBe(true);
    expect(login.ok && login.value.token).toBe('');
    const list = await api.send('entry-list', { month: '2026-11' });
    expect(list.ok).toBe(true);
    // The raw channel (what a page without the preload would have) has no session.
    expect(codeOf(((await raw('entry-list', { month: '2026-11' })) as CommandReply).result)).toBe('SESSION_REQUIRED');
    expect((await api.send('kiosk-logout', {})).ok).toBe(true);
    expect(codeOf(await api.send('entry-list', { month: '2026-11' }))).toBe('SESSION_REQUIRED');
  });

  it('pushes events to the page, and an idle end makes the preload forget the token', async () => {
    const { api } = connect(t);
    const ended: unknown[] = [];
    api.on('session-ended', (p) => ended.push(p));
    await api.send('kiosk-login', { nip: nipOf(DEMO_PEOPLE.staff[0]), pin: DEMO_PIN });
    const session = t.core.ctx.sessions.current()!;
    const { logout } = await import('../core/kiosk/service');
    logout(t.core.ctx, session, 'idle');
    expect(ended).toEqual([{ reason: 'idle' }]);
    // A new login by someone else must not be sent with the old token (none is held).
    expect(codeOf(await api.send('kiosk-session', {}))).toBe('SESSION_REQUIRED');
  });

  it('a login that replaces a session keeps its new token, even when the event arrives after the reply', async () => {
    for (const eventsFirst of [true, false]) {
      const { api, unwire } = connect(t, { eventsFirst });
      const ended: unknown[] = [];
      api.on('session-ended', (p) => ended.push(p));
      await api.send('kiosk-login', { nip: nipOf(DEMO_PEOPLE.staff[0]), pin: DEMO_PIN });
      await api.send('kiosk-login', { nip: nipOf(DEMO_PEOPLE.staff[1]), pin: DEMO_PIN });
      await new Promise((r) => setTimeout(r, 5));
      // Before the reply, the end is about the session the page shows: it hears it. After the
      // reply it is about the person before: the page, now showing the new one, must not.
      expect(ended, `eventsFirst ${eventsFirst}`).toEqual(eventsFirst ? [{ reason: 'replaced' }] : []);
      const who = await api.send('kiosk-session', {});
      expect(who.ok && who.value.employee.id, `eventsFirst ${eventsFirst}`).toBe(DEMO_PEOPLE.staff[1]);
      await api.send('kiosk-logout', {});
      unwire();
    }
  });

  it('refuses unknown names and events in the preload, and answers APP_UNREACHABLE once main is gone', async () => {
    const { api, unwire } = connect(t);
    const send = api.send as (name: string, args: unknown) => Promise<Result<unknown>>;
    expect(codeOf(await send('no-such-command', {}))).toBe('VALIDATION');
    expect(() => api.on('no-such-event' as 'sync-status', () => undefined)).toThrow(TypeError);
    const unsubscribe = api.on('sync-status', () => undefined);
    unsubscribe();
    unwire();
    expect(codeOf(await api.send('app-status', {}))).toBe('APP_UNREACHABLE');
  });
});
