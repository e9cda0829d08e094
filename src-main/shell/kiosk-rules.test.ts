import { describe, expect, it } from 'vitest';
import {
  IDLE_WATCH_START,
  blockedShortcut,
  closeAllowed,
  idleStep,
  isIdle,
  kioskWindowState,
  mayClose,
  type IdleWatchState,
  type KeyInput,
} from './kiosk-rules';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('closeAllowed (the operator-PIN gate)', () => {
  it.each([
    { kioskMode: true, quitRequested: false, enrolled: true, allowed: false },
    { kioskMode: true, quitRequested: true, enrolled: true, allowed: true },
    { kioskMode: false, quitRequested: false, enrolled: true, allowed: true },
    { kioskMode: false, quitRequested: true, enrolled: true, allowed: true },
    // Not enrolled: no operator can log in yet, so nobody could choose Keluar.
    { kioskMode: true, quitRequested: false, enrolled: false, allowed: true },
  ])('kiosk $kioskMode, Keluar chosen $quitRequested, enrolled $enrolled → $allowed', ({ allowed, ...state }) => {
    expect(closeAllowed(state)).toBe(allowed);
  });
});

describe('mayClose', () => {
  it('refuses a close of a locked kiosk that nobody asked for', () => {
    expect(mayClose({ allowed: false, appQuitting: false, osSessionEnding: false })).toBe(false);
  });

  it('lets a quit the app started (Keluar, the updater installing) through', () => {
    expect(mayClose({ allowed: false, appQuitting: true, osSessionEnding: false })).toBe(true);
  });

  it('never holds up an OS shutdown, restart or log-off', () => {
    expect(mayClose({ allowed: false, appQuitting: false, osSessionEnding: true })).toBe(true);
  });

  it('closes when the gate allows it', () => {
    expect(mayClose({ allowed: true, appQuitting: false, osSessionEnding: false })).toBe(true);
  });
});

describe('blockedShortcut', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Shift+W', key('W', { control: true, shift: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Cmd+W', key('w', { meta: true })],
  ])('swallows %s', (_name, input) => {
    expect(blockedShortcut(input)).toBe(true);
  });

  it.each([
    ['Escape (closes the app’s dialogs)', key('Escape')],
    ['Ctrl+P (the report print view)', key('p', { control: true })],
    ['Ctrl+= (zoom)', key('=', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['plain letters', key('w')],
    ['Tab', key('Tab')],
    ['F4 without Alt', key('F4')],
    ['AltGr+Q (Ctrl+Alt on some layouts)', key('q', { control: true, alt: true })],
    ['the key-up of Alt+F4', { ...key('F4', { alt: true }), type: 'keyUp' }],
  ])('lets %s through', (_name, input) => {
    expect(blockedShortcut(input)).toBe(false);
  });
});

describe('kioskWindowState', () => {
  it('kiosk on: kiosk, never always-on-top, no menu bar', () => {
    expect(kioskWindowState(true)).toEqual({ kiosk: true, alwaysOnTop: false, menuBarVisible: false, maximize: false });
  });

  it('kiosk off: an ordinary maximized window, still without menu', () => {
    expect(kioskWindowState(false)).toEqual({ kiosk: false, alwaysOnTop: false, menuBarVisible: false, maximize: true });
  });
});

describe('isIdle', () => {
  it.each([
    { idle: 179, limit: 180, session: true, locked: false, expected: false },
    { idle: 180, limit: 180, session: true, locked: false, expected: true },
    { idle: 5000, limit: 180, session: false, locked: false, expected: false },
    { idle: 0, limit: 180, session: true, locked: true, expected: true },
    { idle: 0, limit: 180, session: false, locked: true, expected: false },
    { idle: 9999, limit: 0, session: true, locked: false, expected: false },
    { idle: 9999, limit: Number.NaN, session: true, locked: false, expected: false },
    { idle: Number.NaN, limit: 180, session: true, locked: false, expected: false },
  ])('idle $idle s, limit $limit, session $session, locked $locked → $expected', ({ idle, limit, session, locked, expected }) => {
    expect(isIdle(idle, limit, session, locked)).toBe(expected);
  });
});

describe('idleStep', () => {
  /** Runs a sequence of polls and returns on which ones the watch fired. */
  function run(samples: Array<{ idle: number | null; session: boolean }>, limit = 60): number[] {
    let state: IdleWatchState = IDLE_WATCH_START;
    const fired: number[] = [];
    samples.forEach((s, i) => {
      const step = idleStep(state, s.idle === null ? null : { idleSeconds: s.idle, locked: false }, limit, s.session);
      state = step.next;
      if (step.fire) fired.push(i);
    });
    return fired;
  }

  it('fires once per idle stretch, not on every poll', () => {
    expect(run([{ idle: 55, session: true }, { idle: 60, session: true }, { idle: 65, session: true }, { idle: 70, session: true }])).toEqual([1]);
  });

  it('re-arms after activity and fires again for the next stretch', () => {
    expect(
      run([
        { idle: 60, session: true },
        { idle: 2, session: true },
        { idle: 61, session: true },
      ]),
    ).toEqual([0, 2]);
  });

  it('re-arms when the session ended, so the next person is watched too', () => {
    expect(
      run([
        { idle: 60, session: true },
        { idle: 65, session: false },
        { idle: 70, session: true },
      ]),
    ).toEqual([0, 2]);
  });

  it('decides nothing while powerMonitor cannot answer (the renderer’s IdleGuard covers it)', () => {
    expect(run([{ idle: null, session: true }, { idle: null, session: true }])).toEqual([]);
    // An unanswered poll neither fires nor re-arms.
    expect(run([{ idle: 60, session: true }, { idle: null, session: true }, { idle: 70, session: true }])).toEqual([0]);
  });
});
