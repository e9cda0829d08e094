import { describe, expect, it } from 'vitest';
import { MAX_RELOADS_PER_MINUTE, mayReloadAfterCrash, shellPlan } from './plan';

describe('shellPlan', () => {
  it('kiosk mode: full screen, display awake, started at login when installed', () => {
    expect(shellPlan({ kioskMode: true }, true)).toEqual({ kiosk: true, keepDisplayAwake: true, startAtLogin: true });
  });

  it('kiosk mode off: an ordinary window, the display may sleep, no login item', () => {
    expect(shellPlan({ kioskMode: false }, true)).toEqual({ kiosk: false, keepDisplayAwake: false, startAtLogin: false });
  });

  it('never touches the login item under npm start', () => {
    expect(shellPlan({ kioskMode: true }, false).startAtLogin).toBeNull();
    expect(shellPlan({ kioskMode: false }, false).startAtLogin).toBeNull();
  });
});

describe('mayReloadAfterCrash', () => {
  const now = 1_000_000;
  it('reloads a crashed kiosk, a few times a minute at most', () => {
    expect(mayReloadAfterCrash([], now, 'crashed')).toBe(true);
    const recent = Array.from({ length: MAX_RELOADS_PER_MINUTE }, (_, i) => now - 1000 * (i + 1));
    expect(mayReloadAfterCrash(recent, now, 'crashed')).toBe(false);
    expect(mayReloadAfterCrash(recent.map((t) => t - 60_000), now, 'oom')).toBe(true);
  });

  it('leaves a clean exit alone (the app is closing)', () => {
    expect(mayReloadAfterCrash([], now, 'clean-exit')).toBe(false);
  });
});
