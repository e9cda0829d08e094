import { describe, expect, it } from 'vitest';
import {
  CHECK_EVERY_MS,
  RETRY_AFTER_FAILURE_MS,
  UPDATER_START,
  feedUrlFor,
  mayAttemptInstall,
  nextAction,
  parseInstallAttempt,
  selfUpdating,
  shouldInstallNow,
  type UpdaterState,
} from './update-rules';

describe('feedUrlFor', () => {
  it.each([
    ['https://192.168.1.10:8787', 'https://192.168.1.10:8787/api/v1/updates/stable'],
    // Plain http only on the PC itself (development).
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/api/v1/updates/stable'],
    ['http://localhost:8787/', 'http://localhost:8787/api/v1/updates/stable'],
    ['https://kinerja.probolinggokota.go.id/', 'https://kinerja.probolinggokota.go.id/api/v1/updates/stable'],
    ['https://host.example/kinerja//', 'https://host.example/kinerja/api/v1/updates/stable'],
    ['https://user:secret@host.example/?token=x#frag', 'https://host.example/api/v1/updates/stable'],
    ['HTTPS://Host.Example:443', 'https://host.example/api/v1/updates/stable'],
  ])('%s → %s', (server, feed) => {
    expect(feedUrlFor(server)).toBe(feed);
  });

  it('takes another channel the server accepts', () => {
    expect(feedUrlFor('https://srv:8787', 'beta')).toBe('https://srv:8787/api/v1/updates/beta');
  });

  // http on the office network: an unsigned installer checked only against the same feed's hash.
  it.each(['', 'srv:8787', 'http://192.168.1.10:8787', 'http://kinerja.probolinggokota.go.id', 'ftp://srv/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url'])('refuses the server URL %j', (server) => {
    expect(feedUrlFor(server)).toBeNull();
  });

  it.each(['', '..', '.hidden', 'Stable', 'a/b', 'x'.repeat(33)])('refuses the channel %j', (channel) => {
    expect(feedUrlFor('https://srv:8787', channel)).toBeNull();
  });
});

describe('shouldInstallNow', () => {
  it.each([
    { downloaded: true, sessionActive: false, install: true },
    { downloaded: true, sessionActive: true, install: false },
    { downloaded: false, sessionActive: false, install: false },
    { downloaded: false, sessionActive: true, install: false },
  ])('downloaded $downloaded, someone logged in $sessionActive → $install', ({ install, ...s }) => {
    expect(shouldInstallNow(s)).toBe(install);
  });
});

describe('nextAction', () => {
  const FEED = 'https://srv:8787/api/v1/updates/stable';
  const T0 = 1_800_000_000_000;
  const after = (s: Partial<UpdaterState>): UpdaterState => ({ ...UPDATER_START, ...s });

  it('checks at start', () => {
    expect(nextAction(UPDATER_START, T0, FEED, false)).toBe('check');
  });

  it('never checks while the PC is not enrolled, and checks on the first tick after enrollment', () => {
    expect(nextAction(UPDATER_START, T0, null, false)).toBe('wait');
    expect(nextAction(UPDATER_START, T0 + 60_000, FEED, false)).toBe('check');
  });

  it('checks again every 4 hours', () => {
    const checked = after({ lastCheckAt: T0 });
    expect(nextAction(checked, T0 + CHECK_EVERY_MS - 1, FEED, false)).toBe('wait');
    expect(nextAction(checked, T0 + CHECK_EVERY_MS, FEED, false)).toBe('check');
  });

  it('retries a failed check after 30 minutes', () => {
    const failed = after({ lastCheckAt: T0, lastCheckFailed: true });
    expect(nextAction(failed, T0 + RETRY_AFTER_FAILURE_MS - 1, FEED, false)).toBe('wait');
    expect(nextAction(failed, T0 + RETRY_AFTER_FAILURE_MS, FEED, false)).toBe('check');
  });

  it('never starts a second check while one runs', () => {
    expect(nextAction(after({ lastCheckAt: T0, checking: true }), T0 + 2 * CHECK_EVERY_MS, FEED, false)).toBe('wait');
  });

  it('installs a downloaded update only once nobody is logged in', () => {
    const ready = after({ lastCheckAt: T0, downloaded: true });
    expect(nextAction(ready, T0 + 60_000, FEED, true)).toBe('wait');
    expect(nextAction(ready, T0 + 120_000, FEED, true)).toBe('wait');
    expect(nextAction(ready, T0 + 180_000, FEED, false)).toBe('install');
  });

  it('does not check again while a downloaded update waits for the session to end', () => {
    expect(nextAction(after({ lastCheckAt: T0, downloaded: true }), T0 + 2 * CHECK_EVERY_MS, FEED, true)).toBe('wait');
  });

  it('installs even if the PC was un-enrolled meanwhile (the file is already verified)', () => {
    expect(nextAction(after({ downloaded: true }), T0, null, false)).toBe('install');
  });

  it('does not install (nor check) a downloaded version whose last install failed today', () => {
    expect(nextAction(after({ lastCheckAt: T0, downloaded: true, installBlocked: true }), T0 + 2 * CHECK_EVERY_MS, FEED, false)).toBe('wait');
  });

  it('does nothing more once installing', () => {
    expect(nextAction(after({ downloaded: true, installing: true }), T0, FEED, false)).toBe('wait');
  });
});

describe('selfUpdating', () => {
  it('Windows (NSIS) and the AppImage update themselves; a deb and other platforms do not', () => {
    expect(selfUpdating('win32', {})).toBe(true);
    expect(selfUpdating('linux', { APPIMAGE: '/home/kiosk/Kinerja-Kiosk-1.2.0.AppImage' })).toBe(true);
    expect(selfUpdating('linux', {})).toBe(false);
    expect(selfUpdating('linux', { APPIMAGE: '' })).toBe(false);
    expect(selfUpdating('darwin', {})).toBe(false);
  });
});

describe('mayAttemptInstall', () => {
  it('tries a version never tried before', () => {
    expect(mayAttemptInstall(null, '1.2.0')).toBe(true);
    expect(mayAttemptInstall({ version: '1.1.0', at: 1_800_000_000_000 }, '1.2.0')).toBe(true);
  });

  it('does not quit again for a version whose install did not happen (still running the old one): Keluar installs it', () => {
    expect(mayAttemptInstall({ version: '1.2.0', at: 1_800_000_000_000 }, '1.2.0')).toBe(false);
  });
});

describe('parseInstallAttempt', () => {
  it('reads what the updater writes', () => {
    expect(parseInstallAttempt(JSON.stringify({ version: '1.2.0', at: 5 }))).toEqual({ version: '1.2.0', at: 5 });
  });

  it.each([null, '', 'not json', '[]', 'null', '{"version":1,"at":5}', '{"version":"1.2.0"}', '{"version":"1.2.0","at":"soon"}'])(
    'treats %j as no attempt',
    (text) => {
      expect(parseInstallAttempt(text)).toBeNull();
    },
  );
});
